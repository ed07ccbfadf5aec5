using System;
using CbGen.TorchSharp.Internal;
using TorchSharp;
using TorchSharp.Utils;
using static TorchSharp.torch;
using Reduction = TorchSharp.torch.nn.Reduction;

namespace CbGen.TorchSharp;

/// <summary>
/// The label-distribution-aware margin (LDAM) loss of Cao et al. (NeurIPS 2019):
/// ℓ_i = CE(s·(z_i − Δ_{y_i}·e_{y_i}), y_i) with margins Δ_c = m_max · n_c^(−1/4) / max_k n_k^(−1/4)
/// (<see cref="LdamMargins"/>): only the true class's logit is lowered, by a margin that is largest (m_max) for
/// the rarest class, and the logits are scaled by s. With class weights and
/// <see cref="DeferredReweightingLoss(PerClassLoss, int)"/> it is LDAM-DRW. One scale, one gather, one in-place
/// scatter-add and one fused <c>cross_entropy</c> per call.
/// </summary>
/// <remarks>
/// <para><b>Targets:</b> Int64 class indices [B]; a label equal to <see cref="IgnoreIndex"/>
/// contributes nothing. Reductions, normalisers and buffers: see <see cref="PerClassLoss"/> (with class weights
/// the default <see cref="MeanNormalizer.WeightSum"/> is the official code's weighted mean). The margins live in
/// the float64 buffer <c>margins</c> (<see cref="Margins"/>); <c>forward</c> caches −s·Δ in the logits' dtype.</para>
/// <para><b>Stability:</b> s·z is formed once and passed to the log-softmax of <c>cross_entropy</c>, so logits of
/// size 10^4 (s·z = 3·10^5) give finite, exact losses in float32 and float64, as PyTorch's do.</para>
/// </remarks>
public sealed class LdamLoss : PerClassLoss
{
    /// <summary>The official code's scale s.</summary>
    public const double DefaultScale = CbDefaults.Scale;

    private const string BufferName = "margins";

    [ComponentName(Name = BufferName)]
    private Tensor _margins;

    /// <summary>Creates the loss from training samples per class.</summary>
    /// <param name="counts">Training samples per class, indexed like the logits' columns; every count ≥ 1.</param>
    /// <param name="reduction">None (per-sample [B]), Mean (default) or Sum.</param>
    /// <param name="normalizer">What Mean divides by; see <see cref="PerClassLoss"/> (WeightSum by default).</param>
    /// <param name="ignore_index">A label value that contributes nothing (PyTorch's default −100).</param>
    /// <param name="maxMargin">m_max &gt; 0 (finite), the rarest class's margin (default 0.5, the paper's).</param>
    /// <param name="scale">s &gt; 0 (finite), the logits' scale (default 30, the official code's).</param>
    /// <param name="weight">Optional per-class weights α_c (finite, ≥ 0), one per class; empty (default)
    /// for none.</param>
    /// <param name="device">Where to keep the buffers; <see cref="CbDevice.Auto"/> picks CUDA when available.</param>
    /// <exception cref="ArgumentException">The counts are empty, negative or hold a 0 (give an empty class a
    /// pseudo-count, e.g. 1, or see <see cref="FromMargins"/>); the class weights are negative, not finite or not
    /// one per class.</exception>
    /// <exception cref="ArgumentOutOfRangeException">m_max or s is out of range, or an enum value is undefined.</exception>
    /// <exception cref="InvalidOperationException"><see cref="CbDevice.Cuda"/> without CUDA.</exception>
    public LdamLoss(
        ClassCounts counts,
        Reduction reduction = Reduction.Mean,
        MeanNormalizer normalizer = MeanNormalizer.WeightSum,
        long ignore_index = Validation.DefaultIgnoreIndex,
        double maxMargin = LdamMargins.DefaultMaxMargin,
        double scale = DefaultScale,
        ReadOnlySpan<double> weight = default,
        CbDevice device = CbDevice.Auto)
        : this(LongTailParts.Of(MarginsOf(counts.Span, maxMargin, scale, reduction, normalizer), weight, device,
            nameof(weight)), scale, reduction, normalizer, ignore_index)
    {
    }

