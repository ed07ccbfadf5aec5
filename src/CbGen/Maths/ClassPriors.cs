// Linked into CbGen.Generators as well (every file of src/CbGen/Maths is): the log-priors the generator bakes into
// user code come from exactly the code the runtime uses.
using System;

namespace CbGen;

/// <summary>
/// Class priors π_c = n_c / Σ_k n_k of a count vector and their logarithms, the per-class shift of the
/// logit-adjusted loss and of post-hoc logit adjustment (Menon et al., ICLR 2021).
/// </summary>
/// <remarks>
/// <para><b>Accuracy:</b> for up to 100,000 classes and counts up to 10^12 (totals past 2^53, where a total is no
/// longer exact as a double), every prior is within one unit in the last place of n_c / N and every log-prior
/// within a few: the total is summed exactly as an integer, the part of it a double cannot hold corrects the
/// quotient, and a log-prior near 0 (a class holding most samples) is computed as log1p(−(N − n_c) / N) so it
/// keeps its digits instead of cancelling.</para>
/// <para><b>Zero counts</b> are rejected by default (<see cref="ZeroCountPolicy.Throw"/>). With
/// <see cref="ZeroCountPolicy.ZeroWeight"/> an empty class gets π = 0 and log π = −∞, which is the true value but
/// not a usable logit shift: −∞ makes the class unpredictable and τ·(−∞) is NaN for τ = 0. The loss modules
/// therefore always reject empty classes; give such a class a pseudo-count (e.g. 1) instead.</para>
/// </remarks>
public static class ClassPriors
{
    /// <summary>Returns π_c = n_c / Σ_k n_k for every class.</summary>
    /// <param name="counts">Training samples per class, indexed by class (the logits column).</param>
    /// <param name="zeroCounts">What to do with a class of count 0; <see cref="ZeroCountPolicy.Throw"/> by
    /// default, <see cref="ZeroCountPolicy.ZeroWeight"/> gives it π = 0.</param>
    /// <returns>A new array of <c>counts.Length</c> priors summing to 1 (up to rounding).</returns>
    /// <exception cref="ArgumentException"><paramref name="counts"/> is empty, holds a negative count, a zero count
    /// under <see cref="ZeroCountPolicy.Throw"/>, only zeros, or sums past <see cref="long.MaxValue"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="zeroCounts"/> is undefined.</exception>
    public static double[] Priors(ReadOnlySpan<long> counts, ZeroCountPolicy zeroCounts = ZeroCountPolicy.Throw)
    {
        long total = Total(counts, zeroCounts, nameof(counts));
        var priors = new double[counts.Length];
        for (int c = 0; c < counts.Length; c++)
        {
            priors[c] = Ratio(counts[c], total);
        }

        return priors;
    }

    /// <summary>Returns log π_c = log(n_c / Σ_k n_k) for every class (≤ 0; −∞ for an empty class under
    /// <see cref="ZeroCountPolicy.ZeroWeight"/>, see the class remarks).</summary>
    /// <param name="counts">Training samples per class, indexed by class (the logits column).</param>
    /// <param name="zeroCounts">What to do with a class of count 0; <see cref="ZeroCountPolicy.Throw"/> by default.</param>
    /// <returns>A new array of <c>counts.Length</c> log-priors.</returns>
    /// <exception cref="ArgumentException">As <see cref="Priors"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="zeroCounts"/> is undefined.</exception>
    public static double[] LogPriors(ReadOnlySpan<long> counts, ZeroCountPolicy zeroCounts = ZeroCountPolicy.Throw)
    {
        long total = Total(counts, zeroCounts, nameof(counts));
        var logPriors = new double[counts.Length];
        for (int c = 0; c < counts.Length; c++)
        {
            logPriors[c] = LogRatio(counts[c], total);
        }

        return logPriors;
    }

