using System;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace CbGen.Generators.Tests;

/// <summary>Counts whose total passes <see cref="long.MaxValue"/>: the class-balanced weights do not need the total
/// and still generate (without the priors, which do); the logit-adjusted and LDAM losses, whose runtime checks the
/// counts by their Int64 total, get CB032 naming the limit. Never CB900, on enums and on counts files.</summary>
public sealed class CountTotalTests
{
    private const string Overflowing = "{ [Samples(long.MaxValue)] A, [Samples(1)] B }";
    private const string OverflowingFile = "name,count\nmany,9223372036854775807\nfew,1\n";

    [Theory]
    [InlineData("Softmax", false)]
    [InlineData("Sigmoid", true)]
    [InlineData("Focal", true)]
    public void An_enum_whose_counts_sum_past_Int64_generates_without_priors(string loss, bool torch)
    {
        CbGenRunResult run = GeneratorHarness.Run(torch,
            "using CbGen;\nnamespace Zoo { [ClassBalanced(Loss = CbLoss." + loss + ")] public enum Label " + Overflowing + " }\n");
        AssertGeneratesWithoutPriors(run);
    }

    [Theory]
    [InlineData("Softmax", false)]
    [InlineData("Focal", true)]
    public void A_counts_file_whose_counts_sum_past_Int64_generates_without_priors(string loss, bool torch)
    {
        CbGenRunResult run = GeneratorHarness.Run(torch, GeneratorHarness.Files(("big.csv", OverflowingFile)),
            "using CbGen;\nnamespace Zoo { [ClassBalancedDataset(\"big.csv\", Loss = CbLoss." + loss + ")] public static partial class Big; }\n");
        AssertGeneratesWithoutPriors(run);
    }

    [Fact]
    public void A_total_of_exactly_Int64_MaxValue_still_has_priors()
    {
        CbGenRunResult run = GeneratorHarness.Run(false,
            "using CbGen;\nnamespace Zoo { [ClassBalanced] public enum Label { [Samples(long.MaxValue - 1)] A, [Samples(1)] B } }\n");
        run.AssertCompilesCleanly();
        Assert.Contains("LogPriors =>", run.Files.Single().Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("LogitAdjusted")]
    [InlineData("Ldam")]
    [InlineData("Ldam, DeferUntilEpoch = 2")]
    public void A_long_tail_counts_file_whose_counts_sum_past_Int64_is_CB032(string loss)
    {
        CbGenRunResult run = GeneratorHarness.Run(true, GeneratorHarness.Files(("big.csv", OverflowingFile)),
            "using CbGen;\nnamespace Zoo { [ClassBalancedDataset(\"big.csv\", Loss = CbLoss." + loss + ")] public static partial class Big; }\n");
        Assert.DoesNotContain(run.GeneratorDiagnostics.Concat(run.AnalyzerDiagnostics), d => d.Id == "CB900");
        Diagnostic cb032 = Assert.Single(run.GeneratorDiagnostics, d => d.Id == "CB032");
        string message = cb032.GetMessage(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains("9,223,372,036,854,775,807", message, StringComparison.Ordinal);
        Assert.Contains("big.csv", cb032.Location.GetLineSpan().Path, StringComparison.Ordinal);
        Assert.DoesNotContain(run.Files, f => f.HintName.Contains("BigWeights", StringComparison.Ordinal));
        Assert.Empty(run.CompilationProblems());
    }

    [Fact]
    public void A_class_balanced_sweep_over_counts_summing_past_Int64_generates()
    {
        CbGenRunResult run = GeneratorHarness.Run(true,
            "using CbGen;\nnamespace Zoo { [ClassBalancedSweep(Betas = new[] { 0.9 })] public enum Label " + Overflowing + " }\n");
        Assert.Empty(run.GeneratorDiagnostics.Concat(run.AnalyzerDiagnostics));
        Assert.Contains(run.Files, f => f.HintName.EndsWith("LabelSweep.g.cs", StringComparison.Ordinal));
        run.AssertCompilesCleanly();
    }

    [Theory]
    [InlineData("CbLoss.LogitAdjusted")]
    [InlineData("CbLoss.Softmax, CbLoss.Ldam")]
    public void A_long_tail_sweep_over_counts_summing_past_Int64_is_CB032(string losses)
    {
        // Its LogitAdjusted and Ldam points would build losses that throw at run time.
        CbGenRunResult run = GeneratorHarness.Run(true,
            "using CbGen;\nnamespace Zoo { [ClassBalancedSweep(Losses = new[] { " + losses + " })] public enum Label " + Overflowing + " }\n");
        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Id == "CB900");
        Diagnostic cb032 = Assert.Single(run.AnalyzerDiagnostics, d => d.Id == "CB032");
        Assert.Contains("ClassBalancedSweep", cb032.Location.SourceTree!.GetText().ToString(cb032.Location.SourceSpan), StringComparison.Ordinal);
        Assert.Empty(run.Files);
        Assert.Empty(run.CompilationProblems());

        CbGenRunResult file = GeneratorHarness.Run(true, GeneratorHarness.Files(("big.csv", OverflowingFile)),
            "using CbGen;\nnamespace Zoo { [ClassBalancedDataset(\"big.csv\")] [ClassBalancedSweep(Losses = new[] { " + losses
            + " })] public static partial class Big; }\n");
        Assert.Single(file.GeneratorDiagnostics, d => d.Id == "CB032");
        Assert.DoesNotContain(file.Files, f => f.HintName.Contains("Sweep", StringComparison.Ordinal));
        Assert.Empty(file.CompilationProblems());
    }

    private static void AssertGeneratesWithoutPriors(CbGenRunResult run)
    {
        Assert.DoesNotContain(run.GeneratorDiagnostics.Concat(run.AnalyzerDiagnostics), d => d.Id == "CB900");
        run.AssertCompilesCleanly();
        string weights = run.Files.Single(f => f.HintName.EndsWith("Weights.g.cs", StringComparison.Ordinal)).Text;
        Assert.Contains("Count = 9223372036854775807L;", weights, StringComparison.Ordinal);
        Assert.DoesNotContain("Priors =>", weights, StringComparison.Ordinal);
        Assert.Contains("Int64.MaxValue", weights, StringComparison.Ordinal);
        Assert.DoesNotContain(run.Files, f => f.Text.Contains("AdjustLogits(", StringComparison.Ordinal));
    }
}
