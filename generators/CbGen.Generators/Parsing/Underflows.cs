using System;
using CbGen.Generators.Helpers;
using CbGen.Generators.Model;
using CbGen.Sampling;

namespace CbGen.Generators.Parsing;

/// <summary>The per-class values the generator computes from the counts that a large exponent can underflow: the VS
/// scales (n_c / n_max)^γ (CB062) and the sampling probabilities p_c ∝ n_c^q (CB063). A value below the smallest normal
/// double, 0 included, multiplies a class's logits, or its chance to be drawn, by (almost) nothing. Both are computed by
/// the runtime's own rules (linked in), so what is checked is what the generated tables hold.</summary>
internal static class Underflows
{
    /// <summary>The smallest positive normal double, 2^-1022 (.NET Standard 2.0 names no constant for it).</summary>
    internal const double SmallestNormal = 2.2250738585072014E-308;

    /// <summary>The first class whose value underflowed, that value, and how many classes' values did.</summary>
    internal readonly record struct Finding(int Class, double Value, int Count)
    {
        /// <summary>The value as the messages give it: "0", or the number and that it is not normal.</summary>
        public string ValueText => Value == 0.0 ? "0" : Literals.Text(Value) + ", below the smallest normal double";

        /// <summary>How many other classes underflow too, as the messages give it ("" for none).</summary>
        public string MoreText => Count <= 1 ? string.Empty
            : " (so are those of " + Literals.Text((long)(Count - 1)) + (Count == 2 ? " more class)" : " more classes)");
    }

    /// <summary>CB062's finding for the VS scales of <paramref name="counts"/> at <paramref name="gamma"/>, or null when every
    /// scale is normal, or when γ or the counts are invalid (CB040, CB002, CB031, CB032 say why).</summary>
    internal static Finding? InVsScales(long[] counts, double gamma) =>
        Find(Computed(() => VectorScalingTables.Scales(counts, gamma)), counts);

    /// <summary>CB063's finding for the sampling probabilities of <paramref name="counts"/> at <paramref name="q"/>, or null
    /// when every probability of a class with samples is normal (an empty class's 0 under ZeroWeight is intended), or when
    /// q or the counts are invalid (CB041, CB002, CB013, CB015 say why; past Int64.MaxValue there is no table).</summary>
    internal static Finding? InSamplingProbabilities(long[] counts, double q, ZeroCountPolicy zeroCounts) =>
        Find(Computed(() => SamplingProbabilities.Power(counts, q, zeroCounts)), counts);

    /// <summary>The table the runtime's rule computes, or null when the rule refuses its input (another diagnostic
    /// reports that).</summary>
    private static double[]? Computed(Func<double[]> table)
    {
        try
        {
            return table();
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private static Finding? Find(double[]? values, long[] counts)
    {
        if (values is null)
        {
            return null;
        }

        int first = -1;
        int count = 0;
        for (int c = 0; c < values.Length; c++)
        {
            if (counts[c] > 0 && values[c] < SmallestNormal)
            {
                first = first < 0 ? c : first;
                count++;
            }
        }

        return first < 0 ? null : new Finding(first, values[first], count);
    }
}
