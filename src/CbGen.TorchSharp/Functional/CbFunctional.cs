using System;
using CbGen.TorchSharp.Internal;
using static TorchSharp.torch;
using Reduction = TorchSharp.torch.nn.Reduction;

namespace CbGen.TorchSharp
{
    /// <summary>
    /// Functional forms of the class-balanced losses, named like <c>torch.nn.functional</c>. They compute exactly
    /// what <see cref="ClassBalancedSoftmaxLoss"/>, <see cref="ClassBalancedSigmoidLoss"/> and
    /// <see cref="ClassBalancedFocalLoss"/> compute (see those classes for the semantics of targets, reductions and
    /// <see cref="MeanNormalizer"/>), with the weights passed per call: <c>weight</c> is validated on
    /// every call (one min/max reduction) and cast to the logits' dtype and device when it differs. Prefer the
    /// modules in a training loop.
    /// </summary>
#pragma warning disable CA1707 // snake_case names on purpose: they mirror torch.nn.functional.
    public static partial class CbFunctional
    {
        /// <summary>Class-balanced softmax cross-entropy: per-sample α_{y_i}·CE_i, through one fused
        /// <c>cross_entropy(weight: α)</c>. See <see cref="ClassBalancedSoftmaxLoss"/>.</summary>
        /// <param name="logits">Logits [B, C] of a floating dtype.</param>
        /// <param name="target">Int64 class indices [B] in [0, C) or equal to <paramref name="ignore_index"/>.</param>
        /// <param name="weight">Rank-1 tensor of C finite, non-negative class weights α_c.</param>
        /// <param name="reduction">None (per-sample [B]), Mean (default) or Sum.</param>
        /// <param name="normalizer">What Mean divides the sum by (default: the number of non-ignored samples).</param>
        /// <param name="ignore_index">A label value that contributes nothing (PyTorch's default −100).</param>
        /// <param name="label_smoothing">ε in [0, 1], with the semantics of PyTorch's <c>cross_entropy</c>.</param>
        /// <returns>A scalar for Mean/Sum, per-sample losses [B] for None.</returns>
        /// <exception cref="ArgumentException">A shape, dtype, device, label or weight value is wrong; the message
        /// names the parameter, what was expected and what was passed.</exception>
        /// <exception cref="ArgumentOutOfRangeException">An enum value is undefined or <paramref name="label_smoothing"/>
        /// is outside [0, 1].</exception>
        public static Tensor cb_softmax_cross_entropy(
            Tensor logits,
            Tensor target,
            Tensor weight,
            Reduction reduction = Reduction.Mean,
            MeanNormalizer normalizer = MeanNormalizer.PositiveLabels,
            long ignore_index = Validation.DefaultIgnoreIndex,
            double label_smoothing = 0.0)
        {
            CheckOptions(reduction, normalizer);
            Validation.LabelSmoothing(label_smoothing, nameof(label_smoothing));
            var weights = CheckInputs(logits, target, weight);
            using var scope = NewDisposeScope();
            return LossCore.Softmax(logits, target, weights, reduction, normalizer, ignore_index, label_smoothing)
                .MoveToOuterDisposeScope();
        }

        /// <summary>Class-balanced sigmoid cross-entropy: BCE-with-logits with all C terms of sample i weighted by
        /// α_{y_i} (class indices) or element (i, c) by α_c (float targets). See <see cref="ClassBalancedSigmoidLoss"/>.</summary>
        /// <param name="logits">Logits [B, C] of a floating dtype.</param>
        /// <param name="target">Int64 class indices [B], or floating multi-hot/soft targets [B, C] in [0, 1].</param>
        /// <param name="weight">Rank-1 tensor of C finite, non-negative class weights α_c.</param>
        /// <param name="reduction">None (element losses [B, C]), Mean (default) or Sum.</param>
        /// <param name="normalizer">What Mean divides the sum by (default: the number of positive labels).</param>
        /// <returns>A scalar for Mean/Sum, element losses [B, C] for None.</returns>
        /// <exception cref="ArgumentException">A shape, dtype, device, label or weight value is wrong; the message
        /// names the parameter, what was expected and what was passed.</exception>
        /// <exception cref="ArgumentOutOfRangeException">An enum value is undefined.</exception>
        public static Tensor cb_sigmoid_cross_entropy(
            Tensor logits,
            Tensor target,
            Tensor weight,
            Reduction reduction = Reduction.Mean,
            MeanNormalizer normalizer = MeanNormalizer.PositiveLabels)
        {
            CheckOptions(reduction, normalizer);
            var weights = CheckInputs(logits, target, weight);
            using var scope = NewDisposeScope();
            return LossCore.Sigmoid(logits, target, weights, reduction, normalizer).MoveToOuterDisposeScope();
        }

        /// <summary>Class-balanced focal loss: the sigmoid loss of each element times (1 - p_t)^γ, computed in log
        /// space so extreme logits and γ &lt; 1 stay finite. See <see cref="ClassBalancedFocalLoss"/>.</summary>
        /// <param name="logits">Logits [B, C] of a floating dtype.</param>
        /// <param name="target">Int64 class indices [B], or floating multi-hot/soft targets [B, C] in [0, 1].</param>
        /// <param name="weight">Rank-1 tensor of C finite, non-negative class weights α_c.</param>
        /// <param name="reduction">None (element losses [B, C]), Mean (default) or Sum.</param>
        /// <param name="normalizer">What Mean divides the sum by (default: the number of positive labels).</param>
        /// <param name="gamma">The focusing parameter γ ≥ 0 (finite); 0 gives the sigmoid loss exactly.</param>
        /// <returns>A scalar for Mean/Sum, element losses [B, C] for None.</returns>
        /// <exception cref="ArgumentException">A shape, dtype, device, label or weight value is wrong; the message
        /// names the parameter, what was expected and what was passed.</exception>
        /// <exception cref="ArgumentOutOfRangeException">An enum value is undefined, or γ is negative or not finite.</exception>
        public static Tensor cb_focal_loss(
            Tensor logits,
            Tensor target,
            Tensor weight,
            Reduction reduction = Reduction.Mean,
            MeanNormalizer normalizer = MeanNormalizer.PositiveLabels,
            double gamma = 2.0)
        {
            CheckOptions(reduction, normalizer);
            Validation.Gamma(gamma, nameof(gamma));
            var weights = CheckInputs(logits, target, weight);
            using var scope = NewDisposeScope();
            return LossCore.Focal(logits, target, weights, gamma, reduction, normalizer).MoveToOuterDisposeScope();
        }

        private static void CheckOptions(Reduction reduction, MeanNormalizer normalizer)
        {
            Validation.Reduction(reduction, nameof(reduction));
            Validation.Normalizer(normalizer, nameof(normalizer));
        }

        /// <summary>Checks the weight, the logits against it and the target's presence (the target's shape and
        /// values are checked by the loss); returns the per-call weights, which allocate nothing until used.</summary>
        private static TransientWeights CheckInputs(Tensor logits, Tensor target, Tensor weight)
        {
            bool positive = Validation.Weights(weight, nameof(weight));
            Validation.Logits(logits, weight.numel(), Validation.LogitsName);
            Validation.NotNullOrDisposed(target, nameof(target));
            return new TransientWeights(weight, positive);
        }
    }
#pragma warning restore CA1707
}
