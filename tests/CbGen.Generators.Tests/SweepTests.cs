using System;
using System.Collections.Immutable;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;

namespace CbGen.Generators.Tests;

/// <summary>[ClassBalancedSweep]: the paper's grid as typed configs and a registry.</summary>
public sealed class SweepTests
{
    private const string Fruit = """
        using CbGen;

        namespace Shop
        {
            [ClassBalancedSweep]
            public enum Fruit
            {
                [Samples(900)] Apple,
                [Samples(90)] Banana,
                [Samples(10)] Cherry,
            }

            public static class Probe
            {
                public static string[] Names() => System.Linq.Enumerable.ToArray(System.Linq.Enumerable.Select(FruitSweep.Points, p => p.Name));
                public static double[] Betas() => System.Linq.Enumerable.ToArray(System.Linq.Enumerable.Select(FruitSweep.Points, p => p.Beta));
                public static double[] Gammas() => System.Linq.Enumerable.ToArray(System.Linq.Enumerable.Select(FruitSweep.Points, p => p.Gamma));
                public static int[] Losses() => System.Linq.Enumerable.ToArray(System.Linq.Enumerable.Select(FruitSweep.Points, p => (int)p.Loss));
                public static double[] Weights(int point) => FruitSweep.Points[point].Weights.ToArray();
                public static string Focal() => FruitSweep.Focal_B0_9999_G0_5.Name;
                public static int Index() => FruitSweep.Sigmoid_B0_99.Index;
                public static double Cherry(int point) => FruitSweep.Points[point].WeightOf(Fruit.Cherry);
            }
        }
        """;

    private static readonly long[] FruitCounts = { 900, 90, 10 };

    [Fact]
    public void The_default_grid_is_the_papers_20_points_with_readable_names_and_right_weights()
    {
        CbGenRunResult run = GeneratorHarness.Run(withTorchSharp: false, Fruit);
        Assert.Equal(new[] { "Shop.Fruit.FruitSweep.g.cs" }, run.Files.Select(s => s.HintName));
        run.AssertCompilesCleanly();
        Assert.Empty(run.AnalyzerDiagnostics);

        Assembly assembly = GeneratorHarness.Load(run.OutputCompilation);
        string[] names = (string[])GeneratorHarness.Call(assembly, "Shop.Probe", "Names")!;
        double[] betas = (double[])GeneratorHarness.Call(assembly, "Shop.Probe", "Betas")!;
        double[] gammas = (double[])GeneratorHarness.Call(assembly, "Shop.Probe", "Gammas")!;
        int[] losses = (int[])GeneratorHarness.Call(assembly, "Shop.Probe", "Losses")!;
        Assert.Equal(20, names.Length);
        Assert.Equal(names.Length, names.Distinct().Count());
        Assert.Equal("FruitSoftmax_B0_9", names[0]);
        Assert.Equal("FruitSigmoid_B0_9999", names[7]);
        Assert.Equal("FruitFocal_B0_9_G0_5", names[8]);
        Assert.Equal("FruitFocal_B0_9999_G2", names[19]);
        Assert.Equal("FruitFocal_B0_9999_G0_5", GeneratorHarness.Call(assembly, "Shop.Probe", "Focal"));
        Assert.Equal(5, GeneratorHarness.Call(assembly, "Shop.Probe", "Index"));

        // Independently: every (β, loss, γ) of the paper's grid exactly once, γ only for focal.
        double[] paperBetas = { 0.9, 0.99, 0.999, 0.9999 };
        double[] paperGammas = { 0.5, 1.0, 2.0 };
        var expected = paperBetas.SelectMany(b => new[] { (b, 0, 0.0), (b, 1, 0.0) }
                .Concat(paperGammas.Select(g => (b, 2, g))))
            .OrderBy(p => p.Item1).ThenBy(p => p.Item2).ThenBy(p => p.Item3).ToList();
        var actual = Enumerable.Range(0, 20).Select(i => (betas[i], losses[i], gammas[i]))
            .OrderBy(p => p.Item1).ThenBy(p => p.Item2).ThenBy(p => p.Item3).ToList();
        Assert.Equal(expected, actual);

        for (int i = 0; i < 20; i++)
        {
            double[] reference = ClassBalancedWeights.Compute(FruitCounts, betas[i]);
            Assert.Equal(reference, (double[])GeneratorHarness.Call(assembly, "Shop.Probe", "Weights", i)!);
            Assert.Equal(reference[2], GeneratorHarness.Call(assembly, "Shop.Probe", "Cherry", i));
        }
    }

    [Fact]
    public void A_custom_grid_with_TorchSharp_snapshot()
    {
        const string source = """
            using CbGen;

            namespace Audio;

            [ClassBalanced(Beta = 0.99)]
            [ClassBalancedSweep(Betas = new[] { 0.99, 0.999 }, Losses = new[] { CbLoss.Softmax, CbLoss.Focal }, Gammas = new[] { 1.0 },
                Normalizer = MeanNormalizer.WeightSum, Device = CbDevice.Cpu, DeferUntilEpoch = 3, Name = "Grid")]
            internal enum Sound { [Samples(400)] Speech, [Samples(40)] Music, [Samples(4)] Siren }
            """;
        CbGenRunResult run = GeneratorHarness.Run(withTorchSharp: true, source);
        Assert.Equal(
            new[] { "Audio.Sound.SoundWeights.g.cs", "Audio.Sound.SoundLoss.g.cs", "Audio.Sound.GridSweep.g.cs" },
            run.Files.Select(s => s.HintName));
        Snapshot.Verify(run.File("GridSweep.g.cs").Text, "Sweep_with_TorchSharp/Audio.Sound.GridSweep", "cs");
        ImmutableArray<Diagnostic> diagnostics = run.AnalyzerDiagnostics;
        Snapshot.Verify(CbGenRunResult.Describe(run.GeneratorDiagnostics.Concat(diagnostics)), "Sweep_with_TorchSharp/diagnostics", "txt");
        run.AssertCompilesCleanly();
        string sweep = run.File("GridSweep.g.cs").Text;
        Assert.Contains("public const int PointCount = 4;", sweep);
        Assert.Contains("internal static class GridSweep", sweep);
        Assert.Contains("return new global::CbGen.TorchSharp.DeferredReweightingLoss(new global::CbGen.TorchSharp.ClassBalancedFocalLoss(", sweep);
        Assert.DoesNotContain("ClassBalancedSigmoidLoss", sweep);
    }

    [Fact]
    public void A_sweep_on_a_dataset_class_uses_the_counts_file()
    {
        const string source = """
            using CbGen;

            namespace Zoo;

            [ClassBalancedDataset("pets.csv")]
            [ClassBalancedSweep(Betas = new[] { 0.9, 0.999 }, Losses = new[] { CbLoss.Sigmoid })]
            public partial class Pets;
            """;
        ImmutableArray<AdditionalText> files = GeneratorHarness.Files(("pets.csv", "dog,900\ncat,90\nhamster,9\n"));
        CbGenRunResult run = GeneratorHarness.Run(true, files, source);
        run.AssertCompilesCleanly();
        Assert.Empty(run.AnalyzerDiagnostics);
        string sweep = run.File("PetsSweep.g.cs").Text;
        Assert.Contains("public static PetsSweepPoint Sigmoid_B0_999 { get; }", sweep);
        Assert.Contains("WeightOf(global::Zoo.Pets.Label label)", sweep);
        Assert.Contains("// Generated by CbGen from the [ClassBalancedSweep] of Zoo.Pets.Label (counts file \"pets.csv\"):", sweep);
    }
}
