using System;
using System.Linq;
using System.Reflection;

namespace CbGen.Generators.Tests;

/// <summary>[ClassBalancedSweep]'s weight-decay axis: every point once per weight decay, named and exposed; and
/// a sweep without it generating what it did before.</summary>
public sealed class WeightDecaySweepTests
{
    private const string Source = """
        using CbGen;

        namespace Shop
        {
            [ClassBalancedSweep(Betas = new[] { 0.99, 0.9999 }, Losses = new[] { CbLoss.Softmax, CbLoss.Focal, CbLoss.LogitAdjusted },
                Gammas = new[] { 2.0 }, WeightDecays = new[] { 5e-4, 5e-3 })]
            public enum Fruit { [Samples(900)] Apple, [Samples(90)] Banana, [Samples(10)] Cherry }

            public static class Probe
            {
                public static string[] Names() => System.Linq.Enumerable.ToArray(System.Linq.Enumerable.Select(FruitSweep.Points, p => p.Name));
                public static double[] Decays() => System.Linq.Enumerable.ToArray(System.Linq.Enumerable.Select(FruitSweep.Points, p => p.WeightDecay));
                public static double[] Betas() => System.Linq.Enumerable.ToArray(System.Linq.Enumerable.Select(FruitSweep.Points, p => p.Beta));
                public static double[] Axis() => FruitSweep.WeightDecays.ToArray();
                public static double[] Weights(int point) => FruitSweep.Points[point].Weights.ToArray();
                public static double Named() => FruitSweep.Focal_B0_9999_G2_WD0_005.WeightDecay;
            }
        }
        """;

    [Fact]
    public void A_sweep_with_WeightDecays_snapshot()
    {
        CbGenRunResult run = GeneratorHarness.Run(withTorchSharp: true, Source);
        Snapshot.VerifyGenerated(run, nameof(A_sweep_with_WeightDecays_snapshot));
        run.AssertCompilesCleanly();
        Assert.Empty(run.AnalyzerDiagnostics);
    }

    [Fact]
    public void Every_point_is_repeated_once_per_weight_decay_point_major_and_exposes_it()
    {
        CbGenRunResult run = GeneratorHarness.Run(withTorchSharp: false, Source);
        run.AssertCompilesCleanly();
        Assembly assembly = GeneratorHarness.Load(run.OutputCompilation);
        string[] names = (string[])GeneratorHarness.Call(assembly, "Shop.Probe", "Names")!;
        string[] bases = { "Softmax_B0_99", "Softmax_B0_9999", "Focal_B0_99_G2", "Focal_B0_9999_G2", "LogitAdjusted_T1" };
        Assert.Equal(bases.SelectMany(b => new[] { "Fruit" + b + "_WD0_0005", "Fruit" + b + "_WD0_005" }), names);
        double[] decays = (double[])GeneratorHarness.Call(assembly, "Shop.Probe", "Decays")!;
        Assert.Equal(Enumerable.Repeat(new[] { 5e-4, 5e-3 }, bases.Length).SelectMany(d => d), decays);
        Assert.Equal(new[] { 5e-4, 5e-3 }, (double[])GeneratorHarness.Call(assembly, "Shop.Probe", "Axis")!);
        Assert.Equal(5e-3, (double)GeneratorHarness.Call(assembly, "Shop.Probe", "Named")!);

        // The two weight decays of one point share its β and weights.
        double[] betas = (double[])GeneratorHarness.Call(assembly, "Shop.Probe", "Betas")!;
        for (int p = 0; p < names.Length; p += 2)
        {
            Assert.Equal(betas[p], betas[p + 1]);
            Assert.Equal((double[])GeneratorHarness.Call(assembly, "Shop.Probe", "Weights", p)!,
                (double[])GeneratorHarness.Call(assembly, "Shop.Probe", "Weights", p + 1)!);
        }

        Assert.Equal(ClassBalancedWeights.Compute(new long[] { 900, 90, 10 }, 0.9999),
            (double[])GeneratorHarness.Call(assembly, "Shop.Probe", "Weights", 2)!);
    }

