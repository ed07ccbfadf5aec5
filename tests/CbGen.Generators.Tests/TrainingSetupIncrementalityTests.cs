extern alias gen;

using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using gen::CbGen.Generators;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace CbGen.Generators.Tests
{
    /// <summary>The counts-file and sweep pipelines cache: unrelated edits (source or another AdditionalFile) re-run
    /// nothing, a change of the counts file regenerates.</summary>
    public sealed class TrainingSetupIncrementalityTests
    {
        private static readonly string[] NewSteps =
        {
            TrackingNames.Sweeps, TrackingNames.SweepsWithFeatures, TrackingNames.DatasetTargets, TrackingNames.CountsFileNames,
            TrackingNames.CountsFiles, TrackingNames.Datasets, TrackingNames.DatasetsWithFeatures,
        };

        private const string Unrelated = "namespace Elsewhere { public static class Util { public static int One() => 1; } }";

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
            ImmutableArray<AdditionalText> files = TrainingSetupHarness.Files(
                ("birds.counts.csv", CountsFileTests.Birds), ("unrelated.csv", "a,1\n"));
            CSharpCompilation compilation = GeneratorHarness.CreateCompilation(true, Sources, Unrelated);
            GeneratorRun first = GeneratorHarness.Run(compilation, TrainingSetupHarness.CreateDriver(files));
            Assert.Equal(4, first.Sources.Length); // Label, BirdsWeights, BirdsLoss, FruitSweep
            return (first, compilation, files);
        }

        [Fact]
        public void An_unrelated_source_edit_leaves_every_step_cached()
        {
            (GeneratorRun first, CSharpCompilation compilation, _) = Start();
            SyntaxTree old = compilation.SyntaxTrees.Last();
            CSharpCompilation edited = compilation.ReplaceSyntaxTree(old, CSharpSyntaxTree.ParseText(
                Unrelated.Replace("=> 1;", "=> 2;"), GeneratorHarness.ParseOptions, old.FilePath));
            GeneratorRun second = GeneratorHarness.Run(edited, first.Driver);
            AssertAllCached(second);
            Assert.Equal(first.Sources.Select(s => s.Text), second.Sources.Select(s => s.Text));
        }

        [Fact]
        public void Editing_an_unrelated_additional_file_leaves_every_step_cached()
        {
            (GeneratorRun first, CSharpCompilation compilation, ImmutableArray<AdditionalText> files) = Start();
            GeneratorDriver driver = first.Driver.ReplaceAdditionalText(files[1], new InMemoryAdditionalText(files[1].Path, "a,2\nb,3\n"));
            GeneratorRun second = GeneratorHarness.Run(compilation, driver);
            AssertAllCached(second, except: TrackingNames.CountsFiles);
            Assert.Equal(first.Sources.Select(s => s.Text), second.Sources.Select(s => s.Text));
        }

        [Fact]
        public void Changing_the_counts_file_regenerates()
        {
            (GeneratorRun first, CSharpCompilation compilation, ImmutableArray<AdditionalText> files) = Start();
            GeneratorDriver driver = first.Driver.ReplaceAdditionalText(files[0],
                new InMemoryAdditionalText(files[0].Path, CountsFileTests.Birds.Replace("Émeu,50", "Émeu,49")));
            GeneratorRun second = GeneratorHarness.Run(compilation, driver);
            GeneratorRunResult result = second.Driver.GetRunResult().Results.Single();
            Assert.Contains(result.TrackedSteps[TrackingNames.CountsFiles].SelectMany(s => s.Outputs),
                o => o.Reason == IncrementalStepRunReason.Modified);
            Assert.Equal(IncrementalStepRunReason.Modified, result.TrackedSteps[TrackingNames.Datasets].Single().Outputs.Single().Reason);
            Assert.Contains("public const long ÉmeuCount = 49L;", second.Source("BirdsWeights.g.cs"));
            Assert.Contains("public const long ÉmeuCount = 50L;", first.Source("BirdsWeights.g.cs"));
        }

        [Fact]
        public void No_new_step_output_holds_a_symbol_syntax_node_or_compilation()
        {
            (GeneratorRun first, _, _) = Start();
            GeneratorRunResult result = first.Driver.GetRunResult().Results.Single();
            int walked = 0;
            foreach (string name in NewSteps)
            {
                foreach (IncrementalGeneratorRunStep step in result.TrackedSteps[name])
                {
                    foreach ((object value, IncrementalStepRunReason _) in step.Outputs)
                    {
                        // CountsFiles' input is an AdditionalText, its output the parsed model.
                        Walk(value, name, new HashSet<object>(ReferenceEqualityComparer.Instance));
                        walked++;
                    }
                }
            }

            Assert.True(walked >= NewSteps.Length);
        }

        private static void AssertAllCached(GeneratorRun run, string? except = null)
        {
            GeneratorRunResult result = run.Driver.GetRunResult().Results.Single();
            foreach (string name in NewSteps)
            {
                Assert.True(result.TrackedSteps.ContainsKey(name), "No tracked step " + name);
                foreach (IncrementalGeneratorRunStep step in result.TrackedSteps[name])
                {
                    foreach ((object _, IncrementalStepRunReason reason) in step.Outputs)
                    {
                        bool ok = reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged
                            || (name == except && reason is IncrementalStepRunReason.Modified or IncrementalStepRunReason.New or IncrementalStepRunReason.Removed);
                        Assert.True(ok, name + " was " + reason);
                    }
                }
            }

            foreach (IncrementalGeneratorRunStep step in result.TrackedOutputSteps.SelectMany(s => s.Value))
            {
                Assert.All(step.Outputs, output => Assert.Equal(IncrementalStepRunReason.Cached, output.Reason));
            }
        }

        private static void Walk(object? value, string path, HashSet<object> seen)
        {
            if (value is null)
            {
                return;
            }

            System.Type type = value.GetType();
            Assert.False(value is ISymbol or SyntaxNode or Compilation or SemanticModel or Location or Diagnostic or SyntaxTree or AdditionalText,
                path + " holds a " + type.FullName);
            if (type.IsPrimitive || type.IsEnum || value is string or decimal)
            {
                return;
            }

            if (!type.IsValueType && !seen.Add(value))
            {
                return;
            }

            if (value is System.Collections.IEnumerable sequence)
            {
                int i = 0;
                foreach (object? item in sequence)
                {
                    Walk(item, path + "[" + i++ + "]", seen);
                }
            }

            for (System.Type? t = type; t is not null && t != typeof(object); t = t.BaseType)
            {
                foreach (System.Reflection.FieldInfo field in t.GetFields(System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.Public
                    | System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.DeclaredOnly))
                {
                    if (field.FieldType.IsPointer || field.FieldType.IsByRefLike)
                    {
                        continue;
                    }

                    Walk(field.GetValue(value), path + "." + field.Name, seen);
                }
            }
        }
    }
}
