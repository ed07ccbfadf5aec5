extern alias gen;

using System;
using System.Collections;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using gen::CbGen.Generators;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace CbGen.Generators.Tests;

/// <summary>One run of the generator on a driver that tracks its steps (<see cref="GeneratorHarness.RunTracked"/>):
/// the driver to run again after an edit, and what it generated.</summary>
public sealed record GeneratorRun(GeneratorDriver Driver)
{
    /// <summary>The generated files, in the order the generator added them.</summary>
    public ImmutableArray<GeneratedFile> Files { get; } = Driver.GetRunResult().Results
        .SelectMany(r => r.GeneratedSources)
        .Select(s => new GeneratedFile(s.HintName, s.SourceText.ToString()))
        .ToImmutableArray();

    /// <summary>The one generated file whose hint name ends with <paramref name="hintNameSuffix"/>.</summary>
    public GeneratedFile File(string hintNameSuffix)
    {
        var matches = Files.Where(f => f.HintName.EndsWith(hintNameSuffix, StringComparison.Ordinal)).ToList();
        Assert.True(matches.Count == 1,
            "Expected one generated file ending with " + hintNameSuffix + "; got: " + string.Join(", ", Files.Select(f => f.HintName)));
        return matches[0];
    }
}

/// <summary>
/// The tests' entry to CbGen.Testing (<see cref="CbGenRunner"/> compiles the sources against the real CbGen and,
/// optionally, CbGen.TorchSharp assemblies, runs the generator and both analyzers), plus what only these tests need:
/// other parse options, a step-tracking driver for the incrementality tests, counts files under
/// <see cref="DataFolder"/>, diagnostics located in AdditionalFiles, and loading a compiled test assembly.
/// </summary>
public static class GeneratorHarness
{
    /// <summary>Where <see cref="Files"/> puts a file given by its bare name.</summary>
    public const string DataFolder = "/project/data/";

    public static CSharpParseOptions ParseOptions => CbGenRunner.DefaultParseOptions;

    public static CSharpCompilation CreateCompilation(bool withTorchSharp, params string[] sources) =>
        CbGenRunner.CreateCompilation(sources, withTorchSharp);

    /// <summary>As <see cref="CreateCompilation(bool, string[])"/>, with the sources parsed with <paramref name="parseOptions"/>.</summary>
    public static CSharpCompilation CreateCompilation(bool withTorchSharp, CSharpParseOptions parseOptions, params string[] sources)
    {
        CSharpCompilation compilation = CreateCompilation(withTorchSharp, sources);
        return compilation.RemoveAllSyntaxTrees().AddSyntaxTrees(
            compilation.SyntaxTrees.Select(tree => CSharpSyntaxTree.ParseText(tree.GetText(), parseOptions, tree.FilePath)));
    }

    /// <summary><paramref name="compilation"/> with the source file <paramref name="path"/> (e.g. <c>Source1.cs</c>)
    /// re-parsed from <paramref name="text"/>, as an edit in the IDE would give it.</summary>
    public static CSharpCompilation WithSource(CSharpCompilation compilation, string path, string text)
    {
        SyntaxTree old = compilation.SyntaxTrees.Single(tree => tree.FilePath == path);
        return compilation.ReplaceSyntaxTree(old, CSharpSyntaxTree.ParseText(text, (CSharpParseOptions)old.Options, path));
    }

    /// <summary>Runs the generator and the analyzers on <paramref name="sources"/>.</summary>
    public static CbGenRunResult Run(bool withTorchSharp, params string[] sources) =>
        CbGenRunner.Run(CreateCompilation(withTorchSharp, sources));

    /// <summary>Runs the generator and the analyzers on <paramref name="sources"/> with the AdditionalFiles <paramref name="files"/>.</summary>
    public static CbGenRunResult Run(bool withTorchSharp, ImmutableArray<AdditionalText> files, params string[] sources) =>
        CbGenRunner.Run(CreateCompilation(withTorchSharp, sources), additionalFiles: files);

    /// <summary>In-memory AdditionalFiles; a bare name goes under <see cref="DataFolder"/>.</summary>
    public static ImmutableArray<AdditionalText> Files(params (string Name, string Text)[] files) =>
        files.Select(f => CbGenRunner.AdditionalFile(
            f.Name.StartsWith("/", StringComparison.Ordinal) ? f.Name : DataFolder + f.Name, f.Text)).ToImmutableArray();

