// Linked into CbGen.Generators as well (every file of src/CbGen/Maths is).
using System;

namespace CbGen;

/// <summary>
/// The per-class margins of the LDAM loss (Cao et al., NeurIPS 2019): Δ_c = m_max · n_c^(−1/4) / max_k n_k^(−1/4),
/// so the rarest class gets exactly m_max and a class with 16 times its samples gets m_max / 2.
/// </summary>
/// <remarks>
/// <para><b>Accuracy:</b> computed as m_max · (n_min / n_c)^(1/4) with two square roots of one correctly rounded
/// quotient, so each margin is within about one unit in the last place for counts up to 2^53 (any count up to
/// 10^12) and any number of classes; the rarest class's margin is m_max bit for bit, as in the official code.</para>
/// <para><b>Zero counts</b> are rejected by default (<see cref="ZeroCountPolicy.Throw"/>): n^(−1/4) is infinite
/// for n = 0. With <see cref="ZeroCountPolicy.ZeroWeight"/> an empty class gets margin 0 and the margins of the
/// others are scaled by the rarest non-empty class. LDAM only lowers the logit of a sample's own label, and a
/// class without training samples is never a training label, so its margin never enters the training loss.</para>
/// </remarks>
public static class LdamMargins
{
    /// <summary>The official code's default m_max.</summary>
    public const double DefaultMaxMargin = CbDefaults.MaxMargin;

    /// <summary>Returns the margin Δ_c of every class.</summary>
    /// <param name="counts">Training samples per class, indexed by class (the logits column).</param>
    /// <param name="maxMargin">m_max &gt; 0 (finite), the margin of the rarest class (the official code uses 0.5).
    /// The generator's CB028 and every LDAM entry point of the runtime apply this same rule.</param>
    /// <param name="zeroCounts">What to do with a class of count 0; <see cref="ZeroCountPolicy.Throw"/> by
    /// default, <see cref="ZeroCountPolicy.ZeroWeight"/> gives it margin 0.</param>
    /// <returns>A new array of <c>counts.Length</c> margins in [0, m_max].</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxMargin"/> is NaN, ≤ 0 or infinite,
    /// or <paramref name="zeroCounts"/> is undefined.</exception>
    /// <exception cref="ArgumentException"><paramref name="counts"/> is empty, holds a negative count, a zero count
    /// under <see cref="ZeroCountPolicy.Throw"/>, only zeros, or sums past <see cref="long.MaxValue"/>.</exception>
    public static double[] Compute(
        ReadOnlySpan<long> counts,
        double maxMargin = DefaultMaxMargin,
        ZeroCountPolicy zeroCounts = ZeroCountPolicy.Throw)
    {
        ValidateMaxMargin(maxMargin, nameof(maxMargin));
        ValidateCounts(counts, zeroCounts);
        long rarest = long.MaxValue;
        foreach (long n in counts)
        {
            if (n > 0 && n < rarest)
            {
                rarest = n;
            }
        }

        var margins = new double[counts.Length];
        double min = rarest;
        for (int c = 0; c < counts.Length; c++)
        {
            long n = counts[c];
            margins[c] = n == 0 ? 0.0 : maxMargin * Math.Sqrt(Math.Sqrt(min / n));
        }

        return margins;
    }

    /// <summary>Throws when m_max is NaN, ≤ 0 or infinite: the one home of the rule and its message (the runtime's
    /// LDAM entry points all reach it through <see cref="Compute"/>).</summary>
    internal static void ValidateMaxMargin(double maxMargin, string paramName)
    {
        if (!(maxMargin > 0.0) || double.IsInfinity(maxMargin))
        {
            throw new ArgumentOutOfRangeException(paramName,
                "The maximum margin m_max must be finite and > 0 (the LDAM paper uses 0.5); got "
                + maxMargin.ToString("R", System.Globalization.CultureInfo.InvariantCulture) + ".");
        }
    }

    private static void ValidateCounts(ReadOnlySpan<long> counts, ZeroCountPolicy zeroCounts)
    {
        if (zeroCounts == ZeroCountPolicy.Throw)
        {
            for (int c = 0; c < counts.Length; c++)
            {
                if (counts[c] == 0)
                {
                    throw new ArgumentException(
                        "Class " + EffectiveNumber.Format(c) + " has count 0, so its LDAM margin n^(−1/4) is "
                        + "infinite. Give every class at least one sample, or pass ZeroCountPolicy.ZeroWeight to give "
                        + "empty classes margin 0 (they are never a training label, so it is never used).",
                        nameof(counts));
                }
            }
        }

        // Empty or negative counts, an all-zero vector, an undefined policy and an overflowing total, with the priors' messages.
        _ = ClassPriors.Total(counts, zeroCounts == ZeroCountPolicy.Throw ? ZeroCountPolicy.ZeroWeight : zeroCounts,
            nameof(counts));
    }
}
