using System;
using TorchSharp;
using static TorchSharp.torch;

namespace CbGen.TorchSharp.Tests;

/// <summary>Seeded random inputs and conversions between arrays and tensors.</summary>
internal static class TestData
{
    internal static double[,] Logits(int seed, int b, int c, double scale = 3.0)
    {
        var random = new Random(seed);
        var z = new double[b, c];
        for (int i = 0; i < b; i++)
        {
            for (int k = 0; k < c; k++)
            {
                z[i, k] = (random.NextDouble() * 2.0 - 1.0) * scale;
            }
        }

        return z;
    }

    internal static long[] Labels(int seed, int b, int c)
    {
        var random = new Random(seed + 1000);
        var y = new long[b];
        for (int i = 0; i < b; i++)
        {
            y[i] = random.Next(c);
        }

        return y;
    }

    internal static double[] Weights(int seed, int c)
    {
        var random = new Random(seed + 2000);
        var w = new double[c];
        for (int k = 0; k < c; k++)
        {
            w[k] = 0.2 + 1.8 * random.NextDouble();
        }

        return w;
    }

    /// <summary>Soft targets in [0, 1] with a few exact 0s and 1s (so multi-hot entries are covered too).</summary>
    internal static double[,] SoftTargets(int seed, int b, int c)
    {
        var random = new Random(seed + 3000);
        var t = new double[b, c];
        for (int i = 0; i < b; i++)
        {
            for (int k = 0; k < c; k++)
            {
                double u = random.NextDouble();
                t[i, k] = u < 0.3 ? 0.0 : u < 0.5 ? 1.0 : random.NextDouble();
            }
        }

        return t;
    }

    internal static double[,] MultiHot(int seed, int b, int c)
    {
        var random = new Random(seed + 4000);
        var t = new double[b, c];
        for (int i = 0; i < b; i++)
        {
            for (int k = 0; k < c; k++)
            {
                t[i, k] = random.NextDouble() < 0.3 ? 1.0 : 0.0;
            }
        }

        return t;
    }

    internal static Tensor ToTensor(double[,] values, ScalarType dtype, bool requiresGrad = false)
    {
        int b = values.GetLength(0);
        int c = values.GetLength(1);
        var flat = new double[b * c];
        Buffer.BlockCopy(values, 0, flat, 0, flat.Length * sizeof(double));
        using var t64 = tensor(flat, new long[] { b, c }, ScalarType.Float64);
        var result = t64.to(dtype);
        if (requiresGrad)
        {
            result.requires_grad_(true);
        }

        return result;
    }

    internal static Tensor ToTensor(long[] labels) => tensor(labels, ScalarType.Int64);

    internal static Tensor ToTensor(double[] values) => tensor(values, ScalarType.Float64);

    internal static double Scalar(Tensor t)
    {
        using var d = t.to(ScalarType.Float64);
        return d.item<double>();
    }

    internal static double[] Vector(Tensor t)
    {
        using var d = t.to(ScalarType.Float64).cpu();
        return d.data<double>().ToArray();
    }

    internal static double[,] Matrix(Tensor t)
    {
        using var d = t.to(ScalarType.Float64).cpu();
        var flat = d.data<double>().ToArray();
        int b = (int)t.size(0);
        int c = (int)t.size(1);
        var m = new double[b, c];
        Buffer.BlockCopy(flat, 0, m, 0, flat.Length * sizeof(double));
        return m;
    }

    /// <summary>|actual − expected| ≤ rel·max(1, |expected|).</summary>
    internal static void Close(double expected, double actual, double rel, string what = "")
    {
        double tolerance = rel * Math.Max(1.0, Math.Abs(expected));
        Assert.True(Math.Abs(actual - expected) <= tolerance,
            $"{what}: expected {expected:R}, got {actual:R} (|diff| = {Math.Abs(actual - expected):R} > {tolerance:R})");
    }

    internal static void Close(double[] expected, double[] actual, double rel, string what = "")
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
        {
            Close(expected[i], actual[i], rel, $"{what}[{i}]");
        }
    }

    internal static void Close(double[,] expected, double[,] actual, double rel, string what = "")
    {
        Assert.Equal(expected.GetLength(0), actual.GetLength(0));
        Assert.Equal(expected.GetLength(1), actual.GetLength(1));
        for (int i = 0; i < expected.GetLength(0); i++)
        {
            for (int k = 0; k < expected.GetLength(1); k++)
            {
                Close(expected[i, k], actual[i, k], rel, $"{what}[{i},{k}]");
            }
        }
    }

    internal static double Tolerance(ScalarType dtype) => dtype == ScalarType.Float64 ? 1e-9 : 1e-5;
}
