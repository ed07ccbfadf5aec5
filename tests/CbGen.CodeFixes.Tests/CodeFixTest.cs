using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace CbGen.CodeFixes.Tests;

/// <summary>
/// Roslyn's code-fix harness with CbGen's real analyzers (both of them, found by type name in the generator
/// assembly, so the tests do not depend on the generator's namespaces) and references from the running
/// framework plus CbGen.dll (nothing is downloaded). Each test gives the source with its diagnostics marked
/// (<c>{|CB005:…|}</c>) and the fixed source; the harness applies the fix one diagnostic at a time, then Fix All in
/// the document, the project and the solution, and checks every result.
/// </summary>
internal sealed class CodeFixTest<TFix> : CSharpCodeFixTest<EmptyDiagnosticAnalyzer, TFix, DefaultVerifier>
    where TFix : CodeFixProvider, new()
{
    public CodeFixTest(string source, string fixedSource)
    {
        TestCode = source;
        FixedCode = fixedSource;
        // Both analyzers support some IDs (CB005, CB010, …) with the same descriptor.
        MarkupOptions = MarkupOptions.UseFirstDescriptor;
        ReferenceAssemblies = new ReferenceAssemblies("net10.0");
        TestState.AdditionalReferences.AddRange(References.Value);
    }

    /// <summary>The framework's assemblies and CbGen.dll (the attributes).</summary>
    private static readonly Lazy<ImmutableArray<MetadataReference>> References = new(() =>
    {
        string trusted = (string?)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")
            ?? throw new InvalidOperationException("TRUSTED_PLATFORM_ASSEMBLIES is not set: run the tests on .NET.");
        return trusted.Split(Path.PathSeparator)
            .Where(path => Path.GetFileName(path) is var name
                && (name.StartsWith("System.", StringComparison.Ordinal) || name is "System.dll" or "netstandard.dll" or "mscorlib.dll"))
            .Append(typeof(ClassBalancedAttribute).Assembly.Location)
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToImmutableArray();
    });

    /// <inheritdoc />
    protected override IEnumerable<DiagnosticAnalyzer> GetDiagnosticAnalyzers() => Analyzers.All;
}

/// <summary>The generator assembly's analyzers, by type name.</summary>
internal static class Analyzers
{
    public static readonly Assembly GeneratorAssembly = Assembly.Load(new AssemblyName("CbGen.Generators"));

    public static readonly string[] Names = { "ClassBalancedAnalyzer", "TrainingSetupAnalyzer" };

    public static DiagnosticAnalyzer[] All => Names
        .Select(name => GeneratorAssembly.GetTypes().Single(t => t.Name == name))
        .Select(type => (DiagnosticAnalyzer)Activator.CreateInstance(type)!)
        .ToArray();
}
