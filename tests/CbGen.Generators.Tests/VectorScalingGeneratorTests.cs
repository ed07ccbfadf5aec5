using System;
using System.Linq;
using System.Reflection;

namespace CbGen.Generators.Tests;

/// <summary>The VS loss's config: its snapshot (tables, knobs and loss), its tables compiled and loaded against
/// <c>VectorScalingTables</c> bit for bit and a float64 loop of the paper's formula, and its sweep points.</summary>
public sealed class VectorScalingGeneratorTests
{
    private const string Source = """
        using CbGen;

        namespace Tables
        {
            [ClassBalanced(Loss = CbLoss.VectorScaling, VsGamma = 0.2, Tau = 1.5, Name = "Vs")]
            [ClassBalanced(Loss = CbLoss.VectorScaling, Name = "VsDefault")]
            public enum Cifar10Lt
            {
                [Samples(5000)] Airplane, [Samples(2997)] Automobile, [Samples(1796)] Bird, [Samples(1077)] Cat,
                [Samples(645)] Deer, [Samples(387)] Dog, [Samples(232)] Frog, [Samples(139)] Horse,
                [Samples(83)] Ship, [Samples(50)] Truck,
            }

            public static class Probe
            {
                public static double[] Scales(string name) => name == "Vs" ? VsWeights.Scales.ToArray() : VsDefaultWeights.Scales.ToArray();

                public static double[] Offsets(string name) => name == "Vs" ? VsWeights.Offsets.ToArray() : VsDefaultWeights.Offsets.ToArray();
            }
        }
        """;

    private static readonly long[] Cifar = { 5000, 2997, 1796, 1077, 645, 387, 232, 139, 83, 50 };

    [Fact]
    public void Vs_enum_snapshot()
    {
        const string source = """
            using CbGen;

            namespace Audio
            {
                [ClassBalanced(Loss = CbLoss.VectorScaling, VsGamma = 0.15, Tau = 1.25)]
                public enum Sound { [Samples(900)] Speech, [Samples(90)] Music, [Samples(9)] Siren }
            }
            """;
        CbGenRunResult run = GeneratorHarness.Run(true, source);
        Snapshot.VerifyGenerated(run, nameof(Vs_enum_snapshot));
        run.AssertCompilesCleanly();
        Assert.Contains(": global::CbGen.TorchSharp.PerClassLoss<global::CbGen.TorchSharp.VectorScalingLoss>", run.File("SoundLoss.g.cs").Text);
        Assert.Contains("gamma: global::Audio.SoundWeights.VsGamma, tau: global::Audio.SoundWeights.Tau", run.File("SoundLoss.g.cs").Text);
    }

    [Theory]
    [InlineData("Vs", 0.2, 1.5)]
    [InlineData("VsDefault", 0.3, 1.0)]
    public void Scales_and_offsets_equal_the_runtime_tables_bitwise_and_the_formula(string name, double gamma, double tau)
    {
        AssertBitwise(VectorScalingTables.Scales(Cifar, gamma), Invoke(name, "Scales"), name + " scales");
        AssertBitwise(VectorScalingTables.Offsets(Cifar, tau), Invoke(name, "Offsets"), name + " offsets");
        double total = Cifar.Sum();
        double[] scales = Invoke(name, "Scales");
        double[] offsets = Invoke(name, "Offsets");
        for (int c = 0; c < Cifar.Length; c++)
        {
            Assert.Equal(Math.Pow(Cifar[c] / 5000.0, gamma), scales[c], 1e-15);
            Assert.Equal(tau * Math.Log(Cifar[c] / total), offsets[c], 1e-13);
        }

        Type type = Loaded.Value.GetType("Tables." + name + "Weights", throwOnError: true)!;
        Assert.Equal(gamma, (double)type.GetField("VsGamma")!.GetRawConstantValue()!);
        Assert.Equal(tau, (double)type.GetField("Tau")!.GetRawConstantValue()!);
        Assert.Null(type.GetField("Beta"));
        Assert.Null(type.GetProperty("Weights"));
    }

