using System;
using System.Collections.Generic;

namespace CbGen.Tests.Sampling;

/// <summary>Pearson's chi-square goodness-of-fit test, for checking a sampler's draws against its probabilities.</summary>
internal static class ChiSquare
{
    /// <summary>The significance level of every sampler test: with a fixed seed a correct sampler fails with
    /// probability 0.001, once, and then always for that seed; a wrong one fails every time.</summary>
    public const double Alpha = 0.001;

    /// <summary>Σ (O − E)² / E over the outcomes with positive probability, and the degrees of freedom (their number
    /// − 1). An outcome of probability 0 that was drawn makes the statistic +∞.</summary>
    public static (double Statistic, int DegreesOfFreedom) Statistic(IReadOnlyList<long> observed, IReadOnlyList<double> probabilities)
    {
        long n = 0;
        foreach (long o in observed)
        {
            n += o;
        }

        double statistic = 0.0;
        int cells = 0;
        for (int i = 0; i < probabilities.Count; i++)
        {
            if (probabilities[i] == 0.0)
            {
                if (observed[i] != 0)
                {
                    return (double.PositiveInfinity, 0);
                }

                continue;
            }

            double expected = n * probabilities[i];
            double d = observed[i] - expected;
            statistic += d * d / expected;
            cells++;
        }

        return (statistic, cells - 1);
    }

    /// <summary>The chi-square critical value for <paramref name="degreesOfFreedom"/> at <see cref="Alpha"/>: the x
    /// with Q(k/2, x/2) = α (the upper tail of the chi-square distribution), found by bisection.</summary>
    public static double Critical(int degreesOfFreedom)
    {
        double lo = 0.0;
        double hi = degreesOfFreedom + 20.0 * Math.Sqrt(2.0 * degreesOfFreedom) + 50.0;
        for (int i = 0; i < 200; i++)
        {
            double mid = 0.5 * (lo + hi);
            if (UpperTail(degreesOfFreedom, mid) > Alpha)
            {
                lo = mid;
            }
            else
            {
                hi = mid;
            }
        }

        return 0.5 * (lo + hi);
    }

    /// <summary>P(χ²_k ≥ x) = Q(k/2, x/2), the regularised upper incomplete gamma function, by its series below
    /// a + 1 and its continued fraction (modified Lentz) above.</summary>
    public static double UpperTail(int k, double x)
    {
        double a = k / 2.0;
        double y = x / 2.0;
        if (y <= 0.0)
        {
            return 1.0;
        }

        double logPrefactor = -y + a * Math.Log(y) - LogGammaHalfInteger(k);
        if (y < a + 1.0)
        {
            double term = 1.0 / a;
            double sum = term;
            for (int n = 1; n < 1_000_000 && term > sum * 1e-16; n++)
            {
                term *= y / (a + n);
                sum += term;
            }

            return 1.0 - sum * Math.Exp(logPrefactor);
        }

        const double Tiny = 1e-300;
        double b = y + 1.0 - a;
        double c = 1.0 / Tiny;
        double d = 1.0 / b;
        double h = d;
        for (int n = 1; n < 1_000_000; n++)
        {
            double an = -n * (n - a);
            b += 2.0;
            d = an * d + b;
            d = Math.Abs(d) < Tiny ? Tiny : d;
            c = b + an / c;
            c = Math.Abs(c) < Tiny ? Tiny : c;
            d = 1.0 / d;
            double delta = d * c;
            h *= delta;
            if (Math.Abs(delta - 1.0) < 1e-16)
            {
                break;
            }
        }

        return Math.Exp(logPrefactor) * h;
    }

    /// <summary>ln Γ(k/2) exactly enough for a test: Γ(1/2) = √π, Γ(1) = 1 and Γ(a + 1) = a·Γ(a).</summary>
    private static double LogGammaHalfInteger(int k)
    {
        double a = k % 2 == 0 ? 1.0 : 0.5;
        double log = k % 2 == 0 ? 0.0 : 0.5 * Math.Log(Math.PI);
        for (; a < k / 2.0; a += 1.0)
        {
            log += Math.Log(a);
        }

        return log;
    }

    /// <summary>Asserts that the observed counts fit the probabilities at <see cref="Alpha"/>.</summary>
    public static void AssertFits(IReadOnlyList<long> observed, IReadOnlyList<double> probabilities, string what)
    {
        (double statistic, int df) = Statistic(observed, probabilities);
        double critical = Critical(df);
        Assert.True(statistic < critical,
            what + ": chi-square " + statistic.ToString("F2") + " ≥ " + critical.ToString("F2")
            + " (the critical value for " + df + " degrees of freedom at α = " + Alpha + ").");
    }

    /// <summary>How often each class was drawn among <paramref name="draws"/> draws of <paramref name="next"/>.</summary>
    public static long[] Histogram(int classes, int draws, Func<int> next)
    {
        var counts = new long[classes];
        for (int i = 0; i < draws; i++)
        {
            counts[next()]++;
        }

        return counts;
    }
}
