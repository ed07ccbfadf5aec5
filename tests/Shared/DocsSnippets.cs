using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using CbGen.Testing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace CbGen.Docs;

/// <summary>
/// The C# blocks of a docs page, compiled as a user would paste them: each <c>```csharp</c> fence is a whole
/// <c>Program.cs</c> of a new console project, built with CbGen's generator and analyzers. A block that is not a
/// whole program (a generated excerpt, a fragment) is fenced as something other than <c>csharp</c>. Linked into the
/// test projects whose references a page needs (TorchSharp, Microsoft.ML).
/// </summary>
internal static class DocsSnippets
{
    private static readonly Regex CSharpFence = new(@"^```csharp[ \t]*\n(?<body>.*?)^```", RegexOptions.Singleline | RegexOptions.Multiline);

    /// <summary>The repository's root: the nearest folder holding CbGen.sln above the calling file's path at compile
    /// time (any depth under tests/).</summary>
    public static string RepositoryRoot([CallerFilePath] string here = "")
    {
        string? folder = Path.GetDirectoryName(here);
        while (folder is not null && !File.Exists(Path.Combine(folder, "CbGen.sln")))
        {
            folder = Path.GetDirectoryName(folder);
        }

        return folder ?? throw new InvalidOperationException("No CbGen.sln above " + here + ".");
    }

    /// <summary>Every <c>```csharp</c> block of <paramref name="page"/> (relative to the repository root, e.g.
    /// <c>docs/search.md</c>) with the 1-based line its code starts on.</summary>
    public static IReadOnlyList<(int Line, string Code)> CSharpBlocks(string page)
    {
        string text = File.ReadAllText(Path.Combine(RepositoryRoot(), page)).Replace("\r\n", "\n");
        return CSharpFence.Matches(text)
            .Select(m => (text.Take(m.Groups["body"].Index).Count(c => c == '\n') + 1, m.Groups["body"].Value))
            .ToList();
    }

    /// <summary>Compiles <paramref name="code"/> as a console program's only file with the generator run, and
    /// returns every error and warning (the generator's, the analyzers' and the compiler's), described one a line;
    /// empty when it builds clean.</summary>
    public static string Problems(string code, IEnumerable<MetadataReference>? references = null, IEnumerable<AdditionalText>? additionalFiles = null)
    {
        CSharpCompilation compilation = CbGenRunner.CreateCompilation(new[] { code }, additionalReferences: references);
        // As `dotnet new console` builds it: no documentation file, so no CS1591 for the program's public types, and
        // the SDK's default NoWarn of CS1701/CS1702 (assembly-version unification, e.g. TorchSharp's net8.0 references).
        SyntaxTree tree = compilation.SyntaxTrees.Single();
        compilation = compilation
            .ReplaceSyntaxTree(tree, tree.WithRootAndOptions(tree.GetRoot(),
                ((CSharpParseOptions)tree.Options).WithDocumentationMode(DocumentationMode.Parse)))
            .WithOptions(compilation.Options
                .WithOutputKind(OutputKind.ConsoleApplication)
                .WithSpecificDiagnosticOptions(new Dictionary<string, ReportDiagnostic>
                {
                    ["CS1701"] = ReportDiagnostic.Suppress,
                    ["CS1702"] = ReportDiagnostic.Suppress,
                }));
        CbGenRunResult run = CbGenRunner.Run(compilation, additionalFiles: additionalFiles);
        IEnumerable<Diagnostic> all = run.GeneratorDiagnostics
            .Concat(run.AnalyzerDiagnostics)
            .Concat(run.OutputCompilation.GetDiagnostics());
        return string.Join("\n", all
            .Where(d => d.Severity >= DiagnosticSeverity.Warning)
            .Select(d => d.ToString()));
    }

    /// <summary>The start line of each <c>```csharp</c> block of <paramref name="page"/>, as theory data.</summary>
    public static TheoryData<int> BlockLines(string page)
    {
        var data = new TheoryData<int>();
        foreach ((int line, _) in CSharpBlocks(page))
        {
            data.Add(line);
        }

        return data;
    }

    /// <summary>Asserts that the block of <paramref name="page"/> that starts on <paramref name="line"/> builds as a
    /// whole program without an error or a warning; the failure names the page, the line and the problems.</summary>
    public static void AssertCompiles(string page, int line, IEnumerable<MetadataReference>? references = null)
    {
        string problems = Problems(CSharpBlocks(page).Single(b => b.Line == line).Code, references);
        Assert.True(problems.Length == 0, page + ":" + line + ": the block does not compile as a whole Program.cs:\n" + problems);
    }

    /// <summary>A reference to the assembly that holds <paramref name="type"/>.</summary>
    public static MetadataReference Of(Type type) => MetadataReference.CreateFromFile(type.Assembly.Location);
}
