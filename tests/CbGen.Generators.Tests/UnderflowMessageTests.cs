extern alias gen;

using System;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using gen::CbGen.Generators;
using Microsoft.CodeAnalysis;
using static CbGen.Generators.Tests.DiagnosticText;

namespace CbGen.Generators.Tests;

/// <summary>What CB062 and CB063 say, whole message and location: a VS γ so large that a class's scale (n_c / n_max)^γ
/// underflows to 0 (or below the smallest normal double), and a sampling power q so large that a class's probability
/// does, on enum configs, counts-file configs and sweeps; and that the ordinary values, even large ones, say nothing.</summary>
public sealed class UnderflowMessageTests
{
    private const string Prelude = ConfigMessages.Prelude;

    /// <summary>B's ratio n_c / n_max is 3 / 100 = 0.03.</summary>
    private const string Members = ConfigMessages.Members;

    private const string VsGammaFix = "use a VsGamma in the paper's range 0.05–0.3 (0.3 is the default)";

    private const string Rows = "cat,900\ndog,27\nemu,900\n";

    [Fact]
    public void A_vs_gamma_whose_scale_underflows_to_0_names_the_class_and_the_range_on_VsGamma()
    {
        CbGenRunResult run = Run("[ClassBalanced(Loss = CbLoss.VectorScaling, VsGamma = 1e6)]\n" + Members);
        Diagnostic scale = Assert.Single(All(run));
        Assert.Equal("VsGamma is 1000000, so the VS scale (n_c / n_max)^γ of class 'B' is 0: its logits are multiplied by (almost) 0 "
            + "and the model cannot learn it; " + VsGammaFix, Message(scale));
        Assert.Equal(DiagnosticSeverity.Warning, scale.Severity);
        Assert.Equal("VsGamma = 1e6", Located(scale));
        Assert.Contains(run.Files, f => f.HintName.EndsWith("LabelWeights.g.cs", StringComparison.Ordinal));
        run.AssertCompilesCleanly();
    }

    [Fact]
    public void A_scale_below_the_smallest_normal_double_and_further_classes_are_named_too()
    {
        // 0.03^203.6 ≈ 8.7e-311 is subnormal; C's 0.02^203.6 underflows to 0.
        string value = Math.Pow(3 / 100.0, 203.6).ToString("R", CultureInfo.InvariantCulture);
        Diagnostic scale = Assert.Single(All(Run("[ClassBalanced(Loss = CbLoss.VectorScaling, VsGamma = 203.6)]\n"
            + "public enum Label { [Samples(100)] A, [Samples(3)] B, [Samples(2)] C }\n")));
        Assert.Equal("VsGamma is 203.6, so the VS scale (n_c / n_max)^γ of class 'B' is " + value + ", below the smallest normal double "
            + "(so are those of 1 more class): its logits are multiplied by (almost) 0 and the model cannot learn it; " + VsGammaFix, Message(scale));
    }

    [Fact]
    public void A_sweeps_vs_gamma_that_underflows_is_reported_on_its_element_and_the_sweep_still_generates()
    {
        CbGenRunResult run = Run("[ClassBalancedSweep(Losses = new[] { CbLoss.VectorScaling }, VsGammas = new[] { 0.3, 1e6 })]\n" + Members);
        Diagnostic scale = Assert.Single(All(run));
        Assert.Equal("VsGammas holds 1000000, so the VS scale (n_c / n_max)^γ of class 'B' is 0: its logits are multiplied by (almost) 0 "
            + "and the model cannot learn it; keep the VsGammas in the paper's range 0.05–0.3 (0.3 is the default)", Message(scale));
        Assert.Equal("1e6", Located(scale));
        Assert.Contains(run.Files, f => f.HintName.EndsWith("LabelSweep.g.cs", StringComparison.Ordinal));
    }

