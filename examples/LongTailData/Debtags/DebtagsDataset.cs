using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using LongTailData.Files;

namespace LongTailData.Debtags;

/// <summary>One package as a multi-label sample: its synopsis is the text, its kept debtags the labels.</summary>
/// <param name="Package">The package name.</param>
/// <param name="Text">The one-line description (the list's <c>Description:</c>).</param>
/// <param name="Labels">The kept tags' indices, ascending (at least one).</param>
public sealed record DebtagsSample(string Package, string Text, IReadOnlyList<int> Labels);

/// <summary>
/// The debtags data set: Debian packages → their debtags, a multi-label long tail built offline from an apt
/// <c>Packages</c> list. The rule: every package with a <c>Tag:</c> field (the first stanza of a name wins); the
/// facets of <see cref="DebtagsOptions.DroppedFacets"/> dropped; tags carried by fewer than K packages dropped;
/// packages left without a tag dropped. Tags are ordered by name. The split is <see cref="MultiLabelSplit"/>.
/// </summary>
public sealed class DebtagsDataset
{
    /// <summary>The <c>build.sh</c> verb that prepares the list.</summary>
    public const string SetupStep = "data debtags";

    /// <summary>Where apt keeps its lists.</summary>
    public const string AptListsDirectory = "/var/lib/apt/lists";

    private DebtagsDataset(string path, string sha256, long bytes, IReadOnlyList<DebtagsSample> samples, IReadOnlyList<string> tags,
        IReadOnlyList<Dropped> dropped, DebtagsOptions options)
    {
        FilePath = path;
        Sha256 = sha256;
        FileBytes = bytes;
        Samples = samples;
        TagNames = tags;
        Dropped = dropped;
        Options = options;
        Split = MultiLabelSplit.Create(samples.Select(s => s.Labels).ToArray(), tags.Count, options.TestFraction, options.Seed);
    }

    /// <summary>The list read.</summary>
    public string FilePath { get; }

    /// <summary>The list's SHA-256, lower-case hex: what docs/datasets.md pins.</summary>
    public string Sha256 { get; }

    /// <summary>The list's size in bytes.</summary>
    public long FileBytes { get; }

    /// <summary>The kept packages, in list order.</summary>
    public IReadOnlyList<DebtagsSample> Samples { get; }

    /// <summary>The kept tags, by label index (ordinal name order).</summary>
    public IReadOnlyList<string> TagNames { get; }

    /// <summary>What the rule left out.</summary>
    public IReadOnlyList<Dropped> Dropped { get; }

    /// <summary>The options it was built with.</summary>
    public DebtagsOptions Options { get; }

    /// <summary>The train/test split.</summary>
    public MultiLabelSplit Split { get; }

    /// <summary>The default list: the plain <c>*_main_binary-*_Packages</c> of the release itself (not -updates or
    /// -security) in <see cref="AptListsDirectory"/>.</summary>
    /// <exception cref="DataFileException">There is none, or only an lz4-compressed one.</exception>
    public static string FindList(string directory = AptListsDirectory)
    {
        string[] lists = Directory.Exists(directory)
            ? Directory.GetFiles(directory, "*_main_binary-*_Packages*")
                .Where(p => !Path.GetFileName(p).Contains("-updates_", StringComparison.Ordinal)
                    && !Path.GetFileName(p).Contains("-security_", StringComparison.Ordinal))
                .OrderBy(p => p, StringComparer.Ordinal).ToArray()
            : [];
        string? plain = lists.FirstOrDefault(p => p.EndsWith("_Packages", StringComparison.Ordinal));
        if (plain is not null)
        {
            return plain;
        }

        string where = Path.Combine(directory, "*_main_binary-*_Packages");
        throw lists.Length > 0
            ? new DataFileException(lists[0], null, "apt keeps this list lz4-compressed, which the builder does not read",
                "run './build.sh " + SetupStep + "' (it decompresses the list with lz4cat), or pass --packages FILE")
            : new DataFileException(where, null, "no main Packages list is there (" + DebianPackage.PackageLists.Origin + ")",
                DebianPackage.PackageLists.InstallFix(SetupStep));
    }

