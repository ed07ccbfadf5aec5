using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using static TorchSharp.torch;

namespace CbGen.TorchSharp.Tests;

/// <summary>
/// The losses' per-class data binds without a cast from a <c>double[]</c>, a <c>float[]</c>, a span or a tensor,
/// in C# 12 (a net8.0 project's default, where an array converts to a span and to a TorchSharp tensor only by
/// user-defined conversions) and in C# 14 (this project's language, with first-class spans). The calls are
/// <c>OverloadCalls.cs</c>.
/// </summary>
public class OverloadBindingTests
{
    /// <summary><c>OverloadCalls.cs</c>, which this project compiles at its own language version (C# 14),
    /// compiled at C# 12 as a net8.0 project does by default.</summary>
    [Fact]
    public void Arrays_spans_and_tensors_bind_without_casts_in_CSharp_12()
    {
        string calls = File.ReadAllText(Path.Combine(Here(), "OverloadCalls.cs"));
        var tree = CSharpSyntaxTree.ParseText(calls, new CSharpParseOptions(LanguageVersion.CSharp12));
        var compilation = CSharpCompilation.Create("Calls", new[] { tree }, References(),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.ToString());
        Assert.Empty(errors);
    }

    /// <summary>The same calls as compiled here (C# 14) build the losses from the data they were given.</summary>
    [Fact]
    public void Arrays_spans_and_tensors_bind_without_casts_in_this_projects_language()
    {
        Assert.Equal(new[] { 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2 }, OverloadCalls.Run().ToArray());
    }

    [Fact]
    public void A_null_weight_array_is_reported_by_name()
    {
        Assert.Equal("weight", Assert.Throws<ArgumentNullException>(() => new ClassBalancedSoftmaxLoss((double[])null!)).ParamName);
        Assert.Equal("weight", Assert.Throws<ArgumentNullException>(() => new ClassBalancedSigmoidLoss((double[])null!)).ParamName);
        Assert.Equal("weight", Assert.Throws<ArgumentNullException>(() => new ClassBalancedFocalLoss((double[])null!)).ParamName);
    }

    private static string Here([System.Runtime.CompilerServices.CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;

    private static IEnumerable<MetadataReference> References()
    {
        var paths = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        return paths.Where(p => Path.GetFileName(p).StartsWith("System.", StringComparison.Ordinal)
                || Path.GetFileName(p) is "netstandard.dll" or "mscorlib.dll")
            .Concat(new[]
            {
                typeof(ClassCounts).Assembly.Location,
                typeof(PerClassLoss).Assembly.Location,
                typeof(Tensor).Assembly.Location,
            })
            .Distinct()
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p));
    }
}
