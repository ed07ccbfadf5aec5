extern alias gen;

using System.Collections.Immutable;
using System.Linq;
using System.Reflection;
using gen::CbGen.Generators;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace CbGen.Generators.Tests;

/// <summary>The pipeline caches: an unrelated edit re-runs nothing, a moved line regenerates nothing, and no step
/// output holds a symbol, a syntax node, a compilation or a location (which would pin memory and defeat caching).
/// Every step is named in <see cref="TrackingNames"/>, and these tests read the names from it.</summary>
public sealed class IncrementalityTests
{
    /// <summary>Every constant of <see cref="TrackingNames"/>, read by reflection so a new step cannot be forgotten.</summary>
    public static readonly string[] AllTrackingNames = typeof(TrackingNames)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.IsLiteral && f.FieldType == typeof(string))
        .Select(f => (string)f.GetRawConstantValue()!)
        .ToArray();

    /// <summary>The steps whose outputs the emitters read (directly or through a <c>Combine</c>).</summary>
    private static readonly string[] EmitInputs =
    {
        TrackingNames.EnumsToEmit, TrackingNames.SweepsToEmit, TrackingNames.DatasetsToEmit, TrackingNames.OutputPlan,
        TrackingNames.EnumsWithFeatures, TrackingNames.SweepsWithFeatures, TrackingNames.DatasetsWithFeatures,
    };

    /// <summary>A source file that no CbGen attribute touches (<c>Source1.cs</c> next to the labels).</summary>
    internal const string Unrelated = "namespace Elsewhere { public static class Util { public static int One() => 1; } }";

    /// <summary>Every kind of input: a labels enum, a sweep enum and a dataset class with its counts file.</summary>
    private const string Everything = """
        using CbGen;

        namespace Zoo
        {
            [ClassBalanced(Beta = 0.999, Loss = CbLoss.Focal, Gamma = 2.0)]
            [ClassBalanced(Loss = CbLoss.LogitAdjusted, Name = "La")]
            public enum Bird { [Samples(900)] Crow, [Samples(10)] Kiwi }

            [ClassBalancedDataset("birds.counts.csv", Beta = 0.999)]
            public static partial class Birds;

            [ClassBalancedSweep(Betas = new[] { 0.9, 0.99 })]
            public enum Fruit { [Samples(900)] Apple, [Samples(10)] Cherry }
        }
        """;

    private static GeneratorRun RunEverything(CSharpCompilation compilation, GeneratorDriver? driver = null) =>
        GeneratorHarness.RunTracked(compilation,
            driver ?? GeneratorHarness.CreateDriver(GeneratorHarness.Files(("birds.counts.csv", CountsFileTests.Birds))));

    [Fact]
    public void The_tracking_names_are_read_from_TrackingNames()
    {
        Assert.Contains(TrackingNames.Enums, AllTrackingNames);
        Assert.Contains(TrackingNames.OutputPlan, AllTrackingNames);
        Assert.Equal(AllTrackingNames.Length, AllTrackingNames.Distinct().Count());
    }

    [Fact]
    public void An_unrelated_edit_leaves_every_step_cached_or_unchanged()
    {
        CSharpCompilation compilation = GeneratorHarness.CreateCompilation(true, Everything, Unrelated);
        GeneratorRun first = RunEverything(compilation);
        Assert.Equal(8, first.Files.Length); // BirdWeights, BirdLoss, LaWeights, LaLoss, BirdsLabels, BirdsWeights, BirdsLoss, FruitSweep

        CSharpCompilation edited = GeneratorHarness.WithSource(compilation, "Source1.cs",
            Unrelated.Replace("=> 1;", "=> 2; public static int Two() => 2;"));
        GeneratorRun second = RunEverything(edited, first.Driver);

        PipelineAssert.AllCached(second, AllTrackingNames);
        Assert.Equal(first.Files.Select(s => s.HintName), second.Files.Select(s => s.HintName));
        Assert.Equal(first.Files.Select(s => s.Text), second.Files.Select(s => s.Text));
    }

    [Theory]
    [InlineData("// a comment typed above the enum\n")]
    [InlineData("\n\n\n")]
    public void Typing_above_an_annotated_enum_in_its_own_file_leaves_its_outputs_cached(string typed)
    {
        CSharpCompilation compilation = GeneratorHarness.CreateCompilation(true, SnapshotTests.Cifar10Lt, Unrelated);
        GeneratorRun first = GeneratorHarness.RunTracked(compilation);
        Assert.Equal(4, first.Files.Length);

        CSharpCompilation edited = GeneratorHarness.WithSource(compilation, "Source0.cs", typed + SnapshotTests.Cifar10Lt);
        GeneratorRun second = GeneratorHarness.RunTracked(edited, first.Driver);

        // The parse step sees the moved lines (its model carries the locations the clash stage reports at) ...
        GeneratorRunResult result = second.Driver.GetRunResult().Results.Single();
        Assert.Contains(result.TrackedSteps[TrackingNames.Enums].SelectMany(s => s.Outputs), o => o.Reason == IncrementalStepRunReason.Modified);
        // ... and nothing the emitters read changes, so every source output is cached.
        PipelineAssert.AllCached(second, EmitInputs.Where(n => result.TrackedSteps.ContainsKey(n)));
        Assert.Equal(first.Files.Select(s => s.Text), second.Files.Select(s => s.Text));
    }

    [Fact]
    public void Typing_above_a_sweep_or_a_dataset_class_leaves_the_outputs_cached()
    {
        CSharpCompilation compilation = GeneratorHarness.CreateCompilation(true, Everything, Unrelated);
        GeneratorRun first = RunEverything(compilation);

        CSharpCompilation edited = GeneratorHarness.WithSource(compilation, "Source0.cs",
            Everything.Replace("namespace Zoo\n{\n", "namespace Zoo\n{\n    // typed\n\n"));
        Assert.NotEqual(Everything, edited.SyntaxTrees.First().ToString());
        GeneratorRun second = RunEverything(edited, first.Driver);

        PipelineAssert.AllCached(second, EmitInputs);
        Assert.Equal(first.Files.Select(s => s.Text), second.Files.Select(s => s.Text));
    }

    [Fact]
    public void Changing_a_count_regenerates()
    {
        CSharpCompilation compilation = GeneratorHarness.CreateCompilation(true, SnapshotTests.Cifar10Lt, Unrelated);
        GeneratorRun first = GeneratorHarness.RunTracked(compilation);
        CSharpCompilation edited = GeneratorHarness.WithSource(compilation, "Source0.cs",
            SnapshotTests.Cifar10Lt.Replace("[Samples(50)]", "[Samples(49)]"));
        GeneratorRun second = GeneratorHarness.RunTracked(edited, first.Driver);

        IncrementalGeneratorRunStep step = second.Driver.GetRunResult().Results.Single().TrackedSteps[TrackingNames.Enums].Single();
        Assert.Equal(IncrementalStepRunReason.Modified, step.Outputs.Single().Reason);
        Assert.Contains("TruckCount = 49L;", second.File("Cifar10LtFocalWeights.g.cs").Text);
    }

    [Fact]
    public void No_step_output_holds_a_symbol_syntax_node_compilation_or_location()
    {
        GeneratorRun run = RunEverything(GeneratorHarness.CreateCompilation(true, Everything, Unrelated));
        GeneratorRunResult result = run.Driver.GetRunResult().Results.Single();
        Assert.All(AllTrackingNames, name => Assert.True(result.TrackedSteps.ContainsKey(name), "No tracked step " + name));
        int walked = PipelineAssert.HoldsNoCompilerObjects(run, AllTrackingNames);
        Assert.True(walked >= AllTrackingNames.Length);
    }

    [Fact]
    public void The_emitters_read_no_location()
    {
        GeneratorRun run = RunEverything(GeneratorHarness.CreateCompilation(true, Everything, Unrelated));
        int walked = PipelineAssert.HoldsNoLocations(run, EmitInputs);
        Assert.True(walked >= EmitInputs.Length);
    }
}
