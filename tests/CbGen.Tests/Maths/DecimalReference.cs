using System;

namespace CbGen.Tests.Maths;

/// <summary>
/// An independent reference for E_n in 28-digit decimal arithmetic: ln β = -(d + d²/2 + d³/3 + …) with
/// d = 1 - β taken exactly from the double, then exp by its Taylor series. Shares no code with CbGen.
/// </summary>
internal static class DecimalReference
{
    public static double EffectiveNumber(long n, double beta)
    {
        if (n == 0) return 0.0;
        if (beta == 1.0) return n;
        decimal d = (decimal)(1.0 - beta);           // exact for β in [0.5, 1): 1 - β is exact in binary
        decimal lnBeta = -Log1mSeries(d);           // ln(1 - d)
        decimal x = n * lnBeta;                     // ≤ 0
        decimal betaPowN = x < -60m ? 0m : 1m / Exp(-x);
        return (double)((1m - betaPowN) / d);
    }

    // -ln(1 - d) = d + d²/2 + d³/3 + … for 0 < d ≤ 0.5
    private static decimal Log1mSeries(decimal d)
    {
        decimal sum = 0m, power = d;
        for (int k = 1; k < 400 && power != 0m; k++)
        {
            sum += power / k;
            power *= d;
        }
        return sum;
    }

    // exp(y) for 0 ≤ y ≤ 60 as exp(y/2^k)^(2^k) with a Taylor series for the small argument.
    private static decimal Exp(decimal y)
    {
        int halvings = 0;
        while (y > 0.5m) { y /= 2m; halvings++; }
        decimal sum = 1m, term = 1m;
        for (int k = 1; k < 60; k++)
        {
            term = term * y / k;
            if (term == 0m) break;
            sum += term;
        }
        for (int i = 0; i < halvings; i++) sum *= sum;
        return sum;
    }

    public static double RelativeError(double actual, double expected) =>
        Math.Abs(actual - expected) / Math.Abs(expected);
}
