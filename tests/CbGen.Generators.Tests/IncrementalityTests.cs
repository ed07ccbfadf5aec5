extern alias gen;

using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
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

        private const string Unrelated = "namespace Elsewhere { public static class Util { public static int One() => 1; } }";

        [Fact]
        public void An_unrelated_edit_leaves_every_step_cached_or_unchanged()
        {
            CSharpCompilation compilation = GeneratorHarness.CreateCompilation(true, SnapshotTests.Cifar10Lt, Unrelated);
            GeneratorRun first = GeneratorHarness.Run(compilation);
            Assert.Equal(4, first.Sources.Length);

            SyntaxTree old = compilation.SyntaxTrees.Last();
            CSharpCompilation edited = compilation.ReplaceSyntaxTree(old, CSharpSyntaxTree.ParseText(
                Unrelated.Replace("=> 1;", "=> 2; public static int Two() => 2;"), GeneratorHarness.ParseOptions, old.FilePath));
            GeneratorRun second = GeneratorHarness.Run(edited, first.Driver);

            GeneratorRunResult result = second.Driver.GetRunResult().Results.Single();
            foreach (string name in AllTrackingNames)
            {
                Assert.True(result.TrackedSteps.ContainsKey(name), "No tracked step " + name);
                foreach (IncrementalGeneratorRunStep step in result.TrackedSteps[name])
                {
                    foreach ((object _, IncrementalStepRunReason reason) in step.Outputs)
                    {
                        Assert.True(reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged,
                            name + " was " + reason);
                    }
                }
            }

            foreach (IncrementalGeneratorRunStep step in result.TrackedOutputSteps.SelectMany(s => s.Value))
            {
                Assert.All(step.Outputs, output => Assert.Equal(IncrementalStepRunReason.Cached, output.Reason));
            }

            Assert.Equal(first.Sources.Select(s => s.HintName), second.Sources.Select(s => s.HintName));
            Assert.Equal(first.Sources.Select(s => s.Text), second.Sources.Select(s => s.Text));
        }

        [Fact]
        public void Changing_a_count_regenerates()
        {
            CSharpCompilation compilation = GeneratorHarness.CreateCompilation(true, SnapshotTests.Cifar10Lt, Unrelated);
            GeneratorRun first = GeneratorHarness.Run(compilation);
            SyntaxTree old = compilation.SyntaxTrees.First();
            CSharpCompilation edited = compilation.ReplaceSyntaxTree(old, CSharpSyntaxTree.ParseText(
                SnapshotTests.Cifar10Lt.Replace("[Samples(50)]", "[Samples(49)]"), GeneratorHarness.ParseOptions, old.FilePath));
            GeneratorRun second = GeneratorHarness.Run(edited, first.Driver);

            IncrementalGeneratorRunStep step = second.Driver.GetRunResult().Results.Single().TrackedSteps[TrackingNames.Enums].Single();
            Assert.Equal(IncrementalStepRunReason.Modified, step.Outputs.Single().Reason);
            Assert.Contains("TruckCount = 49L;", second.Source("Cifar10LtFocalWeights.g.cs"));
        }

        [Fact]
        public void No_step_output_holds_a_symbol_syntax_node_or_compilation()
        {
            GeneratorRun run = GeneratorHarness.Run(withTorchSharp: true, SnapshotTests.Cifar10Lt, Unrelated);
            GeneratorRunResult result = run.Driver.GetRunResult().Results.Single();
            int walked = 0;
            foreach (string name in AllTrackingNames)
            {
                foreach (IncrementalGeneratorRunStep step in result.TrackedSteps[name])
                {
                    foreach ((object value, IncrementalStepRunReason _) in step.Outputs)
                    {
                        Walk(value, name, new HashSet<object>(ReferenceEqualityComparer.Instance));
                        walked++;
                    }
                }
            }

            Assert.True(walked >= 3);
        }

        private static void Walk(object? value, string path, HashSet<object> seen)
        {
            if (value is null)
            {
                return;
            }

            Type type = value.GetType();
            Assert.False(value is ISymbol or SyntaxNode or Compilation or SemanticModel or Location or Diagnostic or SyntaxTree,
                path + " holds a " + type.FullName);
            if (type.IsPrimitive || type.IsEnum || value is string or decimal)
            {
                return;
            }

            if (!type.IsValueType && !seen.Add(value))
            {
                return;
            }

            if (value is IEnumerable sequence)
            {
                int i = 0;
                foreach (object? item in sequence)
                {
                    Walk(item, path + "[" + i++ + "]", seen);
                }
            }

            for (Type? t = type; t is not null && t != typeof(object); t = t.BaseType)
            {
                foreach (FieldInfo field in t.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
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
