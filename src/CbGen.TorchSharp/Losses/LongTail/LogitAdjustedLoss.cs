using System;
using CbGen.TorchSharp.Internal;
using TorchSharp;
using TorchSharp.Utils;
using static TorchSharp.torch;
using Reduction = TorchSharp.torch.nn.Reduction;

namespace CbGen.TorchSharp;

/// <summary>
/// The logit-adjusted loss of Menon et al. (ICLR 2021): ℓ_i = CE(z_i + τ·log π, y_i) with class priors
/// π_c = n_c / Σ_k n_k. Rare classes get their logits lowered during training, so the model must push them
/// further up: a larger margin for the tail. τ = 1 is also the balanced softmax of Ren et al. (NeurIPS 2020)
/// (CE(z + log n) is the same value: the shift by log Σn cancels); τ = 0 is plain cross-entropy. A TorchSharp
/// loss module like <c>nn.CrossEntropyLoss</c>: one broadcast add and one fused <c>cross_entropy</c> per call.
/// </summary>
/// <remarks>
/// <para><b>Targets:</b> Int64 class indices [B]; a label equal to <see cref="IgnoreIndex"/>
/// contributes nothing. Reductions, normalisers and buffers: see <see cref="PerClassLoss"/>. The log-priors
/// live in the float64 buffer <c>log_priors</c> (<see cref="LogPriors"/>); <c>forward</c> caches τ·log π in the
/// logits' dtype and device.</para>
/// <para><b>At prediction time</b> use the raw logits z (the adjustment is a training device); to adjust the
/// logits of a model trained with plain cross-entropy instead, see
/// <see cref="CbFunctional.adjust_logits(Tensor, Tensor, double)"/>.</para>
/// </remarks>
public sealed class LogitAdjustedLoss : PerClassLoss
{
    private const string BufferName = "log_priors";

    [ComponentName(Name = BufferName)]
    private Tensor _logPriors;

    /// <summary>Creates the loss from training samples per class.</summary>
    /// <param name="counts">Training samples per class, indexed like the logits' columns; every count ≥ 1.</param>
    /// <param name="reduction">None (per-sample [B]), Mean (default) or Sum.</param>
    /// <param name="normalizer">What Mean divides by; see <see cref="PerClassLoss"/> (WeightSum, PyTorch's
    /// weighted mean, by default).</param>
    /// <param name="ignore_index">A label value that contributes nothing (PyTorch's default −100).</param>
    /// <param name="tau">τ ≥ 0 (finite): 1 (default) is the paper's choice and the balanced softmax, 0 plain CE.</param>
    /// <param name="weight">Optional per-class weights α_c (finite, ≥ 0), one per class; empty (default)
    /// for none.</param>
    /// <param name="device">Where to keep the buffers; <see cref="CbDevice.Auto"/> picks CUDA when available.</param>
    /// <exception cref="ArgumentException">The counts are empty, negative or hold a 0 (log 0 = −∞ is not a
    /// usable shift); the class weights are negative, not finite or not one per class.</exception>
    /// <exception cref="ArgumentOutOfRangeException">τ is negative or not finite, or an enum value is undefined.</exception>
    /// <exception cref="InvalidOperationException"><see cref="CbDevice.Cuda"/> without CUDA.</exception>
    public LogitAdjustedLoss(
        ClassCounts counts,
        Reduction reduction = Reduction.Mean,
        MeanNormalizer normalizer = MeanNormalizer.WeightSum,
        long ignore_index = Validation.DefaultIgnoreIndex,
        double tau = CbDefaults.Tau,
        ReadOnlySpan<double> weight = default,
        CbDevice device = CbDevice.Auto)
        : this(LongTailParts.Of(LogPriorsOf(counts.Span, tau, reduction, normalizer), weight, device, nameof(weight)),
            tau, reduction, normalizer, ignore_index)
    {
    }

