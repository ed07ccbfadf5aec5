using System;
using System.Globalization;

namespace CbGen.Sampling;

/// <summary>
/// Per-class sampling probabilities from the per-class counts the losses use: p_c ∝ n_c^q (class-balanced at q = 0,
/// square-root at q = ½, instance-balanced at q = 1), progressively balanced (Kang et al., ICLR 2020) and LVIS
/// repeat-factor sampling (Gupta et al., CVPR 2019). Every sampler in <see cref="IndexSampler"/> draws a class from
/// these and then a row of that class uniformly.
/// </summary>
/// <remarks>
/// <b>Empty classes</b> (count 0) cannot be drawn: no row has their label. By default they are refused
/// (<see cref="ZeroCountPolicy.Throw"/>), since a class-balanced sampler would silently give the other classes their
/// share; with <see cref="ZeroCountPolicy.ZeroWeight"/> they get probability 0 and the rest is normalised over the
/// classes that have samples.
/// </remarks>
public static class SamplingProbabilities
{
    /// <summary>p_c = n_c^q / Σ_k n_k^q over the classes with samples (0 for an empty class).</summary>
    /// <param name="counts">Training samples per class, indexed by class.</param>
    /// <param name="q">The exponent, finite and ≥ 0: 0 class-balanced, 0.5 square-root, 1 instance-balanced.</param>
    /// <param name="zeroCounts">What to do with a class of count 0; <see cref="ZeroCountPolicy.Throw"/> by default.</param>
    /// <returns>A new array of <c>counts.Length</c> probabilities summing to 1 (up to rounding).</returns>
    /// <exception cref="ArgumentException">The counts are empty, negative, all 0, hold a 0 under
    /// <see cref="ZeroCountPolicy.Throw"/>, or <paramref name="q"/> is NaN, infinite or negative.</exception>
    public static double[] Power(ReadOnlySpan<long> counts, double q, ZeroCountPolicy zeroCounts = ZeroCountPolicy.Throw)
    {
        ValidateExponent(q, nameof(q));
        ValidateCounts(counts, zeroCounts, nameof(counts));
        var p = new double[counts.Length];
        long max = 0;
        for (int c = 0; c < counts.Length; c++)
        {
            max = Math.Max(max, counts[c]);
        }

        double sum = 0.0;
        for (int c = 0; c < counts.Length; c++)
        {
            // (n_c / n_max)^q stays in (0, 1], so no overflow for large counts and q.
            p[c] = counts[c] == 0 ? 0.0 : Math.Pow(counts[c] / (double)max, q);
            sum += p[c];
        }

        for (int c = 0; c < p.Length; c++)
        {
            p[c] /= sum;
        }

        return p;
    }

    /// <summary>Class-balanced sampling: p_c = 1 / C over the classes with samples (<see cref="Power"/> at q = 0).</summary>
    /// <exception cref="ArgumentException">As <see cref="Power"/>.</exception>
    public static double[] ClassBalanced(ReadOnlySpan<long> counts, ZeroCountPolicy zeroCounts = ZeroCountPolicy.Throw) =>
        Power(counts, 0.0, zeroCounts);

    /// <summary>Square-root sampling: p_c ∝ √n_c (<see cref="Power"/> at q = ½).</summary>
    /// <exception cref="ArgumentException">As <see cref="Power"/>.</exception>
    public static double[] SquareRoot(ReadOnlySpan<long> counts, ZeroCountPolicy zeroCounts = ZeroCountPolicy.Throw) =>
        Power(counts, 0.5, zeroCounts);

    /// <summary>
    /// Progressively balanced sampling (Kang et al., ICLR 2020): p_c(t) = (1 − t/T)·p_c^IB + (t/T)·p_c^CB, moving
    /// from instance-balanced (q = 1) at epoch t = 0 to class-balanced (q = 0) at t = T.
    /// </summary>
    /// <param name="counts">Training samples per class.</param>
    /// <param name="epoch">The epoch t, 0 ≤ t ≤ T.</param>
    /// <param name="totalEpochs">The number of epochs T ≥ 1.</param>
    /// <param name="zeroCounts">What to do with a class of count 0; <see cref="ZeroCountPolicy.Throw"/> by default.</param>
    /// <exception cref="ArgumentException">As <see cref="Power"/>, or T &lt; 1, or t outside [0, T].</exception>
    public static double[] ProgressivelyBalanced(
        ReadOnlySpan<long> counts, int epoch, int totalEpochs, ZeroCountPolicy zeroCounts = ZeroCountPolicy.Throw)
    {
        ValidateEpoch(epoch, totalEpochs);
        double[] instance = Power(counts, 1.0, zeroCounts);
        double[] balanced = Power(counts, 0.0, zeroCounts);
        double w = epoch / (double)totalEpochs;
        for (int c = 0; c < instance.Length; c++)
        {
            instance[c] = (1.0 - w) * instance[c] + w * balanced[c];
        }

        return instance;
    }

