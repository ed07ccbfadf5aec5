extern alias gen;

using System.Linq;
using gen::CbGen.Generators;

namespace CbGen.Generators.Tests;

/// <summary>The VS config's diagnostics (CB040, CB027 for its τ, CB030 for VsGamma elsewhere, CB031, CB062 for a scale that
/// underflows) and SamplingPower's CB041 and CB063, on enums, counts-file classes and sweeps.</summary>
public sealed partial class DiagnosticTests
{
    [Theory]
    [InlineData("-0.1")]
    [InlineData("double.NaN")]
    [InlineData("double.PositiveInfinity")]
    public void CB040_vs_gamma_negative_or_not_finite(string gamma)
    {
        CbGenRunResult run = Check(DiagnosticDescriptors.VsGammaOutOfRange,
            "[ClassBalanced(Loss = CbLoss.VectorScaling, [|VsGamma = " + gamma + "|])]\n" + Members,
            "[ClassBalanced(Loss = CbLoss.VectorScaling, VsGamma = 0.0)]\n" + Members);
        Assert.Contains("finite number ≥ 0", run.AnalyzerDiagnostics.First(d => d.Id == "CB040").GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("-1.0")]
    [InlineData("double.NaN")]
    public void CB027_tau_of_a_vs_config(string tau)
    {
        Check(DiagnosticDescriptors.TauOutOfRange,
            "[ClassBalanced(Loss = CbLoss.VectorScaling, [|Tau = " + tau + "|])]\n" + Members,
            "[ClassBalanced(Loss = CbLoss.VectorScaling, Tau = 0.0)]\n" + Members);
    }

    [Fact]
    public void CB030_vs_gamma_on_another_loss_and_defer_on_vs()
    {
        Check(DiagnosticDescriptors.OptionNotApplicable,
            "[ClassBalanced(Loss = CbLoss.LogitAdjusted, [|VsGamma = 0.2|])]\n"
            + "[ClassBalanced(Loss = CbLoss.VectorScaling, [|DeferUntilEpoch = 5|], [|Beta = 0.99|], Name = \"Vs\")]\n" + Members,
            "[ClassBalanced(Loss = CbLoss.LogitAdjusted)]\n"
            + "[ClassBalanced(Loss = CbLoss.VectorScaling, Tau = 0.5, Name = \"Vs\")]\n" + Members,
            badGenerates: true);
    }

    [Fact]
    public void CB031_zero_count_with_the_vs_loss()
    {
        Check(DiagnosticDescriptors.ZeroCountLongTail,
            "[ClassBalanced(Loss = CbLoss.VectorScaling, [|ZeroCounts = ZeroCountPolicy.ZeroWeight|])]\n"
            + "public enum Label { [Samples(100)] A, [Samples(0)] B, [Samples(3)] C }\n",
            "[ClassBalanced(Loss = CbLoss.VectorScaling)]\n"
            + "public enum Label { [Samples(100)] A, [Samples(1)] B, [Samples(3)] C }\n");
    }

    [Theory]
    [InlineData("-0.5")]
    [InlineData("double.NaN")]
    [InlineData("double.NegativeInfinity")]
    public void CB041_sampling_power_negative_or_not_finite(string q)
    {
        Check(DiagnosticDescriptors.SamplingPowerOutOfRange,
            "[ClassBalanced([|SamplingPower = " + q + "|])]\n" + Members,
            "[ClassBalanced(SamplingPower = 0.5)]\n" + Members);
        TrainingSetupDiagnosticTests.Check(DiagnosticDescriptors.SamplingPowerOutOfRange,
            "[ClassBalancedDataset(\"labels.csv\", [|SamplingPower = " + q + "|])]\npublic static partial class Labels;\n",
            ("labels.csv", "cat,900\ndog,3\n"),
            "[ClassBalancedDataset(\"labels.csv\", SamplingPower = 1.0)]\npublic static partial class Labels;\n",
            ("labels.csv", "cat,900\ndog,3\n"));
    }

    [Fact]
    public void CB062_a_vs_scale_that_underflows_on_a_config_a_sweep_and_a_counts_file()
    {
        Check(DiagnosticDescriptors.VsScaleUnderflow,
            "[ClassBalanced(Loss = CbLoss.VectorScaling, [|VsGamma = 1e6|])]\n" + Members,
            "[ClassBalanced(Loss = CbLoss.VectorScaling, VsGamma = 0.3)]\n" + Members,
            badGenerates: true);
        TrainingSetupDiagnosticTests.Check(DiagnosticDescriptors.VsScaleUnderflow,
            "[ClassBalancedSweep(Losses = new[] { CbLoss.VectorScaling }, VsGammas = new[] { 0.3, [|1e6|] })]\n" + Members, null,
            "[ClassBalancedSweep(Losses = new[] { CbLoss.VectorScaling }, VsGammas = new[] { 0.3, 0.05 })]\n" + Members, null,
            badGenerates: true);
        TrainingSetupDiagnosticTests.Check(DiagnosticDescriptors.VsScaleUnderflow,
            "[ClassBalancedDataset(\"labels.csv\", Loss = CbLoss.VectorScaling, VsGamma = 1e6)]\npublic static partial class Labels;\n",
            ("labels.csv", "cat,900\ndog,[|3|]\n"),
            "[ClassBalancedDataset(\"labels.csv\", Loss = CbLoss.VectorScaling, VsGamma = 0.3)]\npublic static partial class Labels;\n",
            ("labels.csv", "cat,900\ndog,3\n"),
            badGenerates: true);
    }

    [Fact]
    public void CB063_a_sampling_probability_that_underflows_on_a_config_and_a_counts_file()
    {
        Check(DiagnosticDescriptors.SamplingProbabilityUnderflow,
            "[ClassBalanced([|SamplingPower = 2000|])]\n" + Members,
            "[ClassBalanced(SamplingPower = 0.5)]\n" + Members,
            badGenerates: true);
        TrainingSetupDiagnosticTests.Check(DiagnosticDescriptors.SamplingProbabilityUnderflow,
            "[ClassBalancedDataset(\"labels.csv\", SamplingPower = 2000)]\npublic static partial class Labels;\n",
            ("labels.csv", "cat,900\ndog,[|3|]\n"),
            "[ClassBalancedDataset(\"labels.csv\", SamplingPower = 1.0)]\npublic static partial class Labels;\n",
            ("labels.csv", "cat,900\ndog,3\n"),
            badGenerates: true);
    }

    [Fact]
    public void The_vs_gamma_axis_of_a_sweep_is_checked()
    {
        TrainingSetupDiagnosticTests.Check(DiagnosticDescriptors.VsGammaOutOfRange,
            "[ClassBalancedSweep(Losses = new[] { CbLoss.VectorScaling }, VsGammas = new[] { 0.2, [|-2.0|] })]\n" + Members, null,
            "[ClassBalancedSweep(Losses = new[] { CbLoss.VectorScaling }, VsGammas = new[] { 0.2, 2.0 })]\n" + Members, null);
        TrainingSetupDiagnosticTests.Check(DiagnosticDescriptors.DuplicateSweepValue,
            "[ClassBalancedSweep(Losses = new[] { CbLoss.VectorScaling }, VsGammas = new[] { 0.2, [|0.2|] })]\n" + Members, null,
            "[ClassBalancedSweep(Losses = new[] { CbLoss.VectorScaling }, VsGammas = new[] { 0.2 })]\n" + Members, null);
        TrainingSetupDiagnosticTests.Check(DiagnosticDescriptors.EmptySweepAxis,
            "[ClassBalancedSweep(Losses = new[] { CbLoss.VectorScaling }, [|VsGammas = new double[0]|])]\n" + Members, null,
            "[ClassBalancedSweep(Losses = new[] { CbLoss.VectorScaling })]\n" + Members, null);
        TrainingSetupDiagnosticTests.Check(DiagnosticDescriptors.OptionNotApplicable,
            "[ClassBalancedSweep(Losses = new[] { CbLoss.LogitAdjusted }, [|VsGammas = new[] { 0.5 }|])]\n" + Members, null,
            "[ClassBalancedSweep(Losses = new[] { CbLoss.LogitAdjusted })]\n" + Members, null,
            badGenerates: true);
    }
}
