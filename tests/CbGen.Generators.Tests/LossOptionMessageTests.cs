extern alias gen;

using gen::CbGen.Generators;
using static CbGen.Generators.Tests.ConfigMessages;

namespace CbGen.Generators.Tests;

/// <summary>What CB030 says, whole message and location, for each option written on a loss that ignores it: the
/// long-tail knobs (Tau, VsGamma, MaxMargin, Scale), the multi-label losses' knobs, Beta without class weights and
/// DeferUntilEpoch where there is nothing to defer. (The knobs' own ranges are in MultiLabelKnobMessageTests.)</summary>
public sealed class LossOptionMessageTests
{
    private const string LogitLosses = "CbLoss.LogitAdjusted and CbLoss.VectorScaling";
    private const string BetaLosses = "the class-balanced losses and LDAM-DRW (CbLoss.Ldam with DeferUntilEpoch ≥ 1)";
    private const string DeferLosses = "the class-balanced losses and CbLoss.Ldam (LDAM-DRW)";

    [Fact]
    public void Each_long_tail_knob_on_another_loss_names_itself_the_loss_and_the_losses_it_applies_to()
    {
        CbGenRunResult run = Run("Loss = CbLoss.Focal, Tau = 2.0, VsGamma = 0.2, MaxMargin = 0.4, Scale = 10.0");
        Assert.Equal(
            new[]
            {
                NotApplicable("Tau = 2.0", "Tau", "CbLoss.Focal", LogitLosses),
                NotApplicable("VsGamma = 0.2", "VsGamma", "CbLoss.Focal", "CbLoss.VectorScaling"),
                NotApplicable("MaxMargin = 0.4", "MaxMargin", "CbLoss.Focal", "CbLoss.Ldam"),
                NotApplicable("Scale = 10.0", "Scale", "CbLoss.Focal", "CbLoss.Ldam"),
            },
            Described(run));

        // The knobs of one long-tail loss on another.
        Assert.Equal(
            new[]
            {
                NotApplicable("VsGamma = 0.5", "VsGamma", "CbLoss.LogitAdjusted", "CbLoss.VectorScaling"),
                NotApplicable("Scale = 20.0", "Scale", "CbLoss.LogitAdjusted", "CbLoss.Ldam"),
            },
            Described(Run("Loss = CbLoss.LogitAdjusted, Tau = 1.5, VsGamma = 0.5, Scale = 20.0")));
        Assert.Equal(
            new[] { NotApplicable("Tau = 1.0", "Tau", "CbLoss.Ldam", LogitLosses) },
            Described(Run("Loss = CbLoss.Ldam, Tau = 1.0, MaxMargin = 0.4, Scale = 20.0")));
    }

    [Fact]
    public void Beta_without_class_weights_names_Ldam_without_DeferUntilEpoch_and_other_losses_plainly()
    {
        Assert.Equal(
            new[] { NotApplicable("Beta = 0.99", "Beta", "CbLoss.Ldam without DeferUntilEpoch", BetaLosses) },
            Described(Run("Loss = CbLoss.Ldam, Beta = 0.99")));

        // DeferUntilEpoch = 0 written is no deferral: β still has nothing to weight.
        Assert.Equal(
            new[] { NotApplicable("Beta = 0.99", "Beta", "CbLoss.Ldam without DeferUntilEpoch", BetaLosses) },
            Described(Run("Loss = CbLoss.Ldam, Beta = 0.99, DeferUntilEpoch = 0")));

        Assert.Equal(
            new[] { NotApplicable("Beta = 0.9", "Beta", "CbLoss.LogitAdjusted", BetaLosses) },
            Described(Run("Loss = CbLoss.LogitAdjusted, Beta = 0.9")));
        Assert.Equal(
            new[] { NotApplicable("Beta = 0.9", "Beta", "CbLoss.VectorScaling", BetaLosses) },
            Described(Run("Loss = CbLoss.VectorScaling, Beta = 0.9")));

        // LDAM-DRW weights by β: nothing to say.
        Assert.Empty(Described(Run("Loss = CbLoss.Ldam, Beta = 0.99, DeferUntilEpoch = 1")));
    }

