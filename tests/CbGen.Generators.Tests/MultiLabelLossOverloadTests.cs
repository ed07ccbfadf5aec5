namespace CbGen.Generators.Tests;

/// <summary>A multi-label config's sigmoid or focal loss takes multi-hot targets: it gets no single-label enum
/// overloads, which would weigh all C terms of a sample by its one label's weight; a single-label config keeps them.</summary>
public sealed class MultiLabelLossOverloadTests
{
    [Theory]
    [InlineData("Loss = CbLoss.Sigmoid, Samples = 5000", true)]
    [InlineData("Loss = CbLoss.Focal, Gamma = 1, Samples = 5000", true)]
    [InlineData("Loss = CbLoss.Sigmoid, Samples = 5000, DeferUntilEpoch = 2", true)]
    [InlineData("Loss = CbLoss.Sigmoid", false)]
    [InlineData("Loss = CbLoss.Focal, Gamma = 1", false)]
    public void Enum_overloads_only_for_single_label_configs(string config, bool multiLabel)
    {
        string source = "using CbGen;\n\nnamespace Photos\n{\n"
            + "    [ClassBalanced(" + config + ")]\n"
            + "    public enum Tag { [Samples(4000)] Sky, [Samples(250)] Dog, [Samples(16)] Kiwi }\n"
            + "}";
        CbGenRunResult run = GeneratorHarness.Run(withTorchSharp: true, source);
        run.AssertCompilesCleanly();
        string loss = run.File("TagLoss.g.cs").Text;
        Assert.Equal(!multiLabel, loss.Contains("ReadOnlySpan<global::Photos.Tag> labels", System.StringComparison.Ordinal));
        Assert.Equal(!multiLabel, loss.Contains("global::Photos.Tag[] labels", System.StringComparison.Ordinal));
        Assert.Equal(multiLabel, loss.Contains("floating multi-hot targets [B, C]", System.StringComparison.Ordinal));
        Assert.Contains("public TagLoss(global::TorchSharp.torch.nn.Reduction reduction)", loss);
        Assert.DoesNotContain("\n\n    }", loss);
    }
}
