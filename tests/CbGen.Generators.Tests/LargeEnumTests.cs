using System;
using System.Linq;
using System.Reflection;
using System.Text;

namespace CbGen.Generators.Tests;

/// <summary>The emitter and the analyzer are linear: an 8,142-class enum (iNaturalist 2018's class count)
/// generates, analyses and compiles without trouble. Past 1,000 classes the generated files are compact (no XML doc
/// per member, no per-class header listing, the derived tables computed at type initialisation by the runtime maths):
/// at most 1.5 MiB for 8,142 classes, with the same values.</summary>
public sealed class LargeEnumTests
{
    private const int ClassCount = 8142;

    /// <summary>The classes up to which every generated member keeps its XML doc (docs/performance.md).</summary>
    private const int DocumentedSize = 1000;

    private static long[] Counts(int classCount) =>
        Enumerable.Range(0, classCount).Select(c => 2 + (long)(1000.0 / (1 + c) * 10) + (c * 7919 % 13)).ToArray();

    private static string Enum(long[] counts, string attributes, string extra = "")
    {
        var source = new StringBuilder("using CbGen;\n\nnamespace INat;\n\n" + attributes + "public enum Species\n{\n");
        for (int c = 0; c < counts.Length; c++)
        {
            source.Append("    [Samples(").Append(counts[c]).Append(")] S").Append(c).Append(",\n");
        }

        return source.Append("}\n").Append(extra).ToString();
    }

    [Fact]
    public void An_8142_member_enum_generates_and_compiles()
    {
        long[] counts = Counts(ClassCount);
        CbGenRunResult run = GeneratorHarness.Run(withTorchSharp: true, Enum(counts,
            "[ClassBalanced(Beta = 0.999, Loss = CbLoss.Softmax)]\n[ClassBalanced(Beta = 0.9999, Loss = CbLoss.Focal, Gamma = 2.0)]\n"));

        Assert.Equal(4, run.Files.Length);
        run.AssertCompilesCleanly();
        Assert.Empty(run.AnalyzerDiagnostics);
        string weights = run.File("SpeciesSoftmaxWeights.g.cs").Text;
        Assert.Contains("public const int ClassCount = 8142;", weights);
        Assert.Contains("public const long S8141Count = " + counts[8141] + "L;", weights);
        Assert.Contains("S8141Weight", weights);
    }

    [Fact]
    public void An_8142_member_config_generates_at_most_one_and_a_half_MiB()
    {
        CbGenRunResult run = GeneratorHarness.Run(withTorchSharp: false, Enum(Counts(ClassCount),
            "[ClassBalanced(Beta = 0.999, Loss = CbLoss.Focal, Gamma = 0.5)]\n"));

        long bytes = run.Files.Sum(f => (long)Encoding.UTF8.GetByteCount(f.Text));
        Assert.True(bytes <= 1536 * 1024, "The generated files hold " + bytes + " bytes");
    }

    [Theory]
    [InlineData(DocumentedSize, true)]
    [InlineData(DocumentedSize + 1, false)]
    public void Members_keep_their_XML_docs_up_to_the_documented_size(int classCount, bool documented)
    {
        CbGenRunResult run = GeneratorHarness.Run(withTorchSharp: true, Enum(Counts(classCount),
            "[ClassBalanced(Beta = 0.999, Loss = CbLoss.Focal)]\n"));

        run.AssertCompilesCleanly();
        string weights = run.File("SpeciesWeights.g.cs").Text;
        string loss = run.File("SpeciesLoss.g.cs").Text;
        Assert.Equal(documented, weights.Contains("/// <summary>Training samples of <see cref=\"global::INat.Species.S0\"/>"));
        Assert.Equal(documented, weights.Contains("/// <summary>Class-balanced weight of <see cref=\"global::INat.Species.S0\"/>"));
        Assert.Equal(documented, weights.Contains("//     0: S0 = "));
        Assert.Equal(documented, loss.Contains("//     0: S0 = "));
        Assert.Equal(documented, weights.Contains("EffectiveNumbers => new double[]"));
        Assert.Contains("public const long S0Count = ", weights);
        Assert.Contains("public const double S0Weight = ", weights);
    }

    [Fact]
    public void Past_the_documented_size_the_tables_equal_the_runtime_maths_and_the_constants_bitwise()
    {
        long[] counts = Counts(ClassCount);
        const string Probe = """

            public static class Probe
            {
                public static long[] Counts() => SpeciesFocalWeights.Counts.ToArray();
                public static double[] EffectiveNumbers() => SpeciesFocalWeights.EffectiveNumbers.ToArray();
                public static double[] Weights() => SpeciesFocalWeights.Weights.ToArray();
                public static double[] Priors() => SpeciesFocalWeights.Priors.ToArray();
                public static double[] LogPriors() => SpeciesFocalWeights.LogPriors.ToArray();
                public static double[] Margins() => SpeciesLdamWeights.Margins.ToArray();
            }
            """;
        CbGenRunResult run = GeneratorHarness.Run(withTorchSharp: false, Enum(counts,
            "[ClassBalanced(Beta = 0.9999, Loss = CbLoss.Focal, Gamma = 2.0, Name = \"SpeciesFocal\")]\n[ClassBalanced(Loss = CbLoss.Ldam, MaxMargin = 0.4, Name = \"SpeciesLdam\")]\n", Probe));
        run.AssertCompilesCleanly();
        Assembly assembly = TablesTests.Load(run.OutputCompilation);
        Type weights = assembly.GetType("INat.SpeciesFocalWeights", throwOnError: true)!;
        double[] Call(string table) => (double[])assembly.GetType("INat.Probe")!.GetMethod(table)!.Invoke(null, null)!;

        Assert.Equal(counts, (long[])assembly.GetType("INat.Probe")!.GetMethod("Counts")!.Invoke(null, null)!);
        AssertBitwise(ClassBalancedWeights.EffectiveNumbers(counts, 0.9999), Call("EffectiveNumbers"), "EffectiveNumbers");
        double[] expected = ClassBalancedWeights.Compute(counts, 0.9999);
        AssertBitwise(expected, Call("Weights"), "Weights");
        AssertBitwise(expected, Enumerable.Range(0, ClassCount).Select(c => (double)weights.GetField("S" + c + "Weight")!.GetRawConstantValue()!).ToArray(), "S{c}Weight");
        AssertBitwise(ClassPriors.Priors(counts), Call("Priors"), "Priors");
        AssertBitwise(ClassPriors.LogPriors(counts), Call("LogPriors"), "LogPriors");
        AssertBitwise(LdamMargins.Compute(counts, 0.4), Call("Margins"), "Margins");
    }

    private static void AssertBitwise(double[] expected, double[] actual, string table)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int c = 0; c < expected.Length; c++)
        {
            Assert.True(BitConverter.DoubleToInt64Bits(expected[c]) == BitConverter.DoubleToInt64Bits(actual[c]),
                table + "[" + c + "]: " + expected[c].ToString("R") + " != " + actual[c].ToString("R"));
        }
    }
}
