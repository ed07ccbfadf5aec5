using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;

namespace CbGen.Testing;

/// <summary>What one run of the CbGen generator (and its analyzers) produced for a compilation.</summary>
public sealed class CbGenRunResult
{
    internal CbGenRunResult(
        Compilation input,
        Compilation output,
        ImmutableArray<GeneratedFile> files,
        ImmutableArray<Diagnostic> generatorDiagnostics,
        ImmutableArray<Diagnostic> analyzerDiagnostics)
    {
        InputCompilation = input;
        OutputCompilation = output;
        Files = files;
        GeneratorDiagnostics = generatorDiagnostics;
        AnalyzerDiagnostics = analyzerDiagnostics;
    }

    /// <summary>The compilation the generator ran on.</summary>
    public Compilation InputCompilation { get; }

    /// <summary>The compilation with the generated files added.</summary>
    public Compilation OutputCompilation { get; }

    /// <summary>The generated files, in the order the generator added them.</summary>
    public ImmutableArray<GeneratedFile> Files { get; }

    /// <summary>Diagnostics the generator reported (CB900: the generator failed on an enum).</summary>
    public ImmutableArray<Diagnostic> GeneratorDiagnostics { get; }

    /// <summary>The CBxxx diagnostics of CbGen's analyzers on <see cref="OutputCompilation"/>, sorted by position.</summary>
    public ImmutableArray<Diagnostic> AnalyzerDiagnostics { get; }

    /// <summary>The one generated file whose hint name ends with <paramref name="hintNameSuffix"/>.</summary>
    /// <param name="hintNameSuffix">The end of the hint name, e.g. <c>FruitWeights.g.cs</c>.</param>
    /// <exception cref="ArgumentException">No generated file, or more than one, ends with it (the message lists the hint names).</exception>
    public GeneratedFile File(string hintNameSuffix)
    {
        if (hintNameSuffix is null)
        {
            throw new ArgumentNullException(nameof(hintNameSuffix));
        }

        GeneratedFile[] matches = Files.Where(f => f.HintName.EndsWith(hintNameSuffix, StringComparison.Ordinal)).ToArray();
        if (matches.Length != 1)
        {
            throw new ArgumentException(
                "Expected exactly one generated file whose hint name ends with '" + hintNameSuffix + "', found "
                + matches.Length + ". Generated: " + (Files.Length == 0 ? "(none)" : string.Join(", ", Files.Select(f => f.HintName))) + ".",
                nameof(hintNameSuffix));
        }

        return matches[0];
    }

    /// <summary>Errors anywhere, and warnings inside the generated files, of <see cref="OutputCompilation"/>.</summary>
    public ImmutableArray<Diagnostic> CompilationProblems()
    {
        var generatedTrees = new HashSet<SyntaxTree>(OutputCompilation.SyntaxTrees.Except(InputCompilation.SyntaxTrees));
        return OutputCompilation.GetDiagnostics()
            .Where(d => d.Severity == DiagnosticSeverity.Error
                || (d.Severity == DiagnosticSeverity.Warning && d.Location.SourceTree is { } tree && generatedTrees.Contains(tree)))
            .ToImmutableArray();
    }

    /// <summary>Throws unless the generated code compiles without errors or warnings and the generator reported nothing.</summary>
    /// <exception cref="InvalidOperationException">Listing every problem.</exception>
    public void AssertCompilesCleanly()
    {
        ImmutableArray<Diagnostic> problems = CompilationProblems().AddRange(GeneratorDiagnostics);
        if (problems.Length > 0)
        {
            throw new InvalidOperationException(
                "The generated code does not compile cleanly:\n" + string.Join("\n", problems.Select(d => d.ToString())));
        }
    }

    /// <summary>The generator's and the analyzer's diagnostics, one line each (id, severity, file(line,column), the
    /// located text, the message), as the snapshot <c>diagnostics.verified.txt</c> holds them.</summary>
    public string DescribeDiagnostics() => Describe(GeneratorDiagnostics.Concat(AnalyzerDiagnostics));

    /// <summary>One line per diagnostic: id, severity, file(line,column) and the located text, then the message in
    /// the invariant culture; <c>(no diagnostics)</c> when there are none. Ends with a newline.</summary>
    /// <param name="diagnostics">The diagnostics, in the order to print them.</param>
    public static string Describe(IEnumerable<Diagnostic> diagnostics)
    {
        if (diagnostics is null)
        {
            throw new ArgumentNullException(nameof(diagnostics));
        }

        var text = new StringBuilder();
        foreach (Diagnostic d in diagnostics)
        {
            FileLinePositionSpan span = d.Location.GetLineSpan();
            string where = d.Location.IsInSource
                ? span.Path + "(" + (span.StartLinePosition.Line + 1).ToString(CultureInfo.InvariantCulture) + ","
                    + (span.StartLinePosition.Character + 1).ToString(CultureInfo.InvariantCulture) + ")"
                    + " '" + d.Location.SourceTree!.GetText().ToString(d.Location.SourceSpan) + "'"
                : "no location";
            if (text.Length > 0)
            {
                text.Append('\n');
            }

            text.Append(d.Id).Append(' ').Append(d.Severity).Append(' ').Append(where).Append(": ")
                .Append(d.GetMessage(CultureInfo.InvariantCulture));
        }

        return (text.Length == 0 ? "(no diagnostics)" : text.ToString()) + "\n";
    }
}
