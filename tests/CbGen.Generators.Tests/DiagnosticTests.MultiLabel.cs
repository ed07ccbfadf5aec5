extern alias gen;

using System;
using System.Linq;
using gen::CbGen.Generators;

namespace CbGen.Generators.Tests;

/// <summary>The diagnostics of multi-label counts (CB050–CB054): N written as <c>Samples</c> on an enum's attribute or
/// as a counts file's <c># samples: N</c> line, and the loss a multi-label config needs.</summary>
public sealed partial class DiagnosticTests
{
    private const string Tags = "public enum Tag { [Samples(400)] Game, [Samples(30)] Science }\n";

    private const string TagDataset = "[ClassBalancedDataset(\"tags.csv\", Loss = CbLoss.Sigmoid)]\npublic static partial class Tags;\n";

    private const string TagRows = "name,count\ngame,400\nscience,30\n";

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
    public void CB053_the_number_of_samples_given_twice()
    {
        // Two samples lines in one file.
        TrainingSetupDiagnosticTests.Check(DiagnosticDescriptors.SamplesGivenTwice,
            TagDataset, ("tags.csv", "# samples: 1000\n[|# samples: 2000|]\n" + TagRows),
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
