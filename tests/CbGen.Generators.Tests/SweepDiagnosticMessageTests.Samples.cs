extern alias gen;

using System;
using System.Collections.Immutable;
using System.Linq;
using gen::CbGen.Generators;
using Microsoft.CodeAnalysis;
using static CbGen.Generators.Tests.DiagnosticText;

namespace CbGen.Generators.Tests;

/// <summary>What a sweep says about N, the number of samples its CbLoss.DistributionBalanced point needs: Samples
/// out of range, missing on an enum or in a counts file, given twice, below a count, equal to a count (the point's
/// prior bias); and the multi-label points' Normalizer.</summary>
public sealed partial class SweepDiagnosticMessageTests
{
    private const string Tags = "public enum Tag { [Samples(400)] Game, [Samples(30)] Science }\n";
    private const string TagRows = "name,count\ngame,400\nscience,30\n";

    /// <summary>The fix CB053 names when an enum's sweep and one of its configs give different N.</summary>
    private const string EnumSweepSamplesFix =
        "make the sweep and the config say the same N (a sweep and the configs of its label set describe one training set)";

    /// <summary>The fix CB048 names for a sweep.</summary>
    private const string SweepSamplesFix = "set Samples = N on [ClassBalancedSweep], N being the number of training samples (labelled or not)";

    [Theory]
    [InlineData("0", "is 0")]
    [InlineData("-5", "is negative")]
    public void Samples_below_1_says_whether_it_is_0_or_negative(string samples, string which)
    {
        CbGenRunResult run = Run("[ClassBalancedSweep(Losses = new[] { CbLoss.DistributionBalanced }, Samples = " + samples + ")]\n" + Tags);
        Diagnostic diagnostic = Assert.Single(All(run));
        Assert.Equal(Expected(DiagnosticDescriptors.SamplesOutOfRange, "Samples", samples, which), Message(diagnostic));
        Assert.Equal("Samples = " + samples, Located(diagnostic));
    }

    [Fact]
    public void A_distribution_balanced_point_without_N_names_the_enum_and_the_fix_on_the_point()
    {
        // The point first in Losses (index 0) is reported too.
        CbGenRunResult run = Run("[ClassBalancedSweep(Losses = new[] { CbLoss.DistributionBalanced, CbLoss.Sigmoid })]\n" + Tags);
        Diagnostic diagnostic = Assert.Single(All(run));
        Assert.Equal(Expected(DiagnosticDescriptors.SweepSamplesMissing, "The [ClassBalancedSweep] of 'Tag'", SweepSamplesFix), Message(diagnostic));
        Assert.Equal("CbLoss.DistributionBalanced", Located(diagnostic));
    }

    [Fact]
    public void Normalizer_WeightSum_names_the_first_point_without_class_weights()
    {
        CbGenRunResult run = Run("[ClassBalancedSweep(Losses = new[] { CbLoss.Ldam, CbLoss.Asymmetric, CbLoss.DistributionBalanced },\n"
            + "    DeferUntilEpoch = 2, Samples = 1000, Normalizer = MeanNormalizer.WeightSum)]\n" + Tags);
        Diagnostic diagnostic = Assert.Single(All(run));
        Assert.Equal(Expected(DiagnosticDescriptors.NormalizerWithoutWeights, "the sweep's CbLoss.Asymmetric point"), Message(diagnostic));
        Assert.Equal("Normalizer = MeanNormalizer.WeightSum", Located(diagnostic));
    }

    [Fact]
    public void A_dataset_sweep_whose_Samples_disagrees_with_the_file_names_both_and_the_files_line()
    {
        // The samples line is the file's second line.
        CbGenRunResult run = RunDataset(", Samples = 2000", "# written by hand\n# samples: 1000\n" + TagRows);
        Diagnostic diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal(
            Expected(DiagnosticDescriptors.SamplesGivenTwice, "Samples = 2000 on [ClassBalancedSweep]", "'1000' on line 2 of 'tags.csv'",
                "remove Samples and keep the file's line, or correct the one that is wrong"),
            Message(diagnostic));
        Assert.Equal(1, diagnostic.Location.GetLineSpan().StartLinePosition.Line);
        Assert.DoesNotContain(run.Files, f => f.HintName.EndsWith("Sweep.g.cs", StringComparison.Ordinal));
    }

    [Fact]
    public void An_enum_sweep_whose_Samples_disagrees_with_a_configs_names_both_on_the_sweeps_Samples()
    {
        CbGenRunResult run = Run("[ClassBalanced(Loss = CbLoss.Sigmoid, Samples = 1000, Name = \"TagCb\")]\n"
            + "[ClassBalancedSweep(Losses = new[] { CbLoss.DistributionBalanced }, Samples = 2000)]\n" + Tags);
        Diagnostic diagnostic = Assert.Single(All(run));
        Assert.Equal(
            Expected(DiagnosticDescriptors.SamplesGivenTwice, "Samples = 2000 on [ClassBalancedSweep]",
                "Samples = 1000 on the config 'TagCb'", EnumSweepSamplesFix),
            Message(diagnostic));
        Assert.Equal("Samples = 2000", Located(diagnostic));

        CbGenRunResult agree = Run("[ClassBalanced(Loss = CbLoss.Sigmoid, Samples = 2000)]\n"
            + "[ClassBalancedSweep(Losses = new[] { CbLoss.DistributionBalanced }, Samples = 2000)]\n" + Tags);
        Assert.Empty(All(agree));
        CbGenRunResult singleLabel = Run("[ClassBalanced(Loss = CbLoss.Sigmoid)]\n"
            + "[ClassBalancedSweep(Losses = new[] { CbLoss.DistributionBalanced }, Samples = 2000)]\n" + Tags);
        Assert.Empty(All(singleLabel));
    }

