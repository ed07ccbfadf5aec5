using System;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn.functional;
using Reduction = TorchSharp.torch.nn.Reduction;

namespace CbGen.TorchSharp.Internal;

/// <summary>
/// The three class-balanced losses on validated logits, with weights from a <see cref="WeightSource"/> (already
/// validated: C finite, non-negative weights); the targets are validated here. Every multi-op path runs inside a
/// dispose scope and moves only its result out.
/// </summary>
/// <remarks>
/// Speed: the losses are built around one fused libtorch call (<c>cross_entropy</c> or
/// <c>binary_cross_entropy_with_logits</c> with a weight), and a Mean whose normaliser is known without reading
/// the data (B, B·C, or the number of kept labels) is folded into the weights (α / n, cached by modules), so it
/// costs no extra op on the autograd graph.
/// </remarks>
internal static class LossCore
{
    internal const string TargetName = "target";

    internal static Tensor Softmax(
        Tensor input, Tensor target, WeightSource weights, Reduction reduction, MeanNormalizer normalizer,
        long ignoreIndex, double labelSmoothing)
    {
        var info = Validation.ClassIndexTarget(input, target, ignoreIndex, softAllowed: false, TargetName);
        using var scope = NewDisposeScope();
        if (reduction != Reduction.Mean)
        {
            // One fused call: per-sample losses (ignored samples 0), or their sum.
            return cross_entropy(input, target, weights.Plain(input), ignoreIndex, reduction, labelSmoothing)
                .MoveToOuterDisposeScope();
        }

        long batch = input.size(0);
        long kept = batch;
        if (info.KeptCount >= 0)
        {
            kept = info.KeptCount;
        }
        else if (info.MayHoldIgnored)
        {
            using var ignored = ignoreIndex.ToScalar();
            using var keptMask = target.ne(ignored);
            using var keptCount = keptMask.sum();
            kept = keptCount.item<long>();
        }

        Tensor result;
        if (kept == 0)
        {
            // Every label is ignored: the sum is 0 (with zero gradients); return it instead of 0 / 0.
            result = cross_entropy(input, target, weights.Plain(input), ignoreIndex, Reduction.Sum, labelSmoothing);
        }
        else if (normalizer != MeanNormalizer.WeightSum)
        {
            // Σ_i loss_i / n with n = kept samples (PositiveLabels) or B (AllTerms), as one fused call with α / n.
            long divisor = normalizer == MeanNormalizer.PositiveLabels ? kept : batch;
            result = cross_entropy(input, target, weights.Scaled(input, divisor), ignoreIndex, Reduction.Sum,
                labelSmoothing);
        }
        else if (weights.AllPositive)
        {
            // PyTorch's weighted mean, fused: Σ_i loss_i / Σ_{i kept} α_{y_i}.
            result = cross_entropy(input, target, weights.Plain(input), ignoreIndex, Reduction.Mean, labelSmoothing);
        }
        else
        {
            // WeightSum with some zero weights: guard the 0 / 0 of a batch whose applied weights are all 0.
            var weight = weights.Plain(input);
            var sum = cross_entropy(input, target, weight, ignoreIndex, Reduction.Sum, labelSmoothing);
            Tensor applied;
            if (info.MayHoldIgnored)
            {
                using var ignore = ignoreIndex.ToScalar();
                using var zeroIndex = 0L.ToScalar();
                using var zeroWeight = 0.0.ToScalar();
                var ignored = target.eq(ignore);
                applied = weight.index_select(0, target.masked_fill(ignored, zeroIndex)).masked_fill(ignored, zeroWeight);
            }
            else
            {
                applied = weight.index_select(0, target);
            }

            result = sum.div(NonZero(applied.sum()));
        }

        return result.MoveToOuterDisposeScope();
    }

    /// <summary>The sigmoid loss's name in a target error.</summary>
    internal const string SigmoidName = "CbLoss.Sigmoid";

    /// <summary>The focal loss's name in a target error.</summary>
    internal const string FocalName = "CbLoss.Focal";

    internal static Tensor Sigmoid(
        Tensor input, Tensor target, WeightSource weights, Reduction reduction, MeanNormalizer normalizer) =>
        SigmoidFamily(input, target, weights, gamma: 0.0, reduction, normalizer, SigmoidName);

    internal static Tensor Focal(
        Tensor input, Tensor target, WeightSource weights, double gamma, Reduction reduction,
        MeanNormalizer normalizer) =>
        SigmoidFamily(input, target, weights, gamma, reduction, normalizer, FocalName);

