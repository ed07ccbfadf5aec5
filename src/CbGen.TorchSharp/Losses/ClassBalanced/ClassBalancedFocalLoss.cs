using System;
using System.Collections.Generic;
using CbGen.TorchSharp.Internal;
using TorchSharp;
using static TorchSharp.torch;
using Reduction = TorchSharp.torch.nn.Reduction;

namespace CbGen.TorchSharp;

/// <summary>
/// Class-balanced focal loss (Cui et al., CVPR 2019), as in the official code: the sigmoid binary
/// cross-entropy of element (i, c) times the modulator (1 - p_t)^γ, with all C terms of sample i weighted by
/// α_{y_i}. The modulator is computed in log space, exp(γ·(log σ(z) - t·z)) — the official
/// exp(-γ·t·z - γ·log(1 + e^{-z})) rewritten with a stable log-sigmoid — so logits of ±10,000 in float32 and
/// γ &lt; 1 with p_t → 1 give a finite loss and finite gradients. For class indices the same quantities come from
/// one log-sigmoid of q = z·(2t − 1): BCE = −log σ(q) and log(1 − p_t) = log σ(q) − q (exact even for tiny
/// losses, and fewer passes over [B, C]), and the gradient is computed in closed form in the same pass, as one
/// autograd node (second-order gradients stay exact). γ = 0 is exactly <see cref="ClassBalancedSigmoidLoss"/>.
/// </summary>
/// <remarks>
/// <para><b>Targets:</b> Int64 class indices [B] (one-hot inside; element (i, c) weighs α_{y_i}), or floating
/// multi-hot / soft targets [B, C] with values in [0, 1] (checked: another value, NaN or ±∞ is an
/// <see cref="ArgumentException"/> naming it and its position), where element (i, c) weighs
/// α_c: a multi-label sample has no single y_i, so each binary term takes the weight of its own class. Note
/// that a one-hot float target therefore weighs its negatives by their own classes' α_c, unlike the same label
/// given as a class index.</para>
/// <para><b>Reductions:</b> <see cref="Reduction.None"/> returns the weighted element losses [B, C];
/// <see cref="Reduction.Sum"/> their plain sum; <see cref="Reduction.Mean"/> that sum divided by the
/// <see cref="PerClassLoss.Normalizer"/>: <see cref="MeanNormalizer.PositiveLabels"/> (default, official
/// code) by the number of positive labels — B for class indices, max(Σ_{i,c} t_ic, 1) for float targets (the number of ones for
/// multi-hot; at least 1, as RetinaNet does, so a batch without positives is not divided by 0);
/// <see cref="MeanNormalizer.WeightSum"/> by the weight of the positive labels — Σ_i α_{y_i} for class indices,
/// Σ_{i,c} t_ic·α_c for float targets (1 if that is 0); <see cref="MeanNormalizer.AllTerms"/> by B·C (the mean
/// of the None output, what the popular PyTorch ports do).</para>
/// <para><b>Weights</b> live in the float64 buffer <c>class_weights</c> (<see cref="PerClassLoss.ClassWeights"/>),
/// a copy the module owns: it moves with <c>.to()</c>, is saved by <c>state_dict</c> and survives a dispose scope
/// around the constructor; see <see cref="PerClassLoss"/> for how <c>forward</c> caches it.</para>
/// </remarks>
public sealed class ClassBalancedFocalLoss : PerClassLoss
{
    /// <summary>Creates the loss from per-class weights α_c (copied into the module's buffer).</summary>
    /// <param name="weight">One finite, non-negative weight α_c per class: an array or span, or a rank-1 tensor of a
    /// floating or integer dtype (copied, never taken over).</param>
    /// <param name="reduction">None (element losses [B, C]), Mean (default) or Sum.</param>
    /// <param name="normalizer">What <see cref="Reduction.Mean"/> divides by; see the class remarks.</param>
    /// <param name="gamma">The focusing parameter γ ≥ 0 (finite); the paper searches 0.5, 1 and 2.</param>
    /// <param name="device">Where to keep the weights; <see cref="CbDevice.Auto"/> picks CUDA when available.</param>
    /// <exception cref="ArgumentException">The weights are empty, negative or not finite.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An enum value is undefined, or γ is negative or not finite.</exception>
    /// <exception cref="InvalidOperationException"><see cref="CbDevice.Cuda"/> without CUDA.</exception>
    public ClassBalancedFocalLoss(
        ReadOnlySpan<double> weight,
        Reduction reduction = Reduction.Mean,
        MeanNormalizer normalizer = MeanNormalizer.PositiveLabels,
        double gamma = CbDefaults.Gamma,
        CbDevice device = CbDevice.Auto)
        : this(CheckOptions(reduction, normalizer, gamma), normalizer, OwnedWeights.Of(weight, device, nameof(weight)), gamma)
    {
    }

