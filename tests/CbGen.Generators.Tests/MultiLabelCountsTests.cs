using System;
using System.Globalization;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CbGen.Generators.Tests;

/// <summary>Multi-label counts in the generated weights class: N (<c>SampleCount</c>), the negatives N − n_c and the
/// priors n_c / N, from an enum's <c>Samples</c> and from a counts file's <c># samples: N</c> line; single-label
/// configs gain none of them.</summary>
public sealed class MultiLabelCountsTests
{
    private const string TagEnum = """
        using CbGen;

        namespace Packages;

        [ClassBalanced(Loss = CbLoss.Sigmoid, Samples = 1000)]
        public enum Tag { [Samples(400)] Game, [Samples(30)] Science, [Samples(7)] Junior }
        """;

    /// <summary>The literal values of the table property <paramref name="property"/> of a generated file, in order.</summary>
    private static double[] Table(string text, string property) =>
        CSharpSyntaxTree.ParseText(text).GetRoot().DescendantNodes().OfType<PropertyDeclarationSyntax>()
            .Single(p => p.Identifier.ValueText == property)
            .DescendantNodes().OfType<LiteralExpressionSyntax>()
            .Select(l => Convert.ToDouble(l.Token.Value, CultureInfo.InvariantCulture)).ToArray();

    private static long Constant(string text, string name) =>
        Convert.ToInt64(CSharpSyntaxTree.ParseText(text).GetRoot().DescendantNodes().OfType<VariableDeclaratorSyntax>()
            .Single(v => v.Identifier.ValueText == name).Initializer!.Value is LiteralExpressionSyntax l ? l.Token.Value : null,
            CultureInfo.InvariantCulture);

    [Fact]
    public void An_enum_with_Samples_gets_N_the_negatives_and_the_priors()
    {
        CbGenRunResult run = GeneratorHarness.Run(withTorchSharp: false, TagEnum);
        Assert.Empty(run.AnalyzerDiagnostics);
        run.AssertCompilesCleanly();
        Snapshot.VerifyGenerated(run, "Multi_label_enum");
        string weights = run.File("TagWeights.g.cs").Text;
        Assert.Equal(1000, Constant(weights, "SampleCount"));
        Assert.Equal(new double[] { 400, 30, 7 }, Table(weights, "Counts"));
        Assert.Equal(new double[] { 600, 970, 993 }, Table(weights, "NegativeCounts"));
        Assert.Equal(new[] { 0.4, 0.03, 0.007 }, Table(weights, "MultiLabelPriors"));
        Assert.Contains("//   multi-label: the counts are positives out of 1000 samples", weights, StringComparison.Ordinal);

        // The class-balanced weights use the positives n_c alone: the same as without N.
        string singleLabel = GeneratorHarness.Run(withTorchSharp: false, TagEnum.Replace(", Samples = 1000", string.Empty, StringComparison.Ordinal))
            .File("TagWeights.g.cs").Text;
        Assert.Equal(Table(singleLabel, "Weights"), Table(weights, "Weights"));
        Assert.DoesNotContain("SampleCount", singleLabel, StringComparison.Ordinal);
        Assert.DoesNotContain("NegativeCounts", singleLabel, StringComparison.Ordinal);
        Assert.DoesNotContain("MultiLabelPriors", singleLabel, StringComparison.Ordinal);
    }

