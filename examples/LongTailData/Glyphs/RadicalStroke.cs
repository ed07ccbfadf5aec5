namespace LongTailData.Glyphs;

/// <summary>
/// One value of Unihan's <c>kRSUnicode</c> field, <c>R.S</c>: the Kangxi radical R (1–214) and the residual stroke
/// count S (may be negative). Apostrophes after R (<c>120'.3</c>) say the character uses a simplified or other
/// variant form of radical R: <see cref="VariantMarks"/> counts them, and the radical is still R.
/// </summary>
/// <param name="CodePoint">The character.</param>
/// <param name="Radical">The Kangxi radical number, 1–214.</param>
/// <param name="VariantMarks">0 for the radical's traditional form; 1–3 apostrophes for a simplified or variant form.</param>
/// <param name="ResidualStrokes">Strokes beyond the radical.</param>
public readonly record struct RadicalStroke(int CodePoint, int Radical, int VariantMarks, int ResidualStrokes)
{
    /// <summary>The number of Kangxi radicals.</summary>
    public const int KangxiRadicalCount = 214;

    /// <summary>
    /// The radical's class name: its number and the character of the Unicode block "Kangxi Radicals"
    /// (U+2F00 is radical 1, U+2FD5 radical 214), e.g. <c>85 ⽔</c>.
    /// </summary>
    public static string Name(int radical) =>
        radical.ToString(System.Globalization.CultureInfo.InvariantCulture) + " " + (char)(0x2F00 + radical - 1);
}
