extern alias gen;

using System;
using System.Linq;
using gen::CbGen.Generators;
using Microsoft.CodeAnalysis;
using static CbGen.Generators.Tests.DiagnosticText;

namespace CbGen.Generators.Tests;

/// <summary>What a dataset class says about the multi-label N of its counts file: Samples and the file disagreeing,
/// N missing, N given for a softmax loss, a count above N from the attribute or from the file, and a count at N under
/// the distribution-balanced loss's prior bias.</summary>
public sealed partial class DatasetDiagnosticMessageTests
{
    private const string Set = "public partial class Set;\n";

    /// <summary>The fix CB050 names for a dataset config.</summary>
    private const string SamplesFix = "set Samples = N on the attribute, N being the number of training samples (labelled or not)";

    private static string Config(string options) => "[ClassBalancedDataset(\"labels.csv\", Name = \"Tags\", " + options + ")]\n" + Set;

    [Fact]
    public void Samples_that_disagree_with_the_file_name_both_and_the_files_line()
    {
        CbGenRunResult run = RunDataset(Config("Loss = CbLoss.Sigmoid, MultiLabel = true, Samples = 2000"), "# written by hand\n# samples: 1000\n" + Rows);
        Diagnostic twice = Assert.Single(All(run));
        Assert.Equal(Expected(DiagnosticDescriptors.SamplesGivenTwice, "Samples = 2000 on config 'Tags'", "'1000' on line 2 of 'labels.csv'",
            "remove Samples and keep the file's line, or correct the one that is wrong"), Message(twice));
        Assert.Equal(1, Line(twice));
    }

    [Fact]
    public void A_multi_label_config_without_N_names_itself_the_file_and_both_fixes()
    {
        CbGenRunResult run = RunDataset(Config("Loss = CbLoss.Sigmoid, MultiLabel = true"), Rows);
        Diagnostic missing = Assert.Single(All(run));
        Assert.Equal(Expected(DiagnosticDescriptors.MultiLabelSamplesMissing, "The config 'Tags' of 'labels.csv'",
            "add a line '# samples: N' to 'labels.csv' (cbgen count writes it for multi-label sources), or " + SamplesFix), Message(missing));
        Assert.Equal(0, Line(missing));
    }

    [Fact]
    public void N_in_the_file_for_a_softmax_config_names_the_line_and_the_loss()
    {
        CbGenRunResult run = RunDataset(Config("Loss = CbLoss.Softmax"), "# samples: 1000\n" + Rows);
        Diagnostic softmax = Assert.Single(All(run));
        Assert.Equal(Expected(DiagnosticDescriptors.MultiLabelSoftmax, "The config 'Tags'", "'labels.csv' gives N on line 1", "CbLoss.Softmax"),
            Message(softmax));
        Assert.Equal(0, Line(softmax));
    }

    [Fact]
    public void A_count_above_N_names_where_N_comes_from_the_attribute_or_the_file()
    {
        // N from the attribute's Samples, the file having none: the config is multi-label with that N.
        Diagnostic fromSamples = Assert.Single(All(RunDataset(Config("Loss = CbLoss.Sigmoid, MultiLabel = true, Samples = 500"), Rows)));
        Assert.Equal(Expected(DiagnosticDescriptors.CountAboveSamples, "cat", "900", "config 'Tags' (Samples)", "500"), Message(fromSamples));
        Assert.Equal(0, Line(fromSamples));

        // N from the file's line.
        Diagnostic fromFile = Assert.Single(All(RunDataset(Config("Loss = CbLoss.Sigmoid"), "# samples: 100\n" + Rows)));
        Assert.Equal(Expected(DiagnosticDescriptors.CountAboveSamples, "cat", "900", "line 1 of 'labels.csv'", "100"), Message(fromFile));
        Assert.Equal(1, Line(fromFile));

        // The same N when it fits: generated, and N is the attribute's.
        CbGenRunResult fits = RunDataset(Config("Loss = CbLoss.Sigmoid, MultiLabel = true, Samples = 900"), Rows);
        Assert.Empty(All(fits));
        Assert.Contains("SampleCount = 900", fits.Files.Single(f => f.HintName.EndsWith("TagsWeights.g.cs", StringComparison.Ordinal)).Text,
            StringComparison.Ordinal);
    }

    [Fact]
    public void A_count_at_N_under_the_prior_bias_names_the_row_where_N_comes_from_the_config_and_the_fix()
    {
        const string Fix = "set BiasScale = 0 (no prior bias), or drop the class or check N (every training sample, labelled or not) and the counts";

        // N from the file's line: the row at N is marked at its count.
        Diagnostic fromFile = Assert.Single(All(RunDataset(Config("Loss = CbLoss.DistributionBalanced"), "# samples: 900\n" + Rows)));
        Assert.Equal(Expected(DiagnosticDescriptors.PositiveInEverySample, "cat", "900", "line 1 of 'labels.csv'", "900",
            "the config 'Tags' (BiasScale = 0.05)", Fix), Message(fromFile));
        Assert.Equal(1, Line(fromFile));

        // N from the attribute's Samples, with a BiasScale of its own.
        Diagnostic fromSamples = Assert.Single(All(RunDataset(Config("Loss = CbLoss.DistributionBalanced, BiasScale = 1.5, Samples = 900"), Rows)));
        Assert.Equal(Expected(DiagnosticDescriptors.PositiveInEverySample, "cat", "900", "config 'Tags' (Samples)", "900",
            "the config 'Tags' (BiasScale = 1.5)", Fix), Message(fromSamples));
        Assert.Equal(0, Line(fromSamples));

        // BiasScale = 0: generated with N = 900.
        CbGenRunResult unbiased = RunDataset(Config("Loss = CbLoss.DistributionBalanced, BiasScale = 0"), "# samples: 900\n" + Rows);
        Assert.Empty(All(unbiased));
        Assert.Contains("SampleCount = 900", unbiased.Files.Single(f => f.HintName.EndsWith("TagsWeights.g.cs", StringComparison.Ordinal)).Text,
            StringComparison.Ordinal);
    }
}
