using System;
using System.Collections.Generic;
using CbGen.TorchSharp.Internal;
using TorchSharp;
using static TorchSharp.torch;
using Reduction = TorchSharp.torch.nn.Reduction;

namespace CbGen.TorchSharp;

/// <summary>
/// Class-balanced softmax cross-entropy (Cui et al., CVPR 2019): sample i's cross-entropy is weighted by
/// α_{y_i}, the class-balanced weight of its label, as in the paper's official code. A TorchSharp loss module
/// like <c>nn.CrossEntropyLoss</c>, computed with one fused <c>cross_entropy(weight: α)</c> call.
/// </summary>
/// <remarks>
/// <para><b>Targets:</b> Int64 class indices of shape [B]; a label equal to <see cref="IgnoreIndex"/> contributes
/// nothing. <b>Reductions:</b> <see cref="Reduction.None"/> returns the per-sample losses [B] (0 for ignored
/// samples); <see cref="Reduction.Sum"/> their plain sum; <see cref="Reduction.Mean"/> that sum divided by the
/// <see cref="PerClassLoss.Normalizer"/>: <see cref="MeanNormalizer.PositiveLabels"/> (default, official code)
/// divides by the number of non-ignored samples, <see cref="MeanNormalizer.WeightSum"/> by Σ_{i not ignored}
/// α_{y_i} (PyTorch's weighted mean: with all weights 1 it equals <c>nn.functional.cross_entropy</c>, also with
/// ignore_index and label smoothing), <see cref="MeanNormalizer.AllTerms"/> by B (the mean of the
/// <see cref="Reduction.None"/> output, ignored samples included). A batch whose labels are all ignored gives 0,
/// not 0 / 0, and so does a WeightSum batch whose applied weights are all 0.</para>
/// <para><b>Label smoothing</b> ε follows PyTorch's <c>cross_entropy(weight, label_smoothing)</c> exactly:
/// loss_i = (1 - ε)·α_{y_i}·(-log p_{i,y_i}) + (ε / C)·Σ_c α_c·(-log p_{i,c}), so the smoothing term weighs
/// class c by α_c.</para>
/// <para><b>Weights</b> live in the float64 buffer <c>class_weights</c> (<see cref="PerClassLoss.ClassWeights"/>),
/// a copy the module owns: it moves with <c>.to()</c>, is saved by <c>state_dict</c> and survives a dispose scope
/// around the constructor; see <see cref="PerClassLoss"/> for how <c>forward</c> caches it.</para>
/// </remarks>
public sealed class ClassBalancedSoftmaxLoss : PerClassLoss
{
    /// <summary>Creates the loss from per-class weights α_c (copied into the module's buffer).</summary>
    /// <param name="weight">One finite, non-negative weight α_c per class: an array or span, or a rank-1 tensor of a
    /// floating or integer dtype (copied, never taken over).</param>
    /// <param name="reduction">None (per-sample [B]), Mean (default) or Sum.</param>
    /// <param name="normalizer">What <see cref="Reduction.Mean"/> divides by; see the class remarks.</param>
    /// <param name="ignore_index">A label value that contributes nothing (PyTorch's default −100).</param>
    /// <param name="label_smoothing">ε in [0, 1], with PyTorch's semantics.</param>
    /// <param name="device">Where to keep the weights; <see cref="CbDevice.Auto"/> picks CUDA when available.</param>
    /// <exception cref="ArgumentException">The weights are empty, negative or not finite.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An enum value is undefined or <paramref name="label_smoothing"/>
    /// is outside [0, 1].</exception>
    /// <exception cref="InvalidOperationException"><see cref="CbDevice.Cuda"/> without CUDA.</exception>
    public ClassBalancedSoftmaxLoss(
        ReadOnlySpan<double> weight,
        Reduction reduction = Reduction.Mean,
        MeanNormalizer normalizer = MeanNormalizer.PositiveLabels,
        long ignore_index = Validation.DefaultIgnoreIndex,
        double label_smoothing = 0.0,
        CbDevice device = CbDevice.Auto)
        : this(CheckOptions(reduction, normalizer, label_smoothing), normalizer, OwnedWeights.Of(weight, device, nameof(weight)),
            ignore_index, label_smoothing)
    {
    }

    /// <summary>Creates the loss from an array of per-class weights α_c (copied into the module's buffer). This
    /// overload makes a <c>double[]</c> bind without a cast in C# 12, where an array converts to a span and to a
    /// TorchSharp tensor alike.</summary>
    /// <inheritdoc cref="ClassBalancedSoftmaxLoss(ReadOnlySpan{double}, Reduction, MeanNormalizer, long, double, CbDevice)" path="/param"/>
    /// <exception cref="ArgumentNullException"><paramref name="weight"/> is null.</exception>
    /// <inheritdoc cref="ClassBalancedSoftmaxLoss(ReadOnlySpan{double}, Reduction, MeanNormalizer, long, double, CbDevice)" path="/exception"/>
#pragma warning disable RS0026 // An exact double[] overload ends C# 12's span-or-tensor ambiguity; it makes no call ambiguous.
    public ClassBalancedSoftmaxLoss(
#pragma warning restore RS0026
        double[] weight,
        Reduction reduction = Reduction.Mean,
        MeanNormalizer normalizer = MeanNormalizer.PositiveLabels,
        long ignore_index = Validation.DefaultIgnoreIndex,
        double label_smoothing = 0.0,
        CbDevice device = CbDevice.Auto)
        : this(new ReadOnlySpan<double>(weight ?? throw new ArgumentNullException(nameof(weight))), reduction, normalizer, ignore_index, label_smoothing, device)
    {
    }

