using System;

namespace CbGen.Sampling;

/// <summary>
/// Walker's alias table (Vose's construction, IEEE TSE 1991) over a discrete distribution: one draw costs one
/// random word, one multiply and one comparison, whatever the number of outcomes.
/// </summary>
/// <remarks>
/// The table is built in exact integer arithmetic: each outcome's probability is quantised to a multiple of
/// 1 / (n · 2^32) (n outcomes), the quanta are dealt into n columns of 2^32 each, and a draw picks a column uniformly
/// and keeps it when the low 32 bits of the same random word fall under the column's threshold, else takes its alias.
/// The distribution drawn is therefore exactly <see cref="Probability(int)"/>, which differs from the requested one by
/// less than 2^-32 (the largest outcome takes the rounding); an outcome of weight 0 has probability exactly 0 and is
/// never drawn, and a positive weight, however small, keeps at least one quantum.
/// </remarks>
public sealed class AliasTable
{
    private const ulong ColumnMass = 1UL << 32;

    private readonly ulong[] threshold;
    private readonly int[] alias;
    private readonly double[] probability;

    /// <summary>Builds the table for outcomes with probabilities proportional to <paramref name="weights"/>.</summary>
    /// <param name="weights">One finite weight ≥ 0 per outcome, at least one of them positive; they need not sum to 1.</param>
    /// <exception cref="ArgumentException">The weights are empty, longer than 2^31 − 1, hold a negative, NaN or
    /// infinite weight, or are all 0.</exception>
    public AliasTable(ReadOnlySpan<double> weights)
    {
        int n = weights.Length;
        if (n == 0)
        {
            throw new ArgumentException("The weights are empty; pass one weight per outcome.", nameof(weights));
        }

        double sum = 0.0;
        for (int i = 0; i < n; i++)
        {
            double w = weights[i];
            if (!(w >= 0.0) || double.IsInfinity(w))
            {
                throw new ArgumentException(
                    "Weight " + EffectiveNumber.Format(i) + " is " + w.ToString("R", System.Globalization.CultureInfo.InvariantCulture)
                    + "; every weight must be finite and ≥ 0.", nameof(weights));
            }

            sum += w;
        }

        if (!(sum > 0.0) || double.IsInfinity(sum))
        {
            throw new ArgumentException(
                sum > 0.0
                    ? "The weights sum past Double.MaxValue; scale them down (only their ratios matter)."
                    : "All " + EffectiveNumber.Format(n) + " weights are 0; at least one outcome needs a positive weight.",
                nameof(weights));
        }

        threshold = new ulong[n];
        alias = new int[n];
        Deal(Quantise(weights, sum), threshold, alias);
        probability = ReadBack(threshold, alias);
    }

    /// <summary>The number of outcomes.</summary>
    public int Count => threshold.Length;

    /// <summary>The exact probability with which a draw returns <paramref name="outcome"/>, read back from the
    /// built columns (the column's own kept share plus the shares other columns hand to it as their alias).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="outcome"/> is outside [0, <see cref="Count"/>).</exception>
    public double Probability(int outcome)
    {
        if ((uint)outcome >= (uint)threshold.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(outcome), outcome,
                "The outcome must be in [0, " + EffectiveNumber.Format(threshold.Length) + ").");
        }

        return probability[outcome];
    }

    internal int Sample(ref SamplerRandom random)
    {
        int column = (int)random.NextBounded((uint)threshold.Length, out uint coin);
        return coin < threshold[column] ? column : alias[column];
    }

    /// <summary>Integer masses m_i ≈ w_i / Σw · n · 2^32 that sum to exactly n · 2^32, with m_i = 0 iff w_i = 0.</summary>
    private static ulong[] Quantise(ReadOnlySpan<double> weights, double sum)
    {
        int n = weights.Length;
        ulong target = (ulong)n * ColumnMass;
        double scale = target / sum;
        var result = new ulong[n];
        ulong assigned = 0;
        int largest = 0;
        for (int i = 0; i < n; i++)
        {
            double exact = weights[i] * scale;
            ulong m = exact >= target ? target : (ulong)exact;
            if (m == 0 && weights[i] > 0.0)
            {
                m = 1;                                  // a positive weight stays drawable
            }

            result[i] = m;
            assigned += m;
            if (m > result[largest])
            {
                largest = i;
            }
        }

        // The floors leave < n quanta over (or a few too many from rounding): the largest outcome absorbs the
        // difference, which moves its probability by < 1 / 2^32 relative to the column mass.
        if (assigned <= target)
        {
            result[largest] += target - assigned;
        }
        else
        {
            ulong excess = assigned - target;
            result[largest] -= Math.Min(excess, result[largest] - 1);
        }

        return result;
    }

    private static double[] ReadBack(ulong[] threshold, int[] alias)
    {
        int n = threshold.Length;
        var kept = new ulong[n];
        for (int j = 0; j < n; j++)
        {
            kept[j] += threshold[j];
            kept[alias[j]] += ColumnMass - threshold[j];
        }

        var result = new double[n];
        for (int i = 0; i < n; i++)
        {
            result[i] = kept[i] / (n * (double)ColumnMass);
        }

        return result;
    }

    /// <summary>Vose's construction on the integer masses: every column ends holding exactly 2^32.</summary>
    private static void Deal(ulong[] masses, ulong[] threshold, int[] alias)
    {
        int n = masses.Length;
        var left = (ulong[])masses.Clone();
        var small = new int[n];
        var large = new int[n];
        int smallCount = 0;
        int largeCount = 0;
        for (int i = 0; i < n; i++)
        {
            if (left[i] < ColumnMass)
            {
                small[smallCount++] = i;
            }
            else
            {
                large[largeCount++] = i;
            }
        }

        while (smallCount > 0 && largeCount > 0)
        {
            int s = small[--smallCount];
            int l = large[largeCount - 1];
            threshold[s] = left[s];
            alias[s] = l;
            left[l] -= ColumnMass - left[s];
            if (left[l] < ColumnMass)
            {
                largeCount--;
                small[smallCount++] = l;
            }
        }

        // With exact masses both lists empty together, except that the last columns hold exactly 2^32.
        while (largeCount > 0)
        {
            int l = large[--largeCount];
            threshold[l] = ColumnMass;
            alias[l] = l;
        }

        while (smallCount > 0)
        {
            int s = small[--smallCount];
            threshold[s] = ColumnMass;                  // unreachable with exact masses; kept total for safety
            alias[s] = s;
        }
    }
}