    /// <summary>Builds the data set from the list <paramref name="path"/>.</summary>
    /// <exception cref="DataFileException">The list is missing or damaged, or has no debtags.</exception>
    public static DebtagsDataset Build(string path, DebtagsOptions? options = null)
    {
        options ??= DebtagsOptions.Default;
        options.Validate();
        List<DebianStanza> stanzas = PackagesFile.Read(path, SetupStep);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var tagged = new List<DebianStanza>();
        int duplicates = 0;
        foreach (DebianStanza stanza in stanzas)
        {
            if (!seen.Add(stanza.Package))
            {
                duplicates++;
            }
            else if (stanza.Tags.Count > 0)
            {
                tagged.Add(stanza);
            }
        }

        if (tagged.Count == 0)
        {
            throw new DataFileException(path, null, "no package has a Tag field, so the list carries no debtags (Debian's lists do; Ubuntu's do not)",
                "pass a Debian main Packages list (bookworm's has 30,303 tagged packages)");
        }

        static string Facet(string tag) => tag.Substring(0, tag.IndexOf("::", StringComparison.Ordinal));
        var perTag = tagged.SelectMany(s => s.Tags.Distinct()).Where(t => !DebtagsOptions.DroppedFacets.Contains(Facet(t)))
            .GroupBy(t => t, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        string[] kept = perTag.Where(p => p.Value >= options.MinPackagesPerTag).Select(p => p.Key).OrderBy(t => t, StringComparer.Ordinal).ToArray();
        if (kept.Length == 0)
        {
            throw new DataFileException(path, null, string.Format(CultureInfo.InvariantCulture,
                "no tag is on {0} or more of its {1:N0} tagged packages (the most common is on {2:N0}), so no tag is kept",
                options.MinPackagesPerTag, tagged.Count, perTag.Count == 0 ? 0 : perTag.Values.Max()),
                "pass a larger list (Debian's main list), or keep rarer tags with a smaller K (DebtagsOptions.MinPackagesPerTag; --min K with ./build.sh data debtags)");
        }

        var index = kept.Select((t, i) => (t, i)).ToDictionary(p => p.t, p => p.i, StringComparer.Ordinal);
        var samples = new List<DebtagsSample>();
        foreach (DebianStanza s in tagged)
        {
            int[] labels = s.Tags.Where(index.ContainsKey).Select(t => index[t]).Distinct().Order().ToArray();
            if (labels.Length > 0)
            {
                samples.Add(new DebtagsSample(s.Package, s.Description, labels));
            }
        }

        int droppedFacetTags = tagged.SelectMany(s => s.Tags).Distinct().Count(t => DebtagsOptions.DroppedFacets.Contains(Facet(t)));
        string k = options.MinPackagesPerTag.ToString(CultureInfo.InvariantCulture);
        var dropped = new List<Dropped>
        {
            new("packages without a Tag field", stanzas.Count - duplicates - tagged.Count),
            new("tags of the facets " + string.Join(", ", DebtagsOptions.DroppedFacets.Select(f => f + "::")) + " (what kind of artifact, not what it does)", 0, droppedFacetTags),
            new("tags on fewer than " + k + " packages", 0, perTag.Count - kept.Length),
            new("tagged packages with no tag left", tagged.Count - samples.Count),
        };
        if (duplicates > 0)
        {
            dropped.Insert(0, new("repeated package stanzas (the first is kept)", duplicates));
        }

        (string sha, long bytes) = Hash(path);
        return new DebtagsDataset(path, sha, bytes, samples, kept, dropped, options);
    }

    private static (string Sha256, long Bytes) Hash(string path)
    {
        using FileStream file = File.OpenRead(path);
        return (Convert.ToHexStringLower(SHA256.HashData(file)), file.Length);
    }
}
