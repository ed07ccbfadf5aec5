using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;

namespace CbGen.Generators.Tests;

/// <summary>The worked examples of the docs (README.md and every docs/*.md: counts files, sweeps, deferred re-weighting)
/// compile, report nothing, and their generated files are snapshotted. An example is the fenced block after
/// <c>&lt;!-- example: NAME --&gt;</c>; a counts file is the block after <c>&lt;!-- example: NAME, file: FILE --&gt;</c>.
/// The test follows an example to whichever page holds it; a name belongs to one page.</summary>
public sealed class DocsExamplesTests
{
    private static readonly Regex Example = new(
        @"<!-- example: (?<name>\w+)(, file: (?<file>[^ ]+))? -->\s*```\w*\n(?<body>.*?)```", RegexOptions.Singleline);

    public static TheoryData<string> Names()
    {
        var data = new TheoryData<string>();
        foreach (string name in Examples().Select(e => e.Name).Distinct())
        {
            data.Add(name);
        }

        return data;
    }

    [Fact]
    public void The_docs_have_the_worked_examples()
    {
        Assert.Equal(new[] { "Docs_counts_file", "Docs_deferred_reweighting", "Docs_long_tail", "Docs_sweep", "Docs_sweep_multi_label" },
            Examples().Select(e => e.Name).Distinct().OrderBy(n => n, StringComparer.Ordinal).ToArray());
    }

    [Fact]
    public void Each_example_lives_in_one_page()
    {
        foreach (var group in Examples().GroupBy(e => e.Name))
        {
            string[] pages = group.Select(e => e.Page).Distinct().ToArray();
            Assert.True(pages.Length == 1, "Example '" + group.Key + "' appears in " + string.Join(" and ", pages) + ".");
        }
    }

    [Fact]
    public void The_pages_are_read()
    {
        // README.md and the reference pages: the examples moved out of the README into docs/ must still be found.
        string[] pages = Pages().Select(p => Path.GetFileName(p)).ToArray();
        Assert.Contains("README.md", pages);
        Assert.Contains("counts-files.md", pages);
        Assert.Contains(Examples(), e => e.Page != "README.md");
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void A_worked_example_generates_what_its_snapshot_shows(string name)
    {
        var parts = Examples().Where(e => e.Name == name).ToList();
        string source = parts.Single(p => p.File is null).Body;
        ImmutableArray<AdditionalText> files = GeneratorHarness.Files(
            parts.Where(p => p.File is not null).Select(p => (p.File!, p.Body)).ToArray());
        CbGenRunResult run = GeneratorHarness.Run(true, files, source);
        Assert.NotEmpty(run.Files);
        foreach (GeneratedFile file in run.Files)
        {
            Snapshot.Verify(file.Text, name + "/" + file.Name, "cs");
        }

        ImmutableArray<Diagnostic> diagnostics = run.AnalyzerDiagnostics;
        Assert.True(diagnostics.IsEmpty, GeneratorHarness.Describe(diagnostics, files));
        run.AssertCompilesCleanly();
    }

    private static List<(string Name, string? File, string Body, string Page)> Examples() =>
        Pages()
            .SelectMany(page => Example.Matches(File.ReadAllText(page).Replace("\r\n", "\n"))
                .Select(m => (m.Groups["name"].Value, m.Groups["file"].Success ? (string?)m.Groups["file"].Value : null,
                    m.Groups["body"].Value, Path.GetFileName(page))))
            .ToList();

    /// <summary>README.md, then docs/*.md in ordinal order.</summary>
    private static IEnumerable<string> Pages([System.Runtime.CompilerServices.CallerFilePath] string here = "")
    {
        string root = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(here)!, "..", ".."));
        return new[] { Path.Combine(root, "README.md") }
            .Concat(Directory.GetFiles(Path.Combine(root, "docs"), "*.md").OrderBy(p => p, StringComparer.Ordinal));
    }
}
