using System;
using CbGen.TorchSharp.Internal;
using TorchSharp;
using static TorchSharp.torch;
using Reduction = TorchSharp.torch.nn.Reduction;

namespace CbGen.TorchSharp;

/// <summary>LDAM-DRW (Cao et al., NeurIPS 2019): the LDAM loss unweighted before epoch K, with the
/// class-balanced weights from K on.</summary>
public partial class DeferredReweightingLoss
{
    /// <summary>
    /// LDAM-DRW from training samples per class, as in the official code: LDAM with margins
    /// <see cref="LdamMargins.Compute"/>, unweighted before epoch K, then weighted by
    /// <see cref="ClassBalancedWeights.Compute(ReadOnlySpan{long}, double, WeightNormalization, ZeroCountPolicy)"/>
    /// (β = 0.9999, normalised to sum to C) through PyTorch's weighted mean (<see cref="MeanNormalizer.WeightSum"/>:
    /// Σ_i α_{y_i}·ℓ_i / Σ_i α_{y_i}); pass <see cref="MeanNormalizer.PositiveLabels"/> to divide by B instead, as
    /// the class-balanced losses do.
    /// </summary>
    /// <param name="counts">Training samples per class, indexed like the logits' columns; every count ≥ 1.</param>
    /// <param name="deferUntilEpoch">K ≥ 0 (the official schedule: 160 of 200 epochs, the first lr decay).</param>
    /// <param name="beta">β of the class-balanced weights in [0, 1].</param>
    /// <param name="reduction">None, Mean (default) or Sum.</param>
    /// <param name="normalizer">What Mean divides by (WeightSum by default).</param>
    /// <param name="ignore_index">A label value that contributes nothing.</param>
    /// <param name="maxMargin">m_max &gt; 0 (finite).</param>
    /// <param name="scale">s &gt; 0 (finite).</param>
    /// <param name="device">Where to keep the buffers.</param>
    /// <returns>A new wrapper at epoch 0.</returns>
    /// <exception cref="ArgumentException">The counts are empty, negative or hold a 0.</exception>
    /// <exception cref="ArgumentOutOfRangeException">K is negative, or β, m_max, s or an enum is out of range.</exception>
    public static DeferredReweightingLoss LdamDrw(
        ClassCounts counts,
        int deferUntilEpoch = DeferredReweighting.LdamDrwEpoch,
        double beta = DeferredReweighting.LdamDrwBeta,
        Reduction reduction = Reduction.Mean,
        MeanNormalizer normalizer = MeanNormalizer.WeightSum,
        long ignore_index = Validation.DefaultIgnoreIndex,
        double maxMargin = LdamMargins.DefaultMaxMargin,
        double scale = LdamLoss.DefaultScale,
        CbDevice device = CbDevice.Auto)
    {
        // Everything is checked before a module is built, so nothing is left undisposed.
        if (deferUntilEpoch < 0)
        {
            _ = new DeferredReweighting(deferUntilEpoch);
        }

        LongTailValidation.NoEmptyClass(counts.Span, LongTailValidation.LdamName, nameof(counts));
        double[] weights = ClassBalancedWeights.Compute(counts.Span, beta);
        return new DeferredReweightingLoss(
            new LdamLoss(counts, reduction, normalizer, ignore_index, maxMargin, scale, weights, device),
            deferUntilEpoch);
    }

    /// <summary>Checks that <paramref name="weighted"/> has class weights to defer; runs before the base
    /// constructor, so nothing is registered for a loss that cannot be wrapped.</summary>
    private static PerClassLoss Deferrable(PerClassLoss? weighted)
    {
        switch (weighted)
        {
            case null:
                throw new ArgumentNullException(nameof(weighted));
            case ClassBalancedSoftmaxLoss or ClassBalancedSigmoidLoss or ClassBalancedFocalLoss:
                return weighted;
            case LdamLoss { ClassWeights: null }:
                throw new ArgumentException(
                    "The LDAM loss has no class weights, so deferring them changes nothing; build it with weight "
                    + "(e.g. ClassBalancedWeights.Compute(counts, DeferredReweighting.LdamDrwBeta)) or use "
                    + "DeferredReweightingLoss.LdamDrw(counts, deferUntilEpoch).", nameof(weighted));
            case LdamLoss:
                return weighted;
            default:
                throw new ArgumentException(
                    "A " + weighted.GetType().Name + " has no class weights to defer; wrap a class-balanced loss or "
                    + "an LdamLoss built with weight.", nameof(weighted));
        }
    }

    /// <summary>The twin with every weight 1 (or, for LDAM, none), built on the CPU from the weighted module's
    /// options and moved to the device of its weights, with its finite check.</summary>
    private static PerClassLoss UnweightedTwin(PerClassLoss weighted)
    {
        var n = weighted.NumClasses;
        PerClassLoss twin = weighted switch
        {
            ClassBalancedSoftmaxLoss s => new ClassBalancedSoftmaxLoss(Ones(n), s.reduction, s.Normalizer,
                s.IgnoreIndex, s.LabelSmoothing, CbDevice.Cpu),
            ClassBalancedSigmoidLoss s => new ClassBalancedSigmoidLoss(Ones(n), s.reduction, s.Normalizer,
                CbDevice.Cpu),
            ClassBalancedFocalLoss f => new ClassBalancedFocalLoss(Ones(n), f.reduction, f.Normalizer, f.Gamma,
                CbDevice.Cpu),
            _ => UnweightedLdam((LdamLoss)weighted),
        };
        twin.CheckFiniteLogits = weighted.CheckFiniteLogits;
        Device device = weighted.ClassWeights!.device;
        // Stryker disable once all : CUDA only (the twin is built on the CPU); .to(cpu) would change nothing
        if (device.type != DeviceType.CPU)
        {
            twin.to(device);
        }

        return twin;
    }

    private static LdamLoss UnweightedLdam(LdamLoss weighted) =>
        LdamLoss.FromMargins(weighted.MarginValues(), weighted.reduction, weighted.Normalizer, weighted.IgnoreIndex,
            weighted.Scale, device: CbDevice.Cpu);

    private static double[] Ones(int count)
    {
        var ones = new double[count];
        ones.AsSpan().Fill(1.0);
        return ones;
    }
}
