extern alias gen;

using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Threading;
using gen::CbGen.Generators;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CbGen.Testing;

/// <summary>
/// Runs the CbGen source generator and its analyzers in-process, on C# source text or on a compilation of your own,
/// so a test can look at (and snapshot) exactly what the compiler would add to your project.
/// </summary>
/// <example>
/// <code>
/// CbGenRunResult run = CbGenRunner.Run("""
///     using CbGen;
///     [ClassBalanced(Beta = 0.999)]
///     public enum Fruit { [Samples(900)] Apple, [Samples(90)] Banana, [Samples(10)] Cherry }
///     """);
/// Snapshot.VerifyGenerated(run, "Fruit");   // Verified/Fruit/FruitWeights.verified.cs, Verified/Fruit/diagnostics.verified.txt
/// </code>
/// </example>
public static class CbGenRunner
{
    private static readonly Lazy<ImmutableArray<MetadataReference>> FrameworkReferences =
        new Lazy<ImmutableArray<MetadataReference>>(LoadFrameworkReferences);

    // Every generator and analyzer CbGen ships (the compiler loads them all from the package's analyzers folder).
    private static readonly Lazy<ImmutableArray<IIncrementalGenerator>> Generators =
        new Lazy<ImmutableArray<IIncrementalGenerator>>(() => CreateAll<IIncrementalGenerator>(typeof(GeneratorAttribute)));

    private static readonly Lazy<ImmutableArray<DiagnosticAnalyzer>> Analyzers =
        new Lazy<ImmutableArray<DiagnosticAnalyzer>>(() => CreateAll<DiagnosticAnalyzer>(typeof(DiagnosticAnalyzerAttribute)));

    /// <summary>C# latest with documentation comments parsed (so missing XML docs in generated code are reported).</summary>
    public static CSharpParseOptions DefaultParseOptions { get; } =
        new CSharpParseOptions(LanguageVersion.Latest, DocumentationMode.Diagnose);

    /// <summary>Compiles <paramref name="sources"/> (see <see cref="CreateCompilation(IEnumerable{string}, bool?, IEnumerable{MetadataReference})"/>), then runs the generator
    /// and the analyzers on it.</summary>
    /// <param name="sources">C# source files; at least one.</param>
    public static CbGenRunResult Run(params string[] sources) => Run(CreateCompilation(sources));

    /// <summary>Runs CbGen's generator and analyzers on <paramref name="compilation"/>, e.g. your project's own
    /// compilation or one from <see cref="CreateCompilation(IEnumerable{string}, bool?, IEnumerable{MetadataReference})"/>.</summary>
    /// <param name="compilation">The compilation; it must reference CbGen.dll (the attributes), and CbGen.TorchSharp.dll
    /// and TorchSharp.dll for the typed losses to be generated.</param>
    /// <param name="parseOptions">The parse options of the generated files; by default those of the compilation's
    /// first syntax tree, else <see cref="DefaultParseOptions"/>.</param>
    /// <param name="additionalFiles">The project's AdditionalFiles, e.g. the counts file of a
    /// <c>[ClassBalancedDataset]</c> class (see <see cref="AdditionalFile"/>).</param>
    /// <exception cref="ArgumentNullException"><paramref name="compilation"/> is null.</exception>
    public static CbGenRunResult Run(
        CSharpCompilation compilation, CSharpParseOptions? parseOptions = null, IEnumerable<AdditionalText>? additionalFiles = null)
    {
        if (compilation is null)
        {
            throw new ArgumentNullException(nameof(compilation));
        }

        ImmutableArray<AdditionalText> additionalTexts = additionalFiles?.ToImmutableArray() ?? ImmutableArray<AdditionalText>.Empty;
        parseOptions ??= compilation.SyntaxTrees.FirstOrDefault()?.Options as CSharpParseOptions ?? DefaultParseOptions;
        GeneratorDriver driver = CSharpGeneratorDriver.Create(
            Generators.Value.Select(g => g.AsSourceGenerator()), additionalTexts, parseOptions);
        driver = driver.RunGeneratorsAndUpdateCompilation(
            compilation, out Compilation output, out ImmutableArray<Diagnostic> generatorDiagnostics, CancellationToken.None);
        ImmutableArray<GeneratedFile> files = driver.GetRunResult().Results
            .SelectMany(r => r.GeneratedSources)
            .Select(s => new GeneratedFile(s.HintName, s.SourceText.ToString()))
            .ToImmutableArray();

        ImmutableArray<Diagnostic> analyzerDiagnostics = output
            .WithAnalyzers(Analyzers.Value, new AnalyzerOptions(additionalTexts))
            .GetAnalyzerDiagnosticsAsync(CancellationToken.None)
            .GetAwaiter().GetResult()
            .OrderBy(d => d.Location.SourceTree?.FilePath ?? d.Location.GetLineSpan().Path, StringComparer.Ordinal)
            .ThenBy(d => d.Location.SourceSpan.Start)
            .ThenBy(d => d.Id, StringComparer.Ordinal)
            .ToImmutableArray();
        return new CbGenRunResult(compilation, output, files, generatorDiagnostics, analyzerDiagnostics);
    }

    /// <summary>An in-memory AdditionalFiles item for <see cref="Run(CSharpCompilation, CSharpParseOptions, IEnumerable{AdditionalText})"/>.</summary>
    /// <param name="path">The file's path as the project would give it, e.g. <c>Data/birds.counts.csv</c>.</param>
    /// <param name="text">The file's content.</param>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty.</exception>
    public static AdditionalText AdditionalFile(string path, string text)
    {
        if (string.IsNullOrEmpty(path))
        {
            throw new ArgumentException("Expected an additional file's path; got '" + path + "'.", nameof(path));
        }

        return new InMemoryAdditionalText(path, text ?? throw new ArgumentNullException(nameof(text)));
    }

