extern alias gen;

using System.Linq;
using gen::CbGen.Generators;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace CbGen.Generators.Tests
{
    /// <summary>The pipeline caches: an unrelated edit re-runs nothing, and no step output holds a symbol, a syntax
    /// node or a compilation (which would pin memory and defeat caching).</summary>
    public sealed class IncrementalityTests
    {
        private static readonly string[] AllTrackingNames =
            { TrackingNames.Enums, TrackingNames.Features, TrackingNames.EnumsWithFeatures };

        /// <summary>A source file that no CbGen attribute touches (<c>Source1.cs</c> next to the labels).</summary>
        internal const string Unrelated = "namespace Elsewhere { public static class Util { public static int One() => 1; } }";

        [Fact]
        public void An_unrelated_edit_leaves_every_step_cached_or_unchanged()
        {
            CSharpCompilation compilation = GeneratorHarness.CreateCompilation(true, SnapshotTests.Cifar10Lt, Unrelated);
            GeneratorRun first = GeneratorHarness.RunTracked(compilation);
            Assert.Equal(4, first.Files.Length);

            CSharpCompilation edited = GeneratorHarness.WithSource(compilation, "Source1.cs",
                Unrelated.Replace("=> 1;", "=> 2; public static int Two() => 2;"));
            GeneratorRun second = GeneratorHarness.RunTracked(edited, first.Driver);

            PipelineAssert.AllCached(second, AllTrackingNames);
            Assert.Equal(first.Files.Select(s => s.HintName), second.Files.Select(s => s.HintName));
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
        public void No_step_output_holds_a_symbol_syntax_node_or_compilation()
        {
            GeneratorRun run = GeneratorHarness.RunTracked(GeneratorHarness.CreateCompilation(true, SnapshotTests.Cifar10Lt, Unrelated));
            int walked = PipelineAssert.HoldsNoCompilerObjects(run, AllTrackingNames);
            Assert.True(walked >= 3);
        }
    }
}
