using System;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn.functional;
using Reduction = TorchSharp.torch.nn.Reduction;

namespace CbGen.TorchSharp.Internal
{
    /// <summary>
    /// The three class-balanced losses on already validated logits and weights. <c>weight</c> is always a rank-1
    /// tensor of C finite, non-negative weights with the logits' dtype and device; the targets are validated here.
    /// Every multi-op path runs inside a dispose scope and moves only its result out.
    /// </summary>
    internal static class LossCore
    {
        internal const string TargetName = "target";

        internal static Tensor Softmax(
            Tensor input, Tensor target, Tensor weight, bool weightsPositive, Reduction reduction,
            MeanNormalizer normalizer, long ignoreIndex, double labelSmoothing)
        {
            var info = Validation.ClassIndexTarget(input, target, ignoreIndex, softAllowed: false, TargetName);
            if (reduction != Reduction.Mean)
            {
                // One fused libtorch call: per-sample α_{y_i}·CE_i (ignored samples 0), or their sum.
                return cross_entropy(input, target, weight, ignoreIndex, reduction, labelSmoothing);
            }

            using var scope = NewDisposeScope();
            long batch = input.size(0);
            long kept = batch;
            if (info.MayHoldIgnored)
            {
                using var keptMask = target.ne(ignoreIndex);
                using var keptCount = keptMask.sum();
                kept = keptCount.item<long>();
            }

            Tensor result;
            if (kept == 0)
            {
                // Every label is ignored: the sum is 0 (with zero gradients); return it instead of 0 / 0.
                result = cross_entropy(input, target, weight, ignoreIndex, Reduction.Sum, labelSmoothing);
            }
            else if (normalizer == MeanNormalizer.WeightSum && weightsPositive)
            {
                // PyTorch's weighted mean, fused: Σ_i loss_i / Σ_{i kept} α_{y_i}.
                result = cross_entropy(input, target, weight, ignoreIndex, Reduction.Mean, labelSmoothing);
            }
            else
            {
                var sum = cross_entropy(input, target, weight, ignoreIndex, Reduction.Sum, labelSmoothing);
                switch (normalizer)
                {
                    case MeanNormalizer.PositiveLabels:
                        result = sum.div(kept);
                        break;
                    case MeanNormalizer.AllTerms:
                        result = sum.div(batch);
                        break;
                    default:
                        {
                            // WeightSum with some zero weights: guard the 0 / 0 of a batch whose weights are all 0.
                            Tensor applied;
                            if (info.MayHoldIgnored)
                            {
                                var ignored = target.eq(ignoreIndex);
                                var safe = target.masked_fill(ignored, 0L);
                                applied = weight.index_select(0, safe).masked_fill(ignored, 0.0);
                            }
                            else
                            {
                                applied = weight.index_select(0, target);
                            }

                            result = sum.div(NonZero(applied.sum()));
                            break;
                        }
                }
            }

            return result.MoveToOuterDisposeScope();
        }

        internal static Tensor Sigmoid(
            Tensor input, Tensor target, Tensor weight, Reduction reduction, MeanNormalizer normalizer)
        {
            if (target is not null && !target.IsInvalid && target.dim() == 2)
            {
                Validation.SoftTarget(input, target, TargetName);
                using var scope = NewDisposeScope();
                var t = target.dtype == input.dtype ? target : target.to(input.dtype);
                if (reduction == Reduction.None)
                {
                    // Element (i, c) weighs α_c.
                    return binary_cross_entropy_with_logits(input, t, weight, Reduction.None).MoveToOuterDisposeScope();
                }

                var sum = binary_cross_entropy_with_logits(input, t, weight, Reduction.Sum);
                return Normalize(sum, reduction, normalizer, input, t, weight, rowWeights: null).MoveToOuterDisposeScope();
            }

            Validation.NotNullOrDisposed(target, TargetName);
            Validation.ClassIndexTarget(input, target!, ignoreIndex: null, softAllowed: true, TargetName);
            using (NewDisposeScope())
            {
                var rowWeights = weight.index_select(0, target!);          // α_{y_i}, gathered from the buffer
                var oneHot = OneHot(input, target!);
                using var rowWeightsColumn = rowWeights.unsqueeze(1);       // [B, 1]: α_{y_i} on all C terms of sample i
                if (reduction == Reduction.None)
                {
                    return binary_cross_entropy_with_logits(input, oneHot, rowWeightsColumn, Reduction.None)
                        .MoveToOuterDisposeScope();
                }

                var sum = binary_cross_entropy_with_logits(input, oneHot, rowWeightsColumn, Reduction.Sum);
                return Normalize(sum, reduction, normalizer, input, null, weight, rowWeights).MoveToOuterDisposeScope();
            }
        }

