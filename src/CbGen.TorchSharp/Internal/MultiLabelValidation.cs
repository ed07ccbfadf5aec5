using System;
using TorchSharp;
using static TorchSharp.torch;

namespace CbGen.TorchSharp.Internal;

/// <summary>The argument checks of the distribution-balanced and asymmetric losses (their shared ones are in
/// <see cref="Validation"/>): hyper-parameters, the counts model (positives per class out of N samples), the
/// normaliser and the multi-hot targets; and the [0, 1] range of every per-class binary loss's float targets.</summary>
internal static class MultiLabelValidation
{
    internal const string DbName = "CbLoss.DistributionBalanced";

    internal const string AslName = "CbLoss.Asymmetric";

    /// <summary>A finite value, with an optional lower bound (inclusive or strict); <paramref name="hint"/> says
    /// which value to use.</summary>
    internal static void Finite(double value, string what, string paramName, string hint, double? min = null,
        bool strict = false)
    {
        bool ok = double.IsFinite(value) && (min is not double m || (strict ? value > m : value >= m));
        if (!ok)
        {
            string bound = min is double b ? (strict ? " and > " : " and ≥ ") + Validation.Format(b) : string.Empty;
            throw Validation.OutOfRange(paramName, value, what + " must be finite" + bound + "; " + hint + ".");
        }
    }

    /// <summary>An ASL focusing parameter γ+ or γ− (<paramref name="sign"/> "+" or "−"): finite and ≥ 0; the fix names
    /// its default, <paramref name="defaultValue"/> (from <see cref="CbDefaults"/>).</summary>
    internal static void AslGamma(double gamma, string sign, double defaultValue, string paramName)
    {
        if (!(gamma >= 0.0) || double.IsInfinity(gamma))
        {
            string fix = defaultValue == 0.0
                ? "use the default 0 (no focusing)"
                : "use the default " + Validation.Format(defaultValue) + ", or 0 for no focusing";
            throw Validation.OutOfRange(paramName, gamma,
                "The asymmetric loss's focusing parameter γ" + sign + " must be finite and ≥ 0; " + fix + ".");
        }
    }

    /// <summary>The ASL margin m ∈ [0, 1).</summary>
    internal static void Clip(double clip, string paramName)
    {
        if (!(clip >= 0.0 && clip < 1.0))
        {
            throw Validation.OutOfRange(paramName, clip,
                "The asymmetric loss's probability margin m (clip) must lie in [0, 1); use the default "
                + Validation.Format(CbDefaults.AslClip) + ", or 0 to turn the shift off.");
        }
    }

    /// <summary>The ASL log floor ε ∈ [0, 1): 0 (exact logs) or the official code's 1e-8.</summary>
    internal static void Epsilon(double eps, string paramName)
    {
        if (!(eps >= 0.0 && eps < 1.0))
        {
            throw Validation.OutOfRange(paramName, eps,
                "The asymmetric loss's log floor ε (eps) must lie in [0, 1); use 0 (the default) for exact logs, or "
                + "1e-8 to clamp them as the official code does.");
        }
    }

    /// <summary>The normaliser of a loss without class weights: PositiveLabels or AllTerms.</summary>
    internal static void Normalizer(MeanNormalizer normalizer, string who, string paramName)
    {
        Validation.Normalizer(normalizer, paramName);
        if (normalizer == MeanNormalizer.WeightSum)
        {
            throw Validation.OutOfRange(paramName, normalizer,
                who + " has no class weights, so MeanNormalizer.WeightSum does not apply; use "
                + "MeanNormalizer.PositiveLabels (the default: the number of positive labels) or MeanNormalizer.AllTerms (B·C).");
        }
    }

    internal static void InstancePrior(DbInstancePrior prior, string paramName)
    {
        if (prior is not (DbInstancePrior.Sum or DbInstancePrior.Mean))
        {
            throw Validation.OutOfRange(paramName, prior,
                "Unknown DbInstancePrior value; use DbInstancePrior.Sum (the paper's) or DbInstancePrior.Mean.");
        }
    }

