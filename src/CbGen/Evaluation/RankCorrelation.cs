using System;
using System.Linq;

namespace CbGen.Evaluation;

/// <summary>Spearman's rank correlation: how well one score orders a set of items like another score does. Use it
/// to check a sweep: 1 means the validation ranking of the points equals their test ranking.</summary>
public static class RankCorrelation
{
    /// <summary>Spearman's ρ of <paramref name="x"/> and <paramref name="y"/>: the Pearson correlation of their ranks,
    /// tied values sharing their mean rank. In [-1, 1].</summary>
    /// <exception cref="ArgumentException">Different lengths, fewer than 2 items, a NaN, or a constant series (ρ is
    /// undefined when every item ties).</exception>
    public static double Spearman(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        if (x.Length != y.Length)
        {
            throw new ArgumentException("The two series differ in length (" + x.Length + " and " + y.Length + ").", nameof(y));
        }

        if (x.Length < 2)
        {
            throw new ArgumentException("A rank correlation needs at least 2 items.", nameof(x));
        }

        double[] rx = Ranks(x, nameof(x));
        double[] ry = Ranks(y, nameof(y));
        double mx = rx.Average(), my = ry.Average();
        double sxy = 0, sxx = 0, syy = 0;
        // Stryker disable Arithmetic : Σ(r − m) = 0, so a sign flipped in one factor of a product leaves the sum unchanged
        for (int i = 0; i < rx.Length; i++)
        {
            sxy += (rx[i] - mx) * (ry[i] - my);
            sxx += (rx[i] - mx) * (rx[i] - mx);
            syy += (ry[i] - my) * (ry[i] - my);
        }

        // Stryker restore Arithmetic

        return sxy / Math.Sqrt(sxx * syy);
    }

    /// <summary>1-based ranks, ties sharing the mean of the ranks they span.</summary>
    private static double[] Ranks(ReadOnlySpan<double> values, string name)
    {
        var copy = values.ToArray();
        if (copy.Any(double.IsNaN))
        {
            throw new ArgumentException("The series holds NaN; rank correlation needs ordered values.", name);
        }

        // Stryker disable once Linq : ρ is the same when both series are ranked in reverse
        int[] order = Enumerable.Range(0, copy.Length).OrderBy(i => copy[i]).ToArray();
        var ranks = new double[copy.Length];
        for (int start = 0; start < order.Length;)
        {
            int end = start;
            while (end + 1 < order.Length && copy[order[end + 1]] == copy[order[start]])
            {
                end++;
            }

            // Stryker disable once Arithmetic : ρ is invariant under any increasing affine map of the ranks
            double mean = (start + end) / 2.0 + 1;
            for (int k = start; k <= end; k++)
            {
                ranks[order[k]] = mean;
            }

            start = end + 1;
        }

        if (ranks.Distinct().Count() == 1)
        {
            throw new ArgumentException("Every value of the series is the same, so its ranks carry no order.", name);
        }

        return ranks;
    }
}
