using System;

namespace LongTailData.Glyphs;

/// <summary>One unifont bitmap: 16 rows of 8 or 16 pixels, the most significant bit leftmost.</summary>
public sealed class Glyph
{
    /// <summary>The glyph height: unifont draws every glyph 16 pixels high.</summary>
    public const int Height = 16;

    private readonly ushort[] _rows;

    /// <summary>Creates a glyph from its rows (16 values; for an 8-pixel glyph only the low 8 bits are used).</summary>
    public Glyph(int codePoint, int width, ushort[] rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (width is not (8 or 16))
        {
            throw new ArgumentOutOfRangeException(nameof(width), width, "A unifont glyph is 8 or 16 pixels wide.");
        }

        if (rows.Length != Height)
        {
            throw new ArgumentException("A unifont glyph has 16 rows.", nameof(rows));
        }

        CodePoint = codePoint;
        Width = width;
        _rows = (ushort[])rows.Clone();
    }

    /// <summary>The Unicode code point the glyph draws.</summary>
    public int CodePoint { get; }

    /// <summary>8 (half-width) or 16 (full-width) pixels.</summary>
    public int Width { get; }

    /// <summary>Whether the pixel in <paramref name="row"/>, <paramref name="column"/> (0-based, from the top left) is ink.</summary>
    public bool this[int row, int column]
    {
        get
        {
            if ((uint)row >= Height || (uint)column >= (uint)Width)
            {
                throw new ArgumentOutOfRangeException(nameof(column), "The pixel lies outside the " + Width + "×16 glyph.");
            }

            return ((_rows[row] >> (Width - 1 - column)) & 1) != 0;
        }
    }

    /// <summary>The pixels row by row, 1 for ink and 0 for paper (16 × <see cref="Width"/> bytes).</summary>
    public byte[] ToPixels()
    {
        var pixels = new byte[Height * Width];
        for (int r = 0; r < Height; r++)
        {
            for (int c = 0; c < Width; c++)
            {
                pixels[(r * Width) + c] = this[r, c] ? (byte)1 : (byte)0;
            }
        }

        return pixels;
    }
}
