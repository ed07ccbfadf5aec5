using System;
using System.Collections.Generic;

namespace CbGen.TorchSharp.Internal
{
    /// <summary>Counts as the runtime's entry points take them: <see cref="int"/> counts widened to the
    /// <see cref="long"/> counts the maths takes (the values are checked there, so a negative count gets the same
    /// message either way), and the class-balanced weights of counts with a message these entry points can act on.</summary>
    internal static class Counts
    {
        /// <summary>
        /// <see cref="ClassBalancedWeights.Compute(ReadOnlySpan{long}, double, WeightNormalization, ZeroCountPolicy)"/>
        /// for an entry point that takes no <see cref="ZeroCountPolicy"/>: an empty class is refused with the fix that
        /// works from there (weights computed under <see cref="ZeroCountPolicy.ZeroWeight"/>, then the loss from
        /// weights), where the maths' own message offers a policy parameter the caller does not have. A negative count
        /// before the first 0 is left to the maths' message.
        /// </summary>
        internal static double[] ClassBalancedWeightsOf(ReadOnlySpan<long> counts, double beta, string paramName)
        {
            for (int c = 0; c < counts.Length && counts[c] >= 0; c++)
            {
                if (counts[c] == 0)
                {
                    throw new ArgumentException(
                        "Class " + Validation.Format(c) + " has count 0. Give every class at least one sample, or compute "
                        + "the weights with ClassBalancedWeights.Compute(counts, beta, zeroCounts: ZeroCountPolicy.ZeroWeight) "
                        + "(an empty class gets weight 0) and build the loss from them (the loss's weights constructor, "
                        + "CbLosses.Create(loss, weights, options) or the functional form that takes weights).", paramName);
                }
            }

            return ClassBalancedWeights.Compute(counts, beta);
        }

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
