extern alias gen;

using gen::CbGen.Generators;
using static CbGen.Generators.Tests.ConfigMessages;

namespace CbGen.Generators.Tests;

/// <summary>What CB045 and CB046 say, whole message and location, for each knob of the asymmetric and the
/// distribution-balanced loss out of its range, and that each range's closed end is allowed.</summary>
public sealed class MultiLabelKnobMessageTests
{
    public static TheoryData<string, string, string> DistributionBalancedKnobs => new()
    {
        { "SmoothingAlpha = -0.1", "-0.1", "a finite α ≥ 0 (0.1 by default)" },
        { "SmoothingBeta = -1.0", "-1", "a finite β ≥ 0 (10 by default)" },
        { "SmoothingMu = double.NaN", "NaN", "a finite μ (0.3 by default)" },
        { "NegativeScale = 0.0", "0", "a finite λ > 0 (5 by default)" },
        { "BiasScale = double.PositiveInfinity", "Infinity", "a finite κ (0.05 by default; 0 turns the prior bias off)" },
    };

    public static TheoryData<string, string, string> AsymmetricKnobs => new()
    {
        { "GammaPositive = -0.5", "-0.5", "a finite γ+ ≥ 0 (0 by default)" },
        { "GammaNegative = double.NegativeInfinity", "-Infinity", "a finite γ− ≥ 0 (4 by default)" },
        { "Clip = 1.0", "1", "a margin m in [0, 1) (0.05 by default; 0 turns the shift off)" },
        { "Clip = -0.01", "-0.01", "a margin m in [0, 1) (0.05 by default; 0 turns the shift off)" },
    };

    [Theory]
    [MemberData(nameof(DistributionBalancedKnobs))]
    public void A_distribution_balanced_knob_out_of_range_names_itself_its_value_and_its_range(string knob, string value, string need)
    {
        Assert.Equal(
            new[] { Expected(DiagnosticDescriptors.DistributionBalancedKnobOutOfRange, knob, Name(knob), value, need) },
            Described(Run("Loss = CbLoss.DistributionBalanced, " + knob)));
    }

    [Theory]
    [MemberData(nameof(AsymmetricKnobs))]
    public void An_asymmetric_knob_out_of_range_names_itself_its_value_and_its_range(string knob, string value, string need)
    {
        Assert.Equal(
            new[] { Expected(DiagnosticDescriptors.AsymmetricKnobOutOfRange, knob, Name(knob), value, need) },
            Described(Run("Loss = CbLoss.Asymmetric, " + knob)));
    }

    [Fact]
    public void The_closed_ends_of_the_ranges_are_allowed_and_generate()
    {
        // α, β, γ+, γ− ≥ 0 and m ∈ [0, 1): 0 is in range for each; μ and κ take any finite value.
        foreach (string options in new[]
        {
            "Loss = CbLoss.DistributionBalanced, SmoothingAlpha = 0.0, SmoothingBeta = 0.0, SmoothingMu = -2.0, BiasScale = -0.5",
            "Loss = CbLoss.Asymmetric, GammaPositive = 0.0, GammaNegative = 0.0, Clip = 0.0",
        })
        {
            CbGenRunResult run = Run(options);
            Assert.Empty(Described(run));
            Assert.Contains("LabelWeights.g.cs", string.Join(" ", HintNames(run)), System.StringComparison.Ordinal);
        }
    }

    private static string Name(string knob) => knob.Substring(0, knob.IndexOf(' ', System.StringComparison.Ordinal));
}
