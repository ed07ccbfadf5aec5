using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;

namespace CbGen.Package.Tests;

/// <summary>
/// The README's install and quick-start snippets: the fenced block after <c>&lt;!-- snippet: NAME --&gt;</c>. The
/// consumer tests build exactly what the README tells a new user to write, so the README cannot drift.
/// </summary>
public static class ReadmeSnippets
{
    public const string NuGetConfig = "install-nuget-config";
    public const string PackageReferences = "install-package-references";
    public const string QuickStart = "quick-start";

    private static readonly Regex Snippet = new(
        @"<!-- snippet: (?<name>[\w-]+) -->\s*```\w*\n(?<body>.*?)```", RegexOptions.Singleline);

    /// <summary>The body of the one snippet called <paramref name="name"/> in the repository's README.md.</summary>
    public static string Get(string repositoryRoot, string name)
    {
        string readme = File.ReadAllText(Path.Combine(repositoryRoot, "README.md")).Replace("\r\n", "\n");
        var bodies = Snippet.Matches(readme).Where(m => m.Groups["name"].Value == name).Select(m => m.Groups["body"].Value).ToList();
        Assert.True(bodies.Count == 1,
            "README.md must hold exactly one fenced block after '<!-- snippet: " + name + " -->'; found " + bodies.Count + ".");
        return bodies[0];
    }
}
