using System;
using System.Reflection;

namespace CbGen.Generators.Tests;

/// <summary>The generated priors, log-priors, margins and knobs, compiled and loaded, equal
/// <c>ClassPriors</c> / <c>LdamMargins</c> bit for bit (the same linked maths), and agree with values computed
/// independently by a float64 loop here.</summary>
public sealed class LongTailTablesTests
{
    private const string Source = """
        using CbGen;

        namespace Tables
        {
            [ClassBalanced(Loss = CbLoss.LogitAdjusted, Tau = 0.5, Name = "La")]
            [ClassBalanced(Loss = CbLoss.Ldam, MaxMargin = 0.3, Scale = 16, Name = "Ldam")]
            [ClassBalanced(Loss = CbLoss.Ldam, DeferUntilEpoch = 20, Name = "Drw")]
            [ClassBalanced(Loss = CbLoss.Ldam, DeferUntilEpoch = 20, Beta = 0.99, Name = "Drw99")]
            public enum Cifar10Lt
            {
                [Samples(5000)] Airplane, [Samples(2997)] Automobile, [Samples(1796)] Bird, [Samples(1077)] Cat,
                [Samples(645)] Deer, [Samples(387)] Dog, [Samples(232)] Frog, [Samples(139)] Horse,
                [Samples(83)] Ship, [Samples(50)] Truck,
            }

            [ClassBalanced(Loss = CbLoss.LogitAdjusted, Name = "Huge")]
            public enum Huge { [Samples(999999999999)] Head, [Samples(1)] Tail, [Samples(700000000000)] Middle }

            public static class Probe
            {
                public static double[] Priors(string name) => name switch
                {
                    "La" => LaWeights.Priors.ToArray(),
                    "Ldam" => LdamWeights.Priors.ToArray(),
                    _ => HugeWeights.Priors.ToArray(),
                };

                public static double[] LogPriors(string name) => name switch
                {
                    "La" => LaWeights.LogPriors.ToArray(),
                    "Ldam" => LdamWeights.LogPriors.ToArray(),
                    _ => HugeWeights.LogPriors.ToArray(),
                };

                public static double[] Margins(string name) => name switch
                {
                    "Ldam" => LdamWeights.Margins.ToArray(),
                    _ => DrwWeights.Margins.ToArray(),
                };

                public static double[] DrwWeightsTable(string name) => name == "Drw" ? DrwWeights.Weights.ToArray() : Drw99Weights.Weights.ToArray();
            }
        }
        """;

    private static readonly long[] Cifar = { 5000, 2997, 1796, 1077, 645, 387, 232, 139, 83, 50 };
    private static readonly long[] HugeCounts = { 999999999999, 1, 700000000000 };

    [Theory]
    [InlineData("La")]
    [InlineData("Ldam")]
    [InlineData("Huge")]
    public void Priors_and_log_priors_equal_ClassPriors_bitwise(string name)
    {
        long[] counts = name == "Huge" ? HugeCounts : Cifar;
        AssertBitwise(ClassPriors.Priors(counts), Invoke(name, "Priors"), name + " priors");
        AssertBitwise(ClassPriors.LogPriors(counts), Invoke(name, "LogPriors"), name + " log-priors");

        // Independently: a float64 loop, to within a few ulp (the maths keeps the digits a naive log would lose).
        double total = 0;
        foreach (long n in counts)
        {
            total += n;
        }

        double[] logPriors = Invoke(name, "LogPriors");
        for (int c = 0; c < counts.Length; c++)
        {
            Assert.Equal(Math.Log(counts[c] / total), logPriors[c], 1e-12);
        }
    }

    [Fact]
    public void Margins_equal_LdamMargins_bitwise_and_the_rarest_class_gets_MaxMargin()
    {
        AssertBitwise(LdamMargins.Compute(Cifar, 0.3), Invoke("Ldam", "Margins"), "Ldam margins");
        AssertBitwise(LdamMargins.Compute(Cifar, 0.5), Invoke("Drw", "Margins"), "Drw margins");
        double[] margins = Invoke("Ldam", "Margins");
        Assert.Equal(0.3, margins[9]);
        for (int c = 0; c < Cifar.Length; c++)
        {
            // Δ_c = m_max · n_c^(-1/4) / max_k n_k^(-1/4), straight from the paper's definition.
            double reference = 0.3 * Math.Pow(Cifar[c], -0.25) / Math.Pow(50, -0.25);
            Assert.Equal(reference, margins[c], 1e-15);
        }
    }

    [Fact]
    public void The_knobs_are_constants_and_LDAM_DRW_defaults_to_the_official_beta()
    {
        Assembly assembly = Loaded.Value;
        Assert.Equal(0.5, Constant(assembly, "La", "Tau"));
        Assert.Equal(0.3, Constant(assembly, "Ldam", "MaxMargin"));
        Assert.Equal(16.0, Constant(assembly, "Ldam", "Scale"));
        Assert.Equal(0.5, Constant(assembly, "Drw", "MaxMargin"));
        Assert.Equal(30.0, Constant(assembly, "Drw", "Scale"));
        Assert.Equal(0.9999, Constant(assembly, "Drw", "Beta"));
        Assert.Equal(0.99, Constant(assembly, "Drw99", "Beta"));
        AssertBitwise(ClassBalancedWeights.Compute(Cifar, 0.9999), Invoke("Drw", "DrwWeightsTable"), "LDAM-DRW weights");
        AssertBitwise(ClassBalancedWeights.Compute(Cifar, 0.99), Invoke("Drw99", "DrwWeightsTable"), "LDAM-DRW weights, β = 0.99");

        // Plain logit-adjusted and LDAM configs apply no weights, so they have no β and no weight table.
        foreach (string plain in new[] { "La", "Ldam" })
        {
            Type type = assembly.GetType("Tables." + plain + "Weights", throwOnError: true)!;
            Assert.Null(type.GetField("Beta"));
            Assert.Null(type.GetProperty("Weights"));
            Assert.Null(type.GetField("TruckWeight"));
        }
    }

    private static double Constant(Assembly assembly, string name, string field) =>
        (double)assembly.GetType("Tables." + name + "Weights", throwOnError: true)!.GetField(field)!.GetRawConstantValue()!;

    private static void AssertBitwise(double[] expected, double[] actual, string what)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int c = 0; c < expected.Length; c++)
        {
            Assert.True(BitConverter.DoubleToInt64Bits(expected[c]) == BitConverter.DoubleToInt64Bits(actual[c]),
                what + "[" + c + "]: " + expected[c].ToString("R") + " != " + actual[c].ToString("R"));
        }
    }

    private static readonly Lazy<Assembly> Loaded = new(() =>
    {
        CbGenRunResult run = GeneratorHarness.Run(withTorchSharp: false, Source);
        run.AssertCompilesCleanly();
        return TablesTests.Load(run.OutputCompilation);
    });

    private static double[] Invoke(string name, string method) =>
        (double[])Loaded.Value.GetType("Tables.Probe", throwOnError: true)!.GetMethod(method)!.Invoke(null, new object[] { name })!;
}
