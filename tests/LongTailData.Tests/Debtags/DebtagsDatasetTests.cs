using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using LongTailData.Debtags;
using LongTailData.Files;

namespace LongTailData.Tests.Debtags;

/// <summary>The debtags rule on the fixture (11 stanzas of bookworm's list: 2 untagged, 1 with role:: tags only, 8
/// games and biology tools), the split, and the summary.</summary>
public sealed class DebtagsDatasetTests : IDisposable
{
    private static readonly DebtagsOptions Small = new(MinPackagesPerTag: 2, TestFraction: 0.25, Seed: 3);
    private readonly FixtureFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public void Tagged_packages_keep_the_tags_on_at_least_K_packages_without_role()
    {
        DebtagsDataset data = DebtagsDataset.Build(FixtureFiles.DebtagsPackages, Small);

        Assert.Equal(["0ad", "2048-qt", "3dchess", "7kaa", "abacas", "abyss", "ace-of-penguins", "acedb-other"],
            data.Samples.Select(s => s.Package));
        Assert.Equal(["field::biology", "field::biology:bioinformatics", "game::board", "game::puzzle", "game::strategy",
            "implemented-in::c", "interface::commandline", "interface::graphical", "interface::x11", "scope::utility",
            "uitoolkit::sdl", "uitoolkit::xlib", "use::gameplaying", "x11::application"], data.TagNames);
        Assert.DoesNotContain(data.TagNames, t => t.StartsWith("role::", StringComparison.Ordinal));
        DebtagsSample abyss = data.Samples.Single(s => s.Package == "abyss");
        Assert.Equal(["field::biology", "implemented-in::c", "interface::commandline"], abyss.Labels.Select(l => data.TagNames[l]));
        Assert.Equal("de novo, parallel, sequence assembler for short reads", abyss.Text);

        // 2 untagged, 1 (0ad-data) left without a tag; 6 tags on one package only; role:: has 2 tags here.
        Assert.Equal([2, 0, 0, 1], data.Dropped.Select(d => d.Samples));
        Assert.Equal([0, 2, 6, 0], data.Dropped.Select(d => d.Classes));
    }

    [Fact]
    public void The_split_partitions_the_samples_and_gives_each_tag_its_test_share()
    {
        DebtagsDataset data = DebtagsDataset.Build(FixtureFiles.DebtagsPackages, Small);
        MultiLabelSplit split = data.Split;

        Assert.Equal(Enumerable.Range(0, data.Samples.Count), split.TrainIndices.Concat(split.TestIndices).Order());
        for (int c = 0; c < data.TagNames.Count; c++)
        {
            long total = data.Samples.Count(s => s.Labels.Contains(c));
            Assert.Equal(total, split.TrainCounts[c] + split.TestCounts[c]);
            Assert.Equal(split.TestCounts[c], split.TestIndices.Count(i => data.Samples[i].Labels.Contains(c)));
        }

        // Same seed, same split; the split does not depend on anything but the labels and the seed.
        Assert.Equal(split.TestIndices, DebtagsDataset.Build(FixtureFiles.DebtagsPackages, Small).Split.TestIndices);
    }

    [Fact]
    public void Rarest_label_first_gives_every_rare_label_a_test_positive()
    {
        // 40 labels on 2 samples each, paired with a common label: a random 25 % split would miss most of them.
        var labels = new List<IReadOnlyList<int>>();
        for (int c = 1; c <= 40; c++)
        {
            labels.Add([0, c]);
            labels.Add([0, c]);
            labels.Add([0]);
            labels.Add([0]);
        }

        MultiLabelSplit split = MultiLabelSplit.Create(labels, 41, 0.25, 5);
        Assert.All(Enumerable.Range(1, 40), c => Assert.Equal(1, split.TestCounts[c]));
        Assert.Equal(40, split.TestCounts[0]);
    }

    [Fact]
    public void The_summary_pins_the_file_by_its_hash()
    {
        string summary = DebtagsSummary.Of(DebtagsDataset.Build(FixtureFiles.DebtagsPackages, Small));
        string sha = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(FixtureFiles.DebtagsPackages)));

        Assert.StartsWith("debtags: 8 packages, 14 tags, ", summary, StringComparison.Ordinal);
        Assert.Contains("sha256 " + sha, summary, StringComparison.Ordinal);
        Assert.Contains("largest tag  interface::graphical: 5", summary, StringComparison.Ordinal);
        Assert.Contains("dropped: 6 tags, tags on fewer than 2 packages", summary, StringComparison.Ordinal);
    }

    [Fact]
    public void A_list_without_debtags_and_bad_options_are_refused_naming_the_fix()
    {
        string path = _files.Write("ubuntu_Packages", ["Package: a", "Description: a package", "", "Package: b", "Description: b"]);
        var e = Assert.Throws<DataFileException>(() => DebtagsDataset.Build(path));
        Assert.Contains("no package has a Tag field", e.Problem, StringComparison.Ordinal);

        // The fixture's 9 tagged packages under the default K = 20: no tag is kept (the summary would have had none to show).
        e = Assert.Throws<DataFileException>(() => DebtagsDataset.Build(FixtureFiles.DebtagsPackages));
        Assert.Contains("no tag is on 20 or more of its 9 tagged packages", e.Problem, StringComparison.Ordinal);
        Assert.Contains("a smaller K", e.Fix, StringComparison.Ordinal);

        Assert.Throws<ArgumentException>(() => DebtagsDataset.Build(FixtureFiles.DebtagsPackages, new DebtagsOptions(TestFraction: 1.0)));
        Assert.Throws<ArgumentException>(() => DebtagsDataset.Build(FixtureFiles.DebtagsPackages, new DebtagsOptions(MinPackagesPerTag: 0)));
    }

    [Fact]
    public void The_default_list_is_the_plain_main_list_and_an_lz4_one_names_build_sh()
    {
        string dir = Path.GetDirectoryName(_files.Write("lists/x_dists_bookworm-updates_main_binary-amd64_Packages", ["Package: u"]))!;
        _files.Write("lists/x_dists_bookworm_main_binary-amd64_Packages.lz4", ["not really lz4"]);
        var e = Assert.Throws<DataFileException>(() => DebtagsDataset.FindList(dir));
        Assert.Contains("./build.sh data debtags", e.Fix, StringComparison.Ordinal);

        string plain = _files.Write("lists/x_dists_bookworm_main_binary-amd64_Packages", ["Package: m"]);
        Assert.Equal(plain, DebtagsDataset.FindList(dir));
    }
}
