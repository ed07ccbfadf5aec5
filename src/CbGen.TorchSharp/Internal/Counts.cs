using System;
using System.Collections.Generic;

namespace CbGen.TorchSharp.Internal
{
    /// <summary>Widens <see cref="int"/> counts to the <see cref="long"/> counts the maths takes (the values are
    /// checked there, so a negative count gets the same message either way).</summary>
    internal static class Counts
    {
        internal static long[] Widen(IReadOnlyList<int> counts, string paramName)
        {
            if (counts is null)
            {
                throw new ArgumentNullException(paramName);
            }

            var result = new long[counts.Count];
            for (int i = 0; i < result.Length; i++)
            {
                result[i] = counts[i];
            }

            return result;
        }
    }
}