    /// <summary>
    /// The counts model of the distribution-balanced loss: C ≥ 1 positive counts n_c, each in [1, N], and N ≥ 1;
    /// with κ ≠ 0 each n_c &lt; N too (a class positive in every sample has prior 1 and bias +∞).
    /// </summary>
    internal static void Counts(ReadOnlySpan<long> counts, long samples, double kappa, string countsName, string samplesName)
    {
        if (counts.IsEmpty)
        {
            throw new ArgumentException("The counts are empty; pass the number of positive samples of each class.", countsName);
        }

        if (samples < 1)
        {
            throw Validation.OutOfRange(samplesName, samples,
                DbName + " needs N ≥ 1, the number of training samples, as well as the positives per class; pass the "
                + "training set's size (positives are counted per class, so N is not their sum).");
        }

        for (int c = 0; c < counts.Length; c++)
        {
            long n = counts[c];
            if (n < 1)
            {
                throw new ArgumentException(
                    "Class " + Validation.Format(c) + " has " + Validation.Format(n) + " positive samples, but "
                    + DbName + " weighs by 1/n_c, which needs n_c ≥ 1: give the class a pseudo-count (e.g. 1) or remove it.",
                    countsName);
            }

            if (n > samples)
            {
                throw new ArgumentException(
                    "Class " + Validation.Format(c) + " has " + Validation.Format(n) + " positive samples out of N = "
                    + Validation.Format(samples) + "; a class cannot have more positives than there are samples: check N "
                    + "(the number of samples, not of labels) and the counts.", countsName);
            }

            if (n == samples && kappa != 0.0)
            {
                throw new ArgumentException(
                    "Class " + Validation.Format(c) + " is positive in all N = " + Validation.Format(samples)
                    + " samples, so its prior is 1 and its bias −log(1/p − 1) is +∞; set kappa to 0 (BiasScale = 0 in the "
                    + "DSL: no prior bias) or check the counts.", countsName);
            }
        }
    }

    /// <summary>Multi-hot targets: floating [B, C] like the logits, on their device, every value 0 or 1. Contiguous
    /// Float32 and Float64 CPU targets are read in place (<see cref="MultiHotScan"/>), which also counts and, when
    /// sparse, lists the ones. Other targets take two passes and one read: t − t·t is exactly 0 for 0 and 1 and
    /// non-zero or NaN for any other value, ±∞ and NaN included, so Σ|t − t·t|, a sum of non-negative terms, is 0
    /// exactly when every term is; |t − t·t|, all zeros once checked, is then returned in the caller's dispose scope
    /// as scratch [B, C] in the target's dtype that the caller may overwrite (the distribution-balanced loss computes
    /// its weight in it).</summary>
    internal static MultiHotTargets MultiHot(Tensor input, Tensor target, string who, string paramName)
    {
        FloatTarget(input, target, who, paramName);
        if (MultiHotScan.CanScan(target))
        {
            return MultiHotScan.Scan(target, out long positives, out var positions, out long firstBad)
                ? new MultiHotTargets(null, positives, positions)
                : throw NotMultiHot(target, firstBad, who, paramName);
        }

        using var scope = NewDisposeScope();
        using var guard = no_grad();
        using var minusOne = (-1.0).ToScalar();
        var residue = torch.addcmul(target, target, target, minusOne);
        if (!(HostValue(residue.abs_().sum()) == 0.0))
        {
            // The first non-zero (or NaN) term, found only on this error path.
            using var zero = 0.0.ToScalar();
            long firstBad = residue.ne(zero).reshape(-1).to(ScalarType.Int8).argmax().item<long>();
            throw NotMultiHot(target, firstBad, who, paramName);
        }

        return new MultiHotTargets(residue.MoveToOuterDisposeScope(), -1, null);
    }