    /// <summary>Creates the loss from an array of per-class weights α_c (copied into the module's buffer). This
    /// overload makes a <c>double[]</c> bind without a cast in C# 12, where an array converts to a span and to a
    /// TorchSharp tensor alike.</summary>
    /// <inheritdoc cref="ClassBalancedFocalLoss(ReadOnlySpan{double}, Reduction, MeanNormalizer, double, CbDevice)" path="/param"/>
    /// <exception cref="ArgumentNullException"><paramref name="weight"/> is null.</exception>
    /// <inheritdoc cref="ClassBalancedFocalLoss(ReadOnlySpan{double}, Reduction, MeanNormalizer, double, CbDevice)" path="/exception"/>
#pragma warning disable RS0026 // An exact double[] overload ends C# 12's span-or-tensor ambiguity; it makes no call ambiguous.
    public ClassBalancedFocalLoss(
#pragma warning restore RS0026
        double[] weight,
        Reduction reduction = Reduction.Mean,
        MeanNormalizer normalizer = MeanNormalizer.PositiveLabels,
        double gamma = CbDefaults.Gamma,
        CbDevice device = CbDevice.Auto)
        : this(new ReadOnlySpan<double>(weight ?? throw new ArgumentNullException(nameof(weight))), reduction, normalizer, gamma, device)
    {
    }

    /// <summary>Creates the loss from a rank-1 tensor of per-class weights. The tensor is copied (detached,
    /// float64, on <paramref name="device"/>): the module never takes it over, aliases or disposes it.</summary>
    /// <inheritdoc cref="ClassBalancedFocalLoss(ReadOnlySpan{double}, Reduction, MeanNormalizer, double, CbDevice)" path="/param"/>
    /// <exception cref="ArgumentNullException"><paramref name="weight"/> is null.</exception>
    /// <exception cref="ArgumentException">The tensor is disposed, not rank 1, empty, complex/bool, negative or
    /// not finite.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An enum value is undefined, or γ is negative or not finite.</exception>
    /// <exception cref="InvalidOperationException"><see cref="CbDevice.Cuda"/> without CUDA.</exception>
    public ClassBalancedFocalLoss(
        Tensor weight,
        Reduction reduction = Reduction.Mean,
        MeanNormalizer normalizer = MeanNormalizer.PositiveLabels,
        double gamma = CbDefaults.Gamma,
        CbDevice device = CbDevice.Auto)
        : this(CheckOptions(reduction, normalizer, gamma), normalizer, OwnedWeights.Of(weight, device, nameof(weight)), gamma)
    {
    }

    /// <summary>The one path every constructor takes, with the options checked before the weights.</summary>
    private ClassBalancedFocalLoss(Reduction reduction, MeanNormalizer normalizer, OwnedWeights weights, double gamma)
        : base(weights.Count, weights, reduction, normalizer)
    {
        Gamma = gamma;
    }

    /// <summary>
    /// Creates the loss from training samples per class and β through
    /// <see cref="ClassBalancedWeights.Compute(ReadOnlySpan{long}, double, WeightNormalization, ZeroCountPolicy)"/>
    /// (weights sum to C; a zero count throws — use the span constructor with weights computed under
    /// <see cref="ZeroCountPolicy.ZeroWeight"/> to allow empty classes).
    /// </summary>
    /// <param name="counts">Training samples per class, indexed like the logits' columns.</param>
    /// <param name="beta">β in [0, 1]: 0 gives uniform weights, 1 inverse frequency.</param>
    /// <param name="reduction">None (element losses [B, C]), Mean (default) or Sum.</param>
    /// <param name="normalizer">What <see cref="Reduction.Mean"/> divides by; see the class remarks.</param>
    /// <param name="gamma">The focusing parameter γ ≥ 0 (finite); the paper searches 0.5, 1 and 2.</param>
    /// <param name="device">Where to keep the weights; <see cref="CbDevice.Auto"/> picks CUDA when available.</param>
    /// <returns>A new loss module.</returns>
    /// <exception cref="ArgumentException">The counts are empty, negative or hold a 0.</exception>
    /// <exception cref="ArgumentOutOfRangeException">β is outside [0, 1], or as the constructor.</exception>
    public static ClassBalancedFocalLoss FromCounts(
        ClassCounts counts,
        double beta,
        Reduction reduction = Reduction.Mean,
        MeanNormalizer normalizer = MeanNormalizer.PositiveLabels,
        double gamma = CbDefaults.Gamma,
        CbDevice device = CbDevice.Auto) =>
        new ClassBalancedFocalLoss(Counts.ClassBalancedWeightsOf(counts.Span, beta, nameof(counts)), reduction, normalizer, gamma, device);

    /// <summary>The focusing parameter γ of the modulator (1 - p_t)^γ.</summary>
    public double Gamma { get; }

    /// <summary>Computes the loss.</summary>
    /// <param name="logits">Logits [B, C] of a floating dtype, on the weights' device.</param>
    /// <param name="target">Int64 class indices [B] in [0, C), or floating multi-hot/soft targets [B, C] with values in [0, 1].</param>
    /// <returns>A scalar for Mean/Sum, element losses [B, C] for None, in the logits' dtype.</returns>
    /// <exception cref="ArgumentException">A shape, dtype, device, label or target value is wrong; the message names it.</exception>
    /// <exception cref="ObjectDisposedException">The module has been disposed.</exception>
    public override Tensor forward(Tensor logits, Tensor target) =>
        LossCore.Focal(logits, target, WeightsFor(logits, target)!, Gamma, reduction, Normalizer);

    /// <summary>Checks the options in the order the constructors always have: reduction, normaliser, γ.</summary>
    private static Reduction CheckOptions(Reduction reduction, MeanNormalizer normalizer, double gamma)
    {
        PerClassLoss.CheckOptions(reduction, normalizer);
        Validation.Gamma(gamma, nameof(gamma));
        return reduction;
    }
}
