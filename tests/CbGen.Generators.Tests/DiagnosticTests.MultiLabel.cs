extern alias gen;

using System;
using System.Linq;
using gen::CbGen.Generators;
using Microsoft.CodeAnalysis;

namespace CbGen.Generators.Tests;

/// <summary>The diagnostics of multi-label counts (CB050–CB054, CB061): N written as <c>Samples</c> on an enum's attribute or
/// as a counts file's <c># samples: N</c> line, and the loss a multi-label config needs.</summary>
public sealed partial class DiagnosticTests
{
    private const string Tags = "public enum Tag { [Samples(400)] Game, [Samples(30)] Science }\n";

    private const string TagDataset = "[ClassBalancedDataset(\"tags.csv\", Loss = CbLoss.Sigmoid)]\npublic static partial class Tags;\n";

    private const string TagRows = "name,count\ngame,400\nscience,30\n";

    /// <summary>A dataset class with one distribution-balanced config; {0} takes more options (", BiasScale = 0").</summary>
    private const string DbTagDataset = "[ClassBalancedDataset(\"tags.csv\", Loss = CbLoss.DistributionBalanced{0})]\npublic static partial class Tags;\n";

    [Fact]
    public void CB050_multi_label_without_the_number_of_samples()
    {
        CbGenRunResult run = Check(DiagnosticDescriptors.MultiLabelSamplesMissing,
            "[ClassBalanced(Loss = CbLoss.Sigmoid, [|MultiLabel = true|])]\n" + Tags,
            "[ClassBalanced(Loss = CbLoss.Sigmoid, MultiLabel = true, Samples = 1000)]\n" + Tags);
        Assert.Contains("Samples = N", run.AnalyzerDiagnostics.Single(d => d.Id == "CB050").GetMessage(), StringComparison.Ordinal);

        // A counts file asked to be multi-label that has lost its N: reported at the file's start, naming both fixes.
        CbGenRunResult file = TrainingSetupDiagnosticTests.Check(DiagnosticDescriptors.MultiLabelSamplesMissing,
            TagDataset.Replace("Loss = CbLoss.Sigmoid", "Loss = CbLoss.Sigmoid, MultiLabel = true", StringComparison.Ordinal),
            ("tags.csv", "[||]" + TagRows),
            TagDataset.Replace("Loss = CbLoss.Sigmoid", "Loss = CbLoss.Sigmoid, MultiLabel = true", StringComparison.Ordinal),
            ("tags.csv", "# samples: 1000\n" + TagRows));
        string message = file.GeneratorDiagnostics.Single(d => d.Id == "CB050").GetMessage();
        Assert.Contains("# samples: N", message, StringComparison.Ordinal);
        Assert.Contains("Samples = N", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-5")]
    public void CB051_samples_not_a_whole_number_of_at_least_1(string samples)
    {
        Check(DiagnosticDescriptors.SamplesOutOfRange,
            "[ClassBalanced(Loss = CbLoss.Sigmoid, [|Samples = " + samples + "|])]\n" + Tags,
            "[ClassBalanced(Loss = CbLoss.Sigmoid, Samples = 1000)]\n" + Tags);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-5")]
    [InlineData("1000.5")]
    [InlineData("lots")]
    public void CB051_a_counts_file_samples_line_that_is_not_a_number_of_samples(string samples)
    {
        TrainingSetupDiagnosticTests.Check(DiagnosticDescriptors.SamplesOutOfRange,
            TagDataset, ("tags.csv", "# samples: [|" + samples + "|]\n" + TagRows),
            TagDataset, ("tags.csv", "# samples: 1000\n" + TagRows));
    }

    [Fact]
    public void CB052_a_count_above_the_number_of_samples()
    {
        Check(DiagnosticDescriptors.CountAboveSamples,
            "[ClassBalanced(Loss = CbLoss.Focal, [|Samples = 399|])]\n" + Tags,
            "[ClassBalanced(Loss = CbLoss.Focal, Samples = 400)]\n" + Tags);

        // In a counts file each offending row is marked at its count.
        CbGenRunResult run = TrainingSetupDiagnosticTests.Check(DiagnosticDescriptors.CountAboveSamples,
            TagDataset, ("tags.csv", "# samples: 100\nname,count\ngame,[|400|]\nscience,30\nweb,[|101|]\n"),
            TagDataset, ("tags.csv", "# samples: 1000\nname,count\ngame,400\nscience,30\nweb,101\n"));
        Assert.Contains("line 1 of 'tags.csv'", run.GeneratorDiagnostics.First(d => d.Id == "CB052").GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void CB061_a_class_positive_in_every_sample_under_the_prior_bias()
    {
        // Game is positive in all N = 400 samples: its prior is 1 and its bias log(n/(N − n)) infinite, under the
        // default BiasScale (κ = 0.05) as under any other κ ≠ 0. BiasScale = 0 (no prior bias) compiles, and so does
        // a class at N under a loss without the prior bias.
        CbGenRunResult run = Check(DiagnosticDescriptors.PositiveInEverySample,
            "[ClassBalanced(Loss = CbLoss.DistributionBalanced, [|Samples = 400|])]\n"
            + "[ClassBalanced(Loss = CbLoss.DistributionBalanced, BiasScale = -0.5, [|Samples = 400|], Name = \"Flipped\")]\n" + Tags,
            "[ClassBalanced(Loss = CbLoss.DistributionBalanced, Samples = 400, BiasScale = 0)]\n"
            + "[ClassBalanced(Loss = CbLoss.Asymmetric, Samples = 400)]\n[ClassBalanced(Loss = CbLoss.Sigmoid, Samples = 400)]\n" + Tags);
        Assert.Equal(new[] { "CB061", "CB061" }, run.AnalyzerDiagnostics.Select(d => d.Id));
        Assert.Contains("set BiasScale = 0", run.AnalyzerDiagnostics[0].GetMessage(), StringComparison.Ordinal);

        // In a counts file each row at N is marked at its count, N being the file's or the attribute's.
        CbGenRunResult file = TrainingSetupDiagnosticTests.Check(DiagnosticDescriptors.PositiveInEverySample,
            DbTagDataset.Replace("{0}", string.Empty, StringComparison.Ordinal),
            ("tags.csv", "# samples: 400\nname,count\ngame,[|400|]\nscience,30\nweb,[|400|]\n"),
            DbTagDataset.Replace("{0}", ", BiasScale = 0", StringComparison.Ordinal),
            ("tags.csv", "# samples: 400\nname,count\ngame,400\nscience,30\nweb,400\n"));
        Assert.Equal(new[] { "CB061", "CB061" }, file.GeneratorDiagnostics.Select(d => d.Id));
        Assert.Contains("line 1 of 'tags.csv'", file.GeneratorDiagnostics[0].GetMessage(), StringComparison.Ordinal);
        Assert.DoesNotContain(file.Files, f => f.HintName.Contains("TagsWeights", StringComparison.Ordinal));

        string withSamples = DbTagDataset.Replace("{0}", ", Samples = 400", StringComparison.Ordinal);
        CbGenRunResult fromSamples = TrainingSetupDiagnosticTests.Check(DiagnosticDescriptors.PositiveInEverySample,
            withSamples, ("tags.csv", "name,count\ngame,[|400|]\nscience,30\n"),
            DbTagDataset.Replace("{0}", ", Samples = 400, BiasScale = 0", StringComparison.Ordinal), ("tags.csv", TagRows));
        Assert.Contains("config 'Tags' (Samples)", fromSamples.GeneratorDiagnostics.Single().GetMessage(), StringComparison.Ordinal);

        // The fixes build without any diagnostic, the generator's included (the file's rows are its to check).
        foreach ((string source, string rows) in new[]
        {
            (DbTagDataset.Replace("{0}", ", BiasScale = 0", StringComparison.Ordinal), "# samples: 400\n" + TagRows),
            (DbTagDataset.Replace("{0}", ", Samples = 400, BiasScale = 0", StringComparison.Ordinal), TagRows),
            (DbTagDataset.Replace("{0}", string.Empty, StringComparison.Ordinal), "# samples: 401\n" + TagRows),
            (TagDataset, "# samples: 400\n" + TagRows),
        })
        {
            CbGenRunResult fixedRun = GeneratorHarness.Run(false, GeneratorHarness.Files(("tags.csv", rows)), "using CbGen;\n\nnamespace Tests;\n\n" + source);
            Assert.Empty(fixedRun.GeneratorDiagnostics.Concat(fixedRun.AnalyzerDiagnostics));
            Assert.Contains(fixedRun.Files, f => f.HintName.Contains("TagsWeights", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void CB052_alone_for_a_count_above_N_under_the_prior_bias()
    {
        // n_c > N is CB052 only, never CB061 as well: not for that class, nor for another at N (N is what is wrong).
        string db = "using CbGen;\n\nnamespace Tests;\n\n[ClassBalanced(Loss = CbLoss.DistributionBalanced, Samples = 399)]\n";
        Assert.Equal(new[] { "CB052" }, DiagnosticText.All(GeneratorHarness.Run(false, db + Tags)).Select(d => d.Id));
        Assert.Equal(new[] { "CB052" }, DiagnosticText.All(GeneratorHarness.Run(false,
            db + "public enum Tag { [Samples(400)] Game, [Samples(399)] Science }\n")).Select(d => d.Id));

        CbGenRunResult file = GeneratorHarness.Run(false, GeneratorHarness.Files(("tags.csv", "# samples: 399\nname,count\ngame,400\nscience,399\n")),
            "using CbGen;\n\nnamespace Tests;\n\n" + DbTagDataset.Replace("{0}", string.Empty, StringComparison.Ordinal));
        Diagnostic above = Assert.Single(DiagnosticText.All(file));
        Assert.Equal("CB052", above.Id);
        Assert.Equal(2, above.Location.GetLineSpan().StartLinePosition.Line);
    }

    [Fact]
    public void CB053_the_number_of_samples_given_twice()
    {
        // Two samples lines in one file.
        TrainingSetupDiagnosticTests.Check(DiagnosticDescriptors.SamplesGivenTwice,
            TagDataset, ("tags.csv", "# samples: 1000\n[|# samples: 2000|]\n" + TagRows),
            TagDataset, ("tags.csv", "# samples: 1000\n" + TagRows));

        // Equal lines too: a file holds one (docs/diagnostics.md says so).
        TrainingSetupDiagnosticTests.Check(DiagnosticDescriptors.SamplesGivenTwice,
            TagDataset, ("tags.csv", "# samples: 1000\n[|# samples: 1000|]\n" + TagRows),
            TagDataset, ("tags.csv", "# samples: 1000\n" + TagRows));

        // The attribute's Samples and the file's line disagree (equal values are accepted).
        string withSamples = TagDataset.Replace("Loss = CbLoss.Sigmoid", "Loss = CbLoss.Sigmoid, Samples = 2000", StringComparison.Ordinal);
        TrainingSetupDiagnosticTests.Check(DiagnosticDescriptors.SamplesGivenTwice,
            withSamples, ("tags.csv", "# samples: [|1000|]\n" + TagRows),
            withSamples, ("tags.csv", "# samples: 2000\n" + TagRows));

        // Two configs of one enum, or of one dataset class, count the same training samples.
        Check(DiagnosticDescriptors.SamplesGivenTwice,
            "[ClassBalanced(Loss = CbLoss.Sigmoid, Samples = 1000, Name = \"A\")]\n[ClassBalanced(Loss = CbLoss.Focal, [|Samples = 2000|], Name = \"B\")]\n" + Tags,
            "[ClassBalanced(Loss = CbLoss.Sigmoid, Samples = 1000, Name = \"A\")]\n[ClassBalanced(Loss = CbLoss.Focal, Samples = 1000, Name = \"B\")]\n" + Tags,
            badGenerates: true);
        string twoConfigs = "[ClassBalancedDataset(\"tags.csv\", Loss = CbLoss.Sigmoid, Samples = 1000, Name = \"A\")]\n"
            + "[ClassBalancedDataset(\"tags.csv\", Loss = CbLoss.Focal, {0}, Name = \"B\")]\npublic static partial class Tags;\n";
        TrainingSetupDiagnosticTests.Check(DiagnosticDescriptors.SamplesGivenTwice,
            twoConfigs.Replace("{0}", "[|Samples = 2000|]", StringComparison.Ordinal), ("tags.csv", TagRows),
            twoConfigs.Replace("{0}", "Samples = 1000", StringComparison.Ordinal), ("tags.csv", TagRows));
    }

    [Theory]
    [InlineData("# samples 1000")]
    [InlineData("# sample: 1000")]
    [InlineData("#Samples = 1000")]
    [InlineData("  # SAMPLE +1000")]
    public void CB067_a_comment_that_reads_like_a_samples_line(string nearMiss)
    {
        TrainingSetupDiagnosticTests.Check(DiagnosticDescriptors.SamplesLineNearMiss,
            TagDataset, ("tags.csv", "[|" + nearMiss + "|]\n" + TagRows),
            TagDataset, ("tags.csv", "# samples: 1000\n" + TagRows),
            badGenerates: true);
    }

    [Theory]
    [InlineData("# samples were counted on 2026-12-07")]
    [InlineData("# sampled 1000 photos")]
    [InlineData("# examples: 1000")]
    [InlineData("# samples:1000")]
    public void CB067_not_for_other_comments_or_the_samples_line_itself(string line)
    {
        CbGenRunResult run = GeneratorHarness.Run(false, GeneratorHarness.Files(("tags.csv", line + "\n" + TagRows)),
            "using CbGen;\n\nnamespace Tests;\n\n" + TagDataset);
        Assert.DoesNotContain(DiagnosticText.All(run), d => d.Id == "CB067");
    }

    [Fact]
    public void CB054_multi_label_counts_with_a_softmax_loss()
    {
        // Softmax is the default loss, so the attribute itself is marked when Loss is not written.
        Check(DiagnosticDescriptors.MultiLabelSoftmax,
            "[[|ClassBalanced(Samples = 1000)|]]\n[ClassBalanced([|Loss = CbLoss.LogitAdjusted|], MultiLabel = true, Samples = 1000, Name = \"La\")]\n" + Tags,
            "[ClassBalanced(Loss = CbLoss.Sigmoid, Samples = 1000)]\n[ClassBalanced(Loss = CbLoss.Focal, MultiLabel = true, Samples = 1000, Name = \"Fo\")]\n" + Tags);

        // A counts file with N makes a softmax config multi-label too: marked at the file's N.
        string softmax = "[ClassBalancedDataset(\"tags.csv\", Loss = CbLoss.Ldam)]\npublic static partial class Tags;\n";
        TrainingSetupDiagnosticTests.Check(DiagnosticDescriptors.MultiLabelSoftmax,
            softmax, ("tags.csv", "# samples: [|1000|]\n" + TagRows),
            softmax, ("tags.csv", TagRows));
    }
}
