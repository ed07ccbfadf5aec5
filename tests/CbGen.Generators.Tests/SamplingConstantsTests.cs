using System;
using System.Linq;
using System.Reflection;
using CbGen.Sampling;

namespace CbGen.Generators.Tests;

/// <summary><c>SamplingPower = q</c>: the generated <c>SamplingProbabilities</c> equal the runtime samplers'
/// <see cref="SamplingProbabilities.Power"/> bit for bit and p_c ∝ n_c^q from a float64 loop; no table without it.</summary>
public sealed class SamplingConstantsTests
{
    private const string Source = """
        using CbGen;

        namespace Sampled
        {
            [ClassBalanced(SamplingPower = 0.5, Name = "Sqrt")]
            [ClassBalanced(Loss = CbLoss.LogitAdjusted, SamplingPower = 0.0, Name = "Balanced")]
            [ClassBalanced(Loss = CbLoss.Focal, Name = "Plain")]
            public enum Label { [Samples(900)] Head, [Samples(100)] Middle, [Samples(4)] Tail }

            [ClassBalanced(SamplingPower = 1.0, ZeroCounts = ZeroCountPolicy.ZeroWeight, Name = "Sparse")]
            public enum Sparse { [Samples(30)] A, [Samples(0)] B, [Samples(10)] C }

            public static class Probe
            {
                public static double[] Table(string name) => name switch
                {
                    "Sqrt" => SqrtWeights.SamplingProbabilities.ToArray(),
                    "Balanced" => BalancedWeights.SamplingProbabilities.ToArray(),
                    _ => SparseWeights.SamplingProbabilities.ToArray(),
                };
            }
        }
        """;

    private static readonly long[] Counts = { 900, 100, 4 };

    [Theory]
    [InlineData("Sqrt", 0.5)]
    [InlineData("Balanced", 0.0)]
    public void The_table_is_the_samplers_rule_bitwise_and_the_formula(string name, double q)
    {
        Type type = Loaded.Value.GetType("Sampled." + name + "Weights", throwOnError: true)!;
        double[] actual = Table(name);
        double[] expected = SamplingProbabilities.Power(Counts, q);
        for (int c = 0; c < Counts.Length; c++)
        {
            Assert.Equal(BitConverter.DoubleToInt64Bits(expected[c]), BitConverter.DoubleToInt64Bits(actual[c]));
        }

        double norm = Counts.Sum(n => Math.Pow(n, q));
        for (int c = 0; c < Counts.Length; c++)
        {
            Assert.Equal(Math.Pow(Counts[c], q) / norm, actual[c], 1e-15);
        }

        Assert.Equal(q, (double)type.GetField("SamplingPower")!.GetRawConstantValue()!);
    }

    [Fact]
    public void An_empty_class_under_ZeroWeight_gets_probability_0_and_no_knob_means_no_table()
    {
        double[] sparse = Table("Sparse");
        Assert.Equal(new[] { 0.75, 0.0, 0.25 }, sparse);
        Type plain = Loaded.Value.GetType("Sampled.PlainWeights", throwOnError: true)!;
        Assert.Null(plain.GetProperty("SamplingProbabilities"));
        Assert.Null(plain.GetField("SamplingPower"));
    }

    [Fact]
    public void Counts_that_sum_past_Int64_MaxValue_get_no_table_instead_of_a_generator_failure()
    {
        // Found by RandomProgramTests with the new losses and knobs: the sampling table's exact total threw CB900.
        const string source = "using CbGen;\nnamespace Sampled;\n"
            + "[ClassBalanced(SamplingPower = 0.5)]\n"
            + "public enum Huge { [Samples(4611686018427387904)] A, [Samples(4611686018427387904)] B, [Samples(16)] C }\n";
        CbGenRunResult run = GeneratorHarness.Run(withTorchSharp: false, source);
        run.AssertCompilesCleanly();
        string weights = run.File("HugeWeights.g.cs").Text;
        Assert.Contains("public const double SamplingPower = 0.5D;", weights);
        Assert.DoesNotContain("SamplingProbabilities =>", weights);
        Assert.Contains("// No SamplingProbabilities: the counts sum past Int64.MaxValue", weights);
    }

    [Fact]
    public void Sampling_power_snapshot()
    {
        const string source = """
            using CbGen;

            namespace Audio
            {
                [ClassBalanced(SamplingPower = 0.5)]
                public enum Sound { [Samples(900)] Speech, [Samples(90)] Music, [Samples(9)] Siren }
            }
            """;
        CbGenRunResult run = GeneratorHarness.Run(false, source);
        Snapshot.VerifyGenerated(run, nameof(Sampling_power_snapshot));
        run.AssertCompilesCleanly();
    }

    private static double[] Table(string name) =>
        (double[])Loaded.Value.GetType("Sampled.Probe", throwOnError: true)!.GetMethod("Table")!.Invoke(null, new object[] { name })!;

    private static readonly Lazy<Assembly> Loaded = new(() =>
    {
        CbGenRunResult run = GeneratorHarness.Run(withTorchSharp: false, Source);
        run.AssertCompilesCleanly();
        return TablesTests.Load(run.OutputCompilation);
    });
}