    /// <summary>The sigmoid loss (γ = 0, exactly: the official code special-cases it too) and the focal loss;
    /// <paramref name="who"/> names the loss in a target error.</summary>
    private static Tensor SigmoidFamily(
        Tensor input, Tensor target, WeightSource weights, double gamma, Reduction reduction,
        MeanNormalizer normalizer, string who)
    {
        bool soft = target.dim() == 2;
        if (soft)
        {
            Validation.SoftTarget(input, target, TargetName);
            MultiLabelValidation.InUnitInterval(target, who, TargetName);
        }
        else
        {
            Validation.ClassIndexTarget(input, target, ignoreIndex: null, softAllowed: true, TargetName);
        }

        using var scope = NewDisposeScope();
        long batch = input.size(0);
        bool mean = reduction == Reduction.Mean;

        // A normaliser that does not depend on the data (B·C, or B positives for class indices) is folded into
        // the weights; the others (Σt, Σ α) are divided out at the end.
        bool folded = mean
            && (normalizer == MeanNormalizer.AllTerms || (normalizer == MeanNormalizer.PositiveLabels && !soft));
        long divisor = !folded ? 1 : normalizer == MeanNormalizer.AllTerms ? input.numel() : batch;

        Tensor result;
        Tensor? t = null;
        Tensor? rowWeights = null;        // α_{y_i} (class indices), for the WeightSum normaliser
        if (!soft && gamma != 0.0)
        {
            // Class-index focal loss from one log-sigmoid of q = z·(2t − 1), as one autograd node with a
            // closed-form gradient (FocalKernel). The weights come negated (α / −n) to absorb BCE's minus sign.
            var negativeRowWeights = weights.Column(input, -divisor).index_select(0, target);   // [B, 1]
            result = FocalKernel.Loss(input, weights.Signs(input, target), negativeRowWeights, gamma,
                elementwise: reduction == Reduction.None);
            if (mean && !folded)
            {
                rowWeights = negativeRowWeights.neg();
            }
        }
        else
        {
            Tensor elementWeight;         // broadcast to [B, C]
            if (soft)
            {
                t = target.dtype == input.dtype ? target : target.to(input.dtype);
                elementWeight = divisor == 1 ? weights.Plain(input) : weights.Scaled(input, divisor); // α_c
            }
            else
            {
                t = weights.OneHot(input, target);
                // α_{y_i} [B, 1], gathered from the cached column: weighs all C terms of sample i.
                rowWeights = weights.Column(input, divisor).index_select(0, target);
                elementWeight = rowWeights;
            }

            if (gamma == 0.0)
            {
                result = binary_cross_entropy_with_logits(input, t, elementWeight,
                    reduction == Reduction.None ? Reduction.None : Reduction.Sum);
            }
            else
            {
                var weightedBce = binary_cross_entropy_with_logits(input, t, elementWeight, Reduction.None);
                var elements = Modulator(input, t, gamma).mul(weightedBce);
                result = reduction == Reduction.None ? elements : elements.sum();
            }
        }

        if (mean && !folded)
        {
            // Data-dependent normalisers.
            Tensor denominator = normalizer switch
            {
                MeanNormalizer.WeightSum when rowWeights is not null => NonZero(rowWeights.sum()),
                MeanNormalizer.WeightSum => NonZero(t!.mv(weights.Plain(input)).sum()),
                _ => AtLeastOne(t!.sum()),                            // PositiveLabels, soft targets
            };
            result = result.div(denominator);
        }

        return result.MoveToOuterDisposeScope();
    }

    /// <summary>
    /// The focal modulator (1 - p_t)^γ element-wise, in log space: exp(γ·log σ(z) - γ·t·z). This is the official
    /// code's exp(-γ·t·z - γ·log(1 + e^{-z})) with the stable log σ(z) = -log(1 + e^{-z}); for t = 1 it is
    /// exp(-γ·softplus(z)) = (1 - σ(z))^γ, for t = 0 exp(γ·log σ(z)) = σ(z)^γ. The exponent is finite for every
    /// finite z, so the modulator underflows to an exact 0 with a 0 gradient instead of the NaN of pow(0, γ)
    /// for γ &lt; 1.
    /// </summary>
    private static Tensor Modulator(Tensor z, Tensor t, double gamma)
    {
        // In place after log σ: its backward needs z, not its output; addcmul's needs z and t; exp's its result.
        var exponent = logsigmoid(z);
        if (gamma != 1.0)
        {
            using var g = gamma.ToScalar();
            exponent.mul_(g);
        }

        using var minusGamma = (-gamma).ToScalar();
        return exponent.addcmul_(z, t, minusGamma).exp_();
    }

    /// <summary>The denominator itself, or 1 where it is 0 (so an all-zero numerator stays 0 instead of NaN).</summary>
    private static Tensor NonZero(Tensor denominator)
    {
        using var zero = 0.0.ToScalar();
        using var one = 1.0.ToScalar();
        return denominator.masked_fill(denominator.eq(zero), one);
    }

    /// <summary>max(<paramref name="count"/>, 1), a new tensor: the divisor of a mean over counted labels or rows.</summary>
    internal static Tensor AtLeastOne(Tensor count)
    {
        using var one = 1.0.ToScalar();
        return count.clamp_min(one);
    }
}
