using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using LongTailData.Files;
using LongTailData.Splits;

namespace LongTailData.Glyphs;

/// <summary>A 16×16 glyph of a CJK ideograph and its radical.</summary>
/// <param name="CodePoint">The character.</param>
/// <param name="Radical">Its first <c>kRSUnicode</c> value.</param>
/// <param name="Pixels">256 bytes, row by row, 1 for ink and 0 for paper.</param>
public sealed record GlyphSample(int CodePoint, RadicalStroke Radical, byte[] Pixels);

/// <summary>
/// Builds the glyphs → radicals data set from unifont's <c>unifont.hex</c> and Unihan's <c>kRSUnicode</c>. The rule:
/// every BMP code point that has a <c>kRSUnicode</c> value (these are exactly the CJK ideographs: the URO,
/// Extension A and the compatibility ideographs) and a 16×16 unifont glyph is a sample; its class is the radical of
/// its first value, traditional and simplified forms alike (<c>120'.3</c> counts as radical 120); radicals with fewer
/// than <see cref="SplitOptions.MinPerClass"/> glyphs are dropped. Classes are ordered by radical number.
/// </summary>
public static class GlyphDataset
{
    /// <summary>The side of a sample image.</summary>
    public const int Side = 16;

    /// <summary>Builds the data set from the two files (the Debian paths by default).</summary>
    /// <exception cref="DataFileException">A file is missing or damaged, or unifont.hex ends before code points that
    /// Unihan lists (truncated).</exception>
    public static LongTailDataset<GlyphSample> Build(string? unifontPath = null, string? unihanPath = null, SplitOptions? options = null)
    {
        options ??= SplitOptions.Default;
        options.Validate();
        unifontPath ??= UnifontHex.DebianPath;
        unihanPath ??= UnihanRadicals.DebianPath;
        NumberedLines.RequireFile(unifontPath, DebianPackage.Unifont, UnifontHex.SetupStep);
        NumberedLines.RequireFile(unihanPath, DebianPackage.UnicodeData, UnifontHex.SetupStep);

        IReadOnlyDictionary<int, RadicalStroke> radicals = UnihanRadicals.Read(unihanPath);
        IReadOnlyDictionary<int, Glyph> glyphs = UnifontHex.Read(unifontPath);
        int lastGlyph = glyphs.Keys.Max();

        int outsideBmp = 0, noGlyph = 0, halfWidth = 0;
        var candidates = new List<GlyphSample>();
        foreach (RadicalStroke rs in radicals.Values.OrderBy(r => r.CodePoint))
        {
            if (rs.CodePoint > 0xFFFF)
            {
                outsideBmp++;
            }
            else if (!glyphs.TryGetValue(rs.CodePoint, out Glyph? glyph))
            {
                if (rs.CodePoint > lastGlyph)
                {
                    throw new DataFileException(unifontPath, glyphs.Count, string.Format(CultureInfo.InvariantCulture,
                        "the file ends at U+{0:X4}, but Unihan gives a radical for U+{1:X4} and later BMP ideographs, "
                        + "which unifont draws: the file is truncated", lastGlyph, rs.CodePoint),
                        DebianPackage.Unifont.ReinstallFix);
                }

                noGlyph++;
            }
            else if (glyph.Width != Side)
            {
                halfWidth++;
            }
            else
            {
                candidates.Add(new GlyphSample(rs.CodePoint, rs, glyph.ToPixels()));
            }
        }

        var perRadical = candidates.GroupBy(s => s.Radical.Radical).ToDictionary(g => g.Key, g => g.Count());
        int[] kept = options.KeptClasses(perRadical, "radical", "glyphs");
        var index = kept.Select((radical, i) => (radical, i)).ToDictionary(p => p.radical, p => p.i);
        GlyphSample[] samples = candidates.Where(s => index.ContainsKey(s.Radical.Radical)).ToArray();

        var dropped = new List<Dropped>
        {
            new("code point outside the BMP (unifont.hex draws U+0000–U+FFFF only)", outsideBmp),
            new("no glyph in unifont.hex", noGlyph),
            new("8×16 glyph (only 16×16 glyphs are kept)", halfWidth),
            new("radical with fewer than " + options.MinPerClass.ToString(CultureInfo.InvariantCulture) + " glyphs",
                candidates.Count - samples.Length, perRadical.Count - kept.Length),
        };
        return new LongTailDataset<GlyphSample>("glyphs", samples, samples.Select(s => index[s.Radical.Radical]).ToArray(),
            kept.Select(RadicalStroke.Name).ToArray(), dropped, options);
    }

    /// <summary>The images of <paramref name="indices"/> as one row-major float array (N × 256; 1 ink, 0 paper).</summary>
    public static float[] ToFloats(IReadOnlyList<GlyphSample> samples, IReadOnlyList<int> indices)
    {
        ArgumentNullException.ThrowIfNull(samples);
        ArgumentNullException.ThrowIfNull(indices);
        const int size = Side * Side;
        var result = new float[indices.Count * size];
        for (int n = 0; n < indices.Count; n++)
        {
            byte[] pixels = samples[indices[n]].Pixels;
            for (int p = 0; p < size; p++)
            {
                result[(n * size) + p] = pixels[p];
            }
        }

        return result;
    }
}
