using System;
using System.Collections.Generic;
using System.Composition;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CbGen.CodeFixes.Tests;

/// <summary>What the IDE sees: every fix exported, Fix All-capable, tied to a diagnostic the analyzers report,
/// and the assembly boundary between the code fixes and the generator.</summary>
public sealed class CodeFixCatalogTests
{
    private static readonly Assembly CodeFixAssembly = typeof(CbGenCodeFixProvider).Assembly;

    private static IEnumerable<CodeFixProvider> Providers() => CodeFixAssembly.GetTypes()
        .Where(t => !t.IsAbstract && typeof(CodeFixProvider).IsAssignableFrom(t))
        .Select(t => (CodeFixProvider)Activator.CreateInstance(t)!);

    [Fact]
    public void Every_fixable_ID_is_reported_by_one_of_the_analyzers()
    {
        var reported = Analyzers.All.SelectMany(a => a.SupportedDiagnostics).Select(d => d.Id).ToHashSet();
        string[] fixable = Providers().SelectMany(p => p.FixableDiagnosticIds).ToArray();

        Assert.Equal(
            new[] { "CB001", "CB005", "CB006", "CB007", "CB009", "CB011", "CB012", "CB023", "CB024", "CB030" },
            fixable.OrderBy(id => id, StringComparer.Ordinal));
        Assert.All(fixable, id => Assert.Contains(id, reported));
    }

    [Fact]
    public void Every_fix_is_exported_for_CSharp_shared_and_supports_Fix_All()
    {
        Assert.All(Providers(), provider =>
        {
            Type type = provider.GetType();
            ExportCodeFixProviderAttribute export = type.GetCustomAttribute<ExportCodeFixProviderAttribute>()!;
            Assert.NotNull(export);
            Assert.Equal(new[] { LanguageNames.CSharp }, export.Languages);
            Assert.Equal(type.Name, export.Name);
            Assert.NotNull(type.GetCustomAttribute<SharedAttribute>());
            Assert.NotNull(provider.GetFixAllProvider());
        });
    }

    [Fact]
    public void The_property_keys_the_code_fixes_read_are_the_ones_the_analyzer_writes()
    {
        // Both assemblies compile the one DiagnosticIds file (the code fixes link it: no assembly reference), so the
        // ids and keys agree by construction; this checks that the link is in place and complete.
        static string[] Constants(Type type) => type.GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral)
            .Select(f => f.Name + "=" + (string)f.GetRawConstantValue()!)
            .OrderBy(v => v, StringComparer.Ordinal)
            .ToArray();

        Type written = Analyzers.GeneratorAssembly.GetTypes().Single(t => t.FullName == "CbGen.DiagnosticIds");
        Type read = CodeFixAssembly.GetTypes().Single(t => t.FullName == "CbGen.DiagnosticIds");
        Assert.Contains("LargestCountProperty=LargestCount", Constants(written));
        Assert.Contains("SuggestedBetaProperty=SuggestedBeta", Constants(written));
        Assert.Equal(Constants(written), Constants(read));
    }

    [Fact]
    public void The_generator_never_loads_the_code_fixes_and_the_code_fixes_do_not_load_the_generator()
    {
        string[] generatorReferences = Analyzers.GeneratorAssembly.GetReferencedAssemblies().Select(a => a.Name!).ToArray();
        Assert.DoesNotContain("CbGen.CodeFixes", generatorReferences);
        // Workspaces is not in the compiler: an analyzer assembly that needed it would fail to load in csc.
        Assert.DoesNotContain(generatorReferences, n => n.StartsWith("Microsoft.CodeAnalysis.Workspaces", StringComparison.Ordinal));
        Assert.DoesNotContain(generatorReferences, n => n.StartsWith("Microsoft.CodeAnalysis.CSharp.Workspaces", StringComparison.Ordinal));

        AssemblyName[] fixReferences = CodeFixAssembly.GetReferencedAssemblies();
        Assert.DoesNotContain(fixReferences, a => a.Name == "CbGen.Generators");
        // The same Roslyn as the generator (4.8), so every IDE that loads one loads the other.
        Assert.Equal(new Version(4, 8, 0, 0), fixReferences.Single(a => a.Name == "Microsoft.CodeAnalysis.Workspaces").Version);
        Assert.Equal(new Version(4, 8, 0, 0), fixReferences.Single(a => a.Name == "Microsoft.CodeAnalysis").Version);
        // No type of the code-fix assembly is an analyzer or a generator: the compiler finds nothing to load in it.
        Assert.DoesNotContain(CodeFixAssembly.GetTypes(), t =>
            t.GetCustomAttribute<DiagnosticAnalyzerAttribute>() is not null || t.GetCustomAttribute<GeneratorAttribute>() is not null);
    }
}
