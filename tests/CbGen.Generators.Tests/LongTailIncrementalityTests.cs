extern alias gen;

using System.Linq;
using gen::CbGen.Generators;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace CbGen.Generators.Tests;

/// <summary>The long-tail knobs are part of the equatable model: an unrelated edit re-runs nothing, a changed τ
/// regenerates with the new value.</summary>
public sealed class LongTailIncrementalityTests
{
    private static readonly string[] Steps =
    {
        TrackingNames.Enums, TrackingNames.EnumsWithFeatures, TrackingNames.Sweeps, TrackingNames.SweepsWithFeatures,
    };

    private const string Sources = """
        using CbGen;

        namespace Zoo
        {
            [ClassBalanced(Loss = CbLoss.LogitAdjusted, Tau = 0.5, Name = "La")]
            [ClassBalanced(Loss = CbLoss.Ldam, DeferUntilEpoch = 3, Name = "Drw")]
            public enum Bird { [Samples(900)] Crow, [Samples(10)] Kiwi }

            [ClassBalancedSweep(Losses = new[] { CbLoss.LogitAdjusted, CbLoss.Ldam }, Taus = new[] { 0.5, 1.0 })]
            public enum Fruit { [Samples(900)] Apple, [Samples(10)] Cherry }
        }
        """;

    [Fact]
    public void An_unrelated_edit_leaves_the_long_tail_steps_cached_and_a_new_tau_regenerates()
    {
        CSharpCompilation compilation = GeneratorHarness.CreateCompilation(true, Sources, IncrementalityTests.Unrelated);
        GeneratorRun first = GeneratorHarness.RunTracked(compilation, GeneratorHarness.CreateDriver(default));
        Assert.Equal(5, first.Files.Length); // LaWeights, LaLoss, DrwWeights, DrwLoss, FruitSweep

        CSharpCompilation unrelated = GeneratorHarness.WithSource(compilation, "Source1.cs", IncrementalityTests.Unrelated.Replace("=> 1;", "=> 2;"));
        GeneratorRun second = GeneratorHarness.RunTracked(unrelated, first.Driver);
        PipelineAssert.AllCached(second, Steps);
        Assert.Equal(first.Files.Select(s => s.Text), second.Files.Select(s => s.Text));

        CSharpCompilation retuned = GeneratorHarness.WithSource(unrelated, "Source0.cs", Sources.Replace("Tau = 0.5", "Tau = 0.75"));
        GeneratorRun third = GeneratorHarness.RunTracked(retuned, second.Driver);
        GeneratorRunResult result = third.Driver.GetRunResult().Results.Single();
        Assert.Contains(result.TrackedSteps[TrackingNames.Enums].SelectMany(s => s.Outputs), o => o.Reason == IncrementalStepRunReason.Modified);
        Assert.Contains("public const double Tau = 0.75D;", third.File("LaWeights.g.cs").Text);
        Assert.Contains("public const double Tau = 0.5D;", first.File("LaWeights.g.cs").Text);
    }
}
