using System;
using CbGen;

namespace CbGen.TorchSharp.Tests;

/// <summary>
/// Float64 loop references for the distribution-balanced (Wu et al. 2020) and asymmetric (Ridnik et al. 2021)
/// losses, written from the papers' equations element by element (no tensor ops), with their gradients
/// ∂ℓ/∂z derived by hand from the same equations.
/// </summary>
internal static class MultiLabelLoops
{
    internal static double Sigmoid(double x) => 1.0 / (1.0 + Math.Exp(-x));

    /// <summary>log(1 + e^x), stably.</summary>
    internal static double Softplus(double x) => Math.Max(x, 0.0) + Math.Log(1.0 + Math.Exp(-Math.Abs(x)));

    /// <summary>DB element losses and their gradients. P^C_c = (1/C)(1/n_c); P^I(x_i) = (1/C)Σ_{j∈y_i} 1/n_j (or
    /// that over |y_i|); r = P^C / P^I; r̂ = α + σ(β(r − μ)); ν_c = κ·(−log(1/p_c − 1)), p_c = n_c / N;
    /// positive r̂·log(1 + e^{−(z − ν)}), negative (r̂/λ)·log(1 + e^{λ(z − ν)}).</summary>
    internal static (double[,] Loss, double[,] Grad) Db(
        double[,] z, double[,] t, long[] counts, long samples, double alpha, double beta, double mu, double lambda,
        double kappa, bool meanInstance)
    {
        int b = z.GetLength(0), c = z.GetLength(1);
        var loss = new double[b, c];
        var grad = new double[b, c];
        for (int i = 0; i < b; i++)
        {
            double pI = 0.0;
            int positives = 0;
            for (int j = 0; j < c; j++)
            {
                if (t[i, j] == 1.0)
                {
                    pI += 1.0 / c * (1.0 / counts[j]);
                    positives++;
                }
            }

            if (meanInstance && positives > 0)
            {
                pI /= positives;
            }

            for (int k = 0; k < c; k++)
            {
                double pC = 1.0 / c * (1.0 / counts[k]);
                double rHat = pI == 0.0 ? alpha + 1.0 : alpha + Sigmoid(beta * (pC / pI - mu));
                double p = (double)counts[k] / samples;
                double nu = kappa * -Math.Log(1.0 / p - 1.0);
                double x = z[i, k] - nu;
                if (t[i, k] == 1.0)
                {
                    loss[i, k] = rHat * Softplus(-x);
                    grad[i, k] = -rHat * Sigmoid(-x);
                }
                else
                {
                    loss[i, k] = rHat / lambda * Softplus(lambda * x);
                    grad[i, k] = rHat * Sigmoid(lambda * x);
                }
            }
        }

        return (loss, grad);
    }

    /// <summary>ASL element losses and gradients: p = σ(z), p_m = max(p − m, 0);
    /// t·(−(1 − p)^{γ+}·log p) + (1 − t)·(−p_m^{γ−}·log(1 − p_m)), each log floored at log ε when ε &gt; 0.</summary>
    internal static (double[,] Loss, double[,] Grad) Asl(
        double[,] z, double[,] t, double gammaPos, double gammaNeg, double clip, double eps)
    {
        int b = z.GetLength(0), c = z.GetLength(1);
        var loss = new double[b, c];
        var grad = new double[b, c];
        for (int i = 0; i < b; i++)
        {
            for (int k = 0; k < c; k++)
            {
                double p = Sigmoid(z[i, k]);
                double q = 1.0 - p;

                // Positive: −q^γ+·log p; d/dz = γ+·p·q^γ+·log p − q^γ+·q (log p's derivative q; zero when floored).
                double logP = -Softplus(-z[i, k]);
                bool posFloored = eps > 0.0 && logP < Math.Log(eps);
                double posLog = posFloored ? Math.Log(eps) : logP;
                double qg = Math.Pow(q, gammaPos);
                double pos = -qg * posLog;
                double dPos = gammaPos * p * qg * posLog - (posFloored ? 0.0 : qg * q);

                // Negative: −p_m^γ−·log(1 − p_m), p_m = p − m where p > m (dp_m/dz = p·q), else 0.
                double neg = 0.0, dNeg = 0.0;
                double pm = clip == 0.0 ? p : p - clip;
                if (pm > 0.0)
                {
                    double oneMinus = clip == 0.0 ? q : 1.0 - pm;
                    double log1m = clip == 0.0 ? -Softplus(z[i, k]) : Math.Log(oneMinus);
                    bool negFloored = eps > 0.0 && log1m < Math.Log(eps);
                    double negLog = negFloored ? Math.Log(eps) : log1m;
                    double pg = Math.Pow(pm, gammaNeg);
                    neg = -pg * negLog;
                    double dPg = gammaNeg == 0.0 ? 0.0 : gammaNeg * Math.Pow(pm, gammaNeg - 1.0);
                    double dLog = negFloored ? 0.0 : -1.0 / oneMinus;
                    dNeg = -(dPg * negLog + pg * dLog) * p * q;
                }

                loss[i, k] = t[i, k] * pos + (1.0 - t[i, k]) * neg;
                grad[i, k] = t[i, k] * dPos + (1.0 - t[i, k]) * dNeg;
            }
        }

        return (loss, grad);
    }

    /// <summary>The Mean divisor: max(Σt, 1) for PositiveLabels, B·C for AllTerms.</summary>
    internal static double Divisor(double[,] t, MeanNormalizer normalizer)
    {
        if (normalizer == MeanNormalizer.AllTerms)
        {
            return t.Length;
        }

        double sum = 0.0;
        foreach (double v in t) sum += v;
        return Math.Max(sum, 1.0);
    }

    internal static double Sum(double[,] values)
    {
        double sum = 0.0;
        foreach (double v in values) sum += v;
        return sum;
    }

    internal static double[,] Scale(double[,] values, double factor)
    {
        var result = (double[,])values.Clone();
        for (int i = 0; i < values.GetLength(0); i++)
            for (int k = 0; k < values.GetLength(1); k++)
                result[i, k] *= factor;
        return result;
    }
}