    /// <summary>log(n / total) for 0 ≤ n ≤ total, total ≥ 1, keeping its relative accuracy near 0.</summary>
    internal static double LogRatio(long n, long total)
    {
        if (n == 0)
        {
            return double.NegativeInfinity;
        }

        long rest = total - n;
        if (rest <= n)
        {
            // π ≥ 1/2: log π = log1p(−rest / total), which keeps the digits log(π) would cancel.
            return EffectiveNumber.Log1p(-Ratio(rest, total));
        }

        // π < 1/2: |log π| > 0.69, so the one-ulp error of π moves log π by less than 1.5 ulp.
        return Math.Log(Ratio(n, total));
    }

    /// <summary>n / total for 0 ≤ n ≤ total, total ≥ 1, within one ulp even when total is not exact as a double.</summary>
    internal static double Ratio(long n, long total)
    {
        if (total <= MaxExactInteger)
        {
            return n / (double)total;                // both exact: one correctly rounded division
        }

        // total = hi + lo exactly, |lo| ≤ ulp(hi) / 2; n / total = q / (1 + lo / hi) ≈ q − q·lo / hi.
        double hi = total;
        long lo = hi >= TwoTo63 ? (total - long.MaxValue) - 1 : total - (long)hi;
        double q = n / hi;
        return q - q * (lo / hi);
    }

    private const long MaxExactInteger = 1L << 53;

    private const double TwoTo63 = 9.2233720368547758E+18;

    /// <summary>Validates the counts under the policy and returns their exact total.</summary>
    internal static long Total(ReadOnlySpan<long> counts, ZeroCountPolicy zeroCounts, string paramName)
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

        long total = 0;
        for (int c = 0; c < counts.Length; c++)
        {
            long n = counts[c];
            if (n < 0)
            {
                throw new ArgumentException(
                    "Class " + EffectiveNumber.Format(c) + " has the negative count " + EffectiveNumber.Format(n)
                    + "; counts are numbers of training samples and must be ≥ 0.", paramName);
            }

            if (n == 0 && zeroCounts == ZeroCountPolicy.Throw)
            {
                throw new ArgumentException(
                    "Class " + EffectiveNumber.Format(c) + " has count 0, so its prior is 0 and its log-prior −∞, "
                    + "which is not a usable logit shift. Give every class at least one sample (a pseudo-count of 1 "
                    + "for a class you know exists), or pass ZeroCountPolicy.ZeroWeight to get π = 0 and log π = −∞.",
                    paramName);
            }

            if (n > long.MaxValue - total)
            {
                throw new ArgumentException(
                    "The counts sum past " + EffectiveNumber.Format(long.MaxValue)
                    + " (Int64.MaxValue); pass counts whose total fits in an Int64.", paramName);
            }

            total += n;
        }

        if (total == 0)
        {
            throw new ArgumentException(
                "All " + EffectiveNumber.Format(counts.Length) + " counts are 0; at least one class needs samples.",
                paramName);
        }

        return total;
    }

    /// <summary>The one rule for τ, the strength of a logit adjustment by τ times a per-class prior term (log π_c for
    /// the logit-adjusted and VS losses and single-label post-hoc adjustment in TorchSharp and ML.NET, the prior logits
    /// log(p_c / (1 − p_c)) for a multi-label <c>AdjustLogits</c>): finite and ≥ 0. The message fits every one of
    /// them, since <c>adjust_logits</c> cannot tell which term it was given.</summary>
    internal static void ValidateTau(double tau, string paramName)
    {
        if (!(tau >= 0.0) || double.IsInfinity(tau))
        {
            throw new ArgumentOutOfRangeException(paramName,
                "τ must be finite and ≥ 0; it scales the shift by the class priors: 1 (the default) shifts by the whole "
                + "prior term, 0 leaves the logits unchanged; got "
                + tau.ToString("R", System.Globalization.CultureInfo.InvariantCulture) + ".");
        }
    }
}