    [Fact]
    public void A_counts_file_with_a_samples_line_gets_them_for_every_config()
    {
        const string source = """
            using CbGen;

            namespace Packages;

            [ClassBalancedDataset("tags.counts.csv", Loss = CbLoss.Sigmoid)]
            [ClassBalancedDataset("tags.counts.csv", Loss = CbLoss.Focal, Gamma = 1.0, MultiLabel = true, Samples = 30303)]
            public static partial class Debtags;
            """;
        const string file = "# samples: 30303\nname,count\nrole::program,12000\nuse::gameplaying,800\nfield::biology,56\n";
        CbGenRunResult run = GeneratorHarness.Run(false, GeneratorHarness.Files(("tags.counts.csv", file)), source);
        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.AnalyzerDiagnostics);
        run.AssertCompilesCleanly();
        Snapshot.VerifyGenerated(run, "Multi_label_counts_file");
        foreach (string type in new[] { "DebtagsSigmoidWeights", "DebtagsFocalWeights" })
        {
            string weights = run.File(type + ".g.cs").Text;
            Assert.Equal(30303, Constant(weights, "SampleCount"));
            Assert.Equal(new double[] { 30303 - 12000, 30303 - 800, 30303 - 56 }, Table(weights, "NegativeCounts"));
            Assert.Equal(new[] { 12000 / 30303.0, 800 / 30303.0, 56 / 30303.0 }, Table(weights, "MultiLabelPriors"));
        }
    }

    [Fact]
    public void A_multi_label_configs_priors_are_positives_out_of_N_not_shares_of_the_labels()
    {
        // p_c = n_c / N: 400 of the 1000 samples carry Game. n_c / Σn = 400 / 437 would be the share of the labels.
        string weights = GeneratorHarness.Run(withTorchSharp: false, TagEnum).File("TagWeights.g.cs").Text;
        double[] expected = { 400 / 1000.0, 30 / 1000.0, 7 / 1000.0 };
        Assert.Equal(expected, Table(weights, "Priors"));
        double[] logPriors = Table(weights, "LogPriors");
        for (int c = 0; c < expected.Length; c++)
        {
            // Table reads the literals without their unary minus: every log-prior here is < 0.
            Assert.Equal(-Math.Log(expected[c]), logPriors[c], 1e-15);
        }

        Assert.Equal(expected, Table(weights, "MultiLabelPriors"));

        // A single-label config keeps π_c = n_c / Σn.
        string singleLabel = GeneratorHarness.Run(withTorchSharp: false, TagEnum.Replace(", Samples = 1000", string.Empty, StringComparison.Ordinal))
            .File("TagWeights.g.cs").Text;
        Assert.Equal(new[] { 400 / 437.0, 30 / 437.0, 7 / 437.0 }, Table(singleLabel, "Priors"));
    }

    [Fact]
    public void A_class_named_Sample_keeps_SampleCount_for_N()
    {
        CbGenRunResult run = GeneratorHarness.Run(withTorchSharp: false,
            "using CbGen;\n[ClassBalanced(Loss = CbLoss.Focal, Samples = 50)]\npublic enum Kind { [Samples(20)] Sample, [Samples(5)] Other }\n");
        run.AssertCompilesCleanly();
        string weights = run.File("KindWeights.g.cs").Text;
        Assert.Equal(50, Constant(weights, "SampleCount"));
        Assert.Contains("// The count of 'Sample' would be named SampleCount, which is the number of samples N: read Counts[0].", weights, StringComparison.Ordinal);
        Assert.Contains("public const long OtherCount = 5L;", weights, StringComparison.Ordinal);
    }

    [Fact]
    public void Past_1000_classes_the_priors_are_computed_by_the_runtime_maths()
    {
        var source = new StringBuilder("using CbGen;\n[ClassBalanced(Loss = CbLoss.Sigmoid, Samples = 5000)]\npublic enum Many\n{\n");
        for (int c = 0; c < 1200; c++)
        {
            source.Append("    [Samples(").Append(1 + (c % 50)).Append(")] C").Append(c).Append(",\n");
        }

        CbGenRunResult run = GeneratorHarness.Run(withTorchSharp: false, source.Append("}\n").ToString());
        run.AssertCompilesCleanly();
        string weights = run.File("ManyWeights.g.cs").Text;
        Assert.Contains("private static readonly double[] s_multiLabelPriors = global::CbGen.MultiLabelCounts.Priors(Counts, SampleCount);", weights, StringComparison.Ordinal);
        Assert.Contains("private static readonly double[] s_priors = global::CbGen.MultiLabelCounts.Priors(Counts, SampleCount);", weights, StringComparison.Ordinal);
        Assert.Contains("private static readonly double[] s_logPriors = global::CbGen.MultiLabelCounts.LogPriors(Counts, SampleCount);", weights, StringComparison.Ordinal);
        Assert.Contains("private static readonly double[] s_priorLogits = global::CbGen.MultiLabelCounts.PriorLogits(Counts, SampleCount);", weights, StringComparison.Ordinal);
        Assert.Equal(Enumerable.Range(0, 1200).Select(c => 5000.0 - (1 + (c % 50))), Table(weights, "NegativeCounts"));
    }

    [Fact]
    public void A_multi_label_AdjustLogits_shifts_by_the_prior_logits_not_the_log_priors()
    {
        CbGenRunResult run = GeneratorHarness.Run(withTorchSharp: true, TagEnum);
        run.AssertCompilesCleanly();
        string weights = run.File("TagWeights.g.cs").Text;
        double[] priorLogits = Table(weights, "PriorLogits");
        long[] counts = { 400, 30, 7 };
        for (int c = 0; c < counts.Length; c++)
        {
            // Table reads the literals without their unary minus: every prior logit here is < 0 (p_c < ½).
            Assert.Equal(-Math.Log(counts[c] / (1000.0 - counts[c])), priorLogits[c], 1e-15);
        }

        string loss = run.File("TagLoss.g.cs").Text;
        Assert.Contains("global::TorchSharp.torch.tensor(PriorLogits.ToArray(), ", loss, StringComparison.Ordinal);
        Assert.DoesNotContain("LogPriors.ToArray()", loss, StringComparison.Ordinal);
    }

    [Fact]
    public void A_class_on_every_sample_has_no_prior_logits_and_no_AdjustLogits()
    {
        // p = 1: the prior logit is +∞. The sigmoid loss itself is fine with such a class (only DB's bias is not, CB061).
        CbGenRunResult run = GeneratorHarness.Run(withTorchSharp: true, TagEnum.Replace("[Samples(400)]", "[Samples(1000)]", StringComparison.Ordinal));
        Assert.Empty(run.GeneratorDiagnostics);
        run.AssertCompilesCleanly();
        string weights = run.File("TagWeights.g.cs").Text;
        Assert.Contains("// No PriorLogits or AdjustLogits: a class on all 1000 samples has prior 1 and prior logit +∞, which is not a usable logit shift.", weights, StringComparison.Ordinal);
        Assert.DoesNotContain("PriorLogits =>", weights, StringComparison.Ordinal);
        Assert.Contains("LogPriors =>", weights, StringComparison.Ordinal);
        Assert.DoesNotContain("AdjustLogits(", run.File("TagLoss.g.cs").Text, StringComparison.Ordinal);
    }
}
