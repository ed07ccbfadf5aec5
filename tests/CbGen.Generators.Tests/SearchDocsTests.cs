using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using CbGen.Docs;

namespace CbGen.Generators.Tests;

/// <summary>The search recipe as the docs show it: every <c>```csharp</c> block of docs/search.md, and the README's
/// search section, compiles as a whole <c>Program.cs</c> with the generator run, exactly as written.</summary>
public sealed class SearchDocsTests
{
    private const string SearchSection = "## Choosing β without peeking at the test set";

    public static TheoryData<string, int> Blocks()
    {
        var data = new TheoryData<string, int>();
        foreach (var (line, _) in DocsSnippets.CSharpBlocks("docs/search.md"))
        {
            data.Add("docs/search.md", line);
        }

        foreach (var (line, _) in ReadmeSearchBlocks())
        {
            data.Add("README.md", line);
        }

        return data;
    }

    [Fact]
    public void The_pages_have_the_blocks_this_test_compiles()
    {
        Assert.NotEmpty(DocsSnippets.CSharpBlocks("docs/search.md"));
        Assert.Single(ReadmeSearchBlocks());
    }

    [Theory]
    [MemberData(nameof(Blocks))]
    public void Every_search_snippet_compiles_as_written(string page, int line)
    {
        DocsSnippets.AssertCompiles(page, line);
    }

    [Fact]
    public void The_recipe_builds_each_point_s_loss_from_the_training_counts_and_says_where_its_inputs_come_from()
    {
        foreach (string code in DocsSnippets.CSharpBlocks("docs/search.md").Select(b => b.Code)
            .Concat(ReadmeSearchBlocks().Select(b => b.Code)))
        {
            Assert.Contains("point.CreateLoss(counts)", code, StringComparison.Ordinal);
            Assert.Contains("int[] validationLabels = ", code, StringComparison.Ordinal);
            Assert.Contains("[ClassBalancedSweep]", code, StringComparison.Ordinal);
            Assert.Contains("Epochs = 10", code, StringComparison.Ordinal);
        }
    }

    /// <summary>The csharp blocks between the README's search heading and the next heading of its level.</summary>
    private static IReadOnlyList<(int Line, string Code)> ReadmeSearchBlocks()
    {
        string[] lines = File.ReadAllText(Path.Combine(DocsSnippets.RepositoryRoot(), "README.md")).Replace("\r\n", "\n").Split('\n');
        int start = Array.IndexOf(lines, SearchSection) + 1;
        Assert.True(start > 0, "README.md has no '" + SearchSection + "' section");
        int end = Array.FindIndex(lines, start, l => l.StartsWith("## ", StringComparison.Ordinal)) + 1;
        return DocsSnippets.CSharpBlocks("README.md").Where(b => b.Line > start && (end == 0 || b.Line < end)).ToList();
    }
}
