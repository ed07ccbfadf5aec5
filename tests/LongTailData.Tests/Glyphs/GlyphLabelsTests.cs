using System;
using System.IO;
using System.Linq;
using LongTailData.Glyphs;
using LongTailData.Splits;

namespace LongTailData.Tests.Glyphs;

public sealed class GlyphLabelsTests : IDisposable
{
    private static readonly SplitOptions Small = new(MinPerClass: 3, TestPerClass: 1, ValidationFraction: 0.1, Seed: 7);
    private readonly string _labels = Path.Combine(Path.GetTempPath(), "glyph-labels-" + Guid.NewGuid().ToString("N") + ".csv");

    public void Dispose() => File.Delete(_labels);

    [Fact]
    public void Keys_sort_ordinally_in_radical_order()
    {
        string[] keys = Enumerable.Range(1, RadicalStroke.KangxiRadicalCount).Select(GlyphLabels.Key).ToArray();

        Assert.Equal("R001", keys[0]);
        Assert.Equal("R214", keys[^1]);
        Assert.Equal(keys, keys.Order(StringComparer.Ordinal));
        Assert.Throws<ArgumentOutOfRangeException>(() => GlyphLabels.Key(215));
    }

    [Fact]
    public void The_labels_file_holds_one_key_per_training_glyph()
    {
        var data = GlyphDataset.Build(FixtureFiles.Unifont, FixtureFiles.Unihan, Small);

        int code = Cli.Run(["glyphs", "--unifont", FixtureFiles.Unifont, "--unihan", FixtureFiles.Unihan, "--min", "3", "--test", "1",
            "--seed", "7", "--labels", _labels], new StringWriter(), new StringWriter());

        Assert.Equal(0, code);
        string[] lines = File.ReadAllLines(_labels);
        Assert.Equal(GlyphLabels.Column, lines[0]);
        string[] keys = GlyphLabels.Keys(data);
        var counted = lines.Skip(1).GroupBy(k => k).ToDictionary(g => g.Key, g => (long)g.Count());
        Assert.Equal(keys.Select((k, c) => data.Split.TrainCounts[c]), keys.Select(k => counted[k]));
        Assert.Equal(data.Split.TrainIndices.Count, lines.Length - 1);
    }
}
