using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace CbGen.Generators.Tests;

/// <summary>What the tests of one <c>[ClassBalanced]</c> config's messages share: an enum program run through the
/// generator and the analyzers, and each diagnostic as "id: whole message @ located text", to compare with the
/// descriptor's format filled in by hand.</summary>
internal static class ConfigMessages
{
    public const string Prelude = "using CbGen;\n\nnamespace Tests;\n\n";

    /// <summary>Two classes with valid counts.</summary>
    public const string Members = "public enum Label { [Samples(100)] A, [Samples(3)] B }\n";

    /// <summary>Runs <c>[ClassBalanced(options)]</c> on <paramref name="members"/>.</summary>
    public static CbGenRunResult Run(string options, string members = Members) =>
        GeneratorHarness.Run(withTorchSharp: false, Prelude + "[ClassBalanced(" + options + ")]\n" + members);

    /// <summary>Every diagnostic of <paramref name="run"/> (generator and analyzers), described as <see cref="Describe"/>.</summary>
    public static string[] Described(CbGenRunResult run) => DiagnosticText.All(run).Select(Describe).ToArray();

    public static string Describe(Diagnostic diagnostic) =>
        diagnostic.Id + ": " + DiagnosticText.Message(diagnostic) + " @ " + DiagnosticText.Located(diagnostic);

    /// <summary>What <see cref="Describe"/> should give: <paramref name="descriptor"/>'s message with <paramref name="args"/>,
    /// located at the source text <paramref name="located"/>.</summary>
    public static string Expected(DiagnosticDescriptor descriptor, string located, params string[] args) =>
        descriptor.Id + ": " + DiagnosticText.Expected(descriptor, args) + " @ " + located;

    /// <summary>The generated files' hint names, sorted.</summary>
    public static IEnumerable<string> HintNames(CbGenRunResult run) =>
        run.Files.Select(f => f.HintName).OrderBy(n => n, System.StringComparer.Ordinal);
}