    /// <summary>
    /// A library compilation of <paramref name="sources"/> (files <c>Source0.cs</c>, <c>Source1.cs</c>, …; nullable
    /// enabled; <see cref="DefaultParseOptions"/>) that references the running .NET's framework assemblies, CbGen.dll
    /// and, when <paramref name="withTorchSharp"/> allows and they can be loaded, CbGen.TorchSharp.dll and TorchSharp.dll.
    /// </summary>
    /// <param name="sources">C# source files; at least one.</param>
    /// <param name="withTorchSharp">true: reference CbGen.TorchSharp (throws when it cannot be loaded); false: do not
    /// (only the weight tables are generated); null (default): reference it when the test project does.</param>
    /// <param name="additionalReferences">More references, e.g. your own assemblies.</param>
    /// <exception cref="ArgumentException"><paramref name="sources"/> is empty or holds null.</exception>
    /// <exception cref="InvalidOperationException"><paramref name="withTorchSharp"/> is true and CbGen.TorchSharp
    /// cannot be loaded, or the framework assemblies cannot be found (not running on .NET).</exception>
    public static CSharpCompilation CreateCompilation(
        IEnumerable<string> sources, bool? withTorchSharp = null, IEnumerable<MetadataReference>? additionalReferences = null)
    {
        if (sources is null)
        {
            throw new ArgumentNullException(nameof(sources));
        }

        string[] texts = sources.ToArray();
        if (texts.Length == 0 || texts.Any(t => t is null))
        {
            throw new ArgumentException(
                "Expected at least one source text and no null ones; got " + texts.Length + " with "
                + texts.Count(t => t is null) + " null.", nameof(sources));
        }

        var references = new List<MetadataReference>(FrameworkReferences.Value)
        {
            MetadataReference.CreateFromFile(typeof(ClassBalancedAttribute).Assembly.Location),
        };
        references.AddRange(TorchSharpReferences(withTorchSharp));
        if (additionalReferences is not null)
        {
            references.AddRange(additionalReferences);
        }

        return CSharpCompilation.Create(
            "CbGenSnapshotAssembly",
            texts.Select((text, i) => CSharpSyntaxTree.ParseText(text, DefaultParseOptions, path: "Source" + i + ".cs")),
            references,
            new CSharpCompilationOptions(
                OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, deterministic: true));
    }

    /// <summary>As <see cref="CreateCompilation(IEnumerable{string}, bool?, IEnumerable{MetadataReference})"/> for
    /// the given source files, with CbGen.TorchSharp referenced when the test project references it.</summary>
    /// <param name="sources">C# source files; at least one.</param>
    public static CSharpCompilation CreateCompilation(params string[] sources) =>
        CreateCompilation((IEnumerable<string>)sources);

    private static ImmutableArray<T> CreateAll<T>(Type marker)
        where T : class =>
        typeof(ClassBalancedGenerator).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(T).IsAssignableFrom(t) && t.IsDefined(marker, inherit: false))
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .Select(t => (T)Activator.CreateInstance(t)!)
            .ToImmutableArray();

    private static IEnumerable<MetadataReference> TorchSharpReferences(bool? withTorchSharp)
    {
        if (withTorchSharp == false)
        {
            return Array.Empty<MetadataReference>();
        }

        Assembly? runtime = TryLoad("CbGen.TorchSharp");
        Assembly? torchSharp = runtime is null ? null : TryLoad("TorchSharp");
        if (runtime is null || torchSharp is null)
        {
            if (withTorchSharp == true)
            {
                throw new InvalidOperationException(
                    "withTorchSharp is true, but " + (runtime is null ? "CbGen.TorchSharp" : "TorchSharp")
                    + " cannot be loaded from the test's output. Reference the CbGen.TorchSharp package from the test project.");
            }

            return Array.Empty<MetadataReference>();
        }

        return new[]
        {
            MetadataReference.CreateFromFile(runtime.Location),
            MetadataReference.CreateFromFile(torchSharp.Location),
        };
    }

    private static Assembly? TryLoad(string name)
    {
        try
        {
            return Assembly.Load(new AssemblyName(name));
        }
        catch (FileNotFoundException)
        {
            return null;
        }
        catch (FileLoadException)
        {
            return null;
        }
    }

    private static ImmutableArray<MetadataReference> LoadFrameworkReferences()
    {
        // The running framework's own assemblies (System.Runtime, System.Collections, …), from the host's list.
        string? trustedPlatformAssemblies = AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") as string;
        string? frameworkDirectory = Path.GetDirectoryName(typeof(object).Assembly.Location);
        if (string.IsNullOrEmpty(trustedPlatformAssemblies) || string.IsNullOrEmpty(frameworkDirectory))
        {
            throw new InvalidOperationException(
                "The framework assemblies cannot be found (TRUSTED_PLATFORM_ASSEMBLIES is not set: not running on .NET?). "
                + "Build your own CSharpCompilation and pass it to CbGenRunner.Run(compilation).");
        }

        return trustedPlatformAssemblies!.Split(Path.PathSeparator)
            .Where(path => string.Equals(Path.GetDirectoryName(path), frameworkDirectory, StringComparison.Ordinal))
            .OrderBy(path => path, StringComparer.Ordinal)
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToImmutableArray();
    }
}
