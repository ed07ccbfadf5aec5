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
                        if (char.IsControl(c))
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

        /// <summary>Escapes text for an XML doc comment.</summary>
        public static string Xml(string value) =>
            value.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");

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
