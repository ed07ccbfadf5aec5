using System;

namespace CbGen.Generators.Tests;

/// <summary>The XML summary of a generated <c>{Name}Loss</c> names what the loss really takes from its config: the
/// device only for a loss built with one (the asymmetric loss has no buffers and takes none).</summary>
public sealed class GeneratedLossSummaryTests
{
    [Theory]
    [InlineData("Softmax")]
    [InlineData("Sigmoid")]
    [InlineData("Focal")]
    [InlineData("LogitAdjusted")]
    [InlineData("Ldam")]
    [InlineData("VectorScaling")]
    [InlineData("DistributionBalanced")]
    [InlineData("Asymmetric")]
    public void The_summary_names_the_device_exactly_when_the_loss_is_built_with_one(string loss)
    {
        string source = "using CbGen;\n\nnamespace Photos\n{\n"
            + "    [ClassBalanced(Loss = CbLoss." + loss + ", Device = CbDevice.Cpu)]\n"
            + "    public enum Tag { [Samples(4000)] Sky, [Samples(250)] Dog, [Samples(16)] Kiwi }\n"
            + "}";
        CbGenRunResult run = GeneratorHarness.Run(withTorchSharp: true, source);
        string text = run.File("TagLoss.g.cs").Text;
        string summary = text[text.IndexOf("/// <summary>", StringComparison.Ordinal)..text.IndexOf("/// </summary>", StringComparison.Ordinal)];
        bool builtWithDevice = text.Contains(", device: global::CbGen.CbDevice.Cpu)", StringComparison.Ordinal);

        Assert.Equal(loss != "Asymmetric", builtWithDevice);
        Assert.Equal(builtWithDevice, summary.Contains("<see cref=\"global::CbGen.CbDevice.Cpu\"/>", StringComparison.Ordinal));
        Assert.Contains("<see cref=\"global::CbGen.MeanNormalizer.", summary, StringComparison.Ordinal);
        Assert.Contains(" baked in.", summary, StringComparison.Ordinal);
    }
}
