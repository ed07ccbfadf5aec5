using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace CbGen.Package.Tests;

/// <summary>
/// The pages that list the packages name every packable project: the README's install section (its
/// <c>./build.sh pack</c> line) and docs/packaging.md (its package table and its cache-clearing line). The list comes
/// from the projects themselves (<c>&lt;IsPackable&gt;true&lt;/IsPackable&gt;</c>), so a new package fails here until
/// the docs name it. No pack is needed: these tests read files only.
/// </summary>
public sealed class PackageListDocsTests
{
    private static readonly string Root = PackedPackages.FindRepositoryRoot();

    private static readonly string[] NumberWords =
        { "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve" };

    /// <summary>The package id of every packable project: its <c>PackageId</c>, else its file name.</summary>
    private static string[] PackableIds() =>
        Directory.GetFiles(Root, "*.csproj", SearchOption.AllDirectories)
            .Where(p => !p.Contains(Path.DirectorySeparatorChar + "obj" + Path.DirectorySeparatorChar, StringComparison.Ordinal)
                && !p.Contains(Path.DirectorySeparatorChar + "bin" + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            .Select(p => (Path: p, Project: XElement.Load(p)))
            .Where(p => p.Project.Descendants("IsPackable").Any(e => e.Value.Trim() == "true"))
            .Select(p => p.Project.Descendants("PackageId").FirstOrDefault()?.Value.Trim() ?? Path.GetFileNameWithoutExtension(p.Path))
            .OrderBy(id => id, StringComparer.Ordinal)
            .ToArray();

    private static string Read(string relative) => File.ReadAllText(Path.Combine(Root, relative)).Replace("\r\n", "\n");

    /// <summary>The lines of <paramref name="text"/> between the heading <paramref name="heading"/> and the next
    /// heading of the same level.</summary>
    private static string Section(string text, string heading)
    {
        int start = text.IndexOf("\n" + heading + "\n", StringComparison.Ordinal);
        Assert.True(start >= 0, "no heading '" + heading + "'");
        int end = text.IndexOf("\n## ", start + heading.Length + 2, StringComparison.Ordinal);
        return end < 0 ? text.Substring(start) : text.Substring(start, end - start);
    }

    private static string OneLine(string text, string containing)
    {
        string[] lines = text.Split('\n').Where(l => l.Contains(containing, StringComparison.Ordinal)).ToArray();
        Assert.True(lines.Length == 1, "expected one line with '" + containing + "'; found " + lines.Length);
        return lines[0];
    }

    /// <summary>Whether <paramref name="text"/> names <paramref name="id"/> as a whole word (so that "CbGen" is not
    /// found inside "CbGen.ML").</summary>
    private static bool Names(string text, string id, bool ignoreCase = false) =>
        Regex.IsMatch(text, @"(?<![\w.])" + Regex.Escape(id) + @"(?![\w]|\.\w)", ignoreCase ? RegexOptions.IgnoreCase : RegexOptions.None);

    [Fact]
    public void The_packable_projects_are_found()
    {
        string[] ids = PackableIds();
        Assert.Contains("CbGen", ids);
        Assert.True(ids.Length >= 2, string.Join(", ", ids));
    }

    [Fact]
    public void The_readme_install_section_packs_every_package()
    {
        string install = Section(Read("README.md"), "## Install");
        string pack = OneLine(install, "./build.sh pack");

        Assert.All(PackableIds(), id => Assert.True(Names(pack, id), "README.md's install line '" + pack.Trim() + "' does not name " + id));
        AssertNoWrongCount(install, "README.md's install section");
    }

    [Fact]
    public void Packaging_md_lists_and_clears_every_package()
    {
        string page = Read("docs/packaging.md");
        string clear = OneLine(page, "rm -rf ~/.nuget/packages/");
        string table = Section(page, "## The packages");

        Assert.All(PackableIds(), id =>
        {
            Assert.True(Names(clear, "~/.nuget/packages/" + id.ToLowerInvariant()),
                "docs/packaging.md's cache-clearing line '" + clear.Trim() + "' does not remove " + id.ToLowerInvariant());
            Assert.True(table.Contains("| `" + id + "` |", StringComparison.Ordinal), "docs/packaging.md's package table has no row for " + id);
        });
        AssertNoWrongCount(page, "docs/packaging.md");
    }

    /// <summary>"the four packages" goes stale when a fifth comes: a count in words must be the real one.</summary>
    private static void AssertNoWrongCount(string text, string where)
    {
        int count = PackableIds().Length;
        foreach (Match m in Regex.Matches(text, @"\b(?<n>\w+) (CbGen )?packages\b", RegexOptions.IgnoreCase))
        {
            int n = Array.IndexOf(NumberWords, m.Groups["n"].Value.ToLowerInvariant());
            Assert.True(n < 0 || n == count, where + " says '" + m.Value + "' but there are " + count + " packages");
        }
    }
}
