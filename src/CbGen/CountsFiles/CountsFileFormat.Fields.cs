using System.Collections.Generic;
using System.Text;

namespace CbGen.CountsFiles;

/// <summary>The counts-file format's field rules (separators, quotes) and what counts as a number: one
/// implementation, compiled into the generator (linked) and used by cbgen (through InternalsVisibleTo).</summary>
internal static partial class CountsFileFormat
{
    /// <summary>Whether <paramref name="value"/> is written as a number (ASCII digits, an optional sign, decimal
    /// point and exponent): the header rule (a first row whose count is not a number is a header) and the count
    /// check use this one definition.</summary>
    public static bool LooksNumeric(string value)
    {
        int i = 0;
        if (i < value.Length && (value[i] == '-' || value[i] == '+'))
        {
            i++;
        }

        int digits = SkipDigits(value, ref i);
        if (i < value.Length && value[i] == '.')
        {
            i++;
            digits += SkipDigits(value, ref i);
        }

        if (digits == 0)
        {
            return false;
        }

        if (i < value.Length && (value[i] == 'e' || value[i] == 'E'))
        {
            i++;
            if (i < value.Length && (value[i] == '-' || value[i] == '+'))
            {
                i++;
            }

            if (SkipDigits(value, ref i) == 0)
            {
                return false;
            }
        }

        return i == value.Length;
    }

    /// <summary>Whether <paramref name="value"/> is an optional sign and ASCII digits only.</summary>
    public static bool IsInteger(string value)
    {
        int i = value.Length > 0 && (value[0] == '-' || value[0] == '+') ? 1 : 0;
        return SkipDigits(value, ref i) > 0 && i == value.Length;
    }

    private static int SkipDigits(string value, ref int i)
    {
        int start = i;
        while (i < value.Length && value[i] >= '0' && value[i] <= '9')
        {
            i++;
        }

        return i - start;
    }

    public readonly struct Field
    {
        public Field(string value, int start, int length)
        {
            Value = value;
            Start = start;
            Length = length;
        }

        public string Value { get; }

        /// <summary>Offset in the line of the field's text (the opening quote of a quoted field).</summary>
        public int Start { get; }

        public int Length { get; }
    }

    public static List<Field> SplitFields(string line, char separator, out string? error)
    {
        error = null;
        var fields = new List<Field>();
        int i = 0;
        while (true)
        {
            // Skip leading blanks (not the separator itself).
            while (i < line.Length && line[i] != separator && char.IsWhiteSpace(line[i]))
            {
                i++;
            }

            int start = i;
            if (i < line.Length && line[i] == '"')
            {
                var value = new StringBuilder();
                i++;
                bool closed = false;
                while (i < line.Length)
                {
                    if (line[i] == '"')
                    {
                        if (i + 1 < line.Length && line[i + 1] == '"')
                        {
                            value.Append('"');
                            i += 2;
                            continue;
                        }

                        closed = true;
                        i++;
                        break;
                    }

                    value.Append(line[i]);
                    i++;
                }

                if (!closed)
                {
                    error = "has a quote that is not closed";
                    return fields;
                }

                int end = i;
                while (i < line.Length && line[i] != separator && char.IsWhiteSpace(line[i]))
                {
                    i++;
                }

                if (i < line.Length && line[i] != separator)
                {
                    error = "has text after a closing quote";
                    return fields;
                }

                fields.Add(new Field(value.ToString(), start, end - start));
            }
            else
            {
                while (i < line.Length && line[i] != separator)
                {
                    i++;
                }

                string raw = line.Substring(start, i - start);
                string value = raw.TrimEnd();
                fields.Add(new Field(value, start, value.Length));
            }

            if (i >= line.Length)
            {
                return fields;
            }

            i++; // the separator
        }
    }
}