    /// <summary>
    /// Soft or multi-hot targets' values: every one in [0, 1], a probability that the class is positive (a value
    /// outside it makes an element loss negative; NaN and ±∞ are refused too). The shape, dtype and device are checked
    /// by the caller. Contiguous Float32 and Float64 CPU targets are read in place (<see cref="MultiHotScan"/>); other
    /// targets take one min/max reduction and one read (a NaN makes both NaN, which fails the comparison).
    /// </summary>
    /// <param name="target">Floating targets [B, C].</param>
    /// <param name="who">The loss, as the message names it (e.g. <c>CbLoss.Sigmoid</c>).</param>
    /// <param name="paramName">The targets' parameter name.</param>
    internal static void InUnitInterval(Tensor target, string who, string paramName)
    {
        long firstBad;
        if (MultiHotScan.CanScan(target))
        {
            if (MultiHotScan.InUnitInterval(target, out firstBad))
            {
                return;
            }
        }
        else
        {
            using var scope = NewDisposeScope();
            using var guard = no_grad();
            var (lo, hi) = target.aminmax();
            if (HostValue(lo) >= 0.0 && HostValue(hi) <= 1.0)
            {
                return;
            }

            // The first value outside [0, 1] (or NaN), found only on this error path.
            using var zero = 0.0.ToScalar();
            using var one = 1.0.ToScalar();
            var inRange = target.ge(zero).logical_and_(target.le(one));
            firstBad = inRange.logical_not_().reshape(-1).to(ScalarType.Int8).argmax().item<long>();
        }

        throw BadTarget(target, firstBad, "multi-hot or soft targets (every value in [0, 1])",
            who + " reads each target as the probability that the class is positive, and a value outside [0, 1] makes "
            + "the loss negative. Clamp the targets to [0, 1], and map a label marker such as −1 (unknown) to 0 or 1.",
            "a target must lie in [0, 1]", paramName);
    }

    /// <summary>The error for targets whose flat element <paramref name="flat"/> is neither 0 nor 1: its value and
    /// position, and the fix (soft values are rounded or thresholded; NaN and ±∞ come from the data).</summary>
    private static ArgumentException NotMultiHot(Tensor target, long flat, string who, string paramName) =>
        BadTarget(target, flat, "multi-hot (every value 0 or 1)",
            who + " re-weights by the set of positive labels, which soft or smoothed targets do not define. Round or "
            + "threshold the targets.",
            "a target must be 0 or 1", paramName);

    /// <summary>The error for targets whose flat element <paramref name="flat"/> breaks the rule
    /// <paramref name="expected"/>: "Expected 'target' to be {expected}, got {value} at sample i, class c: {fix}", the
    /// fix being <paramref name="finiteFix"/> for a finite value and, for NaN or ±∞, <paramref name="rule"/> with where
    /// such values come from.</summary>
    private static ArgumentException BadTarget(
        Tensor target, long flat, string expected, string finiteFix, string rule, string paramName)
    {
        long classes = target.size(1);
        using var value = target.reshape(-1)[flat].to(ScalarType.Float64);
        double bad = value.item<double>();
        string where = "got " + Validation.Format(bad) + " at sample " + Validation.Format(flat / classes)
            + ", class " + Validation.Format(flat % classes);
        string fix = double.IsFinite(bad)
            ? finiteFix
            : rule + "; check what produced the targets (a NaN or infinity usually comes from missing or corrupt "
                + "labels).";
        return new ArgumentException("Expected '" + paramName + "' to be " + expected + ", " + where + ": " + fix, paramName);
    }

    /// <summary>The value of a one-element tensor as a double, read without a conversion op (exact for every
    /// floating and integer dtype).</summary>
    internal static double HostValue(Tensor scalar)
    {
        using var value = scalar.ToScalar();
        return value.ToDouble();
    }

    /// <summary>Floating [B, C] targets like the logits (class indices are refused with how to convert them).</summary>
    internal static void FloatTarget(Tensor input, Tensor target, string who, string paramName)
    {
        if (target.dim() != 2)
        {
            throw new ArgumentException(
                "Expected '" + paramName + "' to be floating multi-hot targets of shape " + Validation.Shape(input)
                + ", got shape " + Validation.Shape(target) + "; " + who + " is a multi-label loss: one-hot class "
                + "indices first (e.g. nn.functional.one_hot(labels, C).to(logits.dtype)).", paramName);
        }

        Validation.SoftTarget(input, target, paramName);
    }

    /// <summary>Floating soft or multi-hot targets [B, C] like the logits (<see cref="FloatTarget"/>), every value in
    /// [0, 1] (<see cref="InUnitInterval"/>): the asymmetric loss's targets.</summary>
    internal static void SoftTargets(Tensor input, Tensor target, string who, string paramName)
    {
        FloatTarget(input, target, who, paramName);
        InUnitInterval(target, who, paramName);
    }
}
