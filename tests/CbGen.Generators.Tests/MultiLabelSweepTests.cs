using System;
using System.Linq;
using System.Reflection;

namespace CbGen.Generators.Tests;

/// <summary>The multi-label losses as [ClassBalancedSweep] points: one DistributionBalanced and one Asymmetric point
/// (no β), N from the sweep's Samples or its dataset's counts file.</summary>
public sealed class MultiLabelSweepTests
{
    private const string Source = """
        using CbGen;

        namespace Debtags
        {
            [ClassBalanced(Loss = CbLoss.Sigmoid, Samples = 1000)]
            [ClassBalancedSweep(Betas = new[] { 0.99, 0.9999 }, Losses = new[] { CbLoss.Sigmoid, CbLoss.DistributionBalanced, CbLoss.Asymmetric },
                Samples = 1000, DeferUntilEpoch = 3)]
            public enum Tag { [Samples(400)] Game, [Samples(30)] Science, [Samples(2)] Rare }

            public static class Probe
            {
                public static string[] Names() => System.Linq.Enumerable.ToArray(System.Linq.Enumerable.Select(TagSweep.Points, p => p.Name));
                public static double[] Betas() => System.Linq.Enumerable.ToArray(System.Linq.Enumerable.Select(TagSweep.Points, p => p.Beta));
                public static int[] WeightCounts() => System.Linq.Enumerable.ToArray(System.Linq.Enumerable.Select(TagSweep.Points, p => p.Weights.Length));
                public static int[] Defers() => System.Linq.Enumerable.ToArray(System.Linq.Enumerable.Select(TagSweep.Points, p => p.DeferUntilEpoch));
                public static long Samples() => TagSweep.SampleCount;
            }
        }
        """;

    private const string Tags = "public enum Tag { [Samples(400)] Game, [Samples(30)] Science }\n";

    private const string TagRows = "name,count\ngame,400\nscience,30\n";

    private const string Dataset = "[ClassBalancedDataset(\"tags.csv\", Loss = CbLoss.Sigmoid)]\n[ClassBalancedSweep(Losses = new[] { CbLoss.Focal, CbLoss.DistributionBalanced }{0})]\npublic static partial class Tags;\n";

    [Fact]
    public void A_multi_label_sweep_snapshot()
    {
        CbGenRunResult run = GeneratorHarness.Run(withTorchSharp: true, Source);
        Snapshot.VerifyGenerated(run, nameof(A_multi_label_sweep_snapshot));
        run.AssertCompilesCleanly();
        Assert.Empty(run.AnalyzerDiagnostics);
        string sweep = run.File("TagSweep.g.cs").Text;
        Assert.Contains("new global::CbGen.TorchSharp.DistributionBalancedLoss(counts, samples, reduction: reduction", sweep, StringComparison.Ordinal);
        Assert.Contains("new global::CbGen.TorchSharp.AsymmetricLoss(counts.Length, reduction: reduction", sweep, StringComparison.Ordinal);
    }

    [Fact]
    public void Each_multi_label_loss_is_one_point_without_beta_weights_or_deferral()
    {
        CbGenRunResult run = GeneratorHarness.Run(withTorchSharp: false, Source);
        run.AssertCompilesCleanly();
        Assembly assembly = GeneratorHarness.Load(run.OutputCompilation);
        Assert.Equal(new[] { "TagSigmoid_B0_99", "TagSigmoid_B0_9999", "TagDistributionBalanced", "TagAsymmetric" },
            (string[])GeneratorHarness.Call(assembly, "Debtags.Probe", "Names")!);
        Assert.Equal(new[] { 0.99, 0.9999, 0.0, 0.0 }, (double[])GeneratorHarness.Call(assembly, "Debtags.Probe", "Betas")!);
        Assert.Equal(new[] { 3, 3, 0, 0 }, (int[])GeneratorHarness.Call(assembly, "Debtags.Probe", "WeightCounts")!);
        Assert.Equal(new[] { 3, 3, 0, 0 }, (int[])GeneratorHarness.Call(assembly, "Debtags.Probe", "Defers")!);
        Assert.Equal(1000L, (long)GeneratorHarness.Call(assembly, "Debtags.Probe", "Samples")!);
    }

    [Fact]
    public void A_dataset_sweep_takes_N_from_its_counts_file()
    {
        CbGenRunResult run = GeneratorHarness.Run(true, GeneratorHarness.Files(("tags.csv", "# samples: 1000\n" + TagRows)),
            "using CbGen;\nnamespace Debtags;\n" + Dataset.Replace("{0}", string.Empty, StringComparison.Ordinal));
        run.AssertCompilesCleanly();
        Assert.Empty(run.AnalyzerDiagnostics);
        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Contains("public const long SampleCount = 1000L;", run.File("TagsSweep.g.cs").Text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_weight_decay_axis_crosses_the_multi_label_points_too()
    {
        CbGenRunResult run = GeneratorHarness.Run(true,
            "using CbGen;\nnamespace Debtags;\n[ClassBalancedSweep(Losses = new[] { CbLoss.DistributionBalanced, CbLoss.Asymmetric }, Samples = 500, WeightDecays = new[] { 0.0, 5e-4 })]\n" + Tags);
        run.AssertCompilesCleanly();
        Assert.Empty(run.AnalyzerDiagnostics);
        string sweep = run.File("TagSweep.g.cs").Text;
        foreach (string member in new[] { "DistributionBalanced_WD0", "DistributionBalanced_WD0_0005", "Asymmetric_WD0", "Asymmetric_WD0_0005" })
        {
            Assert.Contains("public static TagSweepPoint " + member + " { get; }", sweep, StringComparison.Ordinal);
        }
    }
}
