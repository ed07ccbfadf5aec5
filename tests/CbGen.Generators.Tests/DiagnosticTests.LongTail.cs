extern alias gen;

using System.Linq;
using gen::CbGen.Generators;
using Microsoft.CodeAnalysis;

namespace CbGen.Generators.Tests;

/// <summary>The diagnostics of the logit-adjusted and LDAM configs (CB027–CB032), CB002's fix under them, and CB005 for γ on them.</summary>
public sealed partial class DiagnosticTests
{
    private const string Members = "public enum Label { [Samples(100)] A, [Samples(3)] B }\n";

    [Theory]
    [InlineData("-0.5")]
    [InlineData("double.NaN")]
    [InlineData("double.PositiveInfinity")]
    public void CB027_tau_negative_or_not_finite(string tau)
    {
        Check(DiagnosticDescriptors.TauOutOfRange,
            "[ClassBalanced(Loss = CbLoss.LogitAdjusted, [|Tau = " + tau + "|])]\n" + Members,
            "[ClassBalanced(Loss = CbLoss.LogitAdjusted, Tau = 0.0)]\n" + Members);
    }

    [Theory]
    [InlineData("0.0")]
    [InlineData("-0.5")]
    [InlineData("double.NaN")]
    public void CB028_max_margin_not_positive(string margin)
    {
        Check(DiagnosticDescriptors.MaxMarginOutOfRange,
            "[ClassBalanced(Loss = CbLoss.Ldam, [|MaxMargin = " + margin + "|])]\n" + Members,
            "[ClassBalanced(Loss = CbLoss.Ldam, MaxMargin = 0.3)]\n" + Members);
    }

    [Theory]
    [InlineData("0.0")]
    [InlineData("-30.0")]
    [InlineData("double.NegativeInfinity")]
    public void CB029_scale_not_positive(string scale)
    {
        Check(DiagnosticDescriptors.ScaleOutOfRange,
            "[ClassBalanced(Loss = CbLoss.Ldam, [|Scale = " + scale + "|])]\n" + Members,
            "[ClassBalanced(Loss = CbLoss.Ldam, Scale = 16.0)]\n" + Members);
    }

    [Fact]
    public void CB030_option_set_on_a_loss_it_does_not_apply_to()
    {
        // A warning: the config still generates, with the option ignored.
        CbGenRunResult run = Check(DiagnosticDescriptors.OptionNotApplicable,
            "[ClassBalanced(Loss = CbLoss.Focal, [|Tau = 2.0|], [|MaxMargin = 0.4|], [|Scale = 10.0|])]\n"
            + "[ClassBalanced(Loss = CbLoss.LogitAdjusted, [|Beta = 0.99|], [|DeferUntilEpoch = 5|], Name = \"La\")]\n"
            + "[ClassBalanced(Loss = CbLoss.Ldam, [|Beta = 0.99|], [|Tau = 0.5|], Name = \"Plain\")]\n"
            + Members,
            "[ClassBalanced(Loss = CbLoss.Focal)]\n"
            + "[ClassBalanced(Loss = CbLoss.LogitAdjusted, Name = \"La\")]\n"
            + "[ClassBalanced(Loss = CbLoss.Ldam, Beta = 0.99, DeferUntilEpoch = 5, Name = \"Drw\")]\n"
            + Members,
            badGenerates: true);
        string beta = run.AnalyzerDiagnostics.First(d => d.Id == "CB030" && d.GetMessage().StartsWith("Beta", System.StringComparison.Ordinal)).GetMessage();
        Assert.Contains("LDAM-DRW", beta);
        Assert.DoesNotContain("DeferUntilEpoch", run.File("LaWeights.g.cs").Text);
    }

    [Fact]
    public void CB005_gamma_on_a_long_tail_loss()
    {
        Check(DiagnosticDescriptors.GammaIgnored,
            "[ClassBalanced(Loss = CbLoss.LogitAdjusted, [|Gamma = 1.0|])]\n[ClassBalanced(Loss = CbLoss.Ldam, [|Gamma = 1.0|])]\n" + Members,
            "[ClassBalanced(Loss = CbLoss.LogitAdjusted)]\n[ClassBalanced(Loss = CbLoss.Ldam)]\n" + Members,
            badGenerates: true);
    }

    [Fact]
    public void CB031_zero_count_with_a_long_tail_loss()
    {
        Check(DiagnosticDescriptors.ZeroCountLongTail,
            "[ClassBalanced(Loss = CbLoss.LogitAdjusted, [|ZeroCounts = ZeroCountPolicy.ZeroWeight|])]\n"
            + "[ClassBalanced(Loss = CbLoss.Ldam, [|ZeroCounts = ZeroCountPolicy.ZeroWeight|])]\n"
            + "public enum Label { [Samples(100)] A, [Samples(0)] B, [Samples(3)] C }\n",
            "[ClassBalanced(Loss = CbLoss.LogitAdjusted)]\n[ClassBalanced(Loss = CbLoss.Ldam)]\n"
            + "public enum Label { [Samples(100)] A, [Samples(1)] B, [Samples(3)] C }\n");

        // A counts file: reported on the row, by the generator.
        TrainingSetupDiagnosticTests.Check(DiagnosticDescriptors.ZeroCountLongTail,
            "[ClassBalancedDataset(\"labels.csv\", Loss = CbLoss.Ldam, ZeroCounts = ZeroCountPolicy.ZeroWeight)]\npublic static partial class Labels;\n",
            ("labels.csv", "cat,900\ndog,[|0|]\n"),
            "[ClassBalancedDataset(\"labels.csv\", Loss = CbLoss.Ldam)]\npublic static partial class Labels;\n",
            ("labels.csv", "cat,900\ndog,1\n"));
    }

