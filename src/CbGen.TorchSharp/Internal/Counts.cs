using System;

namespace CbGen.TorchSharp.Internal;

/// <summary>The class-balanced weights of counts (a <see cref="ClassCounts"/> widens <see cref="int"/> counts),
/// with a message the runtime's entry points can act on.</summary>
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
}
