// Linked into CbGen.Generators as well (every file of src/CbGen/Maths is): the negative counts and priors the
// generator bakes into a multi-label config come from exactly the code the runtime uses.
using System;
using System.Globalization;

namespace CbGen;

/// <summary>
/// The counts of a multi-label data set: n_c samples carry class c (its positives) out of N samples, so N − n_c do
/// not (its negatives) and p_c = n_c / N is the class prior. Unlike a single-label set, Σ n_c may exceed N (a sample
/// carries several labels) or fall short of it (a sample may carry none), so N is given, not summed.
/// </summary>
/// <remarks>The class-balanced weights of a multi-label config still use n_c alone (Cui et al. 2019 weight each
/// class by its positives); N adds the negatives and the priors that multi-label losses and bias initialisation use.</remarks>
public static class MultiLabelCounts
{
    /// <summary>Why <paramref name="counts"/> and <paramref name="samples"/> are not a multi-label count set
    /// (no counts, N ≤ 0, a negative count, or a count above N), as a sentence naming the fix; null when they
    /// are.</summary>
    /// <param name="counts">Positives per class n_c, indexed by class.</param>
    /// <param name="samples">The number of samples N.</param>
    public static string? Problem(ReadOnlySpan<long> counts, long samples) => FindProblem(counts, samples, out _);

    /// <summary><see cref="Problem"/>, with the parameter at fault: <c>samples</c> for N
    /// itself, else <c>counts</c>.</summary>
    private static string? FindProblem(ReadOnlySpan<long> counts, long samples, out string paramName)
    {
        paramName = nameof(counts);
        if (counts.IsEmpty)
        {
            return "the counts are empty; pass the positives n_c of each class, one count per class (C ≥ 1)";
        }

        if (samples <= 0)
        {
            paramName = nameof(samples);
            return "the number of samples N is " + samples.ToString(CultureInfo.InvariantCulture)
                + "; N counts every training sample, labelled or not, and must be ≥ 1";
        }

        for (int c = 0; c < counts.Length; c++)
        {
            if (counts[c] < 0)
            {
                return "class " + c.ToString(CultureInfo.InvariantCulture) + " has the negative count "
                    + counts[c].ToString(CultureInfo.InvariantCulture) + "; counts are numbers of samples, ≥ 0";
            }

            if (counts[c] > samples)
            {
                return "class " + c.ToString(CultureInfo.InvariantCulture) + " has " + counts[c].ToString(CultureInfo.InvariantCulture)
                    + " positives out of " + samples.ToString(CultureInfo.InvariantCulture)
                    + " samples; a class is positive at most once per sample, so N must be at least the largest count";
            }
        }

        return null;
    }

    /// <summary>Returns the negatives N − n_c of every class.</summary>
    /// <param name="counts">Positives per class n_c, indexed by class.</param>
    /// <param name="samples">The number of samples N ≥ every n_c.</param>
    /// <exception cref="ArgumentException">As <see cref="Problem"/> says (<c>ParamName</c> <c>samples</c> for N, else
    /// <c>counts</c>).</exception>
    public static long[] Negatives(ReadOnlySpan<long> counts, long samples)
    {
        Validate(counts, samples);
        var negatives = new long[counts.Length];
        for (int c = 0; c < counts.Length; c++)
        {
            negatives[c] = samples - counts[c];
        }

        return negatives;
    }

    /// <summary>Returns the class priors p_c = n_c / N of every class, each in [0, 1] (they need not sum to 1).</summary>
    /// <param name="counts">Positives per class n_c, indexed by class.</param>
    /// <param name="samples">The number of samples N ≥ every n_c.</param>
    /// <exception cref="ArgumentException">As <see cref="Problem"/> says (<c>ParamName</c> <c>samples</c> for N, else
    /// <c>counts</c>).</exception>
    public static double[] Priors(ReadOnlySpan<long> counts, long samples)
    {
        Validate(counts, samples);
        var priors = new double[counts.Length];
        for (int c = 0; c < counts.Length; c++)
        {
            // Both operands are exact as doubles up to 2^53; past that the quotient keeps its relative accuracy.
            priors[c] = (double)counts[c] / samples;
        }

        return priors;
    }

    /// <summary>Returns the log-priors log p_c = log(n_c / N) of every class (≤ 0; −∞ for a class on no sample),
    /// computed as <see cref="ClassPriors.LogPriors"/> computes log π_c, so that a class on nearly every sample keeps
    /// its digits.</summary>
    /// <param name="counts">Positives per class n_c, indexed by class.</param>
    /// <param name="samples">The number of samples N ≥ every n_c.</param>
    /// <exception cref="ArgumentException">As <see cref="Problem"/> says (<c>ParamName</c> <c>samples</c> for N, else
    /// <c>counts</c>).</exception>
    public static double[] LogPriors(ReadOnlySpan<long> counts, long samples)
    {
        Validate(counts, samples);
        var logPriors = new double[counts.Length];
        for (int c = 0; c < counts.Length; c++)
        {
            logPriors[c] = ClassPriors.LogRatio(counts[c], samples);
        }

        return logPriors;
    }

    /// <summary>Returns the prior logits log(p_c / (1 − p_c)) = log n_c − log(N − n_c) of every class: the logit at
    /// which class c's sigmoid equals its prior. A model of per-class sigmoids that subtracts them decides each class at
    /// its balanced threshold (post-hoc adjustment), and the distribution-balanced loss's class-prior bias is κ times
    /// them. −∞ for a class on no sample, +∞ for a class on every sample.</summary>
    /// <param name="counts">Positives per class n_c, indexed by class.</param>
    /// <param name="samples">The number of samples N ≥ every n_c.</param>
    /// <exception cref="ArgumentException">As <see cref="Problem"/> says (<c>ParamName</c> <c>samples</c> for N, else
    /// <c>counts</c>).</exception>
    public static double[] PriorLogits(ReadOnlySpan<long> counts, long samples)
    {
        Validate(counts, samples);
        var priorLogits = new double[counts.Length];
        for (int c = 0; c < counts.Length; c++)
        {
            priorLogits[c] = PriorLogit(counts[c], samples);
        }

        return priorLogits;
    }

    /// <summary>log(p / (1 − p)) = log n − log(N − n) for p = n / N (0 ≤ n ≤ N), without forming p or 1/p − 1.</summary>
    internal static double PriorLogit(long n, long samples) => Math.Log(n) - Math.Log(samples - n);

    private static void Validate(ReadOnlySpan<long> counts, long samples)
    {
        if (FindProblem(counts, samples, out string paramName) is { } problem)
        {
            throw new ArgumentException("Invalid multi-label counts: " + problem + ".", paramName);
        }
    }
}