    [Theory]
    [InlineData("CbLoss.Ldam", "the margin n_c^(-1/4)")]
    [InlineData("CbLoss.LogitAdjusted", "the log-prior log π_c")]
    public void CB002_zero_count_under_a_long_tail_loss_names_the_fix_that_works(string loss, string need)
    {
        // ZeroCounts = ZeroCountPolicy.ZeroWeight would only turn CB002 into CB031: the message names the pseudo-count.
        CbGenRunResult run = Check(DiagnosticDescriptors.NonPositiveCount,
            "[ClassBalanced(Loss = " + loss + ")]\npublic enum Label { [Samples(100)] A, [Samples([|0|])] B, [Samples(3)] C }\n",
            "[ClassBalanced(Loss = " + loss + ")]\npublic enum Label { [Samples(100)] A, [Samples(1)] B, [Samples(3)] C }\n");
        string message = run.AnalyzerDiagnostics.Single(d => d.Id == "CB002").GetMessage(System.Globalization.CultureInfo.InvariantCulture);
        Assert.DoesNotContain("allowed only with", message);
        Assert.Contains(loss + " needs " + need, message);
        Assert.Contains("give the class a pseudo-count (e.g. 1) or remove it", message);

        // Beside a class-balanced config the pseudo-count is still the one fix that works for both.
        run = Check(DiagnosticDescriptors.NonPositiveCount,
            "[ClassBalanced(Name = \"Cb\")]\n[ClassBalanced(Loss = " + loss + ")]\npublic enum Label { [Samples(100)] A, [Samples([|0|])] B }\n",
            "[ClassBalanced(Name = \"Cb\")]\n[ClassBalanced(Loss = " + loss + ")]\npublic enum Label { [Samples(100)] A, [Samples(1)] B }\n");
        Assert.Contains("pseudo-count", run.AnalyzerDiagnostics.Single(d => d.Id == "CB002").GetMessage(System.Globalization.CultureInfo.InvariantCulture));

        // A counts file: the same message, from the generator.
        CbGenRunResult file = TrainingSetupDiagnosticTests.Check(DiagnosticDescriptors.NonPositiveCount,
            "[ClassBalancedDataset(\"labels.csv\", Loss = " + loss + ")]\npublic static partial class Labels;\n",
            ("labels.csv", "cat,900\ndog,[|0|]\n"),
            "[ClassBalancedDataset(\"labels.csv\", Loss = " + loss + ")]\npublic static partial class Labels;\n",
            ("labels.csv", "cat,900\ndog,1\n"));
        message = file.GeneratorDiagnostics.Single(d => d.Id == "CB002").GetMessage(System.Globalization.CultureInfo.InvariantCulture);
        Assert.DoesNotContain("allowed only with", message);
        Assert.Contains("pseudo-count", message);
    }

    [Fact]
    public void CB002_zero_count_under_a_class_balanced_loss_still_names_ZeroWeight()
    {
        CbGenRunResult run = Check(DiagnosticDescriptors.NonPositiveCount,
            "[ClassBalanced(Loss = CbLoss.Focal)]\npublic enum Label { [Samples(100)] A, [Samples([|0|])] B, [Samples(3)] C }\n",
            "[ClassBalanced(Loss = CbLoss.Focal, ZeroCounts = ZeroCountPolicy.ZeroWeight)]\npublic enum Label { [Samples(100)] A, [Samples(0)] B, [Samples(3)] C }\n");
        Assert.Contains("0 is allowed only with ZeroCounts = ZeroCountPolicy.ZeroWeight",
            run.AnalyzerDiagnostics.Single(d => d.Id == "CB002").GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("LogitAdjusted")]
    [InlineData("Ldam")]
    [InlineData("VectorScaling")]
    public void CB032_long_tail_counts_summing_past_Int64(string loss)
    {
        CbGenRunResult run = Check(DiagnosticDescriptors.CountTotalTooLarge,
            "[[|ClassBalanced(Loss = CbLoss." + loss + ")|]]\npublic enum Label { [Samples(long.MaxValue)] A, [Samples(1)] B }\n",
            "[ClassBalanced(Loss = CbLoss." + loss + ")]\npublic enum Label { [Samples(long.MaxValue / 2)] A, [Samples(1)] B }\n");
        string message = run.AnalyzerDiagnostics.Single(d => d.Id == "CB032").GetMessage(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains("9,223,372,036,854,775,807", message);

        // A counts file: reported on the first row whose count takes the total past the limit, by the generator.
        TrainingSetupDiagnosticTests.Check(DiagnosticDescriptors.CountTotalTooLarge,
            "[ClassBalancedDataset(\"labels.csv\", Loss = CbLoss." + loss + ")]\npublic static partial class Labels;\n",
            ("labels.csv", "cat,9223372036854775000\ndog,[|900|]\n"),
            "[ClassBalancedDataset(\"labels.csv\", Loss = CbLoss." + loss + ")]\npublic static partial class Labels;\n",
            ("labels.csv", "cat,9223372036854775000\ndog,9\n"));
    }

    [Fact]
    public void Dataset_configs_get_the_long_tail_rules()
    {
        TrainingSetupDiagnosticTests.Check(DiagnosticDescriptors.TauOutOfRange,
            "[ClassBalancedDataset(\"labels.csv\", Loss = CbLoss.LogitAdjusted, [|Tau = -1.0|])]\npublic static partial class Labels;\n",
            ("labels.csv", "cat,900\ndog,90\n"),
            "[ClassBalancedDataset(\"labels.csv\", Loss = CbLoss.LogitAdjusted, Tau = 1.0)]\npublic static partial class Labels;\n",
            ("labels.csv", "cat,900\ndog,90\n"));
    }
}
