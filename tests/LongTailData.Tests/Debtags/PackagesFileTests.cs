using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using LongTailData.Debtags;
using LongTailData.Files;

namespace LongTailData.Tests.Debtags;

/// <summary>The Packages-list reader on an excerpt of bookworm's real list, and the errors a damaged list gets.</summary>
public sealed class PackagesFileTests : IDisposable
{
    private readonly FixtureFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public void Stanzas_give_the_name_synopsis_and_tags_with_continuation_lines_joined()
    {
        List<DebianStanza> stanzas = PackagesFile.Read(FixtureFiles.DebtagsPackages, DebtagsDataset.SetupStep);

        Assert.Equal(11, stanzas.Count);
        DebianStanza first = stanzas[0];
        Assert.Equal("0ad", first.Package);
        Assert.Equal("Real-time strategy game of ancient warfare", first.Description);
        Assert.Equal(1, first.Line);
        // The Tag field runs over three lines in the list.
        Assert.Equal(["game::strategy", "interface::graphical", "interface::x11", "role::program", "uitoolkit::sdl",
            "uitoolkit::wxwidgets", "use::gameplaying", "x11::application"], first.Tags);
        Assert.Empty(stanzas.Single(s => s.Package == "2048").Tags);
    }

    [Fact]
    public void Brace_groups_expand_as_older_lists_write_them()
    {
        Assert.Equal(["devel::lang:c", "devel::library", "role::program"],
            PackagesFile.ParseTags("Packages", "devel::{lang:c, library},\n role::program", 3, DebianPackage.PackageLists));
    }

    [Fact]
    public void A_missing_list_names_apt_get_update()
    {
        string path = Path.Combine(Path.GetTempPath(), "no-such-dir-" + Guid.NewGuid().ToString("N"), "x_Packages");
        var e = Assert.Throws<DataFileException>(() => PackagesFile.Read(path, DebtagsDataset.SetupStep));
        FixtureFiles.AssertError(e, path, null, DebianPackage.PackageLists.InstallFix(DebtagsDataset.SetupStep), "written by 'apt-get update'");
    }

    [Fact]
    public void An_lz4_list_names_lz4cat()
    {
        string path = _files.Write("x_Packages.lz4", ["Package: a"]);
        var e = Assert.Throws<DataFileException>(() => PackagesFile.Read(path, DebtagsDataset.SetupStep));
        Assert.Contains("lz4cat", e.Fix, StringComparison.Ordinal);
        Assert.Contains("./build.sh data debtags", e.Fix, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, " continuation", "a continuation line")]
    [InlineData(4, "this is not a field", "neither 'Field: value' nor a continuation line")]
    [InlineData(11, "Tag: game::strategy, interface graphical,", "'interface graphical', which is not a 'facet::tag' value")]
    public void A_damaged_line_is_reported_at_its_line(int index, string replacement, string problem)
    {
        List<string> lines = FixtureFiles.Lines(FixtureFiles.DebtagsPackages);
        if (index == 0)
        {
            lines.Insert(0, replacement);
        }
        else
        {
            lines[index] = replacement;
        }

        string path = _files.Write("damaged_Packages", lines);
        var e = Assert.Throws<DataFileException>(() => PackagesFile.Read(path, DebtagsDataset.SetupStep));
        Assert.Equal(index + 1, e.LineNumber);
        Assert.Contains(problem, e.Problem, StringComparison.Ordinal);
        Assert.Contains(path + ", line " + (index + 1), e.Message, StringComparison.Ordinal);
        Assert.Contains("apt-get update", e.Fix, StringComparison.Ordinal);
    }
}