    private LdamLoss(LongTailParts parts, double scale, Reduction reduction, MeanNormalizer normalizer, long ignore_index)
        : base(parts.Count, parts.Weights, reduction, normalizer, cast => MulInPlace(cast, -scale).unsqueeze(1))
    {
        IgnoreIndex = ignore_index;
        Scale = scale;
        MaxMargin = Max(parts.Values);
        _margins = parts.NewBuffer();
        register_buffer(BufferName, _margins);
    }

    /// <summary>Creates the loss from margins you already have (e.g. <see cref="LdamMargins.Compute"/> with
    /// <see cref="ZeroCountPolicy.ZeroWeight"/>, for a class without training samples).</summary>
    /// <param name="margins">One finite margin Δ_c ≥ 0 per class.</param>
    /// <param name="reduction">None, Mean (default) or Sum.</param>
    /// <param name="normalizer">What Mean divides by.</param>
    /// <param name="ignore_index">A label value that contributes nothing.</param>
    /// <param name="scale">s &gt; 0 (finite).</param>
    /// <param name="weight">Optional per-class weights α_c; empty for none.</param>
    /// <param name="device">Where to keep the buffers.</param>
    /// <returns>A new loss module.</returns>
    /// <exception cref="ArgumentException">A margin is negative or not finite, or as the counts constructor.</exception>
    /// <exception cref="ArgumentOutOfRangeException">As the counts constructor.</exception>
    public static LdamLoss FromMargins(
        ReadOnlySpan<double> margins,
        Reduction reduction = Reduction.Mean,
        MeanNormalizer normalizer = MeanNormalizer.WeightSum,
        long ignore_index = Validation.DefaultIgnoreIndex,
        double scale = DefaultScale,
        ReadOnlySpan<double> weight = default,
        CbDevice device = CbDevice.Auto)
    {
        LongTailValidation.Scale(scale, nameof(scale));
        CheckOptions(reduction, normalizer);
        LongTailValidation.Margins(margins, nameof(margins));
        return new LdamLoss(LongTailParts.Of(margins.ToArray(), weight, device, nameof(weight)), scale, reduction,
            normalizer, ignore_index);
    }

    /// <summary>m_max: the largest margin (the rarest class's).</summary>
    public double MaxMargin { get; }

    /// <summary>s: the scale applied to the margin-shifted logits.</summary>
    public double Scale { get; }

    /// <summary>The registered buffer <c>margins</c> [C] (float64 unless converted with <c>.to(dtype)</c>).
    /// Treat it as read-only.</summary>
    public Tensor Margins => _margins;

    /// <summary>The label value that contributes nothing to the loss.</summary>
    public long IgnoreIndex { get; }

    /// <inheritdoc/>
    private protected override string ClassesFrom => "one per class of the loss's margins";

    /// <summary>Computes the loss.</summary>
    /// <param name="logits">Logits [B, C] of a floating dtype, on the buffers' device.</param>
    /// <param name="target">Int64 class indices [B] in [0, C) or equal to <see cref="IgnoreIndex"/>.</param>
    /// <returns>A scalar for Mean/Sum, per-sample losses [B] for None, in the logits' dtype.</returns>
    /// <exception cref="ArgumentException">A shape, dtype, device or label value is wrong; the message names it.</exception>
    /// <exception cref="ObjectDisposedException">The module has been disposed.</exception>
    public override Tensor forward(Tensor logits, Tensor target)
    {
        var weights = WeightsFor(logits, target, _margins);
        var shift = ShiftFor(_margins, logits);
        return LongTailCore.Ldam(logits, target, shift, Scale, weights, reduction, Normalizer, IgnoreIndex);
    }

    /// <summary>The margins as managed doubles (read from the buffer), e.g. to build a twin module.</summary>
    internal double[] MarginValues()
    {
        using var scope = NewDisposeScope();
        return _margins.to(ScalarType.Float64).cpu().data<double>().ToArray();
    }

    private static double[] MarginsOf(
        ReadOnlySpan<long> counts, double maxMargin, double scale, Reduction reduction, MeanNormalizer normalizer)
    {
        LongTailValidation.Scale(scale, nameof(scale));
        CheckOptions(reduction, normalizer);
        LongTailValidation.NoEmptyClass(counts, LongTailValidation.LdamName, nameof(counts));
        return LdamMargins.Compute(counts, maxMargin);   // checks m_max, then the counts
    }

    private static double Max(double[] values)
    {
        double max = 0.0;
        foreach (double v in values)
        {
            max = Math.Max(max, v);
        }

        return max;
    }
}
