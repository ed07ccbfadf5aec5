using System.Linq;

namespace CbGen.Generators.Tests;

/// <summary>Snapshots of the logit-adjusted and LDAM configs: tables, knobs, losses and <c>AdjustLogits</c>.</summary>
public sealed class LongTailSnapshotTests
{
    [Theory]
    [InlineData("Logit_adjusted_enum", "Loss = CbLoss.LogitAdjusted, Tau = 0.75")]
    [InlineData("Ldam_enum", "Loss = CbLoss.Ldam, MaxMargin = 0.4, Scale = 16, Device = CbDevice.Cpu")]
    [InlineData("Ldam_drw_enum", "Loss = CbLoss.Ldam, DeferUntilEpoch = 160")]
    public void Long_tail_config(string name, string config)
    {
        string source = "using CbGen;\n\nnamespace Audio\n{\n"
            + "    [ClassBalanced(" + config + ")]\n"
            + "    public enum Sound { [Samples(4000)] Speech, [Samples(250)] Music, [Samples(16)] Siren }\n"
            + "}";
        CbGenRunResult run = GeneratorHarness.Run(withTorchSharp: true, source);
        Assert.Equal(2, run.Files.Length);
        Snapshot.VerifyGenerated(run, name);
        run.AssertCompilesCleanly();
        string weights = run.File("SoundWeights.g.cs").Text;
        // AdjustLogits is a second part of SoundWeights in the loss file: the weights file does not depend on TorchSharp.
        Assert.Contains("public static global::TorchSharp.torch.Tensor AdjustLogits(global::TorchSharp.torch.Tensor logits, double tau = 1.0)",
            run.File("SoundLoss.g.cs").Text);
        Assert.DoesNotContain("AdjustLogits(", weights);
        Assert.Contains("LogPriors", weights);
        Assert.Equal(name == "Ldam_drw_enum", weights.Contains("public const double Beta = 0.9999D;", System.StringComparison.Ordinal));
        Assert.Equal(name != "Logit_adjusted_enum", weights.Contains("Margins", System.StringComparison.Ordinal));
    }

    [Fact]
    public void Every_config_gains_the_priors_and_AdjustLogits_but_not_with_an_empty_class()
    {
        const string source = """
            using CbGen;

            namespace Shop;

            [ClassBalanced(Loss = CbLoss.Focal)]
            public enum Fruit { [Samples(900)] Apple, [Samples(90)] Banana }

            [ClassBalanced(ZeroCounts = ZeroCountPolicy.ZeroWeight)]
            public enum Sparse { [Samples(900)] Apple, [Samples(0)] Banana }
            """;
        CbGenRunResult run = GeneratorHarness.Run(withTorchSharp: true, source);
        run.AssertCompilesCleanly();
        Assert.Contains("public static partial class FruitWeights", run.File("FruitLoss.g.cs").Text);
        Assert.Contains("AdjustLogits(", run.File("FruitLoss.g.cs").Text);
        string sparse = run.File("SparseWeights.g.cs").Text;
        Assert.DoesNotContain("AdjustLogits(", sparse);
        Assert.DoesNotContain("AdjustLogits(", run.File("SparseLoss.g.cs").Text);
        Assert.DoesNotContain("LogPriors =>", sparse);
        Assert.Contains("// No Priors, LogPriors or AdjustLogits", sparse);
        Assert.Equal(run.File("FruitWeights.g.cs").Text, GeneratorHarness.Run(withTorchSharp: false, source).File("FruitWeights.g.cs").Text);
    }

    [Fact]
    public void Dataset_with_a_logit_adjusted_config()
    {
        const string source = """
            using CbGen;

            namespace Zoo;

            [ClassBalancedDataset("birds.csv", Loss = CbLoss.LogitAdjusted)]
            public static partial class Birds;
            """;
        CbGenRunResult run = GeneratorHarness.Run(true, GeneratorHarness.Files(("birds.csv", "name,count\nsparrow,5000\nrobin,700\nkiwi,9\n")), source);
        Assert.Equal(
            new[] { "Zoo.Birds.Label.g.cs", "Zoo.Birds.BirdsWeights.g.cs", "Zoo.Birds.BirdsLoss.g.cs" },
            run.Files.Select(f => f.HintName));
        Snapshot.VerifyGenerated(run, nameof(Dataset_with_a_logit_adjusted_config));
        run.AssertCompilesCleanly();
        Assert.Contains(": global::CbGen.TorchSharp.PerClassLoss<global::CbGen.TorchSharp.LogitAdjustedLoss>", run.File("BirdsLoss.g.cs").Text);
    }
}