    [Fact]
    public void A_dataset_sweep_without_N_names_the_file_and_both_fixes()
    {
        CbGenRunResult run = RunDataset(string.Empty, TagRows);
        Diagnostic diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal(
            Expected(DiagnosticDescriptors.SweepSamplesMissing, "The [ClassBalancedSweep] over 'tags.csv'",
                "add a line '# samples: N' to 'tags.csv' (cbgen count writes it for multi-label sources), or " + SweepSamplesFix),
            Message(diagnostic));
        Assert.Equal(GeneratorHarness.DataFolder + "tags.csv", diagnostic.Location.GetLineSpan().Path);
    }

    [Fact]
    public void A_count_above_the_sweeps_N_is_named_and_no_sweep_is_generated()
    {
        // N from the sweep's Samples: CB052 names the row and where N comes from.
        CbGenRunResult fromSweep = RunDataset(", Samples = 399", TagRows);
        Diagnostic diagnostic = Assert.Single(fromSweep.GeneratorDiagnostics);
        Assert.Equal(Expected(DiagnosticDescriptors.CountAboveSamples, "game", "400", "Samples on [ClassBalancedSweep]", "399"), Message(diagnostic));
        Assert.Equal(1, diagnostic.Location.GetLineSpan().StartLinePosition.Line);
        Assert.DoesNotContain(fromSweep.Files, f => f.HintName.EndsWith("Sweep.g.cs", StringComparison.Ordinal));

        // N from the file (its rows are checked against it with the configs): no sweep either.
        CbGenRunResult fromFile = RunDataset(string.Empty, "# samples: 399\n" + TagRows);
        Assert.Contains(fromFile.GeneratorDiagnostics, d => d.Id == DiagnosticDescriptors.CountAboveSamples.Id);
        Assert.DoesNotContain(fromFile.Files, f => f.HintName.EndsWith("Sweep.g.cs", StringComparison.Ordinal));

        // The same sweep with an N that fits is generated (400 would not: Game would be positive in every sample, CB061).
        CbGenRunResult fits = RunDataset(", Samples = 1000", TagRows);
        Assert.Empty(All(fits));
        Assert.Contains(fits.Files, f => f.HintName.EndsWith("TagsSweep.g.cs", StringComparison.Ordinal));
    }

    [Fact]
    public void A_count_at_the_sweeps_N_names_the_class_N_the_point_and_the_fix_and_no_sweep_is_generated()
    {
        const string Point = "the [ClassBalancedSweep]'s CbLoss.DistributionBalanced point (BiasScale = 0.05, a sweep's default)";
        const string Fix = "drop the class or check N (every training sample, labelled or not) and the counts, or leave "
            + "CbLoss.DistributionBalanced out of the sweep and train it from a config with BiasScale = 0 (no prior bias)";

        // On an enum: the first member at N, on the sweep's Samples.
        CbGenRunResult onEnum = Run("[ClassBalancedSweep(Losses = new[] { CbLoss.Sigmoid, CbLoss.DistributionBalanced }, Samples = 400)]\n" + Tags);
        Diagnostic diagnostic = Assert.Single(All(onEnum));
        Assert.Equal(Expected(DiagnosticDescriptors.PositiveInEverySample, "Game", "400", "[ClassBalancedSweep]'s Samples", "400", Point, Fix),
            Message(diagnostic));
        Assert.Equal("Samples = 400", Located(diagnostic));
        Assert.DoesNotContain(onEnum.Files, f => f.HintName.EndsWith("Sweep.g.cs", StringComparison.Ordinal));

        // Over a counts file: the row, with where N comes from.
        Diagnostic fromSweep = Assert.Single(RunDataset(", Samples = 400", TagRows).GeneratorDiagnostics);
        Assert.Equal(Expected(DiagnosticDescriptors.PositiveInEverySample, "game", "400", "Samples on [ClassBalancedSweep]", "400", Point, Fix),
            Message(fromSweep));
        Assert.Equal(1, fromSweep.Location.GetLineSpan().StartLinePosition.Line);
        CbGenRunResult fromFile = RunDataset(string.Empty, "# samples: 400\n" + TagRows);
        Diagnostic fileDiagnostic = Assert.Single(fromFile.GeneratorDiagnostics);
        Assert.Equal(Expected(DiagnosticDescriptors.PositiveInEverySample, "game", "400", "line 1 of 'tags.csv'", "400", Point, Fix),
            Message(fileDiagnostic));
        Assert.Equal(2, fileDiagnostic.Location.GetLineSpan().StartLinePosition.Line);
        Assert.DoesNotContain(fromFile.Files, f => f.HintName.EndsWith("Sweep.g.cs", StringComparison.Ordinal));
    }

    /// <summary>A dataset class Tags over tags.csv with a sweep holding a DistributionBalanced point (and
    /// <paramref name="samples"/>, e.g. ", Samples = 10").</summary>
    private static CbGenRunResult RunDataset(string samples, string file)
    {
        ImmutableArray<AdditionalText> files = GeneratorHarness.Files(("tags.csv", file));
        return GeneratorHarness.Run(false, files, Prelude + "[ClassBalancedDataset(\"tags.csv\", Loss = CbLoss.Sigmoid)]\n"
            + "[ClassBalancedSweep(Losses = new[] { CbLoss.Focal, CbLoss.DistributionBalanced }" + samples + ")]\n"
            + "public static partial class Tags;\n");
    }
}
