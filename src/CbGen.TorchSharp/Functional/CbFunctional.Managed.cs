using System;
using System.Collections.Generic;
using CbGen.TorchSharp.Internal;
using static TorchSharp.torch;
using Reduction = TorchSharp.torch.nn.Reduction;

namespace CbGen.TorchSharp
{
    /// <summary>
    /// The functional forms with the other weight sources the modules take: managed weights (an array or a span,
    /// validated on the host and made a tensor in the logits' dtype and device per call) and training samples per
    /// class with β (the weights of <see cref="ClassBalancedWeights.Compute(ReadOnlySpan{long}, double, WeightNormalization, ZeroCountPolicy)"/>,
    /// computed per call: O(C) on the host). In a training loop prefer a module, which does this once.
    /// </summary>
#pragma warning disable CA1707 // snake_case names on purpose: they mirror torch.nn.functional.
    public static partial class CbFunctional
    {
        // ---- softmax ------------------------------------------------------------------------------------------

        /// <summary>Class-balanced softmax cross-entropy with managed weights; see
        /// <see cref="cb_softmax_cross_entropy(Tensor, Tensor, Tensor, Reduction, MeanNormalizer, long, double)"/>.</summary>
        /// <param name="logits">Logits [B, C] of a floating dtype.</param>
        /// <param name="target">Int64 class indices [B] in [0, C) or equal to <paramref name="ignore_index"/>.</param>
        /// <param name="weight">C finite, non-negative class weights α_c; an array converts to this span.</param>
        /// <param name="reduction">None (per-sample [B]), Mean (default) or Sum.</param>
        /// <param name="normalizer">What Mean divides the sum by (default: the number of non-ignored samples).</param>
        /// <param name="ignore_index">A label value that contributes nothing (PyTorch's default −100).</param>
        /// <param name="label_smoothing">ε in [0, 1], with the semantics of PyTorch's <c>cross_entropy</c>.</param>
        /// <returns>A scalar for Mean/Sum, per-sample losses [B] for None.</returns>
        /// <exception cref="ArgumentException">A shape, dtype, device, label or weight value is wrong.</exception>
        /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
        public static Tensor cb_softmax_cross_entropy(
            Tensor logits,
            Tensor target,
            ReadOnlySpan<double> weight,
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

        /// <summary>Class-balanced softmax cross-entropy with the weights of <paramref name="counts"/> and
        /// <paramref name="beta"/> (summing to C).</summary>
        /// <param name="logits">Logits [B, C] of a floating dtype.</param>
        /// <param name="target">Int64 class indices [B] in [0, C) or equal to <paramref name="ignore_index"/>.</param>
        /// <param name="counts">Training samples per class (all ≥ 1), indexed like the logits' columns.</param>
        /// <param name="beta">β in [0, 1]: 0 gives uniform weights, 1 inverse frequency.</param>
        /// <param name="reduction">None (per-sample [B]), Mean (default) or Sum.</param>
        /// <param name="normalizer">What Mean divides the sum by (default: the number of non-ignored samples).</param>
        /// <param name="ignore_index">A label value that contributes nothing (PyTorch's default −100).</param>
        /// <param name="label_smoothing">ε in [0, 1], with the semantics of PyTorch's <c>cross_entropy</c>.</param>
        /// <returns>A scalar for Mean/Sum, per-sample losses [B] for None.</returns>
        /// <exception cref="ArgumentException">The counts, a shape, dtype, device or label is wrong.</exception>
        /// <exception cref="ArgumentOutOfRangeException">β or an option is out of range.</exception>
        public static Tensor cb_softmax_cross_entropy(
            Tensor logits,
            Tensor target,
            ReadOnlySpan<long> counts,
            double beta,
            Reduction reduction = Reduction.Mean,
            MeanNormalizer normalizer = MeanNormalizer.PositiveLabels,
            long ignore_index = Validation.DefaultIgnoreIndex,
            double label_smoothing = 0.0) =>
            cb_softmax_cross_entropy(logits, target, Counts.ClassBalancedWeightsOf(counts, beta, nameof(counts)), reduction, normalizer,
                ignore_index, label_smoothing);

        /// <summary>As the <see cref="long"/>-counts overload, for <see cref="int"/> counts (an <c>int[]</c> or a
        /// <c>List&lt;int&gt;</c>).</summary>
        /// <param name="logits">Logits [B, C] of a floating dtype.</param>
        /// <param name="target">Int64 class indices [B] in [0, C) or equal to <paramref name="ignore_index"/>.</param>
        /// <param name="counts">Training samples per class (all ≥ 1), indexed like the logits' columns.</param>
        /// <param name="beta">β in [0, 1]: 0 gives uniform weights, 1 inverse frequency.</param>
        /// <param name="reduction">None (per-sample [B]), Mean (default) or Sum.</param>
        /// <param name="normalizer">What Mean divides the sum by (default: the number of non-ignored samples).</param>
        /// <param name="ignore_index">A label value that contributes nothing (PyTorch's default −100).</param>
        /// <param name="label_smoothing">ε in [0, 1], with the semantics of PyTorch's <c>cross_entropy</c>.</param>
        /// <returns>A scalar for Mean/Sum, per-sample losses [B] for None.</returns>
        /// <exception cref="ArgumentNullException"><paramref name="counts"/> is null.</exception>
        /// <exception cref="ArgumentException">The counts, a shape, dtype, device or label is wrong.</exception>
        /// <exception cref="ArgumentOutOfRangeException">β or an option is out of range.</exception>
        public static Tensor cb_softmax_cross_entropy(
            Tensor logits,
            Tensor target,
            IReadOnlyList<int> counts,
            double beta,
            Reduction reduction = Reduction.Mean,
            MeanNormalizer normalizer = MeanNormalizer.PositiveLabels,
            long ignore_index = Validation.DefaultIgnoreIndex,
            double label_smoothing = 0.0) =>
            cb_softmax_cross_entropy(logits, target, Counts.Widen(counts, nameof(counts)), beta, reduction, normalizer,
                ignore_index, label_smoothing);

        // ---- sigmoid ------------------------------------------------------------------------------------------

        /// <summary>Class-balanced sigmoid cross-entropy with managed weights; see
        /// <see cref="cb_sigmoid_cross_entropy(Tensor, Tensor, Tensor, Reduction, MeanNormalizer)"/>.</summary>
        /// <param name="logits">Logits [B, C] of a floating dtype.</param>
        /// <param name="target">Int64 class indices [B], or floating multi-hot/soft targets [B, C] in [0, 1].</param>
        /// <param name="weight">C finite, non-negative class weights α_c; an array converts to this span.</param>
        /// <param name="reduction">None (element losses [B, C]), Mean (default) or Sum.</param>
        /// <param name="normalizer">What Mean divides the sum by (default: the number of positive labels).</param>
        /// <returns>A scalar for Mean/Sum, element losses [B, C] for None.</returns>
        /// <exception cref="ArgumentException">A shape, dtype, device, label or weight value is wrong.</exception>
        /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
        public static Tensor cb_sigmoid_cross_entropy(
            Tensor logits,
            Tensor target,
            ReadOnlySpan<double> weight,
            Reduction reduction = Reduction.Mean,
            MeanNormalizer normalizer = MeanNormalizer.PositiveLabels)
        {
            CheckOptions(reduction, normalizer);
            var weights = CheckInputs(logits, target, weight);
            using var scope = NewDisposeScope();
            return LossCore.Sigmoid(logits, target, weights, reduction, normalizer).MoveToOuterDisposeScope();
        }

        /// <summary>Class-balanced sigmoid cross-entropy with the weights of <paramref name="counts"/> and
        /// <paramref name="beta"/> (summing to C).</summary>
        /// <param name="logits">Logits [B, C] of a floating dtype.</param>
        /// <param name="target">Int64 class indices [B], or floating multi-hot/soft targets [B, C] in [0, 1].</param>
        /// <param name="counts">Training samples per class (all ≥ 1), indexed like the logits' columns.</param>
        /// <param name="beta">β in [0, 1]: 0 gives uniform weights, 1 inverse frequency.</param>
        /// <param name="reduction">None (element losses [B, C]), Mean (default) or Sum.</param>
        /// <param name="normalizer">What Mean divides the sum by (default: the number of positive labels).</param>
        /// <returns>A scalar for Mean/Sum, element losses [B, C] for None.</returns>
        /// <exception cref="ArgumentException">The counts, a shape, dtype, device or label is wrong.</exception>
        /// <exception cref="ArgumentOutOfRangeException">β or an option is out of range.</exception>
        public static Tensor cb_sigmoid_cross_entropy(
            Tensor logits,
            Tensor target,
            ReadOnlySpan<long> counts,
            double beta,
            Reduction reduction = Reduction.Mean,
            MeanNormalizer normalizer = MeanNormalizer.PositiveLabels) =>
            cb_sigmoid_cross_entropy(logits, target, Counts.ClassBalancedWeightsOf(counts, beta, nameof(counts)), reduction, normalizer);

        /// <summary>As the <see cref="long"/>-counts overload, for <see cref="int"/> counts.</summary>
        /// <param name="logits">Logits [B, C] of a floating dtype.</param>
        /// <param name="target">Int64 class indices [B], or floating multi-hot/soft targets [B, C] in [0, 1].</param>
        /// <param name="counts">Training samples per class (all ≥ 1), indexed like the logits' columns.</param>
        /// <param name="beta">β in [0, 1]: 0 gives uniform weights, 1 inverse frequency.</param>
        /// <param name="reduction">None (element losses [B, C]), Mean (default) or Sum.</param>
        /// <param name="normalizer">What Mean divides the sum by (default: the number of positive labels).</param>
        /// <returns>A scalar for Mean/Sum, element losses [B, C] for None.</returns>
        /// <exception cref="ArgumentNullException"><paramref name="counts"/> is null.</exception>
        /// <exception cref="ArgumentException">The counts, a shape, dtype, device or label is wrong.</exception>
        /// <exception cref="ArgumentOutOfRangeException">β or an option is out of range.</exception>
        public static Tensor cb_sigmoid_cross_entropy(
            Tensor logits,
            Tensor target,
            IReadOnlyList<int> counts,
            double beta,
            Reduction reduction = Reduction.Mean,
            MeanNormalizer normalizer = MeanNormalizer.PositiveLabels) =>
            cb_sigmoid_cross_entropy(logits, target, Counts.Widen(counts, nameof(counts)), beta, reduction, normalizer);

        // ---- focal --------------------------------------------------------------------------------------------

        /// <summary>Class-balanced focal loss with managed weights; see
        /// <see cref="cb_focal_loss(Tensor, Tensor, Tensor, Reduction, MeanNormalizer, double)"/>.</summary>
        /// <param name="logits">Logits [B, C] of a floating dtype.</param>
        /// <param name="target">Int64 class indices [B], or floating multi-hot/soft targets [B, C] in [0, 1].</param>
        /// <param name="weight">C finite, non-negative class weights α_c; an array converts to this span.</param>
        /// <param name="reduction">None (element losses [B, C]), Mean (default) or Sum.</param>
        /// <param name="normalizer">What Mean divides the sum by (default: the number of positive labels).</param>
        /// <param name="gamma">The focusing parameter γ ≥ 0 (finite); 0 gives the sigmoid loss exactly.</param>
        /// <returns>A scalar for Mean/Sum, element losses [B, C] for None.</returns>
        /// <exception cref="ArgumentException">A shape, dtype, device, label or weight value is wrong.</exception>
        /// <exception cref="ArgumentOutOfRangeException">An option or γ is out of range.</exception>
        public static Tensor cb_focal_loss(
            Tensor logits,
            Tensor target,
            ReadOnlySpan<double> weight,
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

        /// <summary>Class-balanced focal loss with the weights of <paramref name="counts"/> and
        /// <paramref name="beta"/> (summing to C).</summary>
        /// <param name="logits">Logits [B, C] of a floating dtype.</param>
        /// <param name="target">Int64 class indices [B], or floating multi-hot/soft targets [B, C] in [0, 1].</param>
        /// <param name="counts">Training samples per class (all ≥ 1), indexed like the logits' columns.</param>
        /// <param name="beta">β in [0, 1]: 0 gives uniform weights, 1 inverse frequency.</param>
        /// <param name="reduction">None (element losses [B, C]), Mean (default) or Sum.</param>
        /// <param name="normalizer">What Mean divides the sum by (default: the number of positive labels).</param>
        /// <param name="gamma">The focusing parameter γ ≥ 0 (finite); 0 gives the sigmoid loss exactly.</param>
        /// <returns>A scalar for Mean/Sum, element losses [B, C] for None.</returns>
        /// <exception cref="ArgumentException">The counts, a shape, dtype, device or label is wrong.</exception>
        /// <exception cref="ArgumentOutOfRangeException">β, γ or an option is out of range.</exception>
        public static Tensor cb_focal_loss(
            Tensor logits,
            Tensor target,
            ReadOnlySpan<long> counts,
            double beta,
            Reduction reduction = Reduction.Mean,
            MeanNormalizer normalizer = MeanNormalizer.PositiveLabels,
            double gamma = 2.0) =>
            cb_focal_loss(logits, target, Counts.ClassBalancedWeightsOf(counts, beta, nameof(counts)), reduction, normalizer, gamma);

        /// <summary>As the <see cref="long"/>-counts overload, for <see cref="int"/> counts.</summary>
        /// <param name="logits">Logits [B, C] of a floating dtype.</param>
        /// <param name="target">Int64 class indices [B], or floating multi-hot/soft targets [B, C] in [0, 1].</param>
        /// <param name="counts">Training samples per class (all ≥ 1), indexed like the logits' columns.</param>
        /// <param name="beta">β in [0, 1]: 0 gives uniform weights, 1 inverse frequency.</param>
        /// <param name="reduction">None (element losses [B, C]), Mean (default) or Sum.</param>
        /// <param name="normalizer">What Mean divides the sum by (default: the number of positive labels).</param>
        /// <param name="gamma">The focusing parameter γ ≥ 0 (finite); 0 gives the sigmoid loss exactly.</param>
        /// <returns>A scalar for Mean/Sum, element losses [B, C] for None.</returns>
        /// <exception cref="ArgumentNullException"><paramref name="counts"/> is null.</exception>
        /// <exception cref="ArgumentException">The counts, a shape, dtype, device or label is wrong.</exception>
        /// <exception cref="ArgumentOutOfRangeException">β, γ or an option is out of range.</exception>
        public static Tensor cb_focal_loss(
            Tensor logits,
            Tensor target,
            IReadOnlyList<int> counts,
            double beta,
            Reduction reduction = Reduction.Mean,
            MeanNormalizer normalizer = MeanNormalizer.PositiveLabels,
            double gamma = 2.0) =>
            cb_focal_loss(logits, target, Counts.Widen(counts, nameof(counts)), beta, reduction, normalizer, gamma);

        /// <summary>Checks managed weights on the host, the logits against them and the target's presence.</summary>
        private static TransientWeights CheckInputs(Tensor logits, Tensor target, ReadOnlySpan<double> weight)
        {
            bool positive = Validation.Weights(weight, nameof(weight));
            Validation.Logits(logits, weight.Length, Validation.LogitsName);
            Validation.NotNullOrDisposed(target, nameof(target));
            return new TransientWeights(weight.ToArray(), positive);
        }
    }
#pragma warning restore CA1707
}
