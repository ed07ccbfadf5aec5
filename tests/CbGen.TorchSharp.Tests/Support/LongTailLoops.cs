using System;
using CbGen;

namespace CbGen.TorchSharp.Tests;

/// <summary>
/// Float64 loop references for the logit-adjusted, LDAM and VS losses, from the papers' formulas: the shifted logits
/// are built element by element, then fed to the cross-entropy loops of <see cref="Reference"/> (no tensor ops).
/// </summary>
internal static class LongTailLoops
{
    /// <summary>z'_{ik} = z_{ik} + τ·log π_k with log π_k = log(n_k / Σn) from Math.Log.</summary>
    internal static double[,] LogitAdjusted(double[,] z, long[] counts, double tau)
    {
        double total = 0.0;
        foreach (long n in counts) total += n;
        var shifted = (double[,])z.Clone();
        for (int i = 0; i < z.GetLength(0); i++)
            for (int k = 0; k < z.GetLength(1); k++)
                shifted[i, k] += tau * Math.Log(counts[k] / total);
        return shifted;
    }

    /// <summary>Δ_k = m_max · n_k^(−1/4) / max_j n_j^(−1/4) with Math.Pow, the official code's order of operations.</summary>
    internal static double[] Margins(long[] counts, double maxMargin)
    {
        var raw = new double[counts.Length];
        double max = 0.0;
        for (int k = 0; k < counts.Length; k++)
        {
            raw[k] = 1.0 / Math.Pow(counts[k], 0.25);
            max = Math.Max(max, raw[k]);
        }

        for (int k = 0; k < counts.Length; k++) raw[k] *= maxMargin / max;
        return raw;
    }

    /// <summary>z'_{ik} = s·(z_{ik} − Δ_k·[k = y_i]); ignored labels leave the row unshifted.</summary>
    internal static double[,] Ldam(double[,] z, long[] y, double[] margins, double scale)
    {
        var shifted = new double[z.GetLength(0), z.GetLength(1)];
        for (int i = 0; i < z.GetLength(0); i++)
            for (int k = 0; k < z.GetLength(1); k++)
                shifted[i, k] = scale * (z[i, k] - (y[i] == k ? margins[k] : 0.0));
        return shifted;
    }

    /// <summary>The VS loss's logits z'_{ik} = Δ_k·z_{ik} + τ·log π_k, Δ_k = (n_k / n_max)^γ and
    /// log π_k = log(n_k / Σn) from Math.Pow and Math.Log (Kini et al. 2021, eq. for ℓ_VS).</summary>
    internal static double[,] VectorScaling(double[,] z, long[] counts, double gamma, double tau)
    {
        var delta = VsScales(counts, gamma);
        double total = 0.0;
        foreach (long n in counts) total += n;
        var shifted = new double[z.GetLength(0), z.GetLength(1)];
        for (int i = 0; i < z.GetLength(0); i++)
            for (int k = 0; k < z.GetLength(1); k++)
                shifted[i, k] = delta[k] * z[i, k] + tau * Math.Log(counts[k] / total);
        return shifted;
    }

    /// <summary>Δ_k = (n_k / n_max)^γ.</summary>
    internal static double[] VsScales(long[] counts, double gamma)
    {
        double max = 0.0;
        foreach (long n in counts) max = Math.Max(max, n);
        var delta = new double[counts.Length];
        for (int k = 0; k < counts.Length; k++) delta[k] = Math.Pow(counts[k] / max, gamma);
        return delta;
    }

    /// <summary>∂ℓ/∂z of the VS loss by the chain rule, in loops: w_{y_i}·(softmax(z'_i)_k − [k = y_i])·Δ_k, divided by
    /// Σ_kept w_{y_i} for the weighted mean (<paramref name="mean"/>), summed otherwise; ignored rows get 0.</summary>
    internal static double[,] VectorScalingGradient(
        double[,] z, long[] y, long[] counts, double gamma, double tau, double[]? alpha, long ignoreIndex, bool mean)
    {
        var shifted = VectorScaling(z, counts, gamma, tau);
        var delta = VsScales(counts, gamma);
        int b = z.GetLength(0), c = z.GetLength(1);
        var w = alpha ?? Ones(c);
        var grad = new double[b, c];
        double denominator = 0.0;
        for (int i = 0; i < b; i++)
        {
            if (y[i] == ignoreIndex) continue;
            double wi = w[y[i]];
            denominator += wi;
            double max = double.NegativeInfinity;
            for (int k = 0; k < c; k++) max = Math.Max(max, shifted[i, k]);
            double sum = 0.0;
            for (int k = 0; k < c; k++) sum += Math.Exp(shifted[i, k] - max);
            for (int k = 0; k < c; k++)
                grad[i, k] = wi * (Math.Exp(shifted[i, k] - max) / sum - (k == y[i] ? 1.0 : 0.0)) * delta[k];
        }

        if (mean)
            for (int i = 0; i < b; i++)
                for (int k = 0; k < c; k++)
                    grad[i, k] /= denominator;
        return grad;
    }

    internal static double[] Ones(int c)
    {
        var w = new double[c];
        Array.Fill(w, 1.0);
        return w;
    }

    /// <summary>The reduced loss of shifted logits: None is compared per sample, Sum and Mean as scalars; with
    /// no weights (<paramref name="alpha"/> null) every normaliser but AllTerms is the kept-sample mean.</summary>
    internal static double Reduced(double[,] shifted, long[] y, double[]? alpha, long ignoreIndex, MeanNormalizer n,
        bool mean)
    {
        var w = alpha ?? Ones(shifted.GetLength(1));
        if (!mean) return Reference.Sum(Reference.SoftmaxPerSample(shifted, y, w, ignoreIndex, 0.0));
        return Reference.SoftmaxMean(shifted, y, w, ignoreIndex, 0.0, alpha is null && n == MeanNormalizer.WeightSum
            ? MeanNormalizer.PositiveLabels : n);
    }
}
