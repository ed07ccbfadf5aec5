using System;
using System.Numerics;

namespace CbGen.Tests.Maths;

/// <summary>
/// Independent references for the priors, log-priors and LDAM margins: exact rational arithmetic (BigInteger) for
/// the error of a prior, and 28-digit decimal series for logarithms and fourth roots. Shares no code with CbGen.
/// </summary>
internal static class LongTailReference
{
    private const decimal Ln2 = 0.6931471805599453094172321215m;

    /// <summary>The exact relative error |actual − n / total| / (n / total), from the double's bits.</summary>
    public static double RelativeErrorOfRatio(double actual, long n, long total)
    {
        long bits = BitConverter.DoubleToInt64Bits(actual);
        int exponent = (int)((bits >> 52) & 0x7FF);
        long mantissa = bits & 0xFFFFFFFFFFFFFL;
        if (exponent == 0) exponent++; else mantissa |= 1L << 52;
        exponent -= 1075;                                   // actual = mantissa · 2^exponent
        BigInteger a = mantissa, t = total, m = n;
        BigInteger numerator, denominator;
        if (exponent >= 0)
        {
            numerator = BigInteger.Abs(a * BigInteger.Pow(2, exponent) * t - m);
            denominator = m;
        }
        else
        {
            BigInteger scale = BigInteger.Pow(2, -exponent);
            numerator = BigInteger.Abs(a * t - m * scale);
            denominator = m * scale;
        }

        return numerator.IsZero ? 0.0 : Math.Exp(BigInteger.Log(numerator) - BigInteger.Log(denominator));
    }

    /// <summary>log(n / total) to ~26 digits: ln n − ln total when n / total &lt; 1/2 (no cancellation: the result
    /// exceeds 0.69 in size), −Σ x^k / k with x = (total − n) / total otherwise (scaled so x keeps 28 digits).</summary>
    public static double LogRatio(long n, long total)
    {
        long rest = total - n;
        if (rest > n)
        {
            return (double)(Ln(n) - Ln(total));
        }

        if (rest == 0) return 0.0;
        // x = rest / total = X / 10^s with X in [0.1, 1) held to 28 digits.
        int s = 0;
        decimal scaledRest = rest;
        while (scaledRest * 10m < total) { scaledRest *= 10m; s++; }
        decimal bigX = scaledRest / total;
        decimal x = s == 0 ? bigX : bigX / Pow10(s);
        // ln(1 − x) = −x · (1 + x/2 + x²/3 + …); the factor in decimal, x's digits kept in bigX.
        decimal factor = 0m, power = 1m;
        for (int k = 1; k < 200 && power != 0m; k++)
        {
            factor += power / k;
            power *= x;
        }

        return -(double)(bigX * factor) / Math.Pow(10, s);
    }

    /// <summary>m_max · (n_min / n)^(1/4) to ~26 digits, through the fourth root of n / n_min ≥ 1 (Newton in decimal).</summary>
    public static double Margin(decimal maxMargin, long nMin, long n)
    {
        decimal q = (decimal)n / nMin;
        decimal root = (decimal)Math.Pow((double)q, 0.25);
        for (int i = 0; i < 8; i++)
        {
            root -= (root * root * root * root - q) / (4m * root * root * root);
        }

        return (double)(maxMargin / root);
    }

    private static decimal Pow10(int s)
    {
        decimal p = 1m;
        for (int i = 0; i < s; i++) p *= 10m;
        return p;
    }

    /// <summary>ln x for an integer x ≥ 1: k·ln 2 + 2·atanh((m − 1)/(m + 1)) with x = m·2^k, m in [1, 2).</summary>
    private static decimal Ln(long x)
    {
        int k = 0;
        decimal power = 1m;
        while (power * 2m <= x) { power *= 2m; k++; }
        decimal m = x / power;
        decimal u = (m - 1m) / (m + 1m), u2 = u * u, term = u, sum = 0m;
        for (int j = 1; j < 200 && term != 0m; j += 2)
        {
            sum += term / j;
            term *= u2;
        }

        return k * Ln2 + 2m * sum;
    }
}
