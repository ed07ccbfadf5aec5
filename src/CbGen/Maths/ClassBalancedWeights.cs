// Linked into CbGen.Generators as well: see EffectiveNumber.cs.
using System;

namespace CbGen;

/// <summary>How <see cref="ClassBalancedWeights.Compute(ReadOnlySpan{long}, double, WeightNormalization, ZeroCountPolicy)"/>
/// scales the raw weights <c>1 / E_{n_c}</c>.</summary>
public enum WeightNormalization
{
    /// <summary>Scale so the weights sum to the number of classes C (the paper's official code). With this,
    /// uniform counts give weight 1 for every class. Under <see cref="ZeroCountPolicy.ZeroWeight"/> the
    /// weights sum to the number of classes that have samples.</summary>
    SumToClassCount = 0,

    /// <summary>Leave the raw weights <c>1 / E_{n_c}</c> as they are.</summary>
    None = 1,

    /// <summary>Scale so the weights sum to 1.</summary>
    SumToOne = 2,
}

/// <summary>What to do with a class that has no training samples (its effective number is 0).</summary>
public enum ZeroCountPolicy
{
    /// <summary>Reject it: an empty class is usually a bug in the counts (the default).</summary>
    Throw = 0,

    /// <summary>Give the class weight 0 and normalise over the classes that have samples.</summary>
    ZeroWeight = 1,
}

/// <summary>Per-class weights α_c ∝ 1 / E_{n_c} of the class-balanced loss (Cui et al., CVPR 2019).</summary>
public static class ClassBalancedWeights
{
    /// <summary>
    /// Computes the class-balanced weight of every class: α_c ∝ 1 / E_{n_c} with
    /// E_n = (1 - β^n) / (1 - β), normalised by default so that Σ_c α_c = C as in the official code.
    /// β = 0 gives uniform weights, β = 1 inverse-frequency weights.
    /// </summary>
    /// <param name="counts">Training samples per class, indexed by class (the logits column).</param>
    /// <param name="beta">β in [0, 1]; the paper searches 0.9, 0.99, 0.999 and 0.9999.</param>
    /// <param name="normalization">How to scale the weights; <see cref="WeightNormalization.SumToClassCount"/> by default.</param>
    /// <param name="zeroCounts">What to do with a class of count 0; <see cref="ZeroCountPolicy.Throw"/> by default.</param>
    /// <returns>A new array of <c>counts.Length</c> weights.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="beta"/> is NaN or outside [0, 1].</exception>
    /// <exception cref="ArgumentException"><paramref name="counts"/> is empty, holds a negative count, holds a
    /// zero count under <see cref="ZeroCountPolicy.Throw"/>, or holds only zeros.</exception>
    public static double[] Compute(
        ReadOnlySpan<long> counts,
        double beta,
        WeightNormalization normalization = WeightNormalization.SumToClassCount,
        ZeroCountPolicy zeroCounts = ZeroCountPolicy.Throw)
    {
        var weights = new double[counts.Length];
        Compute(counts, beta, weights, normalization, zeroCounts);
        return weights;
    }

    /// <summary>As <see cref="Compute(ReadOnlySpan{long}, double, WeightNormalization, ZeroCountPolicy)"/>,
    /// writing the weights into <paramref name="destination"/> (no allocation).</summary>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is shorter than <paramref name="counts"/>,
    /// or any condition of the allocating overload.</exception>
    public static void Compute(
        ReadOnlySpan<long> counts,
        double beta,
        Span<double> destination,
        WeightNormalization normalization = WeightNormalization.SumToClassCount,
        ZeroCountPolicy zeroCounts = ZeroCountPolicy.Throw)
    {
        EffectiveNumber.ValidateBeta(beta, nameof(beta));
        ValidateCounts(counts, zeroCounts, nameof(counts));
        if (destination.Length < counts.Length)
        {
            throw new ArgumentException(
                "The destination holds " + Format(destination.Length) + " elements but there are "
                + Format(counts.Length) + " classes; pass a span of at least that length.",
                nameof(destination));
        }

        if (normalization != WeightNormalization.SumToClassCount
            && normalization != WeightNormalization.None
            && normalization != WeightNormalization.SumToOne)
        {
            throw new ArgumentOutOfRangeException(nameof(normalization), normalization,
                "Unknown WeightNormalization value; use SumToClassCount, None or SumToOne.");
        }

        double sum = 0.0;
        int nonEmpty = 0;
        for (int c = 0; c < counts.Length; c++)
        {
            if (counts[c] == 0)
            {
                destination[c] = 0.0;
                continue;
            }

            double w = 1.0 / EffectiveNumber.OfUnchecked(counts[c], beta);
            destination[c] = w;
            sum += w;
            nonEmpty++;
        }

        double scale = normalization switch
        {
            WeightNormalization.SumToClassCount => nonEmpty / sum,
            WeightNormalization.SumToOne => 1.0 / sum,
            _ => 1.0,
        };

        if (scale != 1.0)
        {
            for (int c = 0; c < counts.Length; c++)
            {
                destination[c] *= scale;
            }
        }
    }

    /// <summary>Returns <c>E_{n_c}</c> for every class (0 for an empty class).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="beta"/> is NaN or outside [0, 1].</exception>
    /// <exception cref="ArgumentException">A count is negative.</exception>
    public static double[] EffectiveNumbers(ReadOnlySpan<long> counts, double beta)
    {
        EffectiveNumber.ValidateBeta(beta, nameof(beta));
        var result = new double[counts.Length];
        for (int c = 0; c < counts.Length; c++)
        {
            if (counts[c] < 0)
            {
                throw NegativeCount(c, counts[c], nameof(counts));
            }

            result[c] = EffectiveNumber.OfUnchecked(counts[c], beta);
        }

        return result;
    }

    private static void ValidateCounts(ReadOnlySpan<long> counts, ZeroCountPolicy zeroCounts, string paramName)
    {
        if (counts.IsEmpty)
        {
            throw new ArgumentException("The counts are empty; pass one sample count per class.", paramName);
        }

        if (zeroCounts != ZeroCountPolicy.Throw && zeroCounts != ZeroCountPolicy.ZeroWeight)
        {
            throw new ArgumentOutOfRangeException(nameof(zeroCounts), zeroCounts,
                "Unknown ZeroCountPolicy value; use Throw or ZeroWeight.");
        }

        bool anyPositive = false;
        for (int c = 0; c < counts.Length; c++)
        {
            long n = counts[c];
            if (n < 0)
            {
                throw NegativeCount(c, n, paramName);
            }

            if (n == 0 && zeroCounts == ZeroCountPolicy.Throw)
            {
                throw new ArgumentException(
                    "Class " + Format(c) + " has count 0. Give every class at least one sample, or pass "
                    + "ZeroCountPolicy.ZeroWeight to give empty classes weight 0.", paramName);
            }

            anyPositive |= n > 0;
        }

        if (!anyPositive)
        {
            throw new ArgumentException(
                "All " + Format(counts.Length) + " counts are 0; at least one class needs samples.", paramName);
        }
    }

    private static ArgumentException NegativeCount(int index, long value, string paramName) =>
        new ArgumentException(
            "Class " + Format(index) + " has the negative count " + Format(value)
            + "; counts are numbers of training samples and must be ≥ 0.", paramName);

    private static string Format(long value) => EffectiveNumber.Format(value);
}
