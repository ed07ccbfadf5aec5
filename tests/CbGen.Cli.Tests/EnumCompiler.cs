using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace CbGen.Cli.Tests;

/// <summary>Compiles what <c>cbgen enum</c> writes.</summary>
internal static class EnumCompiler
{
    /// <summary>Compiles the emitted enum with CbGen's attributes (kept in metadata through CBGEN_KEEP_ATTRIBUTES),
    /// asserts there is no diagnostic at all, and loads the enum type.</summary>
    public static Type Compile(string source, string typeName)
    {
        var parseOptions = new CSharpParseOptions(LanguageVersion.CSharp12, DocumentationMode.Diagnose, preprocessorSymbols: new[] { "CBGEN_KEEP_ATTRIBUTES" });
        var references = new List<MetadataReference>();
        foreach (string path in ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator))
        {
            // The generator (here through CbGen.Testing) compiles its own copy of CbGen's types.
            if (Path.GetFileName(path) != "CbGen.Generators.dll")
            {
                references.Add(MetadataReference.CreateFromFile(path));
            }
        }

        references.Add(MetadataReference.CreateFromFile(typeof(ClassBalancedAttribute).Assembly.Location));
        CSharpCompilation compilation = CSharpCompilation.Create(
            "Emitted" + Guid.NewGuid().ToString("N"),
            new[] { CSharpSyntaxTree.ParseText(source, parseOptions) },
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        using var pe = new MemoryStream();
        var emit = compilation.Emit(pe);
        Assert.True(emit.Success && emit.Diagnostics.All(d => d.Severity < DiagnosticSeverity.Warning),
            string.Join("\n", emit.Diagnostics) + "\n" + source);
        pe.Position = 0;
        var context = new AssemblyLoadContext(null, isCollectible: true);
        Assembly assembly = context.LoadFromStream(pe);
        return assembly.GetType(typeName, throwOnError: true)!;
    }
}
