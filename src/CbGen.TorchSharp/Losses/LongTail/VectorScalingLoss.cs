using System;
using CbGen.TorchSharp.Internal;
using TorchSharp;
using TorchSharp.Utils;
using static TorchSharp.torch;
using Reduction = TorchSharp.torch.nn.Reduction;

namespace CbGen.TorchSharp;

/// <summary>
/// The vector-scaling (VS) loss of Kini et al. (NeurIPS 2021): ℓ_i = CE(Δ ⊙ z_i + ι, y_i) with the scales
/// Δ_c = (n_c / n_max)^γ and the offsets ι_c = τ·log π_c (<see cref="VectorScalingTables"/>). The scales shrink the
/// rare classes' logits (a class-dependent temperature), the offsets lower them additively (logit adjustment):
/// γ = 0 is <see cref="LogitAdjustedLoss"/> exactly, τ = 0 the multiplicative part alone. One fused
/// <c>addcmul</c> and one fused <c>cross_entropy</c> per call.
/// </summary>
/// <remarks>
/// <para><b>Targets:</b> Int64 class indices [B]; a label equal to <see cref="IgnoreIndex"/> contributes nothing.
/// Reductions, normalisers and buffers: see <see cref="PerClassLoss"/>. The scales live in the float64 buffer
/// <c>scales</c> (<see cref="Scales"/>), the log-priors in <c>log_priors</c> (<see cref="LogPriors"/>);
/// <c>forward</c> caches Δ and τ·log π in the logits' dtype and device, τ·log π formed as the logit-adjusted loss
/// forms it.</para>
/// <para><b>At prediction time</b> use the raw logits z, as with the logit-adjusted loss.</para>
/// </remarks>
public sealed class VectorScalingLoss : PerClassLoss
{
    private const string ScalesName = "scales";

    private const string LogPriorsName = "log_priors";

    [ComponentName(Name = ScalesName)]
    private Tensor _scales;

    [ComponentName(Name = LogPriorsName)]
    private Tensor _logPriors;

    /// <summary>Creates the loss from training samples per class.</summary>
    /// <param name="counts">Training samples per class, indexed like the logits' columns; every count ≥ 1.</param>
    /// <param name="reduction">None (per-sample [B]), Mean (default) or Sum.</param>
    /// <param name="normalizer">What Mean divides by; see <see cref="PerClassLoss"/> (WeightSum, PyTorch's
    /// weighted mean, by default).</param>
    /// <param name="ignore_index">A label value that contributes nothing (PyTorch's default −100).</param>
    /// <param name="gamma">γ ≥ 0 (finite), the exponent of the scales: 0.3 (default) is the official code's, 0 makes
    /// this the logit-adjusted loss.</param>
    /// <param name="tau">τ ≥ 0 (finite), the strength of the offsets: 1 (default) is the logit adjustment, 0 none.</param>
    /// <param name="weight">Optional per-class weights α_c (finite, ≥ 0), one per class; empty (default)
    /// for none.</param>
    /// <param name="device">Where to keep the buffers; <see cref="CbDevice.Auto"/> picks CUDA when available.</param>
    /// <exception cref="ArgumentException">The counts are empty, negative or hold a 0 (the scale 0 and log-prior −∞
    /// of an empty class are not usable); the class weights are negative, not finite or not one per class.</exception>
    /// <exception cref="ArgumentOutOfRangeException">γ or τ is negative or not finite, or an enum value is undefined.</exception>
    /// <exception cref="InvalidOperationException"><see cref="CbDevice.Cuda"/> without CUDA.</exception>
    public VectorScalingLoss(
        ClassCounts counts,
        Reduction reduction = Reduction.Mean,
        MeanNormalizer normalizer = MeanNormalizer.WeightSum,
        long ignore_index = Validation.DefaultIgnoreIndex,
        double gamma = VectorScalingTables.DefaultGamma,
        double tau = CbDefaults.Tau,
        ReadOnlySpan<double> weight = default,
        CbDevice device = CbDevice.Auto)
        : this(TablesOf(counts.Span, gamma, tau, reduction, normalizer), tau, weight, reduction, normalizer,
            ignore_index, device)
    {
        Gamma = gamma;
    }

    private VectorScalingLoss(
        (double[] Scales, double[] LogPriors) tables, double tau, ReadOnlySpan<double> weight, Reduction reduction,
        MeanNormalizer normalizer, long ignore_index, CbDevice device)
        : this(tables, tau, weight, LongTailValidation.ClassWeights(weight, tables.Scales.Length, nameof(weight)),
            reduction, normalizer, ignore_index, CbDevices.Resolve(device))
    {
    }

