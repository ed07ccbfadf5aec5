extern alias gen;

using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using System.Threading;
using gen::CbGen.Generators;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace CbGen.Generators.Tests
{
    /// <summary>An AdditionalFiles item held in memory.</summary>
    public sealed class InMemoryAdditionalText : AdditionalText
    {
        private readonly SourceText _text;

        public InMemoryAdditionalText(string path, string text)
        {
            Path = path;
            _text = SourceText.From(text);
        }

        public override string Path { get; }

        public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
    }

    /// <summary>Runs the generator with AdditionalFiles, runs both analyzers, and loads a compiled test assembly to
    /// read the generated tables.</summary>
    public static class TrainingSetupHarness
    {
        public const string DataFolder = "/project/data/";

        public static ImmutableArray<AdditionalText> Files(params (string Name, string Text)[] files) =>
            files.Select(f => (AdditionalText)new InMemoryAdditionalText(
                f.Name.StartsWith("/", StringComparison.Ordinal) ? f.Name : DataFolder + f.Name, f.Text)).ToImmutableArray();

        public static GeneratorDriver CreateDriver(ImmutableArray<AdditionalText> files, CSharpParseOptions? parseOptions = null) =>
            CSharpGeneratorDriver.Create(
                new[] { new ClassBalancedGenerator().AsSourceGenerator() },
                files,
                parseOptions ?? GeneratorHarness.ParseOptions,
                driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

        public static GeneratorRun Run(bool withTorchSharp, ImmutableArray<AdditionalText> files, params string[] sources) =>
            GeneratorHarness.Run(GeneratorHarness.CreateCompilation(withTorchSharp, sources), CreateDriver(files));

        /// <summary>Both analyzers' diagnostics (with the AdditionalFiles as analyzer options), sorted by position.</summary>
        public static ImmutableArray<Diagnostic> Analyze(Compilation compilation, ImmutableArray<AdditionalText> files)
        {
            ImmutableArray<Diagnostic> diagnostics = compilation
                .WithAnalyzers(
                    ImmutableArray.Create<DiagnosticAnalyzer>(new ClassBalancedAnalyzer(), new TrainingSetupAnalyzer()),
                    new AnalyzerOptions(files))
                .GetAnalyzerDiagnosticsAsync(CancellationToken.None)
                .GetAwaiter().GetResult();
            return diagnostics
                .OrderBy(d => d.Location.SourceTree?.FilePath, StringComparer.Ordinal)
                .ThenBy(d => d.Location.SourceSpan.Start)
                .ThenBy(d => d.Id, StringComparer.Ordinal)
                .ToImmutableArray();
        }

        /// <summary>One line per diagnostic, like <see cref="GeneratorHarness.Describe"/>, but also for locations in
        /// AdditionalFiles (path(line,column) and the located text).</summary>
        public static string Describe(IEnumerable<Diagnostic> diagnostics, ImmutableArray<AdditionalText> files)
        {
            var lines = diagnostics.Select(d =>
            {
                FileLinePositionSpan span = d.Location.GetLineSpan();
                string where;
                if (d.Location.IsInSource)
                {
                    where = span.Path + "(" + (span.StartLinePosition.Line + 1) + "," + (span.StartLinePosition.Character + 1) + ") '"
                        + d.Location.SourceTree!.GetText().ToString(d.Location.SourceSpan) + "'";
                }
                else if (d.Location.Kind == LocationKind.ExternalFile)
                {
                    AdditionalText? file = files.FirstOrDefault(f => f.Path == span.Path);
                    string text = file?.GetText()?.ToString(d.Location.SourceSpan) ?? "?";
                    where = span.Path + "(" + (span.StartLinePosition.Line + 1) + "," + (span.StartLinePosition.Character + 1) + ") '" + text + "'";
                }
                else
                {
                    where = "no location";
                }

                return d.Id + " " + d.Severity + " " + where + ": " + d.GetMessage(System.Globalization.CultureInfo.InvariantCulture);
            });
            string joined = string.Join("\n", lines);
            return (joined.Length == 0 ? "(no diagnostics)" : joined) + "\n";
        }

        /// <summary>Emits <paramref name="compilation"/> and loads it into a collectible context.</summary>
        public static Assembly Load(Compilation compilation)
        {
            using var stream = new MemoryStream();
            var result = compilation.Emit(stream);
            Assert.True(result.Success, "Emit failed:\n" + string.Join("\n", result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
            stream.Position = 0;
            var context = new AssemblyLoadContext("CbGenTest" + Guid.NewGuid().ToString("N"), isCollectible: true);
            return context.LoadFromStream(stream);
        }

        /// <summary>Calls the public static method <paramref name="method"/> of <paramref name="type"/>.</summary>
        public static object? Call(Assembly assembly, string type, string method, params object?[] arguments)
        {
            Type t = assembly.GetType(type) ?? throw new InvalidOperationException("No type " + type);
            MethodInfo m = t.GetMethod(method, BindingFlags.Public | BindingFlags.Static)
                ?? throw new InvalidOperationException("No method " + type + "." + method);
            return m.Invoke(null, arguments);
        }
    }
}
