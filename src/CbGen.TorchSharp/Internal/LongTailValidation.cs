using System;
using static TorchSharp.torch;

namespace CbGen.TorchSharp.Internal;

/// <summary>The argument checks of the logit-adjusted, LDAM and VS losses (their shared ones are in
/// <see cref="Validation"/>): hyper-parameters and the per-class log-priors and margins.</summary>
internal static class LongTailValidation
{
    internal static void Tau(double tau, string paramName) => ClassPriors.ValidateTau(tau, paramName);

    internal static void Scale(double scale, string paramName)
    {
        if (!(scale > 0.0) || double.IsInfinity(scale))
        {
            throw Validation.OutOfRange(paramName, scale,
                "The LDAM scale s must be finite and > 0; use the official code's "
                + Validation.Format(CbDefaults.Scale) + " (LdamLoss.DefaultScale).");
        }
    }

    /// <summary>
    /// The one rule for an empty class under the logit-adjusted and LDAM losses, worded as the generator's CB031:
    /// their log-prior or margin is infinite for a count of 0, so the class needs a pseudo-count (e.g. 1). For LDAM
    /// the message also names the path that keeps the other classes' margins (<see cref="LdamMargins.Compute"/>
    /// with <see cref="ZeroCountPolicy.ZeroWeight"/>, then <see cref="LdamLoss.FromMargins"/>). Checked before the
    /// maths, whose own message offers a policy these entry points do not take; a negative count before the first
    /// 0 is left to the maths' message.
    /// </summary>
    /// <param name="counts">Training samples per class.</param>
    /// <param name="who">What needs the counts: <c>CbLoss.LogitAdjusted</c>, <c>CbLoss.Ldam</c>, <c>CbLoss.VectorScaling</c> or
    /// <c>post-hoc logit adjustment</c>.</param>
    /// <param name="paramName">The counts' parameter name.</param>
    internal static void NoEmptyClass(ReadOnlySpan<long> counts, string who, string paramName)
    {
        for (int c = 0; c < counts.Length; c++)
        {
            if (counts[c] < 0)
            {
                return;
            }

            if (counts[c] == 0)
            {
                bool ldam = who == LdamName;
                throw new ArgumentException(
                    "Class " + Validation.Format(c) + " has count 0, but " + who + " needs "
                    + (ldam ? "the margin n_c^(-1/4)" : "the log-prior log π_c") + " of every class, which is "
                    + "infinite for a count of 0; give the class a pseudo-count (e.g. 1) or remove it."
                    + (ldam
                        ? " To keep the other classes' margins as they are, build the loss from margins instead: "
                          + "LdamLoss.FromMargins(LdamMargins.Compute(counts, maxMargin, ZeroCountPolicy.ZeroWeight), …) "
                          + "gives the empty class margin 0, which no training label uses."
                        : string.Empty),
                    paramName);
            }
        }
    }

    /// <summary>The LDAM loss's name in <see cref="NoEmptyClass"/>'s message.</summary>
    internal const string LdamName = "CbLoss.Ldam";

    /// <summary>The logit-adjusted loss's name in <see cref="NoEmptyClass"/>'s message.</summary>
    internal const string LogitAdjustedName = "CbLoss.LogitAdjusted";

    /// <summary>The VS loss's name in <see cref="NoEmptyClass"/>'s message.</summary>
    internal const string VectorScalingName = "CbLoss.VectorScaling";

    /// <summary>The VS loss's scales: non-empty, finite and ≥ 0, the rule the functional form applies too.</summary>
    internal static void Scales(ReadOnlySpan<double> scales, string paramName)
    {
        if (scales.IsEmpty)
        {
            throw new ArgumentException("The scales are empty; pass one VS scale Δ_c per class.", paramName);
        }

        for (int c = 0; c < scales.Length; c++)
        {
            double v = scales[c];
            if (!(v >= 0.0) || double.IsInfinity(v))
            {
                throw new ArgumentException(
                    "The scale of class " + Validation.Format(c) + " is " + Validation.Format(v)
                    + "; every VS scale Δ_c must be finite and ≥ 0 (VectorScalingTables.Scales gives (n_c / n_max)^γ).",
                    paramName);
            }
        }
    }