    [Fact]
    public void Without_WeightDecays_the_sweep_has_no_weight_decay_member()
    {
        string without = Source.Replace(", WeightDecays = new[] { 5e-4, 5e-3 }", string.Empty, StringComparison.Ordinal);
        string text = GeneratorHarness.Run(withTorchSharp: true, without.Substring(0, without.IndexOf("    public static class Probe", StringComparison.Ordinal)) + "}\n")
            .File("FruitSweep.g.cs").Text;
        Assert.DoesNotContain("WeightDecay", text, StringComparison.Ordinal);
        Assert.DoesNotContain("_WD", text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_axis_leaves_the_enums_other_configs_unchanged()
    {
        // Hostile: the swept enum also has [ClassBalanced] configs; the weight-decay axis is the sweep's alone.
        const string Enum = "namespace Shop;\n[ClassBalanced(Loss = CbLoss.Focal, Name = \"F\")]\n[ClassBalanced(Loss = CbLoss.LogitAdjusted, Name = \"La\")]\nSWEEP\n"
            + "public enum Fruit { [Samples(900)] Apple, [Samples(90)] Banana, [Samples(10)] Cherry }\n";
        CbGenRunResult plain = GeneratorHarness.Run(true, "using CbGen;\n" + Enum.Replace("SWEEP", "[ClassBalancedSweep(Losses = new[] { CbLoss.Sigmoid })]", StringComparison.Ordinal));
        CbGenRunResult crossed = GeneratorHarness.Run(true, "using CbGen;\n"
            + Enum.Replace("SWEEP", "[ClassBalancedSweep(Losses = new[] { CbLoss.Sigmoid }, WeightDecays = new[] { 0.0, 1e-4 })]", StringComparison.Ordinal));
        crossed.AssertCompilesCleanly();
        Assert.Empty(crossed.AnalyzerDiagnostics);
        Assert.Equal(plain.Files.Select(f => f.HintName), crossed.Files.Select(f => f.HintName));
        foreach (var file in plain.Files.Where(f => !f.HintName.EndsWith("Sweep.g.cs", StringComparison.Ordinal)))
        {
            Assert.Equal(file.Text, crossed.File(file.HintName).Text);
        }

        Assert.Contains("Sigmoid_B0_9999_WD0 { get; }", crossed.File("FruitSweep.g.cs").Text, StringComparison.Ordinal);
        Assert.Contains("Sigmoid_B0_9999_WD0_0001 { get; }", crossed.File("FruitSweep.g.cs").Text, StringComparison.Ordinal);
    }

    [Fact]
    public void An_enum_with_a_member_without_samples_gets_CB001_and_no_sweep_not_a_failure()
    {
        CbGenRunResult run = GeneratorHarness.Run(true,
            "using CbGen;\nnamespace Shop;\n[ClassBalancedSweep(WeightDecays = new[] { 5e-4 })]\npublic enum Fruit { [Samples(900)] Apple, Cherry }\n");
        Assert.Contains(run.AnalyzerDiagnostics, d => d.Id == "CB001");
        Assert.DoesNotContain(run.AnalyzerDiagnostics.Concat(run.GeneratorDiagnostics), d => d.Id == "CB900");
        Assert.Empty(run.Files);
    }

    [Fact]
    public void A_nested_enum_and_a_dataset_class_take_the_axis()
    {
        const string nested = """
            using CbGen;

            namespace Shop
            {
                public static class Outer
                {
                    [ClassBalancedSweep(Losses = new[] { CbLoss.Focal }, Betas = new[] { 0.999 }, Gammas = new[] { 1.0 }, WeightDecays = new[] { 1e-5 })]
                    public enum Fruit { [Samples(900)] Apple, [Samples(10)] Cherry }
                }
            }
            """;
        CbGenRunResult run = GeneratorHarness.Run(true, nested);
        run.AssertCompilesCleanly();
        Assert.Empty(run.AnalyzerDiagnostics);
        Assert.Contains("Focal_B0_999_G1_WD1Em05 { get; }", run.Files.Single(f => f.HintName.EndsWith("Sweep.g.cs", StringComparison.Ordinal)).Text, StringComparison.Ordinal);

        CbGenRunResult negativeZero = GeneratorHarness.Run(false, nested.Replace("1e-5", "-0.0", StringComparison.Ordinal));
        negativeZero.AssertCompilesCleanly();
        Assert.Empty(negativeZero.AnalyzerDiagnostics);
        Assert.Contains("Focal_B0_999_G1_WD0 { get; }", negativeZero.Files.Single(f => f.HintName.EndsWith("Sweep.g.cs", StringComparison.Ordinal)).Text, StringComparison.Ordinal);

        CbGenRunResult dataset = GeneratorHarness.Run(true, GeneratorHarness.Files(("birds.csv", "name,count\nrobin,500\nowl,5\n")),
            "using CbGen;\nnamespace Zoo;\n[ClassBalancedDataset(\"birds.csv\")]\n[ClassBalancedSweep(Losses = new[] { CbLoss.Softmax }, WeightDecays = new[] { 5e-4, 5e-3 })]\npublic static partial class Birds;\n");
        dataset.AssertCompilesCleanly();
        Assert.Contains("public static global::System.ReadOnlySpan<double> WeightDecays => s_weightDecays;", dataset.File("BirdsSweep.g.cs").Text, StringComparison.Ordinal);
    }
}