    /// <summary>Creates the loss from a rank-1 tensor of per-class weights. The tensor is copied (detached,
    /// float64, on <paramref name="device"/>): the module never takes it over, aliases or disposes it.</summary>
    /// <inheritdoc cref="ClassBalancedSoftmaxLoss(ReadOnlySpan{double}, Reduction, MeanNormalizer, long, double, CbDevice)" path="/param"/>
    /// <exception cref="ArgumentNullException"><paramref name="weight"/> is null.</exception>
    /// <exception cref="ArgumentException">The tensor is disposed, not rank 1, empty, complex/bool, negative or
    /// not finite.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An enum value is undefined or <paramref name="label_smoothing"/>
    /// is outside [0, 1].</exception>
    /// <exception cref="InvalidOperationException"><see cref="CbDevice.Cuda"/> without CUDA.</exception>
    public ClassBalancedSoftmaxLoss(
        Tensor weight,
        Reduction reduction = Reduction.Mean,
        MeanNormalizer normalizer = MeanNormalizer.PositiveLabels,
        long ignore_index = Validation.DefaultIgnoreIndex,
        double label_smoothing = 0.0,
        CbDevice device = CbDevice.Auto)
        : this(CheckOptions(reduction, normalizer, label_smoothing), normalizer, OwnedWeights.Of(weight, device, nameof(weight)),
            ignore_index, label_smoothing)
    {
    }

    /// <summary>The one path every constructor takes, with the options checked before the weights.</summary>
    private ClassBalancedSoftmaxLoss(
        Reduction reduction, MeanNormalizer normalizer, OwnedWeights weights, long ignore_index, double label_smoothing)
        : base(weights.Count, weights, reduction, normalizer)
    {
        IgnoreIndex = ignore_index;
        LabelSmoothing = label_smoothing;
    }

    /// <summary>
    /// Creates the loss from training samples per class and β: α = <see cref="ClassBalancedWeights.Compute(ReadOnlySpan{long}, double, WeightNormalization, ZeroCountPolicy)"/>
    /// (normalised to sum to C; a zero count throws — compute the weights with
    /// <see cref="ZeroCountPolicy.ZeroWeight"/> and use the span constructor to allow empty classes).
    /// </summary>
    /// <param name="counts">Training samples per class, indexed like the logits' columns.</param>
    /// <param name="beta">β in [0, 1]: 0 gives uniform weights, 1 inverse frequency.</param>
    /// <param name="reduction">None (per-sample [B]), Mean (default) or Sum.</param>
    /// <param name="normalizer">What <see cref="Reduction.Mean"/> divides by; see the class remarks.</param>
    /// <param name="ignore_index">A label value that contributes nothing (PyTorch's default −100).</param>
    /// <param name="label_smoothing">ε in [0, 1], with PyTorch's semantics.</param>
    /// <param name="device">Where to keep the weights; <see cref="CbDevice.Auto"/> picks CUDA when available.</param>
    /// <returns>A new loss module.</returns>
    /// <exception cref="ArgumentException">The counts are empty, negative or hold a 0.</exception>
    /// <exception cref="ArgumentOutOfRangeException">β is outside [0, 1], or as the constructor.</exception>
    public static ClassBalancedSoftmaxLoss FromCounts(
        ClassCounts counts,
        double beta,
        Reduction reduction = Reduction.Mean,
        MeanNormalizer normalizer = MeanNormalizer.PositiveLabels,
        long ignore_index = Validation.DefaultIgnoreIndex,
        double label_smoothing = 0.0,
        CbDevice device = CbDevice.Auto) =>
        new ClassBalancedSoftmaxLoss(Counts.ClassBalancedWeightsOf(counts.Span, beta, nameof(counts)), reduction, normalizer,
            ignore_index, label_smoothing, device);

    /// <summary>The label value that contributes nothing to the loss.</summary>
    public long IgnoreIndex { get; }

    /// <summary>The label-smoothing ε (PyTorch semantics).</summary>
    public double LabelSmoothing { get; }

    /// <summary>Computes the loss.</summary>
    /// <param name="logits">Logits [B, C] of a floating dtype, on the weights' device.</param>
    /// <param name="target">Int64 class indices [B] in [0, C) or equal to <see cref="IgnoreIndex"/>.</param>
    /// <returns>A scalar for Mean/Sum, per-sample losses [B] for None, in the logits' dtype.</returns>
    /// <exception cref="ArgumentException">A shape, dtype, device or label value is wrong; the message names it.</exception>
    /// <exception cref="ObjectDisposedException">The module has been disposed.</exception>
    public override Tensor forward(Tensor logits, Tensor target) =>
        LossCore.Softmax(logits, target, WeightsFor(logits, target)!, reduction, Normalizer, IgnoreIndex,
            LabelSmoothing);

    /// <summary>Checks the options in the order the constructors always have: reduction, normaliser, ε.</summary>
    private static Reduction CheckOptions(Reduction reduction, MeanNormalizer normalizer, double label_smoothing)
    {
        PerClassLoss.CheckOptions(reduction, normalizer);
        Validation.LabelSmoothing(label_smoothing, nameof(label_smoothing));
        return reduction;
    }
}