    /// <summary>A driver of the generator alone that tracks its incremental steps.</summary>
    public static GeneratorDriver CreateDriver(ImmutableArray<AdditionalText> files = default, CSharpParseOptions? parseOptions = null) =>
        CSharpGeneratorDriver.Create(
            new[] { new ClassBalancedGenerator().AsSourceGenerator() },
            files.IsDefault ? ImmutableArray<AdditionalText>.Empty : files,
            parseOptions ?? ParseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    /// <summary>Runs the generator on <paramref name="compilation"/> with <paramref name="driver"/> (a new
    /// <see cref="CreateDriver"/> by default), keeping the driver for the next run.</summary>
    public static GeneratorRun RunTracked(CSharpCompilation compilation, GeneratorDriver? driver = null) =>
        new GeneratorRun((driver ?? CreateDriver()).RunGenerators(compilation));

    /// <summary>As <see cref="CbGenRunResult.Describe"/>, but a diagnostic located in an AdditionalFile also shows
    /// path(line,column) and the located text of <paramref name="files"/>.</summary>
    public static string Describe(IEnumerable<Diagnostic> diagnostics, ImmutableArray<AdditionalText> files)
    {
        var lines = diagnostics.Select(d =>
        {
            if (d.Location.Kind != LocationKind.ExternalFile)
            {
                return CbGenRunResult.Describe(new[] { d }).TrimEnd('\n');
            }

            FileLinePositionSpan span = d.Location.GetLineSpan();
            AdditionalText? file = files.FirstOrDefault(f => f.Path == span.Path);
            string text = file?.GetText()?.ToString(d.Location.SourceSpan) ?? "?";
            string where = span.Path + "(" + (span.StartLinePosition.Line + 1) + "," + (span.StartLinePosition.Character + 1) + ") '" + text + "'";
            return d.Id + " " + d.Severity + " " + where + ": " + d.GetMessage(CultureInfo.InvariantCulture);
        });
        string joined = string.Join("\n", lines);
        return (joined.Length == 0 ? "(no diagnostics)" : joined) + "\n";
    }

    /// <summary>Runs <paramref name="run"/> under the invariant culture and under <paramref name="cultureName"/>
    /// (current and UI culture, restored after), checks that both compile cleanly and generate the same files, and
    /// returns them, each as its hint name, a newline and its text.</summary>
    public static string[] AssertSameTextUnder(string cultureName, Func<CbGenRunResult> run)
    {
        string[] reference = GenerateUnder(CultureInfo.InvariantCulture, run);
        Assert.Equal(reference, GenerateUnder(CultureInfo.GetCultureInfo(cultureName), run));
        return reference;
    }

    private static string[] GenerateUnder(CultureInfo culture, Func<CbGenRunResult> run)
    {
        CultureInfo saved = CultureInfo.CurrentCulture;
        CultureInfo savedUi = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentCulture = culture;
            CultureInfo.CurrentUICulture = culture;
            CbGenRunResult result = run();
            result.AssertCompilesCleanly();
            return result.Files.Select(f => f.HintName + "\n" + f.Text).ToArray();
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
            CultureInfo.CurrentUICulture = savedUi;
        }
    }

    /// <summary>The text without its <c>[|</c> <c>|]</c> markers, and the spans they marked.</summary>
    public static (string Text, List<TextSpan> Spans) ParseMarkers(string marked)
    {
        var spans = new List<TextSpan>();
        var builder = new System.Text.StringBuilder();
        int start = -1;
        for (int i = 0; i < marked.Length; i++)
        {
            if (string.CompareOrdinal(marked, i, "[|", 0, 2) == 0)
            {
                start = builder.Length;
                i++;
            }
            else if (string.CompareOrdinal(marked, i, "|]", 0, 2) == 0)
            {
                spans.Add(TextSpan.FromBounds(start, builder.Length));
                i++;
            }
            else
            {
                builder.Append(marked[i]);
            }
        }

        return (builder.ToString(), spans);
    }

