using System;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn.functional;
using Reduction = TorchSharp.torch.nn.Reduction;

namespace CbGen.TorchSharp.Internal;

/// <summary>
/// The logit-adjusted, LDAM and VS losses on validated logits: one shift of the logits, then one fused
/// <c>cross_entropy</c>. With class weights the cross-entropy is <see cref="LossCore.Softmax"/> (so the
/// <see cref="MeanNormalizer"/>s mean exactly what they mean for the class-balanced softmax loss); without, a plain
/// <c>cross_entropy</c> with no weight tensor at all, the cheapest call libtorch has.
/// </summary>
internal static class LongTailCore
{
    /// <summary>The <c>value</c> of VS's <c>addcmul</c> and the <c>alpha</c> of the logit-adjusted <c>add</c>, made
    /// once: a number converts to a new native <see cref="Scalar"/> on every call (a P/Invoke and a finalizable object
    /// that no dispose scope tracks). Never disposed; read-only, so safe to share between threads.</summary>
    private static readonly Scalar One = 1.0.ToScalar();

    /// <summary>CE(z + shift, y), the shift a cached row [C] (τ·log π) broadcast over the batch.</summary>
    internal static Tensor LogitAdjusted(
        Tensor input, Tensor target, Tensor? shiftRow, WeightSource? weights, Reduction reduction,
        MeanNormalizer normalizer, long ignoreIndex)
    {
        var info = Validation.ClassIndexTarget(input, target, ignoreIndex, softAllowed: false, LossCore.TargetName);
        using var scope = NewDisposeScope();
        var adjusted = shiftRow is null ? input : input.add(shiftRow, One);
        return CrossEntropy(adjusted, target, info, weights, reduction, normalizer, ignoreIndex)
            .MoveToOuterDisposeScope();
    }

    /// <summary>CE(Δ ⊙ z + ι, y), the VS loss: the cached scale row [C] (Δ) and offset row [C] (ι = τ·log π, null at
    /// τ = 0) broadcast over the batch in one fused <c>addcmul</c> (ι + z·Δ), so Δ = 1 gives the logit-adjusted
    /// loss's z + ι bit for bit.</summary>
    internal static Tensor VectorScaling(
        Tensor input, Tensor target, Tensor scaleRow, Tensor? offsetRow, WeightSource? weights, Reduction reduction,
        MeanNormalizer normalizer, long ignoreIndex)
    {
        var info = Validation.ClassIndexTarget(input, target, ignoreIndex, softAllowed: false, LossCore.TargetName);
        using var scope = NewDisposeScope();
        var adjusted = offsetRow is null ? input.mul(scaleRow) : offsetRow.addcmul(input, scaleRow, One);
        return CrossEntropy(adjusted, target, info, weights, reduction, normalizer, ignoreIndex)
            .MoveToOuterDisposeScope();
    }

    /// <summary>
    /// CE(s·z − s·Δ_y·e_y, y): the logits scaled by s, then the label's logit lowered by s·Δ_y, gathered from a
    /// cached column [C, 1] holding −s·Δ and added in place with one <c>scatter_add_</c> (the scaled copy is
    /// new, and the product's backward does not need it). An ignored label reads class 0's margin; that row
    /// contributes nothing to the loss or the gradient either way.
    /// </summary>
    internal static Tensor Ldam(
        Tensor input, Tensor target, Tensor negScaledMargins, double scale, WeightSource? weights,
        Reduction reduction, MeanNormalizer normalizer, long ignoreIndex)
    {
        var info = Validation.ClassIndexTarget(input, target, ignoreIndex, softAllowed: false, LossCore.TargetName);
        using var scope = NewDisposeScope();
        // Stryker disable once Conditional : without an ignored label masked_fill changes nothing; the test only saves a copy
        var index = info.MayHoldIgnored ? Validation.WithoutIgnored(target, ignoreIndex) : target;
        using var s = scale.ToScalar();
        var scaled = input.mul(s);
        var column = index.unsqueeze(1);
        scaled.scatter_add_(1, column, negScaledMargins.index_select(0, index));
        return CrossEntropy(scaled, target, info, weights, reduction, normalizer, ignoreIndex)
            .MoveToOuterDisposeScope();
    }

    /// <summary>A per-class row in <paramref name="like"/>'s dtype and device, times <paramref name="factor"/> (a
    /// new tensor in the current dispose scope): τ·log π, −s·Δ.</summary>
    internal static Tensor ScaledLike(Tensor row, Tensor like, double factor)
    {
        using var by = factor.ToScalar();
        return row.to(like.dtype, like.device).mul(by);
    }

    /// <summary>z − τ·log π without a graph: post-hoc logit adjustment.</summary>
    internal static Tensor AdjustLogits(Tensor logits, Tensor logPriors, double tau)
    {
        using var guard = no_grad();
        using var scope = NewDisposeScope();
        using var detached = logits.detach();
        var shift = ScaledLike(logPriors, logits, tau);
        return detached.sub(shift).MoveToOuterDisposeScope();
    }

    private static Tensor CrossEntropy(
        Tensor logits, Tensor target, ClassIndexInfo info, WeightSource? weights, Reduction reduction,
        MeanNormalizer normalizer, long ignoreIndex)
    {
        if (weights is not null)
        {
            // Re-validates the labels (on the host for CPU labels: one pass over B longs).
            return LossCore.Softmax(logits, target, weights, reduction, normalizer, ignoreIndex, 0.0);
        }

        if (reduction != Reduction.Mean)
        {
            return cross_entropy(logits, target, null, ignoreIndex, reduction);
        }

        long batch = logits.size(0);
        long kept = KeptCount(target, info, ignoreIndex, batch);
        if (kept == 0)
        {
            // Every label is ignored: 0 with zero gradients, not PyTorch's 0 / 0.
            return cross_entropy(logits, target, null, ignoreIndex, Reduction.Sum);
        }

        if (normalizer == MeanNormalizer.AllTerms && kept != batch)
        {
            using var sum = cross_entropy(logits, target, null, ignoreIndex, Reduction.Sum);
            using var divisor = batch.ToScalar();
            return sum.div(divisor);
        }

        // Unweighted, PositiveLabels and WeightSum both divide by the kept labels: PyTorch's mean.
        return cross_entropy(logits, target, null, ignoreIndex, Reduction.Mean);
    }

    private static long KeptCount(Tensor target, ClassIndexInfo info, long ignoreIndex, long batch)
    {
        // Stryker disable all : both shortcuts return what the device count below would; they only save a read
        if (info.KeptCount >= 0)
        {
            return info.KeptCount;
        }

        if (!info.MayHoldIgnored)
        {
            return batch;
        }

        // Stryker restore all
        using var ignored = ignoreIndex.ToScalar();
        using var keptMask = target.ne(ignored);
        using var keptCount = keptMask.sum();
        return keptCount.item<long>();
    }
}
