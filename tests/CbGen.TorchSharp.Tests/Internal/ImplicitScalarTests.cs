using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using CbGen.Docs;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Operations;

namespace CbGen.TorchSharp.Tests.Internal;

/// <summary>
/// No number in the runtime becomes a TorchSharp <c>Scalar</c> through the implicit conversion. That conversion makes a
/// native scalar that nothing disposes: TorchSharp passes only its handle to the native op, so the finalizer may free it
/// while the op still reads it, and every such object costs a finalization (about 2 µs a call). Write an explicit
/// <c>using var s = x.ToScalar();</c> or keep one made once. The runtime's sources are compiled here with Roslyn and
/// every implicit conversion operator to <c>Scalar</c> is listed with its file and line.
/// </summary>
public sealed class ImplicitScalarTests
{
    [Fact]
    public void No_number_becomes_a_native_Scalar_implicitly_in_the_runtime()
    {
        string source = Path.Combine(DocsSnippets.RepositoryRoot(), "src", "CbGen.TorchSharp");
        var found = ImplicitScalars(Directory.GetFiles(source, "*.cs", SearchOption.AllDirectories)
            .Where(p => !p.Contains(Path.DirectorySeparatorChar + "obj" + Path.DirectorySeparatorChar, StringComparison.Ordinal)
                && !p.Contains(Path.DirectorySeparatorChar + "bin" + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            .Select(p => (Path.GetRelativePath(source, p), File.ReadAllText(p))));

        Assert.True(found.Count == 0, "Implicit conversions to Scalar (use an explicit, disposed ToScalar()):\n"
            + string.Join("\n", found));
    }

    [Fact]
    public void The_check_finds_a_number_passed_where_a_Scalar_is_expected()
    {
        const string Code = """
            using TorchSharp;
            using static TorchSharp.torch;
            static class Probe
            {
                static Tensor Implicit(Tensor x) => x.add_(1.0).clamp_min(0.5f);
                static Tensor Explicit(Tensor x)
                {
                    using var one = 1.0.ToScalar();
                    return x.add_(one);
                }
            }
            """;

        var found = ImplicitScalars(new[] { ("Probe.cs", Code) });

        Assert.Equal(new[] { "Probe.cs:5: 1.0", "Probe.cs:5: 0.5f" }, found);
    }

    /// <summary>"file:line: expression" for each implicit user-defined conversion to TorchSharp's Scalar.</summary>
    private static List<string> ImplicitScalars(IEnumerable<(string Path, string Text)> files)
    {
        var parse = new CSharpParseOptions(LanguageVersion.Preview);
        var trees = files.Select(f => CSharpSyntaxTree.ParseText(f.Text, parse, f.Path)).ToList();
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator)
            .Concat(new[] { typeof(global::TorchSharp.torch).Assembly.Location, typeof(ClassCounts).Assembly.Location })
            .Distinct(StringComparer.Ordinal)
            .Select(p => MetadataReference.CreateFromFile(p));
        var compilation = CSharpCompilation.Create("ImplicitScalarProbe", trees, references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

        var found = new List<string>();
        var seen = new HashSet<(string, int)>();
        foreach (var tree in trees)
        {
            var model = compilation.GetSemanticModel(tree);
            // An implicit conversion has no syntax of its own: it is a child of the operation that uses the value
            // (an argument, an initializer, an assignment).
            foreach (var child in tree.GetRoot().DescendantNodes()
                         .Select(node => model.GetOperation(node))
                         .SelectMany(operation => operation?.ChildOperations ?? Enumerable.Empty<IOperation>()))
            {
                if (child is IConversionOperation { IsImplicit: true, OperatorMethod: { } method } conversion
                    && method.ContainingType.ToDisplayString() == "TorchSharp.Scalar"
                    && seen.Add((tree.FilePath, conversion.Operand.Syntax.SpanStart)))
                {
                    int line = conversion.Operand.Syntax.GetLocation().GetLineSpan().StartLinePosition.Line + 1;
                    found.Add(tree.FilePath + ":" + line + ": " + conversion.Operand.Syntax);
                }
            }
        }

        return found;
    }
}