        internal static Tensor Focal(
            Tensor input, Tensor target, Tensor weight, double gamma, Reduction reduction, MeanNormalizer normalizer)
        {
            if (gamma == 0.0)
            {
                // The modulator is 1: exactly the sigmoid variant (the official code special-cases γ = 0 too).
                return Sigmoid(input, target, weight, reduction, normalizer);
            }

            bool soft = target is not null && !target.IsInvalid && target.dim() == 2;
            if (soft)
            {
                Validation.SoftTarget(input, target!, TargetName);
            }
            else
            {
                Validation.NotNullOrDisposed(target, TargetName);
                Validation.ClassIndexTarget(input, target!, ignoreIndex: null, softAllowed: true, TargetName);
            }

            using (NewDisposeScope())
            {
                Tensor t;
                Tensor? rowWeights = null;
                if (soft)
                {
                    t = target!.dtype == input.dtype ? target : target.to(input.dtype);
                }
                else
                {
                    rowWeights = weight.index_select(0, target!);
                    t = OneHot(input, target!);
                }

                var elements = FocalElements(input, t, gamma);             // (1 - p_t)^γ · BCE, [B, C]
                if (reduction == Reduction.None)
                {
                    var weighted = rowWeights is null ? elements.mul(weight) : elements.mul(rowWeights.unsqueeze(1));
                    return weighted.MoveToOuterDisposeScope();
                }

                // Σ_{i,c} w_ic · elem_ic without materialising w: a row sum dotted with α_{y_i}, or elem · α.
                var sum = rowWeights is null ? elements.mv(weight).sum() : elements.sum(1).dot(rowWeights);
                return Normalize(sum, reduction, normalizer, input, soft ? t : null, weight, rowWeights)
                    .MoveToOuterDisposeScope();
            }
        }

        /// <summary>
        /// (1 - p_t)^γ · BCE(z, t) element-wise, in log space. With a = log σ(z):
        /// BCE = (1 - t)·z - a and log(1 - p_t) = a - t·z, which is the official modulator's exponent
        /// -t·z - log(1 + e^{-z}) (it equals t·log σ(-z) + (1 - t)·log σ(z), i.e. -softplus(z) for t = 1 and
        /// log σ(z) for t = 0). Both are finite for every finite z, so exp(γ·log(1 - p_t)) underflows to an exact 0
        /// with a 0 gradient instead of the NaN of pow(0, γ) for γ &lt; 1.
        /// </summary>
        private static Tensor FocalElements(Tensor z, Tensor t, double gamma)
        {
            var a = logsigmoid(z);
            var tz = z.mul(t);
            var logModulator = a.sub(tz);
            var bce = z.sub(tz).sub_(a);
            var modulator = logModulator.mul(gamma).exp_();
            return modulator.mul(bce);
        }

        private static Tensor OneHot(Tensor input, Tensor target)
        {
            using var hot = one_hot(target, input.size(1));
            return hot.to(input.dtype);
        }

        /// <summary>Turns a summed sigmoid/focal loss into the requested reduction.</summary>
        private static Tensor Normalize(
            Tensor sum, Reduction reduction, MeanNormalizer normalizer, Tensor input, Tensor? softTarget,
            Tensor weight, Tensor? rowWeights)
        {
            if (reduction == Reduction.Sum)
            {
                return sum;
            }

            switch (normalizer)
            {
                case MeanNormalizer.AllTerms:
                    return sum.div(input.numel());
                case MeanNormalizer.WeightSum:
                    {
                        var applied = softTarget is null ? rowWeights!.sum() : softTarget.mv(weight).sum();
                        return sum.div(NonZero(applied));
                    }

                default:
                    if (softTarget is null)
                    {
                        return sum.div(input.size(0));
                    }

                    return sum.div(softTarget.sum().clamp_min(1.0));
            }
        }

        /// <summary>The denominator itself, or 1 where it is 0 (so an all-zero numerator stays 0 instead of NaN).</summary>
        private static Tensor NonZero(Tensor denominator) => denominator.masked_fill(denominator.eq(0.0), 1.0);
    }
}
