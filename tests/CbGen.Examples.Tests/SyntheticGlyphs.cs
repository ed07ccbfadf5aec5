using System;
using System.Globalization;
using System.IO;
using System.Text;
using ICSharpCode.SharpZipLib.BZip2;

namespace CbGen.Examples.Tests;

/// <summary>
/// A tiny glyph data set in the packages' real formats: a <c>unifont.hex</c> with 16×16 glyphs and a Unihan
/// <c>Unihan_IRGSources.txt.bz2</c> whose <c>kRSUnicode</c> lines give each of them a radical. Radical r's glyphs
/// carry a horizontal bar in row r mod 16 plus seeded noise, so a CNN can tell the classes apart.
/// </summary>
internal static class SyntheticGlyphs
{
    /// <summary>Writes the two files into <paramref name="dir"/>: <paramref name="perRadical"/>[i] glyphs of
    /// <paramref name="radicals"/>[i], from U+4E00 on. Returns their paths.</summary>
    public static (string Unifont, string Unihan) Write(string dir, int[] radicals, int[] perRadical, int seed = 1)
    {
        Directory.CreateDirectory(dir);
        var rng = new Random(seed);
        var hex = new StringBuilder();
        var unihan = new StringBuilder("# Unihan_IRGSources.txt (synthetic)\n#\n");
        int code = 0x4E00;
        for (int k = 0; k < radicals.Length; k++)
        {
            for (int j = 0; j < perRadical[k]; j++, code++)
            {
                hex.Append(code.ToString("X4", CultureInfo.InvariantCulture)).Append(':');
                for (int row = 0; row < 16; row++)
                {
                    int bits = row == radicals[k] % 16 ? 0xFFFF : rng.Next(0, 1 << 16) & rng.Next(0, 1 << 16) & 0x0FF0;
                    hex.Append(bits.ToString("X4", CultureInfo.InvariantCulture));
                }

                hex.Append('\n');
                unihan.Append(CultureInfo.InvariantCulture, $"U+{code:X4}\tkRSUnicode\t{radicals[k]}.{j % 9}\n");
            }
        }

        unihan.Append("# EOF\n");
        string unifontPath = Path.Combine(dir, "unifont.hex");
        string unihanPath = Path.Combine(dir, "Unihan_IRGSources.txt.bz2");
        File.WriteAllText(unifontPath, hex.ToString());
        using (var output = File.Create(unihanPath))
        using (var bz = new BZip2OutputStream(output))
        {
            byte[] bytes = Encoding.UTF8.GetBytes(unihan.ToString());
            bz.Write(bytes, 0, bytes.Length);
        }

        return (unifontPath, unihanPath);
    }
}