    [Fact]
    public void Over_a_counts_file_the_row_of_the_class_is_named_for_a_config_and_a_sweep()
    {
        CbGenRunResult run = RunDataset("[ClassBalancedDataset(\"labels.csv\", Loss = CbLoss.VectorScaling, VsGamma = 1e6)]\n"
            + "[ClassBalancedSweep(Losses = new[] { CbLoss.VectorScaling }, VsGammas = new[] { 2e6 })]\n");
        Assert.Equal(
            new[]
            {
                "VsGamma is 1000000 (config Set), so the VS scale (n_c / n_max)^γ of class 'dog (line 2 of labels.csv)' is 0: its logits are "
                    + "multiplied by (almost) 0 and the model cannot learn it; " + VsGammaFix + " @ 1",
                "VsGammas holds 2000000, so the VS scale (n_c / n_max)^γ of class 'dog (line 2 of labels.csv)' is 0: its logits are "
                    + "multiplied by (almost) 0 and the model cannot learn it; keep the VsGammas in the paper's range 0.05–0.3 (0.3 is the default) @ 1",
            },
            All(run).Select(d => Message(d) + " @ " + d.Location.GetLineSpan().StartLinePosition.Line));
        Assert.All(All(run), d => Assert.Equal(DiagnosticSeverity.Warning, d.Severity));
    }

    [Fact]
    public void A_sampling_power_whose_probability_underflows_names_the_class_on_enums_and_counts_files()
    {
        const string Fix = "a sampler drawing classes by SamplingProbabilities (almost) never draws it; use a SamplingPower q in [0, 1] "
            + "(0 class-balanced, 0.5 square-root, 1 instance-balanced)";
        Diagnostic power = Assert.Single(All(Run("[ClassBalanced(SamplingPower = 2000)]\n" + Members)));
        Assert.Equal("SamplingPower is 2000, so the sampling probability p_c ∝ n_c^q of class 'B' is 0: " + Fix, Message(power));
        Assert.Equal("SamplingPower = 2000", Located(power));

        Diagnostic file = Assert.Single(All(RunDataset("[ClassBalancedDataset(\"labels.csv\", SamplingPower = 2000)]\n")));
        Assert.Equal("SamplingPower is 2000 (config Set), so the sampling probability p_c ∝ n_c^q of class 'dog (line 2 of labels.csv)' is 0: "
            + Fix, Message(file));
    }

    [Fact]
    public void Ordinary_and_large_but_harmless_values_say_nothing_and_an_empty_class_under_ZeroWeight_is_not_underflow()
    {
        // γ = 16 over the widest ratio counts allow, 1 / 2^62: 2^-992 is still a normal double.
        const string Widest = "public enum Label { [Samples(4611686018427387904)] A, [Samples(1)] B }\n";
        foreach (string source in new[]
        {
            "[ClassBalanced(Loss = CbLoss.VectorScaling, VsGamma = 0.3)]\n" + Members,
            "[ClassBalanced(Loss = CbLoss.VectorScaling, VsGamma = 16)]\n" + Widest,
            "[ClassBalancedSweep(Losses = new[] { CbLoss.VectorScaling }, VsGammas = new[] { 0.05, 0.3, 16.0 })]\n" + Widest,
            "[ClassBalanced(SamplingPower = 1.0)]\n" + Members,
            "[ClassBalanced(SamplingPower = 16.0)]\n" + Widest,
            "[ClassBalanced(SamplingPower = 1.0, ZeroCounts = ZeroCountPolicy.ZeroWeight)]\npublic enum Label { [Samples(100)] A, [Samples(0)] B, [Samples(3)] C }\n",
        })
        {
            CbGenRunResult run = Run(source);
            Assert.True(!All(run).Any(), source + "\n" + run.DescribeDiagnostics());
            run.AssertCompilesCleanly();
        }
    }

    private static CbGenRunResult Run(string source) => GeneratorHarness.Run(false, Prelude + source);

    private static CbGenRunResult RunDataset(string attributes) =>
        GeneratorHarness.Run(false, GeneratorHarness.Files(("labels.csv", Rows)), Prelude + attributes + "public static partial class Set;\n");
}