    [Fact]
    public void DeferUntilEpoch_from_1_on_a_logit_adjusting_loss_names_the_losses_it_applies_to_and_0_is_no_deferral()
    {
        Assert.Equal(
            new[] { NotApplicable("DeferUntilEpoch = 1", "DeferUntilEpoch", "CbLoss.LogitAdjusted", DeferLosses) },
            Described(Run("Loss = CbLoss.LogitAdjusted, DeferUntilEpoch = 1")));
        Assert.Equal(
            new[] { NotApplicable("DeferUntilEpoch = 3", "DeferUntilEpoch", "CbLoss.VectorScaling", DeferLosses) },
            Described(Run("Loss = CbLoss.VectorScaling, DeferUntilEpoch = 3")));

        // 0 written is the default (no deferral), on every loss; a K ≥ 1 on the others defers their weights.
        foreach (string loss in new[] { "LogitAdjusted", "VectorScaling", "Ldam", "Softmax", "Focal" })
        {
            Assert.Empty(Described(Run("Loss = CbLoss." + loss + ", DeferUntilEpoch = 0")));
        }

        Assert.Empty(Described(Run("Loss = CbLoss.Focal, DeferUntilEpoch = 2")));
        Assert.Empty(Described(Run("Loss = CbLoss.Ldam, DeferUntilEpoch = 2")));
    }

    [Fact]
    public void Each_multi_label_knob_on_another_loss_names_the_loss_it_belongs_to()
    {
        const string Db = "CbLoss.DistributionBalanced";
        const string Asl = "CbLoss.Asymmetric";
        CbGenRunResult run = Run("Loss = CbLoss.Sigmoid, GammaPositive = 1.0, GammaNegative = 2.0, Clip = 0.1, SmoothingAlpha = 0.2, "
            + "SmoothingBeta = 5.0, SmoothingMu = 0.1, NegativeScale = 2.0, BiasScale = 0.1");
        Assert.Equal(
            new[]
            {
                NotApplicable("GammaPositive = 1.0", "GammaPositive", "CbLoss.Sigmoid", Asl),
                NotApplicable("GammaNegative = 2.0", "GammaNegative", "CbLoss.Sigmoid", Asl),
                NotApplicable("Clip = 0.1", "Clip", "CbLoss.Sigmoid", Asl),
                NotApplicable("SmoothingAlpha = 0.2", "SmoothingAlpha", "CbLoss.Sigmoid", Db),
                NotApplicable("SmoothingBeta = 5.0", "SmoothingBeta", "CbLoss.Sigmoid", Db),
                NotApplicable("SmoothingMu = 0.1", "SmoothingMu", "CbLoss.Sigmoid", Db),
                NotApplicable("NegativeScale = 2.0", "NegativeScale", "CbLoss.Sigmoid", Db),
                NotApplicable("BiasScale = 0.1", "BiasScale", "CbLoss.Sigmoid", Db),
            },
            Described(run));

        // One multi-label loss's knob on the other.
        Assert.Equal(
            new[] { NotApplicable("GammaPositive = 1.0", "GammaPositive", Db, Asl) },
            Described(Run("Loss = CbLoss.DistributionBalanced, GammaPositive = 1.0, SmoothingBeta = 5.0")));
        Assert.Equal(
            new[] { NotApplicable("SmoothingAlpha = 0.2", "SmoothingAlpha", Asl, Db) },
            Described(Run("Loss = CbLoss.Asymmetric, SmoothingAlpha = 0.2, GammaPositive = 1.0")));
    }

    [Fact]
    public void Beta_and_DeferUntilEpoch_on_a_multi_label_loss_name_it()
    {
        Assert.Equal(
            new[]
            {
                NotApplicable("Beta = 0.99", "Beta", "CbLoss.Asymmetric", BetaLosses),
                NotApplicable("DeferUntilEpoch = 1", "DeferUntilEpoch", "CbLoss.Asymmetric", DeferLosses),
            },
            Described(Run("Loss = CbLoss.Asymmetric, Beta = 0.99, DeferUntilEpoch = 1")));
        Assert.Equal(
            new[] { NotApplicable("DeferUntilEpoch = 4", "DeferUntilEpoch", "CbLoss.DistributionBalanced", DeferLosses) },
            Described(Run("Loss = CbLoss.DistributionBalanced, DeferUntilEpoch = 4")));

        // DeferUntilEpoch = 0 written is no deferral.
        Assert.Empty(Described(Run("Loss = CbLoss.Asymmetric, DeferUntilEpoch = 0")));
        Assert.Empty(Described(Run("Loss = CbLoss.DistributionBalanced, DeferUntilEpoch = 0")));
    }

    [Fact]
    public void WeightSum_on_a_multi_label_loss_names_it()
    {
        Assert.Equal(
            new[] { Expected(DiagnosticDescriptors.NormalizerWithoutWeights, "Normalizer = MeanNormalizer.WeightSum", "CbLoss.DistributionBalanced") },
            Described(Run("Loss = CbLoss.DistributionBalanced, Normalizer = MeanNormalizer.WeightSum")));
    }

    private static string NotApplicable(string located, string option, string loss, string appliesTo) =>
        Expected(DiagnosticDescriptors.OptionNotApplicable, located, option, loss, appliesTo, DiagnosticDescriptors.ConfigOptionFix);
}
