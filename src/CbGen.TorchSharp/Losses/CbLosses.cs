using System;
using System.Collections.Generic;
using CbGen.TorchSharp.Internal;
using TorchSharp;
using static TorchSharp.torch;

namespace CbGen.TorchSharp;

/// <summary>
/// One factory for every loss a <see cref="CbLoss"/> names, so generic code (a sweep, a config file, a command
/// line) needs no switch per loss: the weights come from an array, a span or counts and β, the options
/// from one <see cref="CbLossOptions"/>.
/// </summary>
/// <remarks>The modules come back as <see cref="PerClassLoss"/>, the base every CbGen loss shares, so
/// <see cref="PerClassLoss.ClassWeights"/>, <see cref="PerClassLoss.NumClasses"/> and
/// <see cref="PerClassLoss.CheckFiniteLogits"/> need no cast.</remarks>
public static class CbLosses
{
    /// <summary>Builds the <paramref name="loss"/> variant from per-class weights α_c (copied).</summary>
    /// <param name="loss">The variant.</param>
    /// <param name="weight">One finite, non-negative weight per class; an array converts to this span.</param>
    /// <param name="options">The options (<see cref="CbLossOptions.Default"/> when null).</param>
    /// <returns>A new loss module; dispose it after use.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="loss"/> is undefined, or an option is out
    /// of range.</exception>
    /// <exception cref="ArgumentException">The weights are empty, negative or not finite, or the options set one
    /// that <paramref name="loss"/> does not use (or <see cref="CbLossOptions.DeferUntilEpoch"/>).</exception>
    public static PerClassLoss Create(
        CbLoss loss, ReadOnlySpan<double> weight, CbLossOptions? options = null)
    {
        var o = options ?? CbLossOptions.Default;
        CheckWeightVariant(loss, nameof(loss));
        OptionRules.CheckAppliesToWeights(o, loss, nameof(options));
        PerClassLoss module = loss switch
        {
            CbLoss.Softmax => new ClassBalancedSoftmaxLoss(weight, o.Reduction, o.NormalizerFor(loss), o.IgnoreIndexValue,
                o.LabelSmoothingValue, o.Device),
            CbLoss.Sigmoid => new ClassBalancedSigmoidLoss(weight, o.Reduction, o.NormalizerFor(loss), o.Device),
            _ => new ClassBalancedFocalLoss(weight, o.Reduction, o.NormalizerFor(loss), o.GammaValue, o.Device),
        };
        module.CheckFiniteLogits = o.CheckFiniteLogits;
        return module;
    }

    /// <summary>Builds the <paramref name="loss"/> variant from training samples per class and β.</summary>
    /// <remarks>
    /// <para>What β means depends on the variant. <see cref="CbLoss.Softmax"/>, <see cref="CbLoss.Sigmoid"/> and
    /// <see cref="CbLoss.Focal"/> are weighted by
    /// <see cref="ClassBalancedWeights.Compute(ReadOnlySpan{long}, double, WeightNormalization, ZeroCountPolicy)"/>
    /// (summing to C; a zero count throws). <see cref="CbLoss.LogitAdjusted"/> is a
    /// <see cref="LogitAdjustedLoss"/> with <see cref="CbLossOptions.Tau"/> (and <see cref="CbLoss.VectorScaling"/> a
    /// <see cref="VectorScalingLoss"/> with <see cref="CbLossOptions.VsGamma"/> and <see cref="CbLossOptions.Tau"/>):
    /// neither has class weights, so β is
    /// checked (in [0, 1]) and otherwise ignored. <see cref="CbLoss.Ldam"/> is an <see cref="LdamLoss"/> with
    /// <see cref="CbLossOptions.MaxMargin"/> and <see cref="CbLossOptions.Scale"/>: unweighted (β checked and
    /// ignored) unless <see cref="CbLossOptions.DeferUntilEpoch"/> is set, which makes it LDAM-DRW with the
    /// class-balanced weights of β from that epoch on (<see cref="DeferredReweightingLoss.LdamDrw"/>; the official
    /// recipe uses β = 0.9999 and <see cref="MeanNormalizer.WeightSum"/>, PyTorch's weighted mean, which is what
    /// the logit-adjusted and LDAM losses use unless <see cref="CbLossOptions.Normalizer"/> says otherwise).</para>
    /// <para>With <see cref="CbLossOptions.DeferUntilEpoch"/> set, the class-balanced variants come back as a
    /// <see cref="DeferredReweightingLoss"/> too (as
    /// <see cref="DeferredReweightingLoss.FromCounts(CbLoss, ClassCounts, double, int, CbLossOptions?)"/>);
    /// call its <see cref="DeferredReweightingLoss.Step(int)"/> at the start of every epoch.</para>
    /// </remarks>
    /// <param name="loss">The variant.</param>
    /// <param name="counts">Training samples per class, indexed like the logits' columns.</param>
    /// <param name="beta">β in [0, 1]: 0 gives uniform weights, 1 inverse frequency (see the remarks for the
    /// logit-adjusted and LDAM losses).</param>
    /// <param name="options">The options (<see cref="CbLossOptions.Default"/> when null).</param>
    /// <returns>A new loss module; dispose it after use.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="loss"/> is undefined, β is outside [0, 1],
    /// or an option is out of range (τ, m_max, s, K, …; the message names it).</exception>
    /// <exception cref="ArgumentException">The counts are empty, negative or hold a 0 (for the logit-adjusted and
    /// LDAM losses the message says to give the class a pseudo-count, e.g. 1), or the options set one that
    /// <paramref name="loss"/> does not use (e.g. <see cref="CbLossOptions.Gamma"/> for the softmax loss, or
    /// <see cref="CbLossOptions.DeferUntilEpoch"/> for the logit-adjusted loss, which has no weights to defer).</exception>
    public static PerClassLoss FromCounts(
        CbLoss loss, ClassCounts counts, double beta, CbLossOptions? options = null)
    {
        var o = options ?? CbLossOptions.Default;
        CheckVariant(loss, nameof(loss));
        // β in [0, 1] by CbGen's own rule, for every variant: the logit-adjusted and plain LDAM losses do not use it,
        // but a NaN or out-of-range β is still a mistake worth naming.
        EffectiveNumber.ValidateBeta(beta, nameof(beta));
        OptionRules.CheckApplies(o, loss, nameof(options));
        if (o.DeferUntilEpoch is int deferUntilEpoch)
        {
            return DeferredReweightingLoss.FromCounts(loss, counts, beta, deferUntilEpoch, o);
        }

        switch (loss)
        {
            case CbLoss.LogitAdjusted:
                return new LogitAdjustedLoss(counts, o.Reduction, o.NormalizerFor(loss), o.IgnoreIndexValue, o.TauValue,
                    device: o.Device)
                { CheckFiniteLogits = o.CheckFiniteLogits };
            case CbLoss.VectorScaling:
                return new VectorScalingLoss(counts, o.Reduction, o.NormalizerFor(loss), o.IgnoreIndexValue,
                    o.VsGammaValue, o.TauValue, device: o.Device)
                { CheckFiniteLogits = o.CheckFiniteLogits };
            case CbLoss.Ldam:
                return new LdamLoss(counts, o.Reduction, o.NormalizerFor(loss), o.IgnoreIndexValue, o.MaxMarginValue, o.ScaleValue,
                    device: o.Device)
                { CheckFiniteLogits = o.CheckFiniteLogits };
            case CbLoss.DistributionBalanced:
                return new DistributionBalancedLoss(counts, SamplesOf(o, nameof(options)), o.Reduction, o.NormalizerFor(loss),
                    o.SmoothingAlphaValue, o.SmoothingBetaValue, o.SmoothingMuValue, o.NegativeScaleValue,
                    o.BiasScaleValue, o.InstancePriorValue, o.Device)
                { CheckFiniteLogits = o.CheckFiniteLogits };
            case CbLoss.Asymmetric:
                return new AsymmetricLoss(ClassCountOf(counts, nameof(counts)), o.Reduction, o.NormalizerFor(loss),
                    o.GammaPositiveValue, o.GammaNegativeValue, o.ClipValue, o.LogEpsilonValue)
                { CheckFiniteLogits = o.CheckFiniteLogits };
            default:
                return Create(loss, Counts.ClassBalancedWeightsOf(counts.Span, beta, nameof(counts)), options);
        }
    }

