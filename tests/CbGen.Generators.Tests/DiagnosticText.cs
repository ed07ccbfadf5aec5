using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace CbGen.Generators.Tests;

/// <summary>How the whole-message tests read a diagnostic: every diagnostic of a run, its message and the source text
/// it points at in the invariant culture, and the message a descriptor gives for hand-filled arguments.</summary>
internal static class DiagnosticText
{
    /// <summary>The generator's and the analyzers' diagnostics of <paramref name="run"/>.</summary>
    public static IEnumerable<Diagnostic> All(CbGenRunResult run) => run.AnalyzerDiagnostics.Concat(run.GeneratorDiagnostics);

    public static string Message(Diagnostic diagnostic) => diagnostic.GetMessage(CultureInfo.InvariantCulture);

    /// <summary>The source text <paramref name="diagnostic"/> is located at.</summary>
    public static string Located(Diagnostic diagnostic) =>
        diagnostic.Location.SourceTree?.GetText().ToString(diagnostic.Location.SourceSpan) ?? "(no source)";

    /// <summary>The message <paramref name="descriptor"/> gives for <paramref name="args"/>.</summary>
    public static string Expected(DiagnosticDescriptor descriptor, params string[] args) =>
        string.Format(CultureInfo.InvariantCulture, descriptor.MessageFormat.ToString(CultureInfo.InvariantCulture), args);
}
