extern alias gen;

using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using gen::CbGen.Generators;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CbGen.Generators.Tests
{
    /// <summary>The result of one generator run over a test compilation.</summary>
    public sealed record GeneratorRun(
        CSharpCompilation Input,
        Compilation Output,
        ImmutableArray<(string HintName, string Text)> Sources,
        ImmutableArray<Diagnostic> GeneratorDiagnostics,
        GeneratorDriver Driver)
    {
        public string Source(string hintSuffix)
        {
            var matches = Sources.Where(s => s.HintName.EndsWith(hintSuffix, StringComparison.Ordinal)).ToList();
            Assert.True(matches.Count == 1,
                "Expected one generated file ending with " + hintSuffix + "; got: " + string.Join(", ", Sources.Select(s => s.HintName)));
            return matches[0].Text;
        }

        /// <summary>Errors anywhere, and warnings in the generated files, of the compilation with the generated code.</summary>
        public IReadOnlyList<Diagnostic> CompilationProblems()
        {
            var generatedTrees = new HashSet<SyntaxTree>(Output.SyntaxTrees.Except(Input.SyntaxTrees));
            return Output.GetDiagnostics()
                .Where(d => d.Severity == DiagnosticSeverity.Error
                    || (d.Severity == DiagnosticSeverity.Warning && d.Location.SourceTree is { } tree && generatedTrees.Contains(tree)))
                .ToList();
        }

        public void AssertCompilesCleanly()
        {
            IReadOnlyList<Diagnostic> problems = CompilationProblems();
            Assert.True(problems.Count == 0,
                "The generated code does not compile cleanly:\n" + string.Join("\n", problems.Select(d => d.ToString())));
            Assert.Empty(GeneratorDiagnostics);
        }
    }

    /// <summary>Builds test compilations against the real CbGen (and optionally CbGen.TorchSharp) assemblies and runs
    /// the generator and the analyzer on them.</summary>
    public static class GeneratorHarness
    {
        private static readonly Lazy<ImmutableArray<MetadataReference>> FrameworkReferences = new(() =>
        {
            string tpa = (string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!;
            string frameworkDirectory = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
            return tpa.Split(Path.PathSeparator)
                .Where(path => string.Equals(Path.GetDirectoryName(path), frameworkDirectory, StringComparison.Ordinal))
                .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
                .ToImmutableArray();
        });

        public static readonly CSharpParseOptions ParseOptions =
            new CSharpParseOptions(LanguageVersion.Latest, DocumentationMode.Diagnose);

        public static string CbGenAssemblyPath => typeof(global::CbGen.ClassBalancedWeights).Assembly.Location;

        public static string TorchSharpRuntimeAssemblyPath => Path.Combine(AppContext.BaseDirectory, "CbGen.TorchSharp.dll");

        public static string TorchSharpAssemblyPath => Path.Combine(AppContext.BaseDirectory, "TorchSharp.dll");

        public static CSharpCompilation CreateCompilation(bool withTorchSharp, params string[] sources) =>
            CreateCompilation(withTorchSharp, ParseOptions, sources);

        public static CSharpCompilation CreateCompilation(bool withTorchSharp, CSharpParseOptions parseOptions, params string[] sources)
        {
            var references = new List<MetadataReference>(FrameworkReferences.Value)
            {
                MetadataReference.CreateFromFile(CbGenAssemblyPath),
            };
            if (withTorchSharp)
            {
                references.Add(MetadataReference.CreateFromFile(TorchSharpRuntimeAssemblyPath));
                references.Add(MetadataReference.CreateFromFile(TorchSharpAssemblyPath));
            }

            return CSharpCompilation.Create(
                "CbGenTestAssembly",
                sources.Select((source, i) => CSharpSyntaxTree.ParseText(source, parseOptions, path: "Source" + i + ".cs")),
                references,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary,
                    nullableContextOptions: NullableContextOptions.Enable,
                    deterministic: true));
        }

        public static GeneratorDriver CreateDriver(CSharpParseOptions? parseOptions = null) =>
            CSharpGeneratorDriver.Create(
                new[] { new ClassBalancedGenerator().AsSourceGenerator() },
                parseOptions: parseOptions ?? ParseOptions,
                driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

        public static GeneratorRun Run(CSharpCompilation compilation, GeneratorDriver? driver = null)
        {
            driver = (driver ?? CreateDriver()).RunGeneratorsAndUpdateCompilation(
                compilation, out Compilation output, out ImmutableArray<Diagnostic> diagnostics, CancellationToken.None);
            GeneratorDriverRunResult result = driver.GetRunResult();
            ImmutableArray<(string, string)> sources = result.Results
                .SelectMany(r => r.GeneratedSources)
                .Select(s => (s.HintName, s.SourceText.ToString()))
                .ToImmutableArray();
            return new GeneratorRun(compilation, output, sources, diagnostics, driver);
        }

        public static GeneratorRun Run(bool withTorchSharp, params string[] sources) =>
            Run(CreateCompilation(withTorchSharp, sources));

        /// <summary>The analyzer's diagnostics on <paramref name="compilation"/>, sorted by position.</summary>
        public static ImmutableArray<Diagnostic> Analyze(Compilation compilation)
        {
            ImmutableArray<Diagnostic> diagnostics = compilation
                .WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new ClassBalancedAnalyzer()))
                .GetAnalyzerDiagnosticsAsync(CancellationToken.None)
                .GetAwaiter().GetResult();
            return diagnostics
                .OrderBy(d => d.Location.SourceTree?.FilePath, StringComparer.Ordinal)
                .ThenBy(d => d.Location.SourceSpan.Start)
                .ThenBy(d => d.Id, StringComparer.Ordinal)
                .ToImmutableArray();
        }

        /// <summary>One line per diagnostic: id, severity, position, the located text and the message.</summary>
        public static string Describe(IEnumerable<Diagnostic> diagnostics)
        {
            var lines = diagnostics.Select(d =>
            {
                FileLinePositionSpan span = d.Location.GetLineSpan();
                string where = d.Location.IsInSource
                    ? span.Path + "(" + (span.StartLinePosition.Line + 1) + "," + (span.StartLinePosition.Character + 1) + ")"
                        + " '" + d.Location.SourceTree!.GetText().ToString(d.Location.SourceSpan) + "'"
                    : "no location";
                return d.Id + " " + d.Severity + " " + where + ": " + d.GetMessage(System.Globalization.CultureInfo.InvariantCulture);
            });
            string text = string.Join("\n", lines);
            return (text.Length == 0 ? "(no diagnostics)" : text) + "\n";
        }
    }
}
