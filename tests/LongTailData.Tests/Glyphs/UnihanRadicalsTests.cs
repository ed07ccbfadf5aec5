using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using LongTailData.Files;
using LongTailData.Glyphs;
using LongTailData.Tests;

namespace LongTailData.Tests.Glyphs;

public sealed class UnihanRadicalsTests : IDisposable
{
    private const string Reinstall = "apt-get install --reinstall unicode-data";
    private readonly FixtureFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public void Reads_one_value_per_character_that_has_kRSUnicode()
    {
        IReadOnlyDictionary<int, RadicalStroke> radicals = UnihanRadicals.Read(FixtureFiles.Unihan);

        int expected = FixtureFiles.Lines(FixtureFiles.Unihan).Count(l => l.Contains("\tkRSUnicode\t", StringComparison.Ordinal));
        Assert.Equal(expected, radicals.Count);
        Assert.Equal(new RadicalStroke(0x4E00, 1, 0, 0), radicals[0x4E00]);
        Assert.Equal(new RadicalStroke(0x3400, 1, 0, 4), radicals[0x3400]);
        Assert.Equal(new RadicalStroke(0x20000, 1, 0, 1), radicals[0x20000]);
    }

    [Fact]
    public void A_simplified_radical_counts_its_apostrophes_and_keeps_its_number()
    {
        IReadOnlyDictionary<int, RadicalStroke> radicals = UnihanRadicals.Read(FixtureFiles.Unihan);

        Assert.Equal(new RadicalStroke(0x7E9F, 120, 1, 0), radicals[0x7E9F]); // 纟 120'.0
        Assert.Equal(new RadicalStroke(0x7CF8, 120, 0, 0), radicals[0x7CF8]); // 糸 120.0
    }

    [Fact]
    public void Of_several_values_the_first_is_taken()
    {
        // U+4E2C kRSUnicode 90.0 90'.0
        Assert.Equal(new RadicalStroke(0x4E2C, 90, 0, 0), UnihanRadicals.Read(FixtureFiles.Unihan)[0x4E2C]);
    }

    [Fact]
    public void A_negative_residual_stroke_count_is_valid()
    {
        string path = WithLine("U+4E00\tkRSUnicode\t47.-1", "U+4E00\tkRSUnicode");

        Assert.Equal(new RadicalStroke(0x4E00, 47, 0, -1), UnihanRadicals.Read(path)[0x4E00]);
    }

    [Theory]
    [InlineData("U+4E00\tkRSUnicode\t215.0", "outside the 214 Kangxi radicals")]
    [InlineData("U+4E00\tkRSUnicode\t0.0", "outside the 214 Kangxi radicals")]
    [InlineData("U+4E00\tkRSUnicode\t1", "is not 'R.S'")]
    [InlineData("U+4E00\tkRSUnicode\t1''''.0", "is not 'R.S'")]
    [InlineData("U+4E00\tkRSUnicode\t1.0 x.2", "'x.2' is not 'R.S'")]
    [InlineData("U+4E00\tkRSUnicode", "2 tab-separated field(s)")]
    [InlineData("U+4E0\tkRSUnicode\t1.0", "is not a code point")]
    [InlineData("4E00\tkRSUnicode\t1.0", "is not a code point")]
    public void A_damaged_line_names_file_line_and_reinstall(string damaged, string problem)
    {
        string path = WithLine(damaged, "U+4E00\tkRSUnicode", out int line);

        DataFileException e = Assert.Throws<DataFileException>(() => UnihanRadicals.Read(path));

        FixtureFiles.AssertError(e, path, line, Reinstall, problem);
    }

    [Fact]
    public void A_second_kRSUnicode_line_for_a_character_is_an_error()
    {
        List<string> lines = FixtureFiles.Lines(FixtureFiles.Unihan);
        int at = FixtureFiles.IndexOf(lines, "U+4E00\tkRSUnicode");
        lines.Insert(at + 1, "U+4E00\tkRSUnicode\t2.0");
        string path = _files.Write("Unihan.txt", lines);

        DataFileException e = Assert.Throws<DataFileException>(() => UnihanRadicals.Read(path));

        FixtureFiles.AssertError(e, path, at + 2, Reinstall, "second kRSUnicode line");
    }

    [Fact]
    public void A_file_cut_at_a_line_boundary_is_truncated_not_a_subset()
    {
        List<string> lines = FixtureFiles.Lines(FixtureFiles.Unihan);
        List<string> cut = lines.Take(FixtureFiles.IndexOf(lines, "U+6C34")).ToList();
        string path = _files.Write("Unihan.txt", cut);

        DataFileException e = Assert.Throws<DataFileException>(() => UnihanRadicals.Read(path));

        FixtureFiles.AssertError(e, path, cut.Count, Reinstall, "does not end with the line '# EOF'");
    }

    [Fact]
    public void A_truncated_bz2_file_is_an_error_with_the_fix()
    {
        byte[] bytes = File.ReadAllBytes(FixtureFiles.Unihan);
        string path = _files.WriteBytes("Unihan.txt.bz2", bytes[..(bytes.Length / 2)]);

        DataFileException e = Assert.Throws<DataFileException>(() => UnihanRadicals.Read(path));

        Assert.Equal(path, e.FilePath);
        Assert.Contains(Reinstall, e.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void A_plain_file_that_is_not_bz2_is_an_error_with_the_fix()
    {
        string path = _files.Write("Unihan.txt.bz2", FixtureFiles.Lines(FixtureFiles.Unihan));

        DataFileException e = Assert.Throws<DataFileException>(() => UnihanRadicals.Read(path));

        FixtureFiles.AssertError(e, path, null, Reinstall, "not valid .bz2 data");
    }

    [Fact]
    public void A_file_without_the_field_says_which_file_holds_it()
    {
        List<string> lines = FixtureFiles.Lines(FixtureFiles.Unihan).Where(l => !l.Contains("kRSUnicode\t", StringComparison.Ordinal)).ToList();
        string path = _files.Write("Unihan.txt", lines);

        DataFileException e = Assert.Throws<DataFileException>(() => UnihanRadicals.Read(path));

        FixtureFiles.AssertError(e, path, null, "apt-get install unicode-data", "no line has the field kRSUnicode");
    }

    [Fact]
    public void A_missing_file_says_which_package_to_install()
    {
        string path = Path.Combine(Path.GetTempPath(), "no-such-unihan-" + Guid.NewGuid().ToString("N") + ".txt.bz2");

        DataFileException e = Assert.Throws<DataFileException>(() => UnihanRadicals.Read(path));

        FixtureFiles.AssertError(e, path, null, "apt-get install unicode-data", "does not exist");
    }

    [Fact]
    public void Kangxi_radical_names_are_the_number_and_the_block_character()
    {
        Assert.Equal("1 \u2F00", RadicalStroke.Name(1));
        Assert.Equal("85 \u2F54", RadicalStroke.Name(85));
        Assert.Equal("214 \u2FD5", RadicalStroke.Name(214));
    }

    private string WithLine(string replacement, string prefix) => WithLine(replacement, prefix, out _);

    private string WithLine(string replacement, string prefix, out int lineNumber)
    {
        List<string> lines = FixtureFiles.Lines(FixtureFiles.Unihan);
        int at = FixtureFiles.IndexOf(lines, prefix);
        lines[at] = replacement;
        lineNumber = at + 1;
        return _files.Write("Unihan.txt", lines);
    }
}
