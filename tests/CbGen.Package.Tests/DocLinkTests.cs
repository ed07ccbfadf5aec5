using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;

namespace CbGen.Package.Tests;

/// <summary>
/// Every relative link in the README and the pages under docs/ leads somewhere: its file or folder exists, and its
/// <c>#anchor</c>, if any, is a heading of the page it names (as GitHub derives a heading's anchor) or an explicit
/// <c>&lt;a id&gt;</c>. Links inside fenced code blocks and to other sites are not checked.
/// </summary>
public sealed class DocLinkTests
{
    private static readonly string Root = PackedPackages.FindRepositoryRoot();

    private static readonly Regex Link = new(@"\]\(([^)\s]+)\)", RegexOptions.Compiled);

    public static TheoryData<string> Pages()
    {
        var pages = new TheoryData<string>();
        pages.Add("README.md");
        foreach (string path in Directory.GetFiles(Path.Combine(Root, "docs"), "*.md", SearchOption.AllDirectories)
                     .OrderBy(p => p, StringComparer.Ordinal))
        {
            pages.Add(Path.GetRelativePath(Root, path).Replace('\\', '/'));
        }

        return pages;
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public void Every_relative_link_leads_to_a_file_and_heading_that_exist(string page)
    {
        string pagePath = Path.Combine(Root, page);
        var broken = new List<string>();
        foreach (string target in LinksOutsideCode(File.ReadAllText(pagePath)))
        {
            if (target.Contains("://", StringComparison.Ordinal) || target.StartsWith("mailto:", StringComparison.Ordinal))
            {
                continue;
            }

            int hash = target.IndexOf('#', StringComparison.Ordinal);
            string file = hash < 0 ? target : target[..hash];
            string linked = file.Length == 0 ? pagePath : Path.GetFullPath(Path.Combine(Path.GetDirectoryName(pagePath)!, Uri.UnescapeDataString(file)));
            if (!File.Exists(linked) && !Directory.Exists(linked))
            {
                broken.Add(target + " (no such file)");
                continue;
            }

            if (hash >= 0 && linked.EndsWith(".md", StringComparison.Ordinal))
            {
                string anchor = Uri.UnescapeDataString(target[(hash + 1)..]);
                if (!Anchors(File.ReadAllText(linked)).Contains(anchor))
                {
                    broken.Add(target + " (no such heading in " + Path.GetRelativePath(Root, linked) + ")");
                }
            }
        }

        Assert.True(broken.Count == 0, page + " has broken links:\n" + string.Join("\n", broken));
    }

    [Theory]
    [InlineData("## Results: Fashion-MNIST-LT", "results-fashion-mnist-lt")]
    [InlineData("### Re-balancing the classifier: cRT, τ-normalisation, LWS and weight balancing", "re-balancing-the-classifier-crt-τ-normalisation-lws-and-weight-balancing")]
    [InlineData("## The `cbgen` tool and [counts](x.md) *files*", "the-cbgen-tool-and-counts-files")]
    [InlineData("### Counts file or label file?", "counts-file-or-label-file")]
    public void A_heading_gets_GitHubs_anchor(string heading, string anchor) =>
        Assert.Contains(anchor, Anchors(heading + "\n"));

    [Fact]
    public void A_repeated_heading_gets_a_numbered_anchor() =>
        Assert.Equal(new[] { "cost", "cost-1" }, Anchors("## Cost\ntext\n## Cost\n").OrderBy(a => a, StringComparer.Ordinal));

    private static IEnumerable<string> LinksOutsideCode(string markdown)
    {
        bool fenced = false;
        foreach (string line in markdown.Split('\n'))
        {
            if (line.TrimStart().StartsWith("```", StringComparison.Ordinal))
            {
                fenced = !fenced;
                continue;
            }

            if (!fenced)
            {
                foreach (Match m in Link.Matches(line))
                {
                    yield return m.Groups[1].Value;
                }
            }
        }
    }

    /// <summary>The anchors of a page: each heading's, as GitHub derives it (lower case; links reduced to their text;
    /// every character but letters, digits, spaces, hyphens and underscores dropped; spaces to hyphens; a repeat
    /// numbered -1, -2, …), and every <c>&lt;a id="…"&gt;</c> or <c>name="…"</c>.</summary>
    private static HashSet<string> Anchors(string markdown)
    {
        var anchors = new HashSet<string>(StringComparer.Ordinal);
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        bool fenced = false;
        foreach (string line in markdown.Split('\n'))
        {
            if (line.TrimStart().StartsWith("```", StringComparison.Ordinal))
            {
                fenced = !fenced;
                continue;
            }

            foreach (Match m in Regex.Matches(line, "<a (?:id|name)=\"([^\"]+)\""))
            {
                anchors.Add(m.Groups[1].Value);
            }

            Match heading = Regex.Match(line, @"^#{1,6} (.+?)\s*$");
            if (fenced || !heading.Success)
            {
                continue;
            }

            string text = Regex.Replace(heading.Groups[1].Value, @"\[([^\]]*)\]\([^)]*\)", "$1").ToLowerInvariant();
            var slug = new StringBuilder();
            foreach (char c in text)
            {
                if (char.IsLetterOrDigit(c) || c == '-' || c == '_')
                {
                    slug.Append(c);
                }
                else if (c == ' ')
                {
                    slug.Append('-');
                }
            }

            string anchor = slug.ToString();
            int count = seen.TryGetValue(anchor, out int n) ? n : 0;
            seen[anchor] = count + 1;
            anchors.Add(count == 0 ? anchor : anchor + "-" + count);
        }

        return anchors;
    }
}
