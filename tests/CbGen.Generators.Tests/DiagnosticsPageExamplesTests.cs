using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using CbGen.Docs;
using CbGen.Testing;
using Microsoft.CodeAnalysis;

namespace CbGen.Generators.Tests;

/// <summary>docs/diagnostics.md: each <c>```csharp</c> block of a <c>### CBxxx</c> section is a whole file of a project
/// (with <c>using CbGen;</c>, as the page says) run through the generator and the analyzers. A block marked
/// <c>// CBxxx</c> reports that id and no CB900; a block without a mark (the fix) reports no CB error or warning and
/// compiles with the generated code. A block's counts file is the last <c>```text</c> block before it in its section
/// whose first line is <c># NAME</c>, NAME being the file the block's <c>[ClassBalancedDataset("NAME")]</c> names.</summary>
public sealed class DiagnosticsPageExamplesTests
{
    private const string Page = "docs/diagnostics.md";

    /// <summary>What the page says every example assumes.</summary>
    private const string Assumed = "using CbGen;";

    private static readonly Regex Fence = new(@"^```(?<lang>[\w-]*)[ \t]*\n(?<body>.*?)^```[ \t]*$", RegexOptions.Singleline | RegexOptions.Multiline);
    private static readonly Regex Section = new(@"^(?<level>#{2,3}) (?<title>.*)$", RegexOptions.Multiline);
    private static readonly Regex Mark = new(@"//\s*(?<id>CB\d{3})\b");
    private static readonly Regex DatasetFile = new(@"ClassBalancedDataset\(\s*""(?<file>[^""]+)""");

    public static TheoryData<int> Blocks() => DocsSnippets.BlockLines(Page);

    [Fact]
    public void Every_csharp_block_belongs_to_a_diagnostic_section_and_marks_at_most_that_id()
    {
        var unclassified = Examples()
            .Where(e => e.Section is null || e.Marks.Any(id => id != e.Section))
            .Select(e => Page + ":" + e.Line + " (section " + (e.Section ?? "none") + ", marks " + string.Join(", ", e.Marks) + ")")
            .ToList();
        Assert.True(unclassified.Count == 0,
            "These blocks are neither a bad example of their section's id nor a fix:\n" + string.Join("\n", unclassified));
        string[] withoutBadExample = Examples().Where(e => e.Section is not null).GroupBy(e => e.Section!)
            .Where(g => g.All(e => e.Marks.Count == 0)).Select(g => g.Key).ToArray();
        Assert.True(withoutBadExample.Length == 0, "These sections show a fix but no block marked with their id: " + string.Join(", ", withoutBadExample));
    }

    [Theory]
    [MemberData(nameof(Blocks))]
    public void A_marked_block_reports_its_id_and_a_fix_builds_clean(int line)
    {
        Example example = Examples().Single(e => e.Line == line);
        string where = Page + ":" + line + " (" + example.Section + ")";
        ImmutableArray<AdditionalText> files = example.CountsFile is { } file
            ? GeneratorHarness.Files((file.Name, file.Text))
            : ImmutableArray<AdditionalText>.Empty;
        CbGenRunResult run = GeneratorHarness.Run(false, files, Assumed + "\n" + example.Code);
        var reported = run.GeneratorDiagnostics.Concat(run.AnalyzerDiagnostics).ToList();
        string all = GeneratorHarness.Describe(reported, files)
            + string.Concat(run.CompilationProblems().Select(d => d + "\n"));

        Assert.DoesNotContain(reported, d => d.Id == "CB900");
        if (example.Marks.Count > 0)
        {
            foreach (string id in example.Marks.Distinct())
            {
                Assert.True(reported.Any(d => d.Id == id), where + ": the block is marked " + id + " but reports:\n" + all);
            }

            // What else a user would see: no compiler error that the page does not mention.
            Assert.True(run.CompilationProblems().Length == 0, where + ": the block has compiler errors besides " + example.Section + ":\n" + all);
        }
        else
        {
            Assert.True(!reported.Any(d => d.Id.StartsWith("CB", StringComparison.Ordinal) && d.Severity >= DiagnosticSeverity.Warning)
                && run.CompilationProblems().Length == 0,
                where + ": the fix does not build clean:\n" + all);
        }
    }

    /// <summary>A C# block of the page: the 1-based line its code starts on, the <c>### CBxxx</c> section it is in (null
    /// outside one), the ids it marks with <c>// CBxxx</c>, and the counts file shown right before it, if any.</summary>
    private sealed record Example(int Line, string Code, string? Section, IReadOnlyList<string> Marks, (string Name, string Text)? CountsFile);

    private static List<Example> Examples()
    {
        string text = File.ReadAllText(Path.Combine(DocsSnippets.RepositoryRoot(), Page)).Replace("\r\n", "\n", StringComparison.Ordinal);
        var headings = Section.Matches(text).Cast<Match>().ToList();
        var examples = new List<Example>();
        var texts = new List<Match>();
        foreach (Match fence in Fence.Matches(text))
        {
            if (fence.Groups["lang"].Value == "csharp")
            {
                string code = fence.Groups["body"].Value;
                Match? heading = headings.LastOrDefault(h => h.Index < fence.Index);
                string? section = heading is { } h && h.Groups["level"].Value == "###" && Regex.IsMatch(h.Groups["title"].Value, @"^CB\d{3}$")
                    ? h.Groups["title"].Value
                    : null;
                var marks = Mark.Matches(code).Select(m => m.Groups["id"].Value).ToList();
                var textsInSection = texts.Where(t => heading is null || t.Index > heading.Index);
                examples.Add(new Example(LineOf(text, fence.Groups["body"].Index), code, section, marks, CountsFile(textsInSection, code)));
            }
            else if (fence.Groups["lang"].Value == "text")
            {
                texts.Add(fence);
            }
        }

        return examples;
    }

    /// <summary>The last of <paramref name="texts"/> whose first line is <c># NAME</c>, NAME being the file that
    /// <paramref name="code"/>'s <c>[ClassBalancedDataset]</c> names.</summary>
    private static (string Name, string Text)? CountsFile(IEnumerable<Match> texts, string code)
    {
        if (DatasetFile.Match(code) is not { Success: true } dataset)
        {
            return null;
        }

        string name = dataset.Groups["file"].Value;
        string? body = texts.Select(t => t.Groups["body"].Value).LastOrDefault(b => b.StartsWith("# " + name + "\n", StringComparison.Ordinal));
        return body is null ? null : (name, body);
    }

    private static int LineOf(string text, int index) => text.Take(index).Count(c => c == '\n') + 1;
}
