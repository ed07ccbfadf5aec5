using System.Collections.Generic;

namespace CbGen.Generators.Model;

/// <summary>The one rule about the total of the counts: <c>ClassPriors</c> (linked in, and the runtime's) sums them
/// exactly as an Int64, so the priors exist only when that total fits. The class-balanced weights never need it; the
/// logit-adjusted and LDAM runtime losses check their counts by it (CB032).</summary>
internal static class CountTotals
{
    /// <summary>The index of the first count (all ≥ 0) that takes the running total past <see cref="long.MaxValue"/>,
    /// or -1 when the total fits.</summary>
    public static int FirstOverflow(IReadOnlyList<long> counts)
    {
        long total = 0;
        for (int c = 0; c < counts.Count; c++)
        {
            if (counts[c] > long.MaxValue - total)
            {
                return c;
            }

            total += counts[c];
        }

        return -1;
    }
}
