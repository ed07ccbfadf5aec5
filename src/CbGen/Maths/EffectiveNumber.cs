// This file is compiled into both CbGen and CbGen.Generators (linked, not copied), so the constants the
// generator bakes into user code come from exactly the code the runtime uses.
using System;

namespace CbGen;

/// <summary>
/// The effective number of samples of Cui et al. (CVPR 2019): <c>E_n = (1 - β^n) / (1 - β)</c>,
/// the expected volume covered by <c>n</c> samples when each new sample overlaps the covered volume
/// with probability <c>β</c>.
/// </summary>
public static class EffectiveNumber
{
    /// <summary>
    /// Returns <c>E_n = (1 - β^n) / (1 - β)</c>, computed as <c>-expm1(n·log1p(β - 1)) / (1 - β)</c> so it
    /// stays accurate when β is close to 1 and <paramref name="n"/> is huge. β = 0 gives 1 (for n ≥ 1),
    /// β = 1 gives n (the limit), and n = 0 gives 0.
    /// </summary>
    /// <param name="n">The number of samples; must be ≥ 0.</param>
    /// <param name="beta">The overlap hyper-parameter β in [0, 1].</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="n"/> is negative, or
    /// <paramref name="beta"/> is NaN or outside [0, 1].</exception>
    public static double Of(long n, double beta)
    {
        ValidateBeta(beta, nameof(beta));
        if (n < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(n),
                "The sample count n must be zero or positive; got " + Format(n) + ".");
        }

        return OfUnchecked(n, beta);
    }

    /// <summary>Throws when <paramref name="beta"/> is NaN or outside [0, 1].</summary>
    internal static void ValidateBeta(double beta, string paramName)
    {
        if (double.IsNaN(beta) || beta < 0.0 || beta > 1.0)
        {
            throw new ArgumentOutOfRangeException(paramName,
                "β must be in [0, 1] (the paper uses 0.9, 0.99, 0.999 or 0.9999); got "
                + beta.ToString("R", System.Globalization.CultureInfo.InvariantCulture) + ".");
        }
    }

    internal static double OfUnchecked(long n, double beta)
    {
        if (n == 0)
        {
            return 0.0;
        }

        if (beta == 1.0)
        {
            return n;
        }

        if (beta == 0.0)
        {
            return 1.0;
        }

        // For β in [0.5, 1) the subtraction 1 - β is exact (Sterbenz), so d is the true distance to 1.
        double d = 1.0 - beta;
        double logBeta = Log1p(-d);
        return -Expm1(n * logBeta) / d;
    }

    /// <summary>log(1 + x) without the cancellation of <c>Math.Log(1 + x)</c> for small x (Goldberg).</summary>
    internal static double Log1p(double x)
    {
        double u = 1.0 + x;
        if (u == 1.0)
        {
            return x;
        }

        if (double.IsInfinity(u) || u <= 0.0)
        {
            return Math.Log(u);
        }

        return Math.Log(u) * x / (u - 1.0);
    }

    /// <summary>exp(x) - 1 without the cancellation of <c>Math.Exp(x) - 1</c> for small x (Kahan).</summary>
    internal static double Expm1(double x)
    {
        if (double.IsNegativeInfinity(x))
        {
            return -1.0;
        }

        double u = Math.Exp(x);
        if (u == 1.0)
        {
            return x;
        }

        double um1 = u - 1.0;
        if (um1 == -1.0 || double.IsInfinity(u))
        {
            return um1;
        }

        return um1 * x / Math.Log(u);
    }

    /// <summary>An integer in the invariant culture, for error messages.</summary>
    internal static string Format(long value) =>
        value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
