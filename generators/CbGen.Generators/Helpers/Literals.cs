using System;
using System.Globalization;

namespace CbGen.Generators.Helpers
{
    /// <summary>C# literals written with the invariant culture at round-trip precision, with type suffixes.</summary>
    internal static class Literals
    {
        /// <summary>A <c>double</c> literal that parses back to exactly <paramref name="value"/>, e.g. <c>0.9999D</c>.</summary>
        public static string Double(double value)
        {
            if (double.IsNaN(value))
            {
                return "double.NaN";
            }

            if (double.IsPositiveInfinity(value))
            {
                return "double.PositiveInfinity";
            }

            if (double.IsNegativeInfinity(value))
            {
                return "double.NegativeInfinity";
            }

            string text = value.ToString("R", CultureInfo.InvariantCulture);

            // "R" did not always round-trip on .NET Framework hosts; G17 always does.
            if (double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture) != value)
            {
                text = value.ToString("G17", CultureInfo.InvariantCulture);
            }

            if (text.IndexOf('.') < 0 && text.IndexOf('E') < 0)
            {
                // 1 -> 1.0: reads as a double at a glance.
                text += ".0";
            }

            if (value == 0.0 && BitConverter.DoubleToInt64Bits(value) < 0)
            {
                text = "-0.0";
            }

            return text + "D";
        }

        /// <summary>A <c>long</c> literal, e.g. <c>5000L</c>.</summary>
        public static string Long(long value) => value.ToString(CultureInfo.InvariantCulture) + "L";

        /// <summary>An <c>int</c> literal.</summary>
        public static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);

        /// <summary>A number for comments and messages (invariant culture, round-trip).</summary>
        public static string Text(double value) => value.ToString("R", CultureInfo.InvariantCulture);

        /// <summary>A number for comments and messages (invariant culture).</summary>
        public static string Text(long value) => value.ToString(CultureInfo.InvariantCulture);

        /// <summary>A C# string literal (for messages in generated code).</summary>
        public static string String(string value)
        {
            var builder = new System.Text.StringBuilder(value.Length + 2);
            builder.Append('"');
            foreach (char c in value)
            {
                switch (c)
                {
                    case '"': builder.Append("\\\""); break;
                    case '\\': builder.Append("\\\\"); break;
                    case '\n': builder.Append("\\n"); break;
                    case '\r': builder.Append("\\r"); break;
                    default:
                        if (char.IsControl(c) || IsLineBreak(c))
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

        /// <summary>Text for a <c>//</c> comment: every character that would end the line (CR, LF, U+0085, U+2028,
        /// U+2029) or that is a control character is written as <c>\uXXXX</c>, so the text can never end the comment.</summary>
        public static string Comment(string value)
        {
            System.Text.StringBuilder? builder = null;
            for (int i = 0; i < value.Length; i++)
            {
                char c = value[i];
                if (char.IsControl(c) || IsLineBreak(c))
                {
                    builder ??= new System.Text.StringBuilder(value, 0, i, value.Length + 16);
                    builder.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                }
                else
                {
                    builder?.Append(c);
                }
            }

            return builder?.ToString() ?? value;
        }

        /// <summary>Text for an XML doc comment: <c>&amp;</c>, <c>&lt;</c> and <c>&gt;</c> escaped, and what XML or the
        /// <c>///</c> line cannot hold (control characters, line breaks, U+FFFE/U+FFFF, unpaired surrogates) written as
        /// <c>\uXXXX</c>.</summary>
        public static string Xml(string value)
        {
            var builder = new System.Text.StringBuilder(value.Length + 16);
            for (int i = 0; i < value.Length; i++)
            {
                char c = value[i];
                bool pairedSurrogate = (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
                    || (char.IsLowSurrogate(c) && i > 0 && char.IsHighSurrogate(value[i - 1]));
                switch (c)
                {
                    case '&': builder.Append("&amp;"); break;
                    case '<': builder.Append("&lt;"); break;
                    case '>': builder.Append("&gt;"); break;
                    default:
                        if ((char.IsControl(c) && c != '\t') || IsLineBreak(c) || c == '\uFFFE' || c == '\uFFFF'
                            || (char.IsSurrogate(c) && !pairedSurrogate))
                        {
                            builder.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                        }
                        else
                        {
                            builder.Append(c);
                        }

                        break;
                }
            }

            return builder.ToString();
        }

        /// <summary>Whether C# reads <paramref name="c"/> as the end of a line (also inside comments and literals).</summary>
        public static bool IsLineBreak(char c) => c is '\r' or '\n' or '\u0085' or '\u2028' or '\u2029';

        /// <summary>Throws unless <paramref name="value"/> is finite (the generator never writes NaN or ∞ into a table).</summary>
        public static double RequireFinite(double value, string what)
        {
            if (double.IsNaN(value) || double.IsInfinity(value))
            {
                throw new InvalidOperationException(what + " is not finite: " + Text(value));
            }

            return value;
        }
    }
}
