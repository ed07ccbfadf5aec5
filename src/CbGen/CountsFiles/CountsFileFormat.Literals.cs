using System.Globalization;
using System.Text;

namespace CbGen.CountsFiles;

// CountsFileFormat: a class name as a C# string literal, for the generated code (the generator's Literals.String) and
// for the [Samples(n, Label = "…")] that cbgen enum writes, so both escape a name the same way.
internal static partial class CountsFileFormat
{
    /// <summary>A C# string literal of <paramref name="value"/>: quotes and backslashes escaped, every character that
    /// would end the line or is a control character, and an unpaired surrogate (which no UTF-8 file can hold), written
    /// as <c>\uxxxx</c>; everything else, non-ASCII letters too, as it is.</summary>
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
                    bool pairedSurrogate = (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
                        || (char.IsLowSurrogate(c) && i > 0 && char.IsHighSurrogate(value[i - 1]));
                    if (char.IsControl(c) || IsLineBreak(c) || (char.IsSurrogate(c) && !pairedSurrogate))
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

    /// <summary>Whether C# reads <paramref name="c"/> as the end of a line (also inside comments and literals).</summary>
    public static bool IsLineBreak(char c) => c is '\r' or '\n' or '\u0085' or '\u2028' or '\u2029';
}
