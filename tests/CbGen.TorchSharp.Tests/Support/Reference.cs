using System;
using CbGen;

namespace CbGen.TorchSharp.Tests;

/// <summary>
/// Float64 references for the three losses, written as plain loops over arrays from the formulas (the official
/// code and PyTorch's documented cross_entropy), never with tensor ops.
/// </summary>
internal static class Reference
{
    /// <summary>Stable log σ(z).</summary>
    internal static double LogSigmoid(double z) => -(Math.Max(-z, 0.0) + Math.Log(1.0 + Math.Exp(-Math.Abs(z))));

    /// <summary>Binary cross-entropy with logits, −[t log σ(z) + (1 − t) log σ(−z)].</summary>
    internal static double Bce(double z, double t) => -(t * LogSigmoid(z) + (1.0 - t) * LogSigmoid(-z));

    /// <summary>PyTorch's cross_entropy(weight, ignore_index, label_smoothing) per sample (0 when ignored).</summary>
    internal static double[] SoftmaxPerSample(double[,] z, long[] y, double[] w, long ignoreIndex, double eps)
    {
        int b = z.GetLength(0);
        int c = z.GetLength(1);
        var result = new double[b];
        for (int i = 0; i < b; i++)
        {
            if (y[i] == ignoreIndex)
            {
                continue;
            }

            double max = double.NegativeInfinity;
            for (int k = 0; k < c; k++)
            {
                max = Math.Max(max, z[i, k]);
            }

            double s = 0.0;
            for (int k = 0; k < c; k++)
            {
                s += Math.Exp(z[i, k] - max);
            }

            double logZ = max + Math.Log(s);
            double smooth = 0.0;
            for (int k = 0; k < c; k++)
            {
                smooth += w[k] * (logZ - z[i, k]);
            }

            result[i] = (1.0 - eps) * w[y[i]] * (logZ - z[i, y[i]]) + eps / c * smooth;
        }

        return result;
    }

    internal static double SoftmaxMean(double[,] z, long[] y, double[] w, long ignoreIndex, double eps, MeanNormalizer n)
    {
        var per = SoftmaxPerSample(z, y, w, ignoreIndex, eps);
        double sum = Sum(per);
        double denominator = 0.0;
        for (int i = 0; i < y.Length; i++)
        {
            if (y[i] != ignoreIndex)
            {
                denominator += n == MeanNormalizer.WeightSum ? w[y[i]] : 1.0;
            }
        }

        if (n == MeanNormalizer.AllTerms)
        {
            denominator = y.Length;
        }

        return sum / denominator;
    }

    /// <summary>Targets t_ic and weights w_ic of the sigmoid family for class-index labels (α_{y_i} on the row).</summary>
    internal static (double[,] t, double[,] w) IndexTargets(long[] y, double[] alpha, int c)
    {
        var t = new double[y.Length, c];
        var w = new double[y.Length, c];
        for (int i = 0; i < y.Length; i++)
        {
            t[i, y[i]] = 1.0;
            for (int k = 0; k < c; k++)
            {
                w[i, k] = alpha[y[i]];
            }
        }

        return (t, w);
    }

    /// <summary>Weights for soft targets: element (i, c) weighs α_c.</summary>
    internal static double[,] SoftWeights(int b, double[] alpha)
    {
        var w = new double[b, alpha.Length];
        for (int i = 0; i < b; i++)
        {
            for (int k = 0; k < alpha.Length; k++)
            {
                w[i, k] = alpha[k];
            }
        }

        return w;
    }

    internal static double[,] SigmoidElements(double[,] z, double[,] t, double[,] w)
    {
        int b = z.GetLength(0);
        int c = z.GetLength(1);
        var e = new double[b, c];
        for (int i = 0; i < b; i++)
        {
            for (int k = 0; k < c; k++)
            {
                e[i, k] = w[i, k] * Bce(z[i, k], t[i, k]);
            }
        }

        return e;
    }

    /// <summary>
    /// Focal elements. For binary targets the modulator is (1 − p_t)^γ with p_t = σ(z) or 1 − σ(z) (Math.Pow);
    /// for soft targets the official exp(−γ t z − γ log(1 + e^{−z})).
    /// </summary>
    internal static double[,] FocalElements(double[,] z, double[,] t, double[,] w, double gamma)
    {
        int b = z.GetLength(0);
        int c = z.GetLength(1);
        var e = new double[b, c];
        for (int i = 0; i < b; i++)
        {
            for (int k = 0; k < c; k++)
            {
                double x = z[i, k];
                double tt = t[i, k];
                double modulator;
                if (tt == 0.0 || tt == 1.0)
                {
                    double p = 1.0 / (1.0 + Math.Exp(-x));
                    double pt = tt == 1.0 ? p : 1.0 - p;
                    modulator = Math.Pow(1.0 - pt, gamma);
                }
                else
                {
                    modulator = Math.Exp(-gamma * tt * x - gamma * Math.Log(1.0 + Math.Exp(-x)));
                }

                e[i, k] = w[i, k] * modulator * Bce(x, tt);
            }
        }

        return e;
    }

    /// <summary>Mean normaliser of the sigmoid family.</summary>
    internal static double SigmoidDenominator(double[,] t, double[] alpha, long[]? y, MeanNormalizer n)
    {
        int b = t.GetLength(0);
        int c = t.GetLength(1);
        switch (n)
        {
            case MeanNormalizer.AllTerms:
                return (double)b * c;
            case MeanNormalizer.WeightSum:
                {
                    double s = 0.0;
                    if (y is not null)
                    {
                        foreach (long label in y)
                        {
                            s += alpha[label];
                        }
                    }
                    else
                    {
                        for (int i = 0; i < b; i++)
                        {
                            for (int k = 0; k < c; k++)
                            {
                                s += t[i, k] * alpha[k];
                            }
                        }
                    }

                    return s == 0.0 ? 1.0 : s;
                }

            default:
                {
                    if (y is not null)
                    {
                        return b;
                    }

                    double s = 0.0;
                    foreach (double v in t)
                    {
                        s += v;
                    }

                    return Math.Max(s, 1.0);
                }
        }
    }

    internal static double Sum(double[] values)
    {
        double s = 0.0;
        foreach (double v in values)
        {
            s += v;
        }

        return s;
    }

    internal static double Sum(double[,] values)
    {
        double s = 0.0;
        foreach (double v in values)
        {
            s += v;
        }

        return s;
    }
}
