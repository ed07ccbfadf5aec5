using System;
using System.Collections.Generic;
using System.Linq;
using LongTailData.Files;
using LongTailData.Glyphs;
using LongTailData.Splits;
using LongTailData.Tests;

namespace LongTailData.Tests.Glyphs;

public sealed class GlyphDatasetTests : IDisposable
{
    // The fixture: radical 1 has 6 BMP characters (U+4E05 without a glyph) and one outside the BMP, radical 85 has 5,
    // radical 120 has 3 (two of them simplified: 120'), radical 2 has 2 and radical 90 has 1.
    private static readonly SplitOptions Small = new(MinPerClass: 3, TestPerClass: 1, ValidationFraction: 0.1, Seed: 7);
    private readonly FixtureFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public void Classes_are_the_radicals_with_enough_glyphs_in_radical_order()
    {
        LongTailDataset<GlyphSample> data = GlyphDataset.Build(FixtureFiles.Unifont, FixtureFiles.Unihan, Small);

        Assert.Equal(["1 \u2F00", "85 \u2F54", "120 \u2F77"], data.ClassNames);
        Assert.Equal([5L, 5L, 3L], data.ClassCounts);
        Assert.Equal(13, data.Samples.Count);
        Assert.All(data.Samples, s => Assert.Equal(256, s.Pixels.Length));
    }

    [Fact]
    public void Each_sample_is_labelled_with_its_own_radical()
    {
        LongTailDataset<GlyphSample> data = GlyphDataset.Build(FixtureFiles.Unifont, FixtureFiles.Unihan, Small);

        for (int i = 0; i < data.Samples.Count; i++)
        {
            Assert.StartsWith(data.Samples[i].Radical.Radical + " ", data.ClassNames[data.Labels[i]], StringComparison.Ordinal);
        }

        int simplified = data.Samples.Single(s => s.CodePoint == 0x7E9F).Radical.Radical;
        Assert.Equal(120, simplified);
    }

    [Fact]
    public void Pixels_are_the_unifont_bitmap()
    {
        LongTailDataset<GlyphSample> data = GlyphDataset.Build(FixtureFiles.Unifont, FixtureFiles.Unihan, Small);
        IReadOnlyDictionary<int, Glyph> glyphs = UnifontHex.Read(FixtureFiles.Unifont);

        foreach (GlyphSample s in data.Samples)
        {
            Assert.Equal(glyphs[s.CodePoint].ToPixels(), s.Pixels);
        }

        int one = data.Samples.ToList().FindIndex(s => s.CodePoint == 0x4E00);
        float[] floats = GlyphDataset.ToFloats(data.Samples, [one]);
        Assert.Equal(256, floats.Length);
        Assert.Equal(15f, floats.Sum());
        Assert.Equal(1f, floats[(7 * 16) + 0]);
    }

    [Fact]
    public void Dropped_samples_are_counted_by_reason()
    {
        LongTailDataset<GlyphSample> data = GlyphDataset.Build(FixtureFiles.Unifont, FixtureFiles.Unihan, Small);

        Assert.Equal(
            [(1, 0), (1, 0), (0, 0), (3, 2)],
            data.Dropped.Select(d => (d.Samples, d.Classes)));
        Assert.Contains("outside the BMP", data.Dropped[0].Reason, StringComparison.Ordinal);
        Assert.Contains("fewer than 3", data.Dropped[3].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void An_8x16_glyph_is_dropped_not_stretched()
    {
        List<string> lines = FixtureFiles.Lines(FixtureFiles.Unifont);
        int at = FixtureFiles.IndexOf(lines, "4E00:");
        lines[at] = "4E00:" + new string('0', 14) + "FF" + new string('0', 16);
        string path = _files.Write("unifont.hex", lines);

        LongTailDataset<GlyphSample> data = GlyphDataset.Build(path, FixtureFiles.Unihan, Small);

        Assert.Equal(1, data.Dropped[2].Samples);
        Assert.DoesNotContain(data.Samples, s => s.CodePoint == 0x4E00);
        Assert.Equal([4L, 5L, 3L], data.ClassCounts);
    }

    [Fact]
    public void A_unifont_file_cut_before_the_ideographs_is_truncated_not_a_subset()
    {
        List<string> lines = FixtureFiles.Lines(FixtureFiles.Unifont);
        List<string> cut = lines.Take(FixtureFiles.IndexOf(lines, "6C36:")).ToList();
        string path = _files.Write("unifont.hex", cut);

        DataFileException e = Assert.Throws<DataFileException>(() => GlyphDataset.Build(path, FixtureFiles.Unihan, Small));

        FixtureFiles.AssertError(e, path, cut.Count, "apt-get install --reinstall unifont", "ends at U+6C35");
    }

    [Fact]
    public void A_minimum_that_no_class_reaches_names_the_largest_class()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() =>
            GlyphDataset.Build(FixtureFiles.Unifont, FixtureFiles.Unihan, Small with { MinPerClass = 6 }));

        Assert.Equal("options", e.ParamName);
        Assert.Contains("No radical has 6 glyphs or more; the largest has 5. Lower MinPerClass", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_files_name_their_packages()
    {
        string missing = FixtureFiles.Unifont + ".missing";

        DataFileException font = Assert.Throws<DataFileException>(() => GlyphDataset.Build(missing, FixtureFiles.Unihan, Small));
        DataFileException unihan = Assert.Throws<DataFileException>(() => GlyphDataset.Build(FixtureFiles.Unifont, missing, Small));

        FixtureFiles.AssertError(font, missing, null, "apt-get install unifont", "does not exist");
        FixtureFiles.AssertError(unihan, missing, null, "apt-get install unicode-data", "does not exist");
        Assert.Contains("./build.sh data glyphs", font.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void The_split_holds_out_test_per_class_and_keeps_training_counts()
    {
        LongTailDataset<GlyphSample> data = GlyphDataset.Build(FixtureFiles.Unifont, FixtureFiles.Unihan, Small);

        Assert.Equal(3, data.Split.TestIndices.Count);
        Assert.Equal([0, 1, 2], data.Split.TestIndices.Select(i => data.Labels[i]).Order());
        Assert.Equal([3L, 3L, 1L], data.Split.TrainCounts); // n − 1 test − max(1, ⌊0.1·(n − 1)⌋) validation
        Assert.Equal([1L, 1L, 1L], data.Split.ValidationCounts);
    }
}
