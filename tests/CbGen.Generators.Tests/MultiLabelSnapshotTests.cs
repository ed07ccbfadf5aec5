namespace CbGen.Generators.Tests;

/// <summary>Snapshots of the distribution-balanced and asymmetric configs: their knobs in <c>{Name}Weights</c> and
/// the <c>{Name}Loss</c> deriving from the runtime module.</summary>
public sealed class MultiLabelSnapshotTests
{
    [Theory]
    [InlineData("Distribution_balanced_enum", "Loss = CbLoss.DistributionBalanced, SmoothingMu = 0.2, NegativeScale = 2, Device = CbDevice.Cpu")]
    [InlineData("Asymmetric_enum", "Loss = CbLoss.Asymmetric, GammaNegative = 3, Clip = 0.1, Normalizer = MeanNormalizer.AllTerms")]
    public void Multi_label_config(string name, string config)
    {
        string source = "using CbGen;\n\nnamespace Photos\n{\n"
            + "    [ClassBalanced(" + config + ")]\n"
            + "    public enum Tag { [Samples(4000)] Sky, [Samples(250)] Dog, [Samples(16)] Kiwi }\n"
            + "}";
        CbGenRunResult run = GeneratorHarness.Run(withTorchSharp: true, source);
        Assert.Equal(2, run.Files.Length);
        Snapshot.VerifyGenerated(run, name);
        run.AssertCompilesCleanly();
        string weights = run.File("TagWeights.g.cs").Text;
        string loss = run.File("TagLoss.g.cs").Text;
        Assert.DoesNotContain("public const double Beta", weights);
        bool db = name.StartsWith("Distribution", System.StringComparison.Ordinal);
        Assert.Equal(db, weights.Contains("public const double SmoothingMu = 0.2D;", System.StringComparison.Ordinal));
        Assert.Equal(!db, weights.Contains("public const double Clip = 0.1D;", System.StringComparison.Ordinal));
        Assert.Contains(db ? ": global::CbGen.TorchSharp.PerClassLoss<global::CbGen.TorchSharp.DistributionBalancedLoss>" : ": global::CbGen.TorchSharp.PerClassLoss<global::CbGen.TorchSharp.AsymmetricLoss>", loss);
        Assert.Equal(db, loss.Contains("public TagLoss(long samples)", System.StringComparison.Ordinal));
        Assert.DoesNotContain("ReadOnlySpan<global::Photos.Tag> labels", loss);
        // Without N there are no prior logits, and the softmax's log π is not a sigmoid's balanced threshold.
        Assert.DoesNotContain("AdjustLogits", loss);
    }

    [Fact]
    public void A_distribution_balanced_config_with_multi_label_counts_bakes_in_N()
    {
        string source = "using CbGen;\n\nnamespace Photos\n{\n"
            + "    [ClassBalanced(Loss = CbLoss.DistributionBalanced, Samples = 5000)]\n"
            + "    public enum Tag { [Samples(4000)] Sky, [Samples(250)] Dog, [Samples(16)] Kiwi }\n"
            + "}";
        CbGenRunResult run = GeneratorHarness.Run(withTorchSharp: true, source);
        run.AssertCompilesCleanly();
        string loss = run.File("TagLoss.g.cs").Text;
        Assert.Contains("public TagLoss()", loss);
        Assert.DoesNotContain("long samples", loss);
        Assert.Contains("global::Photos.TagWeights.Counts, global::Photos.TagWeights.SampleCount,", loss);
        Assert.Contains("public const long SampleCount = 5000", run.File("TagWeights.g.cs").Text);
        Assert.Contains("AdjustLogits(global::TorchSharp.torch.Tensor logits, double tau = 1.0)", loss);
        Assert.Contains("PriorLogits", loss);
    }
}
