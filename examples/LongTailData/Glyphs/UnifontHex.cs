using System;
using System.Collections.Generic;
using System.Globalization;
using LongTailData.Files;

namespace LongTailData.Glyphs;

/// <summary>
/// Reads GNU Unifont's <c>.hex</c> format: one glyph a line, <c>XXXX:BITS</c>, the code point in 4 to 6 hex digits
/// and the bitmap in 32 hex digits (8×16, two digits a row) or 64 (16×16, four digits a row), in ascending
/// code-point order. Debian's <c>unifont</c> package ships it as <c>/usr/share/unifont/unifont.hex</c> (plain; a
/// <c>.hex.gz</c> copy is read too).
/// </summary>
public static class UnifontHex
{
    /// <summary>Where Debian's <c>unifont</c> package installs the file.</summary>
    public const string DebianPath = "/usr/share/unifont/unifont.hex";

    /// <summary>The <c>build.sh</c> verb that installs the glyph packages.</summary>
    public const string SetupStep = "data glyphs";

    /// <summary>Reads every glyph of <paramref name="path"/>, keyed by code point.</summary>
    /// <exception cref="DataFileException">The file is missing or empty, or a line is not <c>XXXX:BITS</c> as above
    /// (the message names the line and what is wrong with it).</exception>
    public static IReadOnlyDictionary<int, Glyph> Read(string path)
    {
        var glyphs = new Dictionary<int, Glyph>();
        int previous = -1;
        foreach (NumberedLine line in NumberedLines.Read(path, DebianPackage.Unifont, SetupStep))
        {
            Glyph glyph = Parse(path, line);
            if (glyph.CodePoint <= previous)
            {
                throw Corrupt(path, line.Number, string.Format(CultureInfo.InvariantCulture,
                    "U+{0:X4} follows U+{1:X4}, but the file lists code points once each, in ascending order",
                    glyph.CodePoint, previous));
            }

            previous = glyph.CodePoint;
            glyphs.Add(glyph.CodePoint, glyph);
        }

        if (glyphs.Count == 0)
        {
            throw new DataFileException(path, null, "the file has no glyph lines", DebianPackage.Unifont.ReinstallFix);
        }

        return glyphs;
    }

    /// <summary>Parses one <c>XXXX:BITS</c> line.</summary>
    /// <exception cref="DataFileException">The line is not in the format.</exception>
    public static Glyph Parse(string path, NumberedLine line)
    {
        string text = line.Text;
        int colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0)
        {
            throw Corrupt(path, line.Number, "the line has no ':' between the code point and the bitmap ('XXXX:BITS' expected, found '" + Clip(text) + "')");
        }

        string point = text[..colon];
        string bits = text[(colon + 1)..];
        if (point.Length is < 4 or > 6 || !IsHex(point))
        {
            throw Corrupt(path, line.Number, "the code point '" + Clip(point) + "' is not 4 to 6 hex digits");
        }

        if (!IsHex(bits))
        {
            throw Corrupt(path, line.Number, "the bitmap '" + Clip(bits) + "' has a character that is not a hex digit");
        }

        int width = bits.Length switch { 32 => 8, 64 => 16, _ => 0 };
        if (width == 0)
        {
            throw Corrupt(path, line.Number, "the bitmap has " + bits.Length.ToString(CultureInfo.InvariantCulture)
                + " hex digits; a 16-pixel-high glyph has 32 (8 wide) or 64 (16 wide), so the line is truncated or damaged");
        }

        int digitsPerRow = width / 4;
        var rows = new ushort[Glyph.Height];
        for (int r = 0; r < Glyph.Height; r++)
        {
            rows[r] = ushort.Parse(bits.AsSpan(r * digitsPerRow, digitsPerRow), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
        }

        return new Glyph(int.Parse(point, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture), width, rows);
    }

    private static DataFileException Corrupt(string path, int line, string problem) =>
        new(path, line, problem, DebianPackage.Unifont.ReinstallFix);

    private static bool IsHex(string s)
    {
        if (s.Length == 0)
        {
            return false;
        }

        foreach (char c in s)
        {
            if (!char.IsAsciiHexDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    private static string Clip(string s) => s.Length <= 24 ? s : s[..24] + "…";
}
