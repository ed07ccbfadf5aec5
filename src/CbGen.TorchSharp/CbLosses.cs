using System;
using System.Collections.Generic;
using System.Globalization;
using CbGen.TorchSharp.Internal;
using TorchSharp;
using static TorchSharp.torch;

namespace CbGen.TorchSharp
{
    /// <summary>
    /// One factory for every loss a <see cref="CbLoss"/> names, so generic code (a sweep, a config file, a command
    /// line) needs no switch per loss: the weights come from an array, a span, a tensor or counts and β, the options
    /// from one <see cref="CbLossOptions"/>.
    /// </summary>
    /// <remarks>The modules come back as TorchSharp's <see cref="Loss{TInput, TTarget, TResult}"/>, the type every
    /// loss shares; the class-balanced variants are <see cref="ClassBalancedLoss"/>s (cast for
    /// <see cref="ClassBalancedLoss.ClassWeights"/> or <see cref="ClassBalancedLoss.NumClasses"/>).</remarks>
    public static class CbLosses
    {
        /// <summary>Builds the <paramref name="loss"/> variant from per-class weights α_c (copied).</summary>
        /// <param name="loss">The variant.</param>
        /// <param name="weights">One finite, non-negative weight per class; an array converts to this span.</param>
        /// <param name="options">The options (<see cref="CbLossOptions.Default"/> when null).</param>
        /// <returns>A new loss module; dispose it after use.</returns>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="loss"/> is undefined, or an option is out
        /// of range.</exception>
        /// <exception cref="ArgumentException">The weights are empty, negative or not finite.</exception>
        public static Loss<Tensor, Tensor, Tensor> Create(
            CbLoss loss, ReadOnlySpan<double> weights, CbLossOptions? options = null)
        {
            var o = options ?? CbLossOptions.Default;
            CheckVariant(loss, nameof(loss));
            ClassBalancedLoss module = loss switch
            {
                CbLoss.Softmax => new ClassBalancedSoftmaxLoss(weights, o.Reduction, o.Normalizer, o.IgnoreIndex,
                    o.LabelSmoothing, o.Device),
                CbLoss.Sigmoid => new ClassBalancedSigmoidLoss(weights, o.Reduction, o.Normalizer, o.Device),
                _ => new ClassBalancedFocalLoss(weights, o.Reduction, o.Normalizer, o.Gamma, o.Device),
            };
            module.CheckFiniteLogits = o.CheckFiniteLogits;
            return module;
        }

        /// <summary>Builds the <paramref name="loss"/> variant from a rank-1 weight tensor (copied, never taken
        /// over).</summary>
        /// <param name="loss">The variant.</param>
        /// <param name="weights">Rank-1 tensor of C finite, non-negative weights.</param>
        /// <param name="options">The options (<see cref="CbLossOptions.Default"/> when null).</param>
        /// <returns>A new loss module; dispose it after use.</returns>
        /// <exception cref="ArgumentNullException"><paramref name="weights"/> is null.</exception>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="loss"/> is undefined, or an option is out
        /// of range.</exception>
        /// <exception cref="ArgumentException">The tensor is disposed, not rank 1, empty, negative or not finite.</exception>
        public static Loss<Tensor, Tensor, Tensor> Create(CbLoss loss, Tensor weights, CbLossOptions? options = null)
        {
            var o = options ?? CbLossOptions.Default;
            CheckVariant(loss, nameof(loss));
            ClassBalancedLoss module = loss switch
            {
                CbLoss.Softmax => new ClassBalancedSoftmaxLoss(weights, o.Reduction, o.Normalizer, o.IgnoreIndex,
                    o.LabelSmoothing, o.Device),
                CbLoss.Sigmoid => new ClassBalancedSigmoidLoss(weights, o.Reduction, o.Normalizer, o.Device),
                _ => new ClassBalancedFocalLoss(weights, o.Reduction, o.Normalizer, o.Gamma, o.Device),
            };
            module.CheckFiniteLogits = o.CheckFiniteLogits;
            return module;
        }

        /// <summary>Builds the <paramref name="loss"/> variant from training samples per class and β, with the
        /// weights of <see cref="ClassBalancedWeights.Compute(ReadOnlySpan{long}, double, WeightNormalization, ZeroCountPolicy)"/>
        /// (summing to C; a zero count throws).</summary>
        /// <param name="loss">The variant.</param>
        /// <param name="counts">Training samples per class, indexed like the logits' columns.</param>
        /// <param name="beta">β in [0, 1]: 0 gives uniform weights, 1 inverse frequency.</param>
        /// <param name="options">The options (<see cref="CbLossOptions.Default"/> when null).</param>
        /// <returns>A new loss module; dispose it after use.</returns>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="loss"/> is undefined, β is outside [0, 1],
        /// or an option is out of range.</exception>
        /// <exception cref="ArgumentException">The counts are empty, negative or hold a 0.</exception>
        public static Loss<Tensor, Tensor, Tensor> FromCounts(
            CbLoss loss, ReadOnlySpan<long> counts, double beta, CbLossOptions? options = null)
        {
            CheckVariant(loss, nameof(loss));
            return Create(loss, ClassBalancedWeights.Compute(counts, beta), options);
        }

        /// <summary>As <see cref="FromCounts(CbLoss, ReadOnlySpan{long}, double, CbLossOptions?)"/>, for
        /// <see cref="int"/> counts (an <c>int[]</c> or a <c>List&lt;int&gt;</c>).</summary>
        /// <param name="loss">The variant.</param>
        /// <param name="counts">Training samples per class, indexed like the logits' columns.</param>
        /// <param name="beta">β in [0, 1]: 0 gives uniform weights, 1 inverse frequency.</param>
        /// <param name="options">The options (<see cref="CbLossOptions.Default"/> when null).</param>
        /// <returns>A new loss module; dispose it after use.</returns>
        /// <exception cref="ArgumentNullException"><paramref name="counts"/> is null.</exception>
        /// <exception cref="ArgumentOutOfRangeException">As the <see cref="long"/> overload.</exception>
        /// <exception cref="ArgumentException">As the <see cref="long"/> overload.</exception>
        public static Loss<Tensor, Tensor, Tensor> FromCounts(
            CbLoss loss, IReadOnlyList<int> counts, double beta, CbLossOptions? options = null) =>
            FromCounts(loss, Counts.Widen(counts, nameof(counts)), beta, options);

        internal static void CheckVariant(CbLoss loss, string paramName)
        {
            if (loss != CbLoss.Softmax && loss != CbLoss.Sigmoid && loss != CbLoss.Focal)
            {
                throw new ArgumentOutOfRangeException(paramName, loss,
                    "loss must be CbLoss.Softmax, CbLoss.Sigmoid or CbLoss.Focal; got "
                    + ((int)loss).ToString(CultureInfo.InvariantCulture) + ".");
            }
        }
    }
}
