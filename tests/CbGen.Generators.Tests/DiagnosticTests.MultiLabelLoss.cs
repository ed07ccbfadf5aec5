extern alias gen;

using gen::CbGen.Generators;

namespace CbGen.Generators.Tests;

/// <summary>The diagnostics of the distribution-balanced and asymmetric configs (CB045–CB047), CB030 for their
/// knobs elsewhere and for β and deferred re-weighting on them, and CB031 for an empty class under the
/// distribution-balanced loss.</summary>
public sealed partial class DiagnosticTests
{
    [Theory]
    [InlineData("GammaPositive = -1.0")]
    [InlineData("GammaNegative = double.NaN")]
    [InlineData("GammaNegative = double.PositiveInfinity")]
    [InlineData("Clip = 1.0")]
    [InlineData("Clip = -0.05")]
    public void CB045_asymmetric_knob_out_of_range(string knob)
    {
        Check(DiagnosticDescriptors.AsymmetricKnobOutOfRange,
            "[ClassBalanced(Loss = CbLoss.Asymmetric, [|" + knob + "|])]\n" + Members,
            "[ClassBalanced(Loss = CbLoss.Asymmetric, GammaPositive = 1.0, GammaNegative = 2.0, Clip = 0.0)]\n" + Members);
    }

    [Theory]
    [InlineData("SmoothingAlpha = -0.1")]
    [InlineData("SmoothingBeta = -1.0")]
    [InlineData("SmoothingMu = double.NaN")]
    [InlineData("NegativeScale = 0.0")]
    [InlineData("BiasScale = double.NegativeInfinity")]
    public void CB046_distribution_balanced_knob_out_of_range(string knob)
    {
        Check(DiagnosticDescriptors.DistributionBalancedKnobOutOfRange,
            "[ClassBalanced(Loss = CbLoss.DistributionBalanced, [|" + knob + "|])]\n" + Members,
            "[ClassBalanced(Loss = CbLoss.DistributionBalanced, SmoothingAlpha = 0.0, SmoothingMu = -1.0, NegativeScale = 2.0, BiasScale = -0.05)]\n" + Members);
    }

    [Fact]
    public void CB047_WeightSum_on_a_loss_without_class_weights()
    {
        Check(DiagnosticDescriptors.NormalizerWithoutWeights,
            "[ClassBalanced(Loss = CbLoss.Asymmetric, [|Normalizer = MeanNormalizer.WeightSum|])]\n"
            + "[ClassBalanced(Loss = CbLoss.DistributionBalanced, [|Normalizer = MeanNormalizer.WeightSum|], Name = \"Db\")]\n" + Members,
            "[ClassBalanced(Loss = CbLoss.Asymmetric, Normalizer = MeanNormalizer.AllTerms)]\n"
            + "[ClassBalanced(Loss = CbLoss.DistributionBalanced, Name = \"Db\")]\n" + Members);
    }

    [Fact]
    public void CB030_multi_label_knobs_elsewhere_and_beta_or_deferral_on_them()
    {
        Check(DiagnosticDescriptors.OptionNotApplicable,
            "[ClassBalanced(Loss = CbLoss.Focal, [|Clip = 0.1|], [|NegativeScale = 2.0|])]\n"
            + "[ClassBalanced(Loss = CbLoss.Asymmetric, [|BiasScale = 0.1|], [|Beta = 0.99|], Name = \"Asl\")]\n"
            + "[ClassBalanced(Loss = CbLoss.DistributionBalanced, [|GammaNegative = 2.0|], [|DeferUntilEpoch = 3|], Name = \"Db\")]\n"
            + Members,
            "[ClassBalanced(Loss = CbLoss.Focal)]\n"
            + "[ClassBalanced(Loss = CbLoss.Asymmetric, Clip = 0.1, Name = \"Asl\")]\n"
            + "[ClassBalanced(Loss = CbLoss.DistributionBalanced, NegativeScale = 2.0, Name = \"Db\")]\n"
            + Members,
            badGenerates: true);
    }

    [Fact]
    public void CB031_an_empty_class_under_the_distribution_balanced_loss()
    {
        Check(DiagnosticDescriptors.ZeroCountLongTail,
            "[ClassBalanced(Loss = CbLoss.DistributionBalanced, [|ZeroCounts = ZeroCountPolicy.ZeroWeight|])]\n"
            + "public enum Label { [Samples(100)] A, [Samples(0)] B, [Samples(3)] C }\n",
            "[ClassBalanced(Loss = CbLoss.Asymmetric, ZeroCounts = ZeroCountPolicy.ZeroWeight)]\n"
            + "public enum Label { [Samples(100)] A, [Samples(0)] B, [Samples(3)] C }\n");
    }
}