    /// <summary>Accepts every defined <see cref="CbLoss"/>.</summary>
    internal static void CheckVariant(CbLoss loss, string paramName)
    {
        if (loss is not (CbLoss.Softmax or CbLoss.Sigmoid or CbLoss.Focal or CbLoss.LogitAdjusted or CbLoss.Ldam
            or CbLoss.VectorScaling or CbLoss.DistributionBalanced or CbLoss.Asymmetric))
        {
            throw Validation.OutOfRange(paramName, loss,
                "Unknown CbLoss value; use CbLoss.Softmax, CbLoss.Sigmoid, CbLoss.Focal, CbLoss.LogitAdjusted, "
                + "CbLoss.Ldam, CbLoss.VectorScaling, CbLoss.DistributionBalanced or CbLoss.Asymmetric.");
        }
    }

    private static long SamplesOf(CbLossOptions options, string paramName) =>
        options.Samples ?? throw new ArgumentException(
            "CbLoss.DistributionBalanced needs N, the number of training samples, besides the positives per class: set "
            + "CbLossOptions.Samples (positives are counted per class, so N is not their sum).", paramName);

    private static int ClassCountOf(ClassCounts counts, string paramName)
    {
        if (counts.Span.IsEmpty)
        {
            throw new ArgumentException("The counts are empty; pass one count per class (C ≥ 1).", paramName);
        }

        return counts.Span.Length;
    }

    /// <summary>Accepts the variants that are built from class weights alone.</summary>
    internal static void CheckWeightVariant(CbLoss loss, string paramName)
    {
        CheckVariant(loss, paramName);
        if (loss is CbLoss.DistributionBalanced or CbLoss.Asymmetric)
        {
            throw Validation.OutOfRange(paramName, loss,
                "This variant takes no class weights"
                + (loss == CbLoss.DistributionBalanced ? ": it re-weights from the positives per class and N" : string.Empty)
                + "; use CbLosses.FromCounts(CbLoss." + loss.ToString() + ", counts, beta, options)"
                + (loss == CbLoss.DistributionBalanced ? " with options.Samples = N." : " (the counts give C; β is checked and ignored)."));
        }

        if (loss is CbLoss.LogitAdjusted or CbLoss.Ldam or CbLoss.VectorScaling)
        {
            throw Validation.OutOfRange(paramName, loss,
                "This variant takes its "
                + (loss == CbLoss.Ldam ? "margins" : loss == CbLoss.VectorScaling ? "scales and log-priors" : "log-priors")
                + " from the class counts, not from weights: use CbLosses.FromCounts(CbLoss." + loss.ToString()
                + ", counts, beta, options).");
        }
    }
}
