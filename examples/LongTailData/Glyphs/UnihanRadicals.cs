using System;
using System.Collections.Generic;
using System.Globalization;
using LongTailData.Files;

namespace LongTailData.Glyphs;

/// <summary>
/// Reads the <c>kRSUnicode</c> field of a Unihan file: lines <c>U+XXXX&lt;TAB&gt;field&lt;TAB&gt;value</c>,
/// comments starting with <c>#</c>, blank lines, and a last line <c># EOF</c>. Unicode 15.0 (Debian's
/// <c>unicode-data</c> 15.0.0) keeps the field in <c>Unihan_IRGSources.txt.bz2</c>; every Unihan file has lines of
/// this shape, so another version's file that holds the field can be passed instead.
/// </summary>
public static class UnihanRadicals
{
    /// <summary>Where Debian's <c>unicode-data</c> package installs the file with <c>kRSUnicode</c>.</summary>
    public const string DebianPath = "/usr/share/unicode/Unihan_IRGSources.txt.bz2";

    /// <summary>The field read.</summary>
    public const string Field = "kRSUnicode";

    private const string EndMarker = "# EOF";

    /// <summary>
    /// The first <c>kRSUnicode</c> value of every character that has one, keyed by code point. When the field lists
    /// several values (33 BMP characters in Unicode 15.0, e.g. <c>U+4E2C 90.0 90'.0</c>), the first is Unihan's
    /// primary classification and is the one taken.
    /// </summary>
    /// <exception cref="DataFileException">The file is missing, a line is malformed, a radical is outside 1–214, a
    /// character has the field twice, no character has it, or the file does not end with <c># EOF</c> (truncated).</exception>
    public static IReadOnlyDictionary<int, RadicalStroke> Read(string path)
    {
        var result = new Dictionary<int, RadicalStroke>();
        bool ended = false;
        int last = 0;
        foreach (NumberedLine line in NumberedLines.Read(path, DebianPackage.UnicodeData, UnifontHex.SetupStep))
        {
            last = line.Number;
            string text = line.Text;
            ended = text.Trim() == EndMarker;
            if (text.Length == 0 || text[0] == '#')
            {
                continue;
            }

            string[] fields = text.Split('\t');
            if (fields.Length != 3)
            {
                throw Corrupt(path, line.Number, "the line has " + fields.Length.ToString(CultureInfo.InvariantCulture)
                    + " tab-separated field(s), not 3 ('U+XXXX<TAB>field<TAB>value')");
            }

            int codePoint = ParseCodePoint(path, line.Number, fields[0]);
            if (fields[1] != Field)
            {
                continue;
            }

            // Every value is checked; the first is kept.
            string[] values = fields[2].Split(' ');
            RadicalStroke first = ParseValue(path, line.Number, codePoint, values[0]);
            for (int i = 1; i < values.Length; i++)
            {
                ParseValue(path, line.Number, codePoint, values[i]);
            }

            if (!result.TryAdd(codePoint, first))
            {
                throw Corrupt(path, line.Number, string.Format(CultureInfo.InvariantCulture,
                    "U+{0:X4} has a second {1} line; Unihan lists each field once per character", codePoint, Field));
            }
        }

        if (!ended)
        {
            throw Corrupt(path, last, "the file does not end with the line '" + EndMarker
                + "' that closes every Unihan file, so it is truncated");
        }

        if (result.Count == 0)
        {
            throw new DataFileException(path, null, "no line has the field " + Field
                + " (is this the Unihan file that holds it? Unicode 15.0 keeps it in Unihan_IRGSources.txt)",
                "pass " + DebianPath + " from the Debian package unicode-data ('apt-get install unicode-data')");
        }

        return result;
    }

    private static int ParseCodePoint(string path, int line, string field)
    {
        if (field.Length is >= 6 and <= 8 && field.StartsWith("U+", StringComparison.Ordinal)
            && int.TryParse(field.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out int cp)
            && cp <= 0x10FFFF)
        {
            return cp;
        }

        throw Corrupt(path, line, "'" + field + "' is not a code point ('U+' and 4 to 6 hex digits)");
    }

    private static RadicalStroke ParseValue(string path, int line, int codePoint, string value)
    {
        // R'{0,3}.S with R in 1..214 and S an integer that may be negative (e.g. 47.-1).
        int dot = value.IndexOf('.', StringComparison.Ordinal);
        string radicalPart = dot < 0 ? value : value[..dot];
        string marksless = radicalPart.TrimEnd('\'');
        int marks = radicalPart.Length - marksless.Length;
        if (dot < 0 || marks > 3
            || !int.TryParse(marksless, NumberStyles.None, CultureInfo.InvariantCulture, out int radical)
            || !int.TryParse(value.AsSpan(dot + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int strokes))
        {
            throw Corrupt(path, line, "the " + Field + " value '" + value + "' is not 'R.S' (radical, up to three "
                + "apostrophes, a dot, residual strokes)");
        }

        if (radical is < 1 or > RadicalStroke.KangxiRadicalCount)
        {
            throw Corrupt(path, line, "the radical " + radical.ToString(CultureInfo.InvariantCulture)
                + " is outside the 214 Kangxi radicals (1–214)");
        }

        return new RadicalStroke(codePoint, radical, marks, strokes);
    }

    private static DataFileException Corrupt(string path, int line, string problem) =>
        new(path, line, problem, DebianPackage.UnicodeData.ReinstallFix);
}
