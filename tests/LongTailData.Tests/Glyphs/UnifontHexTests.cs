using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using LongTailData.Files;
using LongTailData.Glyphs;
using LongTailData.Tests;

namespace LongTailData.Tests.Glyphs;

public sealed class UnifontHexTests : IDisposable
{
    private const string Reinstall = "apt-get install --reinstall unifont";
    private readonly FixtureFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public void Reads_every_line_of_the_fixture_with_its_width()
    {
        IReadOnlyDictionary<int, Glyph> glyphs = UnifontHex.Read(FixtureFiles.Unifont);

        Assert.Equal(FixtureFiles.Lines(FixtureFiles.Unifont).Count, glyphs.Count);
        Assert.Equal(8, glyphs[0x41].Width);
        Assert.Equal(16, glyphs[0x4E00].Width);
        Assert.Equal(16 * 16, glyphs[0x6C34].ToPixels().Length);
    }

    [Fact]
    public void Bitmap_of_one_is_a_single_horizontal_stroke()
    {
        // 一 (U+4E00) in unifont 15: row 7 is FFFE (15 ink pixels from the left), every other row is empty.
        Glyph one = UnifontHex.Read(FixtureFiles.Unifont)[0x4E00];
        byte[] pixels = one.ToPixels();

        for (int r = 0; r < 16; r++)
        {
            for (int c = 0; c < 16; c++)
            {
                Assert.Equal(r == 7 && c < 15 ? 1 : 0, pixels[(r * 16) + c]);
            }
        }
    }

    [Fact]
    public void Pixels_follow_the_hex_digits_most_significant_bit_first()
    {
        // Independent decoding of each fixture line: digit by digit, bit by bit.
        IReadOnlyDictionary<int, Glyph> glyphs = UnifontHex.Read(FixtureFiles.Unifont);
        foreach (string line in FixtureFiles.Lines(FixtureFiles.Unifont))
        {
            string[] parts = line.Split(':');
            Glyph glyph = glyphs[int.Parse(parts[0], NumberStyles.HexNumber, CultureInfo.InvariantCulture)];
            string bits = string.Concat(parts[1].Select(d => Convert.ToString(Convert.ToInt32(d.ToString(), 16), 2).PadLeft(4, '0')));
            Assert.Equal(bits, string.Concat(glyph.ToPixels().Select(p => p.ToString(CultureInfo.InvariantCulture))));
        }
    }

    [Theory]
    [InlineData("4E00:0000000000000000000000000000FFFE0000000000000000000000000000000", "63 hex digits")]
    [InlineData("4E00", "no ':'")]
    [InlineData("4E0:0000000000000000000000000000FFFE00000000000000000000000000000000", "not 4 to 6 hex digits")]
    [InlineData("4E00:0000000000000000000000000000FFFE0000000000000000000000000000000G", "not a hex digit")]
    [InlineData("4E00:", "not a hex digit")]
    public void A_damaged_line_names_file_line_and_reinstall(string damaged, string problem)
    {
        List<string> lines = FixtureFiles.Lines(FixtureFiles.Unifont);
        int at = FixtureFiles.IndexOf(lines, "4E00:");
        lines[at] = damaged;
        string path = _files.Write("unifont.hex", lines);

        DataFileException e = Assert.Throws<DataFileException>(() => UnifontHex.Read(path));

        FixtureFiles.AssertError(e, path, at + 1, Reinstall, problem);
    }

    [Fact]
    public void A_repeated_or_out_of_order_code_point_is_an_error()
    {
        List<string> lines = FixtureFiles.Lines(FixtureFiles.Unifont);
        int at = FixtureFiles.IndexOf(lines, "4E01:");
        lines.Insert(at + 1, lines[at]);
        string path = _files.Write("unifont.hex", lines);

        DataFileException e = Assert.Throws<DataFileException>(() => UnifontHex.Read(path));

        FixtureFiles.AssertError(e, path, at + 2, Reinstall, "U+4E01 follows U+4E01");
    }

    [Fact]
    public void An_empty_file_is_an_error_not_an_empty_font()
    {
        string path = _files.Write("unifont.hex", []);

        DataFileException e = Assert.Throws<DataFileException>(() => UnifontHex.Read(path));

        FixtureFiles.AssertError(e, path, null, Reinstall, "no glyph lines");
    }

    [Fact]
    public void A_missing_file_says_which_package_to_install()
    {
        string path = _files.Write("x", []) + ".missing";

        DataFileException e = Assert.Throws<DataFileException>(() => UnifontHex.Read(path));

        FixtureFiles.AssertError(e, path, null, "apt-get install unifont", "does not exist");
    }
}