    private VectorScalingLoss(
        (double[] Scales, double[] LogPriors) tables, double tau, ReadOnlySpan<double> weight, bool? allPositive,
        Reduction reduction, MeanNormalizer normalizer, long ignore_index, Device device)
        : base(tables.Scales.Length, OwnedWeights.Optional(weight, allPositive, device), reduction, normalizer,
            cast => MulInPlace(cast, tau), cast => cast)
    {
        IgnoreIndex = ignore_index;
        Tau = tau;
        Gamma = double.NaN;
        _scales = ClassWeightStore.Create(tables.Scales, device);
        register_buffer(ScalesName, _scales);
        _logPriors = ClassWeightStore.Create(tables.LogPriors, device);
        register_buffer(LogPriorsName, _logPriors);
    }

    /// <summary>
    /// Creates the loss from tables you already have (e.g. a generated <c>{Name}Weights.Scales</c> and
    /// <c>LogPriors</c>, or estimated priors).
    /// </summary>
    /// <param name="scales">One finite scale Δ_c ≥ 0 per class.</param>
    /// <param name="log_priors">One finite log π_c per class, as many as scales.</param>
    /// <param name="reduction">None, Mean (default) or Sum.</param>
    /// <param name="normalizer">What Mean divides by.</param>
    /// <param name="ignore_index">A label value that contributes nothing.</param>
    /// <param name="tau">τ ≥ 0 (finite).</param>
    /// <param name="weight">Optional per-class weights α_c; empty for none.</param>
    /// <param name="device">Where to keep the buffers.</param>
    /// <returns>A new loss module; its <see cref="Gamma"/> is NaN (not known from the scales).</returns>
    /// <exception cref="ArgumentException">A scale is negative or not finite, a log-prior is not finite, the two
    /// tables differ in length, or as the counts constructor.</exception>
    /// <exception cref="ArgumentOutOfRangeException">As the counts constructor.</exception>
    public static VectorScalingLoss FromTables(
        ReadOnlySpan<double> scales,
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
        LongTailValidation.Scales(scales, nameof(scales));
        LongTailValidation.LogPriors(log_priors, nameof(log_priors));
        LongTailValidation.SameLength(scales.Length, log_priors.Length, nameof(log_priors));
        return new VectorScalingLoss((scales.ToArray(), log_priors.ToArray()), tau, weight, reduction, normalizer,
            ignore_index, device);
    }

    /// <summary>γ, the exponent of the scales; NaN for a loss built by <see cref="FromTables"/>.</summary>
    public double Gamma { get; }

    /// <summary>τ, the strength of the offsets τ·log π.</summary>
    public double Tau { get; }

    /// <summary>The registered buffer <c>scales</c> [C] (float64 unless converted with <c>.to(dtype)</c>).
    /// Treat it as read-only.</summary>
    public Tensor Scales => _scales;

    /// <summary>The registered buffer <c>log_priors</c> [C] (float64 unless converted with <c>.to(dtype)</c>).
    /// Treat it as read-only.</summary>
    public Tensor LogPriors => _logPriors;

    /// <summary>The label value that contributes nothing to the loss.</summary>
    public long IgnoreIndex { get; }

    /// <inheritdoc/>
    private protected override string ClassesFrom => "one per class of the loss's scales and log-priors";

    /// <summary>Computes the loss.</summary>
    /// <param name="logits">Logits [B, C] of a floating dtype, on the buffers' device.</param>
    /// <param name="target">Int64 class indices [B] in [0, C) or equal to <see cref="IgnoreIndex"/>.</param>
    /// <returns>A scalar for Mean/Sum, per-sample losses [B] for None, in the logits' dtype.</returns>
    /// <exception cref="ArgumentException">A shape, dtype, device or label value is wrong; the message names it.</exception>
    /// <exception cref="ObjectDisposedException">The module has been disposed.</exception>
    public override Tensor forward(Tensor logits, Tensor target)
    {
        ThrowIfDisposed(_scales);
        var weights = WeightsFor(logits, target, _logPriors);
        var scales = FactorFor(_scales, logits);
        // Stryker disable once Conditional : at τ = 0 the offsets are a row of zeros; null only saves the add
        var offsets = Tau == 0.0 ? null : ShiftFor(_logPriors, logits);
        return LongTailCore.VectorScaling(logits, target, scales, offsets, weights, reduction, Normalizer,
            IgnoreIndex);
    }

    private static (double[] Scales, double[] LogPriors) TablesOf(
        ReadOnlySpan<long> counts, double gamma, double tau, Reduction reduction, MeanNormalizer normalizer)
    {
        VectorScalingTables.ValidateGamma(gamma, nameof(gamma));
        LongTailValidation.Tau(tau, nameof(tau));
        CheckOptions(reduction, normalizer);
        LongTailValidation.NoEmptyClass(counts, LongTailValidation.VectorScalingName, nameof(counts));
        return (VectorScalingTables.Scales(counts, gamma), ClassPriors.LogPriors(counts));
    }
}
