using System;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Emit;

namespace CbGen.Generators.Tests;

/// <summary>The names the generator writes, as metadata sees them: CB026 measures every one of them (the ML.NET
/// helpers included) in UTF-8 bytes without the '@' of an escaped keyword, so a name that fits always emits and a
/// name that does not is reported instead of failing at emit (CS7013); and the clash stage (CB010) claims only the
/// types a config really generates.</summary>
public sealed class GeneratedNameTests
{
    private const string TwoClasses = "{ [Samples(10)] A, [Samples(3)] B }";

    private static string Q(int length) => new string('Q', length);

    [Theory]
    [InlineData("")]
    [InlineData(", Loss = CbLoss.Focal")]
    [InlineData(", Loss = CbLoss.Ldam, DeferUntilEpoch = 2")]
    public void With_Microsoft_ML_the_helper_names_are_measured_too(string loss)
    {
        // "{Name}Weights" is 1,023 bytes and fits; "{Name}WeightsMlNet" (1,028), "{Name}WeightsByName" (1,029) and
        // "{Name}WeightsByIndex" (1,030, the longest, which the message names) do not.
        string source = "using CbGen;\n[ClassBalanced(Name = \"" + Q(1016) + "\"" + loss + ")] public enum Label " + TwoClasses + "\n";
        CbGenRunResult run = MlNetReferences.Run(false, source);
        Diagnostic cb026 = Assert.Single(run.AnalyzerDiagnostics, d => d.Id == "CB026");
        Assert.Contains("1030 UTF-8 bytes", cb026.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.Empty(run.Files);
        AssertEmits(run);
    }

    [Fact]
    public void CB026_measures_the_longest_name_actually_generated()
    {
        // Whatever the emitters write (types, the ML.NET extension methods), the longest name that grows with Name
        // decides: at exactly 1,023 bytes everything emits, one byte more is CB026. A helper added to the emitter
        // but not to the names CB026 measures fails here.
        const string Loss = ", Loss = CbLoss.Ldam, DeferUntilEpoch = 2";
        CbGenRunResult sample = MlNetReferences.Run(true,
            "using CbGen;\n[ClassBalanced(Name = \"Fruit\"" + Loss + ")] public enum Label " + TwoClasses + "\n");
        sample.AssertCompilesCleanly();
        int extra = sample.Files
            .SelectMany(f => Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText(f.Text).GetRoot().DescendantNodes())
            .Select(node => node switch
            {
                Microsoft.CodeAnalysis.CSharp.Syntax.BaseTypeDeclarationSyntax type => type.Identifier.ValueText,
                Microsoft.CodeAnalysis.CSharp.Syntax.MethodDeclarationSyntax method => method.Identifier.ValueText,
                _ => string.Empty,
            })
            .Where(name => name.Contains("Fruit", StringComparison.Ordinal))
            .Max(name => System.Text.Encoding.UTF8.GetByteCount(name)) - "Fruit".Length;

        CbGenRunResult fits = MlNetReferences.Run(true,
            "using CbGen;\n[ClassBalanced(Name = \"" + Q(1023 - extra) + "\"" + Loss + ")] public enum Label " + TwoClasses + "\n");
        Assert.DoesNotContain(fits.AnalyzerDiagnostics, d => d.Id == "CB026");
        Assert.Equal(sample.Files.Length, fits.Files.Length);
        AssertEmits(fits);

        CbGenRunResult tooLong = MlNetReferences.Run(true,
            "using CbGen;\n[ClassBalanced(Name = \"" + Q(1024 - extra) + "\"" + Loss + ")] public enum Label " + TwoClasses + "\n");
        Assert.Single(tooLong.AnalyzerDiagnostics, d => d.Id == "CB026");
        Assert.Empty(tooLong.Files);
    }

    [Theory]
    [InlineData(", Loss = CbLoss.LogitAdjusted")]
    [InlineData(", Loss = CbLoss.Ldam")]
    public void With_Microsoft_ML_a_config_without_weights_is_measured_without_the_helpers(string loss)
    {
        // No weight column without weights: no helpers, so the 1,023-byte "{Name}Weights" is the longest name.
        string source = "using CbGen;\n[ClassBalanced(Name = \"" + Q(1016) + "\"" + loss + ")] public enum Label " + TwoClasses + "\n";
        CbGenRunResult run = MlNetReferences.Run(true, source);
        Assert.DoesNotContain(run.AnalyzerDiagnostics, d => d.Id == "CB026");
        Assert.NotEmpty(run.Files);
        run.AssertCompilesCleanly();
        AssertEmits(run);
    }

    [Fact]
    public void With_Microsoft_ML_the_longest_helper_name_that_fits_emits()
    {
        // "{Name}WeightsByIndex" at exactly 1,023 bytes.
        string source = "using CbGen;\n[ClassBalanced(Name = \"" + Q(1009) + "\")] public enum Label " + TwoClasses + "\n";
        CbGenRunResult run = MlNetReferences.Run(false, source);
        Assert.DoesNotContain(run.AnalyzerDiagnostics, d => d.Id == "CB026");
        Assert.Contains(run.Files, f => f.HintName.EndsWith("MlNet.g.cs", StringComparison.Ordinal));
        run.AssertCompilesCleanly();
        AssertEmits(run);
    }

    [Theory]
    [InlineData("@class")]
    [InlineData("@namespace.@int")]
    public void A_keyword_namespace_counts_without_its_at_sign(string ns)
    {
        // The metadata name "class.QQQ…Weights" (or "namespace.int.QQQ…Weights") is exactly 1,023 bytes.
        int room = 1023 - ns.Replace("@", string.Empty, StringComparison.Ordinal).Length - ".Weights".Length;
        CbGenRunResult fits = GeneratorHarness.Run(false,
            "using CbGen;\nnamespace " + ns + " { [ClassBalanced(Name = \"" + Q(room) + "\")] public enum Label " + TwoClasses + " }\n");
        Assert.DoesNotContain(fits.AnalyzerDiagnostics, d => d.Id == "CB026");
        Assert.NotEmpty(fits.Files);
        fits.AssertCompilesCleanly();
        AssertEmits(fits);

        CbGenRunResult tooLong = GeneratorHarness.Run(false,
            "using CbGen;\nnamespace " + ns + " { [ClassBalanced(Name = \"" + Q(room + 1) + "\")] public enum Label " + TwoClasses + " }\n");
        Diagnostic cb026 = Assert.Single(tooLong.AnalyzerDiagnostics, d => d.Id == "CB026");
        Assert.Contains("1024 UTF-8 bytes", cb026.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        AssertEmits(tooLong);
    }

    [Fact]
    public void A_sweep_in_a_keyword_namespace_counts_without_the_at_sign()
    {
        // "class." + Name + "SweepPoint" is exactly 1,023 bytes.
        int room = 1023 - "class.".Length - "SweepPoint".Length;
        CbGenRunResult fits = GeneratorHarness.Run(false,
            "using CbGen;\nnamespace @class { [ClassBalancedSweep(Name = \"" + Q(room) + "\")] public enum Label " + TwoClasses + " }\n");
        Assert.DoesNotContain(fits.AnalyzerDiagnostics, d => d.Id == "CB026");
        Assert.NotEmpty(fits.Files);
        fits.AssertCompilesCleanly();
        AssertEmits(fits);

        CbGenRunResult tooLong = GeneratorHarness.Run(false,
            "using CbGen;\nnamespace @class { [ClassBalancedSweep(Name = \"" + Q(room + 1) + "\")] public enum Label " + TwoClasses + " }\n");
        Assert.Single(tooLong.AnalyzerDiagnostics, d => d.Id == "CB026");
        AssertEmits(tooLong);
    }

    [Theory]
    [InlineData("Loss = CbLoss.LogitAdjusted")]
    [InlineData("Loss = CbLoss.Ldam")]
    public void A_user_type_named_like_a_helper_that_is_not_generated_does_not_clash(string loss)
    {
        CbGenRunResult run = MlNetReferences.Run(true,
            "using CbGen;\nnamespace Zoo { [ClassBalanced(" + loss + ")] public enum Label " + TwoClasses
            + " public static class LabelWeightsMlNet { } }\n");
        Assert.DoesNotContain(run.GeneratorDiagnostics.Concat(run.AnalyzerDiagnostics), d => d.Id == "CB010");
        Assert.Contains(run.Files, f => f.HintName.EndsWith("LabelWeights.g.cs", StringComparison.Ordinal));
        run.AssertCompilesCleanly();
    }

    [Fact]
    public void A_user_type_named_like_a_generated_helper_still_clashes()
    {
        CbGenRunResult run = MlNetReferences.Run(false,
            "using CbGen;\nnamespace Zoo { [ClassBalanced(Loss = CbLoss.Ldam, DeferUntilEpoch = 2)] public enum Label " + TwoClasses
            + " public static class LabelWeightsMlNet { } }\n");
        Assert.Single(run.GeneratorDiagnostics, d => d.Id == "CB010");
        Assert.Empty(run.Files);
        Assert.Empty(run.CompilationProblems());
    }

    /// <summary>The output compilation emits: no name the generator wrote is too long for metadata (CS7013 is
    /// reported only at emit).</summary>
    private static void AssertEmits(CbGenRunResult run)
    {
        using var stream = new MemoryStream();
        EmitResult result = run.OutputCompilation.Emit(stream);
        Assert.True(result.Success, "Emit failed:\n" + string.Join("\n", result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
    }
}