    /// <summary>Two per-class tables of one loss must have one entry per class each.</summary>
    internal static void SameLength(int first, int second, string paramName)
    {
        if (first != second)
        {
            throw new ArgumentException(
                "There are " + Validation.Format(first) + " scales and " + Validation.Format(second)
                + " log-priors; pass one of each per class.", paramName);
        }
    }

    /// <summary>Log-priors: non-empty, finite (an empty class's −∞ is not a usable shift), ≤ 0 is not required
    /// (any finite per-class shift works; log-counts are fine too).</summary>
    internal static void LogPriors(ReadOnlySpan<double> logPriors, string paramName)
    {
        if (logPriors.IsEmpty)
        {
            throw new ArgumentException("The log-priors are empty; pass one log π_c per class.", paramName);
        }

        for (int c = 0; c < logPriors.Length; c++)
        {
            double v = logPriors[c];
            if (double.IsNaN(v) || double.IsInfinity(v))
            {
                throw new ArgumentException(
                    "The log-prior of class " + Validation.Format(c) + " is " + Validation.Format(v)
                    + "; every log-prior must be finite (a class with count 0 has log π = −∞, which is not a "
                    + "usable logit shift: give it a pseudo-count of 1).", paramName);
            }
        }
    }

    /// <summary>Margins: non-empty, finite and ≥ 0.</summary>
    internal static void Margins(ReadOnlySpan<double> margins, string paramName)
    {
        if (margins.IsEmpty)
        {
            throw new ArgumentException("The margins are empty; pass one LDAM margin Δ_c per class.", paramName);
        }

        for (int c = 0; c < margins.Length; c++)
        {
            double v = margins[c];
            if (double.IsNaN(v) || double.IsInfinity(v) || v < 0.0)
            {
                throw new ArgumentException(
                    "The margin of class " + Validation.Format(c) + " is " + Validation.Format(v)
                    + "; every LDAM margin must be finite and ≥ 0.", paramName);
            }
        }
    }

    /// <summary>Optional class weights: empty means none; otherwise <see cref="Validation.Weights(ReadOnlySpan{double}, string)"/>
    /// and one per class.</summary>
    internal static bool? ClassWeights(ReadOnlySpan<double> classWeights, int numClasses, string paramName)
    {
        if (classWeights.IsEmpty)
        {
            return null;
        }

        bool allPositive = Validation.Weights(classWeights, paramName);
        if (classWeights.Length != numClasses)
        {
            throw new ArgumentException(
                "There are " + Validation.Format(classWeights.Length) + " class weights for "
                + Validation.Format(numClasses) + " classes; pass one weight per class, or none.", paramName);
        }

        return allPositive;
    }

    /// <summary>A per-class tensor for the functional forms: rank 1, C elements, floating, finite; and ≥ 0 when
    /// <paramref name="nonNegative"/>. One min/max reduction. The caller has checked that it is neither null nor
    /// disposed.</summary>
    internal static void PerClassTensor(Tensor values, long numClasses, bool nonNegative, string what, string paramName)
    {
        if (values.dim() != 1 || values.size(0) != numClasses || !is_floating_point(values.dtype))
        {
            throw new ArgumentException(
                "Expected '" + paramName + "' to be a floating rank-1 tensor of " + Validation.Format(numClasses)
                + " " + what + " (one per logits column), got " + values.dtype.ToString() + " with shape "
                + Validation.Shape(values) + ".", paramName);
        }

        using var scope = NewDisposeScope();
        using var guard = no_grad();
        var (lo, hi) = values.to(ScalarType.Float64).aminmax();
        double min = lo.item<double>();
        double max = hi.item<double>();
        if (!double.IsFinite(min) || !double.IsFinite(max) || (nonNegative && min < 0.0))
        {
            throw new ArgumentException(
                "'" + paramName + "' holds " + Validation.Format(nonNegative && min < 0.0 ? min : double.IsFinite(min) ? max : min)
                + "; every one of the " + what + " must be finite" + (nonNegative ? " and ≥ 0" : string.Empty)
                + ".", paramName);
        }
    }
}
