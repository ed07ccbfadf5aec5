using System;

namespace CbGen;

/// <summary>
/// The weight-collapse rule (the generator's warning CB011, and cbgen's warning): with a β too small for the
/// counts, every effective number saturates and the weights come out nearly uniform although the counts are
/// imbalanced. One implementation, compiled into the generator (linked with the rest of Maths/) and called by cbgen.
/// </summary>
internal sealed class WeightCollapse
{
    /// <summary>Below this ratio of the largest to the smallest weight, the weights count as collapsed.</summary>
    public const double RatioLimit = 1.05;

    private WeightCollapse(double ratio, long smallestCount, long largestCount)
    {
        Ratio = ratio;
        SmallestCount = smallestCount;
        LargestCount = largestCount;
    }

    /// <summary>The largest weight over the smallest (of the classes with samples).</summary>
    public double Ratio { get; }

    /// <summary>The smallest non-zero count.</summary>
    public long SmallestCount { get; }

    /// <summary>N, the largest count.</summary>
    public long LargestCount { get; }

    /// <summary>How much the counts differ: the largest over the smallest non-zero count.</summary>
    public double CountRatio => (double)LargestCount / SmallestCount;

    /// <summary>The β that re-weights by the effective number: (N−1)/N.</summary>
    public double SuggestedBeta => (LargestCount - 1.0) / LargestCount;

    /// <summary>The collapse of the weights of <paramref name="counts"/> under <paramref name="beta"/>, or null when
    /// there is none to warn about: β = 0 (uniform weights on purpose), counts that differ less than 2× (the N/2
    /// gate: the smallest non-zero count above half the largest), or weights whose ratio reaches
    /// <see cref="RatioLimit"/>.</summary>
    public static WeightCollapse? Check(long[] counts, double beta, ZeroCountPolicy zeroCounts)
    {
        if (beta == 0.0)
        {
            return null;
        }

        long minCount = long.MaxValue;
        long maxCount = 0;
        foreach (long n in counts)
        {
            if (n > 0)
            {
                minCount = Math.Min(minCount, n);
                maxCount = Math.Max(maxCount, n);
            }
        }

        if (maxCount == 0 || maxCount / 2 < minCount)
        {
            return null;
        }

        double[] weights = ClassBalancedWeights.Compute(counts, beta, WeightNormalization.SumToClassCount, zeroCounts);
        double minWeight = double.MaxValue;
        double maxWeight = 0.0;
        for (int c = 0; c < weights.Length; c++)
        {
            if (counts[c] > 0)
            {
                minWeight = Math.Min(minWeight, weights[c]);
                maxWeight = Math.Max(maxWeight, weights[c]);
            }
        }

        double ratio = maxWeight / minWeight;
        return ratio < RatioLimit ? new WeightCollapse(ratio, minCount, maxCount) : null;
    }
}
