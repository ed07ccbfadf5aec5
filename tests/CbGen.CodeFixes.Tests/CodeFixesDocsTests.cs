using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace CbGen.CodeFixes.Tests;

/// <summary>docs/packaging.md's "Code fixes" section: its table lists exactly the diagnostics that have a fix, and it
/// says in which editors the fixes appear (and where they do not).</summary>
public sealed class CodeFixesDocsTests
{
    private static string Section([CallerFilePath] string here = "")
    {
        string page = File.ReadAllText(Path.Combine(Path.GetDirectoryName(here)!, "..", "..", "docs", "packaging.md")).Replace("\r\n", "\n");
        int start = page.IndexOf("\n## Code fixes\n", StringComparison.Ordinal);
        Assert.True(start >= 0, "docs/packaging.md has no '## Code fixes' section");
        int end = page.IndexOf("\n## ", start + 1, StringComparison.Ordinal);
        return end < 0 ? page.Substring(start) : page.Substring(start, end - start);
    }

    [Fact]
    public void The_table_lists_every_fixable_diagnostic()
    {
        string[] fixable = typeof(CbGenCodeFixProvider).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(CodeFixProvider).IsAssignableFrom(t))
            .SelectMany(t => ((CodeFixProvider)Activator.CreateInstance(t)!).FixableDiagnosticIds)
            .Distinct()
            .OrderBy(id => id, StringComparer.Ordinal)
            .ToArray();
        string[] documented = Regex.Matches(Section(), @"^\| (?<id>CB\d{3}) \|", RegexOptions.Multiline)
            .Select(m => m.Groups["id"].Value)
            .OrderBy(id => id, StringComparer.Ordinal)
            .ToArray();

        Assert.Equal(fixable, documented);
    }

    [Theory]
    [InlineData("Visual Studio")]
    [InlineData("VS Code")]
    [InlineData("Rider")]
    [InlineData("csharp-ls")]
    public void The_section_says_which_editors_show_the_fixes(string editor) =>
        Assert.Contains(editor, Section(), StringComparison.Ordinal);
}