    private LogitAdjustedLoss(LongTailParts parts, double tau, Reduction reduction, MeanNormalizer normalizer, long ignore_index)
        : base(parts.Count, parts.Weights, reduction, normalizer, cast => MulInPlace(cast, tau))
    {
        IgnoreIndex = ignore_index;
        Tau = tau;
        _logPriors = parts.NewBuffer();
        register_buffer(BufferName, _logPriors);
    }

    /// <summary>
    /// Creates the loss from log-priors you already have (e.g. estimated priors, or log-counts: any per-class
    /// constant added to all of them leaves the loss unchanged).
    /// </summary>
    /// <param name="log_priors">One finite log π_c per class.</param>
    /// <param name="reduction">None, Mean (default) or Sum.</param>
    /// <param name="normalizer">What Mean divides by.</param>
    /// <param name="ignore_index">A label value that contributes nothing.</param>
    /// <param name="tau">τ ≥ 0 (finite).</param>
    /// <param name="weight">Optional per-class weights α_c; empty for none.</param>
    /// <param name="device">Where to keep the buffers.</param>
    /// <returns>A new loss module.</returns>
    /// <exception cref="ArgumentException">A log-prior is not finite, or as the counts constructor.</exception>
    /// <exception cref="ArgumentOutOfRangeException">As the counts constructor.</exception>
    public static LogitAdjustedLoss FromLogPriors(
        ReadOnlySpan<double> log_priors,
        Reduction reduction = Reduction.Mean,
        MeanNormalizer normalizer = MeanNormalizer.WeightSum,
        long ignore_index = Validation.DefaultIgnoreIndex,
        double tau = CbDefaults.Tau,
        ReadOnlySpan<double> weight = default,
        CbDevice device = CbDevice.Auto)
    {
        LongTailValidation.Tau(tau, nameof(tau));
        CheckOptions(reduction, normalizer);
        LongTailValidation.LogPriors(log_priors, nameof(log_priors));
        return new LogitAdjustedLoss(LongTailParts.Of(log_priors.ToArray(), weight, device, nameof(weight)), tau,
            reduction, normalizer, ignore_index);
    }

    /// <summary>τ, the strength of the adjustment.</summary>
    public double Tau { get; }

    /// <summary>The registered buffer <c>log_priors</c> [C] (float64 unless converted with <c>.to(dtype)</c>).
    /// Treat it as read-only.</summary>
    public Tensor LogPriors => _logPriors;

    /// <summary>The label value that contributes nothing to the loss.</summary>
    public long IgnoreIndex { get; }

    /// <inheritdoc/>
    private protected override string ClassesFrom => "one per class of the loss's log-priors";

    /// <summary>Computes the loss.</summary>
    /// <param name="logits">Logits [B, C] of a floating dtype, on the buffers' device.</param>
    /// <param name="target">Int64 class indices [B] in [0, C) or equal to <see cref="IgnoreIndex"/>.</param>
    /// <returns>A scalar for Mean/Sum, per-sample losses [B] for None, in the logits' dtype.</returns>
    /// <exception cref="ArgumentException">A shape, dtype, device or label value is wrong; the message names it.</exception>
    /// <exception cref="ObjectDisposedException">The module has been disposed.</exception>
    public override Tensor forward(Tensor logits, Tensor target)
    {
        var weights = WeightsFor(logits, target, _logPriors);
        var shift = ShiftFor(_logPriors, logits);
        // Stryker disable once Conditional : at τ = 0 the shift is a row of zeros; null only saves the add
        return LongTailCore.LogitAdjusted(logits, target, Tau == 0.0 ? null : shift, weights, reduction,
            Normalizer, IgnoreIndex);
    }

    private static double[] LogPriorsOf(
        ReadOnlySpan<long> counts, double tau, Reduction reduction, MeanNormalizer normalizer)
    {
        LongTailValidation.Tau(tau, nameof(tau));
        CheckOptions(reduction, normalizer);
        LongTailValidation.NoEmptyClass(counts, LongTailValidation.LogitAdjustedName, nameof(counts));
        return ClassPriors.LogPriors(counts);
    }
}