    /// <summary>Emits <paramref name="compilation"/> and loads it into a collectible context.</summary>
    public static Assembly Load(Compilation compilation)
    {
        using var stream = new MemoryStream();
        var result = compilation.Emit(stream);
        Assert.True(result.Success, "Emit failed:\n" + string.Join("\n", result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
        stream.Position = 0;
        var context = new AssemblyLoadContext("CbGenTest" + Guid.NewGuid().ToString("N"), isCollectible: true);
        return context.LoadFromStream(stream);
    }

    /// <summary>Calls the public static method <paramref name="method"/> of <paramref name="type"/>.</summary>
    public static object? Call(Assembly assembly, string type, string method, params object?[] arguments)
    {
        Type t = assembly.GetType(type) ?? throw new InvalidOperationException("No type " + type);
        MethodInfo m = t.GetMethod(method, BindingFlags.Public | BindingFlags.Static)
            ?? throw new InvalidOperationException("No method " + type + "." + method);
        return m.Invoke(null, arguments);
    }
}

/// <summary>Checks on the tracked steps of a <see cref="GeneratorRun"/>.</summary>
public static class PipelineAssert
{
    /// <summary>Every output of the steps <paramref name="names"/> is cached or unchanged (<paramref name="except"/>
    /// may also be new, modified or removed), and every source output is cached.</summary>
    public static void AllCached(GeneratorRun run, IEnumerable<string> names, string? except = null)
    {
        GeneratorRunResult result = run.Driver.GetRunResult().Results.Single();
        foreach (string name in names)
        {
            Assert.True(result.TrackedSteps.ContainsKey(name), "No tracked step " + name);
            foreach (IncrementalGeneratorRunStep step in result.TrackedSteps[name])
            {
                foreach ((object _, IncrementalStepRunReason reason) in step.Outputs)
                {
                    bool ok = reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged
                        || (name == except && reason is IncrementalStepRunReason.Modified or IncrementalStepRunReason.New or IncrementalStepRunReason.Removed);
                    Assert.True(ok, name + " was " + reason);
                }
            }
        }

        foreach (IncrementalGeneratorRunStep step in result.TrackedOutputSteps.SelectMany(s => s.Value))
        {
            Assert.All(step.Outputs, output => Assert.Equal(IncrementalStepRunReason.Cached, output.Reason));
        }
    }

    /// <summary>Walks every output of the steps <paramref name="names"/> and fails on a symbol, syntax node,
    /// compilation, location, diagnostic or AdditionalText anywhere in it; returns how many outputs it walked.</summary>
    public static int HoldsNoCompilerObjects(GeneratorRun run, IEnumerable<string> names) =>
        WalkOutputs(run, names, value =>
            value is ISymbol or SyntaxNode or Compilation or SemanticModel or Location or Diagnostic or SyntaxTree or AdditionalText);

    /// <summary>Walks every output of the steps <paramref name="names"/> and fails on a position in a file (the
    /// generator's <c>LocationInfo</c>, or a <see cref="Location"/>) anywhere in it, null ones excepted: what the
    /// emitters read must not change when a line moves. Returns how many outputs it walked.</summary>
    public static int HoldsNoLocations(GeneratorRun run, IEnumerable<string> names) =>
        WalkOutputs(run, names, value => value is Location || value.GetType().FullName == "CbGen.Generators.Model.LocationInfo");

    private static int WalkOutputs(GeneratorRun run, IEnumerable<string> names, Func<object, bool> forbidden)
    {
        GeneratorRunResult result = run.Driver.GetRunResult().Results.Single();
        int walked = 0;
        foreach (string name in names)
        {
            Assert.True(result.TrackedSteps.ContainsKey(name), "No tracked step " + name);
            foreach (IncrementalGeneratorRunStep step in result.TrackedSteps[name])
            {
                foreach ((object value, IncrementalStepRunReason _) in step.Outputs)
                {
                    Walk(value, name, forbidden, new HashSet<object>(ReferenceEqualityComparer.Instance));
                    walked++;
                }
            }
        }

        return walked;
    }

    private static void Walk(object? value, string path, Func<object, bool> forbidden, HashSet<object> seen)
    {
        if (value is null)
        {
            return;
        }

        Type type = value.GetType();
        Assert.False(forbidden(value), path + " holds a " + type.FullName);
        if (type.IsPrimitive || type.IsEnum || value is string or decimal)
        {
            return;
        }

        if (!type.IsValueType && !seen.Add(value))
        {
            return;
        }

        if (value is IEnumerable sequence)
        {
            int i = 0;
            foreach (object? item in sequence)
            {
                Walk(item, path + "[" + i++ + "]", forbidden, seen);
            }
        }

        for (Type? t = type; t is not null && t != typeof(object); t = t.BaseType)
        {
            foreach (FieldInfo field in t.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            {
                if (field.FieldType.IsPointer || field.FieldType.IsByRefLike)
                {
                    continue;
                }

                Walk(field.GetValue(value), path + "." + field.Name, forbidden, seen);
            }
        }
    }
}
