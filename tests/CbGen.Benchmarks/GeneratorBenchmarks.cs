extern alias gen;

using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using BenchmarkDotNet.Attributes;
using gen::CbGen.Generators;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace CbGen.Benchmarks;

/// <summary>
/// The generator's cost on enums of 10, 1,000 and 8,142 members (iNaturalist 2018), against <c>Compilation.Emit</c>
/// of the same program: a first run, and a re-run after an unrelated edit (what an IDE does on every keystroke).
/// </summary>
[MemoryDiagnoser]
public class GeneratorBenchmarks
{
    private CSharpCompilation compilation = null!;
    private CSharpCompilation edited = null!;
    private GeneratorDriver warmDriver = null!;
    private Compilation generated = null!;

    [Params(10, 1_000, 8_142)]
    public int Members { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        compilation = Program(Members);
        SyntaxTree other = compilation.SyntaxTrees.Single(t => t.FilePath == "Other.cs");
        edited = compilation.ReplaceSyntaxTree(other,
            CSharpSyntaxTree.ParseText("namespace App { public static class Other { public static int Value => 2; } }", Parse, "Other.cs"));
        warmDriver = NewDriver().RunGenerators(compilation);
        NewDriver().RunGeneratorsAndUpdateCompilation(compilation, out generated, out _);
    }

    private static readonly CSharpParseOptions Parse = new(LanguageVersion.Latest);

    /// <summary>The benchmarked program: the label enum of <paramref name="members"/> members and one unrelated class.</summary>
    internal static CSharpCompilation Program(int members)
    {
        SyntaxTree labels = CSharpSyntaxTree.ParseText(LabelEnum(members), Parse, "Labels.cs");
        SyntaxTree other = CSharpSyntaxTree.ParseText("namespace App { public static class Other { public static int Value => 1; } }", Parse, "Other.cs");
        return CSharpCompilation.Create("Bench", new[] { labels, other }, References(),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
    }

    private static GeneratorDriver NewDriver() =>
        CSharpGeneratorDriver.Create(new[] { new ClassBalancedGenerator().AsSourceGenerator() },
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: false));

    [Benchmark(Baseline = true, Description = "Compilation.Emit (no generator)")]
    public long Emit()
    {
        using var stream = new MemoryStream();
        var result = compilation.Emit(stream);
        if (!result.Success) throw new InvalidOperationException(string.Join("\n", result.Diagnostics));
        return stream.Length;
    }

    /// <summary>What the build really emits: the program plus the generated tables.</summary>
    [Benchmark(Description = "Compilation.Emit (with generated code)")]
    public long EmitWithGenerated()
    {
        using var stream = new MemoryStream();
        var result = generated.Emit(stream);
        if (!result.Success) throw new InvalidOperationException(string.Join("\n", result.Diagnostics));
        return stream.Length;
    }

    [Benchmark(Description = "generator, first run")]
    public GeneratorDriver FirstRun() => NewDriver().RunGenerators(compilation);

    [Benchmark(Description = "generator, re-run after unrelated edit")]
    public GeneratorDriver RerunAfterEdit() => warmDriver.RunGenerators(edited);

    internal static string LabelEnum(int members)
    {
        var text = new StringBuilder();
        text.AppendLine("using CbGen;");
        text.AppendLine("namespace App;");
        text.AppendLine("[ClassBalanced(Beta = 0.999, Loss = CbLoss.Focal, Gamma = 0.5)]");
        text.AppendLine("public enum Labels");
        text.AppendLine("{");
        for (int i = 0; i < members; i++)
        {
            long count = Math.Max(1L, (long)Math.Floor(1000 * Math.Pow(0.002, i / (double)Math.Max(1, members - 1))));
            text.Append("    [Samples(").Append(count.ToString(CultureInfo.InvariantCulture)).Append(")] Class")
                .Append(i.ToString(CultureInfo.InvariantCulture)).AppendLine(",");
        }
        text.AppendLine("}");
        return text.ToString();
    }

    private static IEnumerable<MetadataReference> References()
    {
        string trusted = (string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!;
        return trusted.Split(Path.PathSeparator)
            .Where(p => Path.GetFileName(p) is "System.Runtime.dll" or "System.Private.CoreLib.dll" or "netstandard.dll"
                or "System.Memory.dll" or "System.Runtime.CompilerServices.Unsafe.dll")
            .Select(p => MetadataReference.CreateFromFile(p))
            .Append(MetadataReference.CreateFromFile(typeof(ClassBalancedAttribute).Assembly.Location));
    }
}
