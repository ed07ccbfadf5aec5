extern alias gen;

using System;
using System.Linq;
using gen::CbGen.Generators;

namespace CbGen.Generators.Tests;

/// <summary>The diagnostics of a sweep's weight-decay axis (CB023, CB024, CB060) and of its multi-label points
/// (CB047, CB048, CB051–CB053, CB061, CB030).</summary>
public sealed partial class DiagnosticTests
{
    private const string SweepMembers = "public enum Label { [Samples(100)] A, [Samples(3)] B }\n";

    private const string TagSweepDataset = "[ClassBalancedDataset(\"tags.csv\", Loss = CbLoss.Sigmoid)]\n[ClassBalancedSweep(Losses = new[] { CbLoss.Focal, CbLoss.DistributionBalanced }{0})]\npublic static partial class Tags;\n";

    [Theory]
    [InlineData("-5e-4")]
    [InlineData("double.NaN")]
    [InlineData("double.PositiveInfinity")]
    public void CB060_a_sweeps_weight_decay_negative_or_not_finite(string decay)
    {
        CbGenRunResult run = TrainingSetupDiagnosticTests.Check(DiagnosticDescriptors.WeightDecayOutOfRange,
            "[ClassBalancedSweep(WeightDecays = new[] { 5e-4, [|" + decay + "|] })]\n" + SweepMembers, null,
            "[ClassBalancedSweep(WeightDecays = new[] { 5e-4, 0.0 })]\n" + SweepMembers, null);
        Assert.Contains("finite number ≥ 0", run.AnalyzerDiagnostics.Single(d => d.Id == "CB060").GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void CB023_CB024_and_CB060_a_weight_decay_axis_empty_repeated_or_on_a_dataset()
    {
        CbGenRunResult empty = TrainingSetupDiagnosticTests.Check(DiagnosticDescriptors.EmptySweepAxis,
            "[ClassBalancedSweep([|WeightDecays = new double[0]|])]\n" + SweepMembers, null,
            "[ClassBalancedSweep]\n" + SweepMembers, null);
        Assert.Contains("no weight-decay axis", empty.AnalyzerDiagnostics.Single(d => d.Id == "CB023").GetMessage(), StringComparison.Ordinal);
        TrainingSetupDiagnosticTests.Check(DiagnosticDescriptors.DuplicateSweepValue,
            "[ClassBalancedSweep(WeightDecays = new[] { 5e-4, 5e-3, [|5e-4|] })]\n" + SweepMembers, null,
            "[ClassBalancedSweep(WeightDecays = new[] { 5e-4, 5e-3 })]\n" + SweepMembers, null);
        TrainingSetupDiagnosticTests.Check(DiagnosticDescriptors.WeightDecayOutOfRange,
            "[ClassBalancedDataset(\"labels.csv\")]\n[ClassBalancedSweep(WeightDecays = [[|-1.0|]])]\npublic static partial class Labels;\n",
            ("labels.csv", "cat,900\ndog,3\n"),
            "[ClassBalancedDataset(\"labels.csv\")]\n[ClassBalancedSweep(WeightDecays = [1.0])]\npublic static partial class Labels;\n",
            ("labels.csv", "cat,900\ndog,3\n"));
    }

    [Fact]
    public void CB048_a_distribution_balanced_sweep_point_without_N()
    {
        CbGenRunResult run = TrainingSetupDiagnosticTests.Check(DiagnosticDescriptors.SweepSamplesMissing,
            "[ClassBalancedSweep(Losses = new[] { CbLoss.Sigmoid, [|CbLoss.DistributionBalanced|], CbLoss.Asymmetric })]\n" + Tags, null,
            "[ClassBalancedSweep(Losses = new[] { CbLoss.Sigmoid, CbLoss.DistributionBalanced, CbLoss.Asymmetric }, Samples = 1000)]\n" + Tags, null);
        Assert.Contains("Samples = N", run.AnalyzerDiagnostics.Single(d => d.Id == "CB048").GetMessage(), StringComparison.Ordinal);

        // On a dataset the file may give N: without it, reported at the file's start, naming both fixes.
        CbGenRunResult file = TrainingSetupDiagnosticTests.Check(DiagnosticDescriptors.SweepSamplesMissing,
            TagSweepDataset.Replace("{0}", string.Empty, StringComparison.Ordinal), ("tags.csv", "[||]" + TagRows),
            TagSweepDataset.Replace("{0}", string.Empty, StringComparison.Ordinal), ("tags.csv", "# samples: 1000\n" + TagRows),
            badGenerates: true);
        string message = file.GeneratorDiagnostics.Single(d => d.Id == "CB048").GetMessage();
        Assert.Contains("# samples: N", message, StringComparison.Ordinal);
        Assert.Contains("Samples = N", message, StringComparison.Ordinal);
        Assert.DoesNotContain(file.Files, f => f.HintName.EndsWith("Sweep.g.cs", StringComparison.Ordinal));
    }

    [Fact]
    public void CB051_CB052_and_CB053_a_sweeps_N()
    {
        TrainingSetupDiagnosticTests.Check(DiagnosticDescriptors.SamplesOutOfRange,
            "[ClassBalancedSweep(Losses = new[] { CbLoss.DistributionBalanced }, [|Samples = 0|])]\n" + Tags, null,
            "[ClassBalancedSweep(Losses = new[] { CbLoss.DistributionBalanced }, Samples = 1000)]\n" + Tags, null);
        TrainingSetupDiagnosticTests.Check(DiagnosticDescriptors.CountAboveSamples,
            "[ClassBalancedSweep(Losses = new[] { CbLoss.DistributionBalanced }, [|Samples = 399|])]\n" + Tags, null,
            "[ClassBalancedSweep(Losses = new[] { CbLoss.DistributionBalanced }, Samples = 1000)]\n" + Tags, null);
        TrainingSetupDiagnosticTests.Check(DiagnosticDescriptors.CountAboveSamples,
            TagSweepDataset.Replace("{0}", string.Empty, StringComparison.Ordinal), ("tags.csv", "# samples: 399\nname,count\ngame,[|400|]\nscience,30\n"),
            TagSweepDataset.Replace("{0}", string.Empty, StringComparison.Ordinal), ("tags.csv", "# samples: 1000\n" + TagRows),
            badGenerates: true);
        TrainingSetupDiagnosticTests.Check(DiagnosticDescriptors.CountAboveSamples,
            TagSweepDataset.Replace("{0}", ", Samples = 399", StringComparison.Ordinal), ("tags.csv", "name,count\ngame,[|400|]\nscience,30\n"),
            TagSweepDataset.Replace("{0}", ", Samples = 1000", StringComparison.Ordinal), ("tags.csv", TagRows),
            badGenerates: true);
        TrainingSetupDiagnosticTests.Check(DiagnosticDescriptors.SamplesGivenTwice,
            "[ClassBalanced(Loss = CbLoss.Sigmoid, Samples = 1000)]\n[ClassBalancedSweep(Losses = new[] { CbLoss.DistributionBalanced }, [|Samples = 2000|])]\n" + Tags, null,
            "[ClassBalanced(Loss = CbLoss.Sigmoid, Samples = 1000)]\n[ClassBalancedSweep(Losses = new[] { CbLoss.DistributionBalanced }, Samples = 1000)]\n" + Tags, null,
            badGenerates: true);
        const string SweptDataset = "[ClassBalancedDataset(\"tags.csv\", Loss = CbLoss.Sigmoid, Samples = 1000)]\n"
            + "[ClassBalancedSweep(Losses = new[] { CbLoss.Focal, CbLoss.DistributionBalanced }, {0})]\npublic static partial class Tags;\n";
        TrainingSetupDiagnosticTests.Check(DiagnosticDescriptors.SamplesGivenTwice,
            SweptDataset.Replace("{0}", "[|Samples = 2000|]", StringComparison.Ordinal), ("tags.csv", TagRows),
            SweptDataset.Replace("{0}", "Samples = 1000", StringComparison.Ordinal), ("tags.csv", TagRows),
            badGenerates: true);
        TrainingSetupDiagnosticTests.Check(DiagnosticDescriptors.SamplesGivenTwice,
            TagSweepDataset.Replace("{0}", ", Samples = 2000", StringComparison.Ordinal), ("tags.csv", "# samples: [|1000|]\n" + TagRows),
            TagSweepDataset.Replace("{0}", ", Samples = 1000", StringComparison.Ordinal), ("tags.csv", "# samples: 1000\n" + TagRows),
            badGenerates: true);
    }

    [Fact]
    public void CB061_a_sweeps_distribution_balanced_point_over_a_class_positive_in_every_sample()
    {
        // A sweep's distribution-balanced point uses the default BiasScale (κ = 0.05), so Game, positive in all N = 400
        // samples, would get an infinite prior bias: reported on the sweep's Samples, and no sweep is generated.
        CbGenRunResult run = TrainingSetupDiagnosticTests.Check(DiagnosticDescriptors.PositiveInEverySample,
            "[ClassBalancedSweep(Losses = new[] { CbLoss.Focal, CbLoss.DistributionBalanced }, [|Samples = 400|])]\n" + Tags, null,
            "[ClassBalancedSweep(Losses = new[] { CbLoss.Focal, CbLoss.DistributionBalanced }, Samples = 401)]\n" + Tags, null);
        Assert.DoesNotContain(run.Files, f => f.HintName.EndsWith("Sweep.g.cs", StringComparison.Ordinal));
        Assert.Contains("BiasScale = 0", run.AnalyzerDiagnostics.Single().GetMessage(), StringComparison.Ordinal);

        // Over a counts file: the row at N is marked, N being the sweep's Samples or the file's line (the Sigmoid
        // config is fine with a class at N: it has no prior bias).
        foreach ((string samples, string file) in new[] { (", Samples = 400", string.Empty), (string.Empty, "# samples: 400\n") })
        {
            CbGenRunResult dataset = TrainingSetupDiagnosticTests.Check(DiagnosticDescriptors.PositiveInEverySample,
                TagSweepDataset.Replace("{0}", samples, StringComparison.Ordinal), ("tags.csv", file + "name,count\ngame,[|400|]\nscience,30\n"),
                TagSweepDataset.Replace("{0}", samples.Replace("400", "1000", StringComparison.Ordinal), StringComparison.Ordinal),
                ("tags.csv", file.Replace("400", "1000", StringComparison.Ordinal) + TagRows),
                badGenerates: true);
            Assert.Equal(new[] { "CB061" }, dataset.GeneratorDiagnostics.Select(d => d.Id));
            Assert.DoesNotContain(dataset.Files, f => f.HintName.EndsWith("Sweep.g.cs", StringComparison.Ordinal));
        }

        // Without a distribution-balanced point a class at N is fine (and Samples is CB030's).
        CbGenRunResult asymmetric = GeneratorHarness.Run(false, "using CbGen;\n\nnamespace Tests;\n\n"
            + "[ClassBalancedSweep(Losses = new[] { CbLoss.Asymmetric })]\n[ClassBalanced(Loss = CbLoss.Asymmetric, Samples = 400)]\n" + Tags);
        Assert.Empty(DiagnosticText.All(asymmetric));
    }

    [Fact]
    public void CB047_and_CB030_what_a_sweeps_multi_label_points_cannot_use()
    {
        TrainingSetupDiagnosticTests.Check(DiagnosticDescriptors.NormalizerWithoutWeights,
            "[ClassBalancedSweep(Losses = new[] { CbLoss.Ldam, CbLoss.Asymmetric }, DeferUntilEpoch = 2, [|Normalizer = MeanNormalizer.WeightSum|])]\n" + Tags, null,
            "[ClassBalancedSweep(Losses = new[] { CbLoss.Ldam, CbLoss.Asymmetric }, DeferUntilEpoch = 2)]\n" + Tags, null);
        TrainingSetupDiagnosticTests.Check(DiagnosticDescriptors.OptionNotApplicable,
            "[ClassBalancedSweep(Losses = new[] { CbLoss.Sigmoid, CbLoss.Asymmetric }, [|Samples = 1000|])]\n" + Tags, null,
            "[ClassBalancedSweep(Losses = new[] { CbLoss.Sigmoid, CbLoss.Asymmetric })]\n" + Tags, null,
            badGenerates: true);
    }
}
