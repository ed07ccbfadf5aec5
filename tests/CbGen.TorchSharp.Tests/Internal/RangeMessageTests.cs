using System;
using System.Globalization;
using CbGen.TorchSharp;
using TorchSharp;
using static TorchSharp.torch;
using Reduction = TorchSharp.torch.nn.Reduction;

namespace CbGen.TorchSharp.Tests;

/// <summary>
/// The runtime's range errors (<c>Validation.OutOfRange</c>) are worded as CbGen's maths word theirs
/// (tests/CbGen.Tests/Maths/RangeMessageTests): an <see cref="ArgumentOutOfRangeException"/> with <c>ParamName</c>,
/// whose message names the problem, the fix and then the value once, in the invariant culture ("…; got -0.375."),
/// so it reads the same under any current culture; <c>ActualValue</c> stays null, as .NET would otherwise append the
/// value again in the current culture ("Actual value was -0,375.").
/// </summary>
public class RangeMessageTests
{
    private static readonly long[] Counts = { 50, 5 };

    public static TheoryData<string, object, Action> OutOfRange => new()
    {
        { "gamma", -0.375, () => new ClassBalancedFocalLoss(new[] { 1.0, 2.0 }, gamma: -0.375, device: CbDevice.Cpu) },
        { "label_smoothing", 1.25, () => new ClassBalancedSoftmaxLoss(new[] { 1.0, 2.0 }, label_smoothing: 1.25, device: CbDevice.Cpu) },
        { "reduction", (Reduction)99, () => new ClassBalancedSigmoidLoss(new[] { 1.0, 2.0 }, (Reduction)99, device: CbDevice.Cpu) },
        { "normalizer", (MeanNormalizer)99, () => new ClassBalancedSigmoidLoss(new[] { 1.0, 2.0 }, normalizer: (MeanNormalizer)99, device: CbDevice.Cpu) },
        { "scale", -7.5, () => new LdamLoss(Counts, scale: -7.5, device: CbDevice.Cpu) },
        { "lr", -0.0625, () => CbTraining.SgdWithoutBiasDecay(nn.Linear(2, 2), -0.0625, 0.0, 0.0) },
        { "momentum", double.NaN, () => CbTraining.SgdWithoutBiasDecay(nn.Linear(2, 2), 0.5, double.NaN, 0.0) },
        { "weightDecay", -0.375, () => CbTraining.SgdWithoutBiasDecay(nn.Linear(2, 2), 0.5, 0.0, -0.375) },
        { "prior", 1.5, () => CbTraining.InitializeBiasFromPrior(nn.Linear(2, 1), 1.5) },
        { "deferUntilEpoch", -3, () => new DeferredReweighting(-3) },
        { "epoch", -4, () => DeferredReweightingLoss.LdamDrw(Counts, device: CbDevice.Cpu).Step(-4) },
        { "beta", 1.5, () => CbLosses.FromCounts(CbLoss.Softmax, Counts, 1.5) },
        { "loss", (CbLoss)99, () => CbLosses.FromCounts((CbLoss)99, Counts, 0.9) },
        { "numClasses", -2, () => new AsymmetricLoss(-2) },
        { "clip", 1.5, () => new AsymmetricLoss(3, clip: 1.5) },
        { "epsilon", -0.375, () => new AsymmetricLoss(3, epsilon: -0.375) },
        { "lambda", -7.5, () => new DistributionBalancedLoss(Counts, 60, lambda: -7.5, device: CbDevice.Cpu) },
        { "samples", -3L, () => new DistributionBalancedLoss(Counts, -3, device: CbDevice.Cpu) },
        { "tau", -0.375, () => ClassifierNorms.TauNormalize(ones(2, 3), -0.375) },
        { "maxNorm", -7.5, () => ClassifierNorms.ProjectMaxNorm(ones(2, 3), -7.5) },
    };

    private static ArgumentOutOfRangeException Thrown(Action act, string culture = "de-DE")
    {
        var current = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(culture);   // a decimal comma, unlike the invariant culture
        try
        {
            using var scope = NewDisposeScope();
            return Assert.Throws<ArgumentOutOfRangeException>(act);
        }
        finally
        {
            CultureInfo.CurrentCulture = current;
        }
    }

    private static int Occurrences(string text, string part)
    {
        int count = 0;
        for (int i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + 1, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    [Theory]
    [MemberData(nameof(OutOfRange))]
    public void The_value_appears_once_in_the_invariant_culture_after_the_rule(string param, object value, Action act)
    {
        var e = Thrown(act);
        Assert.Equal(param, e.ParamName);
        Assert.Null(e.ActualValue);
        string shown = value is double d ? d.ToString("R", CultureInfo.InvariantCulture) : Convert.ToString(value, CultureInfo.InvariantCulture)!;
        Assert.EndsWith("; got " + shown + ". (Parameter '" + param + "')", e.Message, StringComparison.Ordinal);
        Assert.Equal(1, Occurrences(e.Message, shown));
        Assert.DoesNotContain("Actual value was", e.Message, StringComparison.Ordinal);
        Assert.Equal(Thrown(act, "en-US").Message, e.Message);
    }

    [Fact]
    public void The_focal_gamma_message_names_the_rule_the_fix_and_the_value()
    {
        var e = Thrown(() => new ClassBalancedFocalLoss(new[] { 1.0, 2.0 }, gamma: -0.375, device: CbDevice.Cpu));
        Assert.Equal(
            "The focusing parameter γ must be finite and ≥ 0; use 0 for no focusing, or the paper's 0.5, 1 or 2; got -0.375. "
            + "(Parameter 'gamma')",
            e.Message);
    }

    [Fact]
    public void The_label_smoothing_message_names_the_rule_the_fix_and_the_value()
    {
        var e = Thrown(() => CbFunctional.cb_softmax_cross_entropy(
            zeros(1, 2), tensor(new long[] { 0 }), tensor(new[] { 1.0, 1.0 }), label_smoothing: double.NaN));
        Assert.Equal(
            "label_smoothing must lie in [0, 1]; use 0 to disable smoothing, or a small value such as 0.1; got NaN. "
            + "(Parameter 'label_smoothing')",
            e.Message);
    }

    [Fact]
    public void The_ldam_scale_message_names_the_rule_the_fix_and_the_value()
    {
        var e = Thrown(() => LdamLoss.FromMargins(new[] { 0.5, 0.25 }, scale: double.PositiveInfinity, device: CbDevice.Cpu));
        Assert.Equal(
            "The LDAM scale s must be finite and > 0; use the official code's 30 (LdamLoss.DefaultScale); got Infinity. "
            + "(Parameter 'scale')",
            e.Message);
    }

    [Fact]
    public void The_learning_rate_message_names_the_rule_the_fix_and_the_value()
    {
        var e = Thrown(() => CbTraining.SgdWithoutBiasDecay(nn.Linear(2, 2), 0.0, 0.9, 0.0));
        Assert.Equal(
            "The learning rate must be finite and > 0; the paper's ResNet recipes start at 0.1; got 0. "
            + "(Parameter 'lr')",
            e.Message);
    }
}
