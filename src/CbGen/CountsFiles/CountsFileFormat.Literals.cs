using System.Globalization;
using System.Text;

namespace CbGen.CountsFiles;

// CountsFileFormat: how a class name (a data label) is written into C# source, the one home of the rules: as a string
// literal for the generated code (the generator's Literals.String) and for the [Samples(n, Label = "…")] that cbgen
// enum writes, as text for XML docs and comments (both tools), and what makes a label blank (CB065, and cbgen's
// refusal of a blank class name), so the generator and cbgen escape and judge a name the same way.
internal static partial class CountsFileFormat
{
    /// <summary>A C# string literal of <paramref name="value"/>: quotes and backslashes escaped, and every character
    /// <see cref="HiddenLength"/> finds (one that would end the line, a control or format character such as the bidi
    /// overrides U+202E and isolates U+2066–U+2069, a zero-width or other invisible character, a space other than
    /// U+0020, an unpaired surrogate) written as <c>\uxxxx</c> (<c>\Uxxxxxxxx</c> past U+FFFF), so the source shows
    /// what the string holds and cannot be displayed as something else (Trojan Source); everything else, non-ASCII
    /// letters too, as it is. The literal's value is <paramref name="value"/> itself.</summary>
    public static string StringLiteral(string value)
    {
        var builder = new StringBuilder(value.Length + 2);
        builder.Append('"');
        for (int i = 0; i < value.Length; i++)
        {
            char c = value[i];
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                default:
                    int hidden = HiddenLength(value, i);
                    if (hidden == 2)
                    {
                        builder.Append("\\U").Append(char.ConvertToUtf32(c, value[i + 1]).ToString("x8", CultureInfo.InvariantCulture));
                        i++;
                    }
                    else if (hidden == 1)
                    {
                        builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        return builder.Append('"').ToString();
    }

    /// <summary>Text for an XML doc comment (<c>/// &lt;summary&gt;…</c>): <see cref="VisibleText"/> with <c>&amp;</c>,
    /// <c>&lt;</c> and <c>&gt;</c> escaped.</summary>
    public static string DocText(string value) =>
        VisibleText(value).Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");

    /// <summary><paramref name="value"/> with every character <see cref="HiddenLength"/> finds written visibly as its
    /// code point in brackets (<c>[U+202E]</c>, <c>[U+000A]</c>, <c>[U+E0041]</c>), for comments and docs: the text can
    /// neither end its line nor reorder or hide what the reader sees.</summary>
    public static string VisibleText(string value)
    {
        StringBuilder? builder = null;
        for (int i = 0; i < value.Length; i++)
        {
            int hidden = HiddenLength(value, i);
            if (hidden == 0)
            {
                builder?.Append(value[i]);
                continue;
            }

            builder ??= new StringBuilder(value, 0, i, value.Length + 16);
            int codePoint = hidden == 2 ? char.ConvertToUtf32(value[i], value[i + 1]) : value[i];
            builder.Append("[U+").Append(codePoint.ToString("X4", CultureInfo.InvariantCulture)).Append(']');
            i += hidden - 1;
        }

        return builder?.ToString() ?? value;
    }

    /// <summary>Whether <paramref name="label"/> is blank as a data label: empty, or made only of white space and
    /// characters that show nothing (<see cref="HiddenLength"/>: <c>"\u200B"</c>, <c>"\uFEFF"</c>, <c>" \u2066"</c>).
    /// Such a label cannot be told apart from another in a message or in the source; the generator refuses it as a
    /// <c>Label</c> (CB065) and <c>cbgen enum</c> as a class name.</summary>
    public static bool IsBlankLabel(string label)
    {
        for (int i = 0; i < label.Length; i++)
        {
            if (char.IsWhiteSpace(label[i]))
            {
                continue;
            }

            int hidden = HiddenLength(label, i);
            if (hidden == 0)
            {
                return false;
            }

            i += hidden - 1;
        }

        return true;
    }

    /// <summary>The length (1, or 2 for a surrogate pair) of the character at <paramref name="index"/> when source
    /// text must not hold it as it is, else 0: a character that ends a C# line (<see cref="IsLineBreak"/>), a control
    /// character, a format character (Unicode category Cf: the bidi embeddings, overrides and isolates U+202A–U+202E,
    /// U+2066–U+2069, the marks U+200E/U+200F/U+061C, zero-width U+200B–U+200D, U+2060, U+FEFF, soft hyphen U+00AD,
    /// tag characters U+E0000–U+E007F, …), a space separator other than U+0020 (no-break and ideographic spaces, which
    /// look like a plain space), one of the other characters Unicode makes default-ignorable (invisible: the
    /// combining grapheme joiner U+034F, Hangul fillers U+115F, U+1160, U+3164, U+FFA0, Khmer U+17B4/U+17B5,
    /// variation selectors U+180B–U+180F, U+FE00–U+FE0F, U+E0100–U+E01EF), the blank braille pattern U+2800, the
    /// noncharacters U+FFFE/U+FFFF, or an unpaired surrogate (which no UTF-8 file can hold).</summary>
    public static int HiddenLength(string text, int index)
    {
        char c = text[index];
        if (char.IsHighSurrogate(c) && index + 1 < text.Length && char.IsLowSurrogate(text[index + 1]))
        {
            int codePoint = char.ConvertToUtf32(c, text[index + 1]);
            bool hiddenPair = CharUnicodeInfo.GetUnicodeCategory(text, index) == UnicodeCategory.Format
                || (codePoint >= 0xE0100 && codePoint <= 0xE01EF);
            return hiddenPair ? 2 : 0;
        }

        if (char.IsSurrogate(c))
        {
            // Unpaired: a low surrogate after a high one is the second half of a pair, written with it.
            return char.IsLowSurrogate(c) && index > 0 && char.IsHighSurrogate(text[index - 1]) ? 0 : 1;
        }

        return IsHidden(c) ? 1 : 0;
    }

    /// <summary>Whether the UTF-16 unit <paramref name="c"/> (not a surrogate) is one that source text must not hold
    /// as it is (<see cref="HiddenLength"/>): also kept out of the member names both tools write.</summary>
    public static bool IsHidden(char c)
    {
        if (c == ' ')
        {
            return false;
        }

        switch (CharUnicodeInfo.GetUnicodeCategory(c))
        {
            case UnicodeCategory.Control:
            case UnicodeCategory.Format:
            case UnicodeCategory.SpaceSeparator:
            case UnicodeCategory.LineSeparator:
            case UnicodeCategory.ParagraphSeparator:
                return true;
        }

        return IsLineBreak(c)
            || c is '\u034F' or '\u115F' or '\u1160' or '\u17B4' or '\u17B5' or '\u2800' or '\u3164' or '\uFFA0' or '\uFFFE' or '\uFFFF'
            || (c >= '\u180B' && c <= '\u180F')
            || (c >= '\uFE00' && c <= '\uFE0F');
    }

    /// <summary>Whether C# reads <paramref name="c"/> as the end of a line (also inside comments and literals).</summary>
    public static bool IsLineBreak(char c) => c is '\r' or '\n' or '\u0085' or '\u2028' or '\u2029';
}