    /// <summary>
    /// LVIS repeat factors (Gupta et al., CVPR 2019): r_c = max(1, √(t / f_c)) with f_c = n_c / N the fraction of
    /// images (rows) of class c; for single-label data a row's repeat factor is its class's. 0 for an empty class.
    /// </summary>
    /// <param name="counts">Training samples per class.</param>
    /// <param name="threshold">The frequency threshold t in (0, 1]; the paper uses 0.001.</param>
    /// <param name="zeroCounts">What to do with a class of count 0; <see cref="ZeroCountPolicy.Throw"/> by default.</param>
    /// <exception cref="ArgumentException">As <see cref="Power"/>, or <paramref name="threshold"/> outside (0, 1].</exception>
    public static double[] RepeatFactors(ReadOnlySpan<long> counts, double threshold, ZeroCountPolicy zeroCounts = ZeroCountPolicy.Throw)
    {
        if (!(threshold > 0.0 && threshold <= 1.0))
        {
            throw new ArgumentException(
                "The repeat-factor threshold is " + Format(threshold) + "; pass a fraction of images t in (0, 1] "
                + "(the LVIS paper uses 0.001): classes in fewer than that fraction of images are repeated.",
                nameof(threshold));
        }

        long total = ValidateCounts(counts, zeroCounts, nameof(counts));
        var r = new double[counts.Length];
        for (int c = 0; c < counts.Length; c++)
        {
            r[c] = counts[c] == 0 ? 0.0 : Math.Max(1.0, Math.Sqrt(threshold / ClassPriors.Ratio(counts[c], total)));
        }

        return r;
    }

    /// <summary>The class probabilities of repeat-factor sampling drawn as a weighted sampler:
    /// p_c = n_c·r_c / Σ_k n_k·r_k (see <see cref="RepeatFactors"/>).</summary>
    /// <exception cref="ArgumentException">As <see cref="RepeatFactors"/>.</exception>
    public static double[] RepeatFactor(ReadOnlySpan<long> counts, double threshold, ZeroCountPolicy zeroCounts = ZeroCountPolicy.Throw)
    {
        double[] p = RepeatFactors(counts, threshold, zeroCounts);
        double sum = 0.0;
        for (int c = 0; c < p.Length; c++)
        {
            p[c] *= counts[c];
            sum += p[c];
        }

        for (int c = 0; c < p.Length; c++)
        {
            p[c] /= sum;
        }

        return p;
    }

    internal static void ValidateEpoch(int epoch, int totalEpochs)
    {
        if (totalEpochs < 1)
        {
            throw new ArgumentException(
                "The number of epochs T is " + EffectiveNumber.Format(totalEpochs)
                + "; progressive balancing needs T ≥ 1 (the epochs over which it moves to class-balanced).",
                nameof(totalEpochs));
        }

        if (epoch < 0 || epoch > totalEpochs)
        {
            throw new ArgumentException(
                "Epoch " + EffectiveNumber.Format(epoch) + " is outside [0, " + EffectiveNumber.Format(totalEpochs)
                + "]; pass the epoch t counted from 0 with t ≤ T = " + EffectiveNumber.Format(totalEpochs)
                + " (t = T is fully class-balanced), or raise T.",
                nameof(epoch));
        }
    }

    /// <summary>The one rule for the exponent q (the generator's CB041 applies it too): finite and ≥ 0.</summary>
    internal static bool IsValidExponent(double q) => !double.IsNaN(q) && !double.IsInfinity(q) && q >= 0.0;

    /// <summary>Refuses a q that <see cref="IsValidExponent"/> does not accept. <paramref name="subject"/> names
    /// where q came from (an options property); the rest of the message is the direct call's.</summary>
    internal static void ValidateExponent(double q, string paramName, string subject = "The sampling exponent q")
    {
        if (!IsValidExponent(q))
        {
            throw new ArgumentException(
                subject + " is " + Format(q) + "; pass a finite q ≥ 0 (0 class-balanced, 0.5 square-root, "
                + "1 instance-balanced).", paramName);
        }
    }

    /// <summary>Validates the counts (through <see cref="ClassPriors"/>'s rules) and refuses empty classes unless
    /// asked; returns the exact total.</summary>
    private static long ValidateCounts(ReadOnlySpan<long> counts, ZeroCountPolicy zeroCounts, string paramName)
    {
        if (zeroCounts != ZeroCountPolicy.Throw && zeroCounts != ZeroCountPolicy.ZeroWeight)
        {
            throw new ArgumentOutOfRangeException(nameof(zeroCounts), zeroCounts,
                "Unknown ZeroCountPolicy value; use Throw or ZeroWeight.");
        }

        long total = ClassPriors.Total(counts, ZeroCountPolicy.ZeroWeight, paramName);
        if (zeroCounts == ZeroCountPolicy.Throw)
        {
            for (int c = 0; c < counts.Length; c++)
            {
                if (counts[c] == 0)
                {
                    throw new ArgumentException(
                        "Class " + EffectiveNumber.Format(c) + " has no samples, so a sampler can never draw it and "
                        + "the other classes would silently share its probability. Check the labels and the class "
                        + "count, or pass ZeroCountPolicy.ZeroWeight to sample only the classes that have samples.",
                        paramName);
                }
            }
        }

        return total;
    }

    private static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
