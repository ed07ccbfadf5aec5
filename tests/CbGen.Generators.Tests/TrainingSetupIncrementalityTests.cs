extern alias gen;

using System.Collections.Immutable;
using System.Linq;
using gen::CbGen.Generators;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace CbGen.Generators.Tests;

/// <summary>The counts-file and sweep pipelines cache: unrelated edits (source or another AdditionalFile) re-run
/// nothing, a change of the counts file regenerates.</summary>
public sealed class TrainingSetupIncrementalityTests
{
    private static readonly string[] NewSteps =
    {
        TrackingNames.Sweeps, TrackingNames.SweepsWithFeatures, TrackingNames.DatasetTargets, TrackingNames.CountsFileNames,
        TrackingNames.CountsFiles, TrackingNames.Datasets, TrackingNames.DatasetsWithFeatures,
    };

    private const string Sources = """
        using CbGen;

        namespace Zoo
        {
            [ClassBalancedDataset("birds.counts.csv", Beta = 0.999)]
            public static partial class Birds;

            [ClassBalancedSweep(Betas = new[] { 0.9, 0.99 })]
            public enum Fruit { [Samples(900)] Apple, [Samples(10)] Cherry }
        }
        """;

    private static (GeneratorRun First, CSharpCompilation Compilation, ImmutableArray<AdditionalText> Files) Start()
    {
        ImmutableArray<AdditionalText> files = GeneratorHarness.Files(
            ("birds.counts.csv", CountsFileTests.Birds), ("unrelated.csv", "a,1\n"));
        CSharpCompilation compilation = GeneratorHarness.CreateCompilation(true, Sources, IncrementalityTests.Unrelated);
        GeneratorRun first = GeneratorHarness.RunTracked(compilation, GeneratorHarness.CreateDriver(files));
        Assert.Equal(4, first.Files.Length); // Label, BirdsWeights, BirdsLoss, FruitSweep
        return (first, compilation, files);
    }

    [Fact]
    public void An_unrelated_source_edit_leaves_every_step_cached()
    {
        (GeneratorRun first, CSharpCompilation compilation, _) = Start();
        CSharpCompilation edited = GeneratorHarness.WithSource(compilation, "Source1.cs", IncrementalityTests.Unrelated.Replace("=> 1;", "=> 2;"));
        GeneratorRun second = GeneratorHarness.RunTracked(edited, first.Driver);
        PipelineAssert.AllCached(second, NewSteps);
        Assert.Equal(first.Files.Select(s => s.Text), second.Files.Select(s => s.Text));
    }

    [Fact]
    public void Editing_an_unrelated_additional_file_leaves_every_step_cached()
    {
        (GeneratorRun first, CSharpCompilation compilation, ImmutableArray<AdditionalText> files) = Start();
        GeneratorDriver driver = first.Driver.ReplaceAdditionalText(files[1], CbGenRunner.AdditionalFile(files[1].Path, "a,2\nb,3\n"));
        GeneratorRun second = GeneratorHarness.RunTracked(compilation, driver);
        PipelineAssert.AllCached(second, NewSteps, except: TrackingNames.CountsFiles);
        Assert.Equal(first.Files.Select(s => s.Text), second.Files.Select(s => s.Text));
    }

    [Fact]
    public void Changing_the_counts_file_regenerates()
    {
        (GeneratorRun first, CSharpCompilation compilation, ImmutableArray<AdditionalText> files) = Start();
        GeneratorDriver driver = first.Driver.ReplaceAdditionalText(files[0],
            CbGenRunner.AdditionalFile(files[0].Path, CountsFileTests.Birds.Replace("Émeu,50", "Émeu,49")));
        GeneratorRun second = GeneratorHarness.RunTracked(compilation, driver);
        GeneratorRunResult result = second.Driver.GetRunResult().Results.Single();
        Assert.Contains(result.TrackedSteps[TrackingNames.CountsFiles].SelectMany(s => s.Outputs),
            o => o.Reason == IncrementalStepRunReason.Modified);
        Assert.Equal(IncrementalStepRunReason.Modified, result.TrackedSteps[TrackingNames.Datasets].Single().Outputs.Single().Reason);
        Assert.Contains("public const long ÉmeuCount = 49L;", second.File("BirdsWeights.g.cs").Text);
        Assert.Contains("public const long ÉmeuCount = 50L;", first.File("BirdsWeights.g.cs").Text);
    }

    [Fact]
    public void No_new_step_output_holds_a_symbol_syntax_node_or_compilation()
    {
        (GeneratorRun first, _, _) = Start();
        // CountsFiles' input is an AdditionalText, its output the parsed model.
        int walked = PipelineAssert.HoldsNoCompilerObjects(first, NewSteps);
        Assert.True(walked >= NewSteps.Length);
    }
}