    [Fact]
    public void A_sweep_has_one_VS_point_per_gamma_and_tau_that_builds_the_VS_loss()
    {
        const string source = """
            using CbGen;

            namespace Shop
            {
                [ClassBalancedSweep(Losses = new[] { CbLoss.LogitAdjusted, CbLoss.VectorScaling }, Taus = new[] { 1.0, 1.5 }, VsGammas = new[] { 0.1, 0.3 })]
                public enum Fruit { [Samples(500)] Apple, [Samples(50)] Kiwi, [Samples(5)] Fig }
            }
            """;
        CbGenRunResult run = GeneratorHarness.Run(true, source);
        run.AssertCompilesCleanly();
        string sweep = run.File("FruitSweep.g.cs").Text;
        foreach (string member in new[] { "VectorScaling_G0_1_T1", "VectorScaling_G0_1_T1_5", "VectorScaling_G0_3_T1", "VectorScaling_G0_3_T1_5", "LogitAdjusted_T1_5" })
        {
            Assert.Contains("public static FruitSweepPoint " + member + " { get; }", sweep, StringComparison.Ordinal);
        }

        Assert.Contains("new global::CbGen.TorchSharp.VectorScalingLoss(counts, reduction: reduction, normalizer: global::CbGen.MeanNormalizer.PositiveLabels, gamma: Gamma, tau: Tau", sweep, StringComparison.Ordinal);
        Assert.Contains("public static global::System.ReadOnlySpan<double> VsGammas => s_vsGammas;", sweep, StringComparison.Ordinal);
    }

    [Fact]
    public void Past_the_documented_size_the_computed_tables_compile_and_equal_the_runtime_maths()
    {
        long[] counts = Enumerable.Range(0, 1001).Select(c => 2 + (long)(10_000.0 / (1 + c))).ToArray();
        var source = new System.Text.StringBuilder(
            "using CbGen;\n\nnamespace Big;\n\n[ClassBalanced(Loss = CbLoss.VectorScaling, VsGamma = 0.2, SamplingPower = 0.5)]\npublic enum Species\n{\n");
        for (int c = 0; c < counts.Length; c++)
        {
            source.Append("    [Samples(").Append(counts[c]).Append(")] S").Append(c).Append(",\n");
        }

        source.Append("}\n\npublic static class Probe\n{\n"
            + "    public static double[] Scales() => SpeciesWeights.Scales.ToArray();\n"
            + "    public static double[] Offsets() => SpeciesWeights.Offsets.ToArray();\n"
            + "    public static double[] Sampling() => SpeciesWeights.SamplingProbabilities.ToArray();\n}\n");
        CbGenRunResult run = GeneratorHarness.Run(withTorchSharp: false, source.ToString());
        run.AssertCompilesCleanly();
        Assert.Contains("global::CbGen.VectorScalingTables.Scales(Counts, VsGamma)", run.File("SpeciesWeights.g.cs").Text);
        Type probe = TablesTests.Load(run.OutputCompilation).GetType("Big.Probe", throwOnError: true)!;
        double[] Call(string method) => (double[])probe.GetMethod(method)!.Invoke(null, null)!;
        AssertBitwise(VectorScalingTables.Scales(counts, 0.2), Call("Scales"), "scales");
        AssertBitwise(VectorScalingTables.Offsets(counts, 1.0), Call("Offsets"), "offsets");
        AssertBitwise(CbGen.Sampling.SamplingProbabilities.Power(counts, 0.5), Call("Sampling"), "sampling");
    }

    private static double[] Invoke(string name, string method) =>
        (double[])Loaded.Value.GetType("Tables.Probe", throwOnError: true)!.GetMethod(method)!.Invoke(null, new object[] { name })!;

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
}
