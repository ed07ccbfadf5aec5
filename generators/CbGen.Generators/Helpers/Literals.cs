using System;
using System.Globalization;
using CbGen.CountsFiles;

namespace CbGen.Generators.Helpers;

/// <summary>C# literals written with the invariant culture at round-trip precision, with type suffixes.</summary>
internal static class Literals
{
    /// <summary>Whether the host formats <c>"R"</c> as the shortest text that parses back to the same double, as .NET
    /// Core 3.0 and later do by contract. .NET Framework (Visual Studio's host), Mono and .NET Core 2.x did not always,
    /// so there every literal is parsed back and checked.</summary>
    internal static readonly bool RoundTripGuaranteed =
        FormatsRoundTrip(System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription);

    /// <summary>Whether <paramref name="frameworkDescription"/> (<c>RuntimeInformation.FrameworkDescription</c>) names
    /// .NET Core 3.x (".NET Core 3.1.32") or .NET 5 and later (".NET 10.0.1"); not ".NET Framework 4.8.9",
    /// "Mono 6.12.0", ".NET Native" or .NET Core 2.x, which reports itself as ".NET Core 4.6.26614.01".</summary>
    internal static bool FormatsRoundTrip(string frameworkDescription)
    {
        const string Core3 = ".NET Core 3.", Net = ".NET ";
        if (frameworkDescription.StartsWith(Core3, StringComparison.Ordinal))
        {
            return true;
        }

        int major = 0, i = Net.Length;
        if (!frameworkDescription.StartsWith(Net, StringComparison.Ordinal))
        {
            return false;
        }

        while (i < frameworkDescription.Length && frameworkDescription[i] is >= '0' and <= '9' && major < 1000)
        {
            major = (major * 10) + (frameworkDescription[i] - '0');
            i++;
        }

        return major >= 5 && i < frameworkDescription.Length && frameworkDescription[i] == '.';
    }

    /// <summary>A <c>double</c> literal that parses back to exactly <paramref name="value"/>, e.g. <c>0.9999D</c>.</summary>
    public static string Double(double value) => Double(value, verify: !RoundTripGuaranteed);

    /// <summary>The literal of each of <paramref name="values"/>, each distinct value formatted once: a table repeats
    /// values (classes with equal counts have equal weights), and round-trip formatting is the costly part of writing it.</summary>
    public static string[] Doubles(double[] values)
    {
        var texts = new string[values.Length];
        var seen = new System.Collections.Generic.Dictionary<long, string>();
        for (int i = 0; i < values.Length; i++)
        {
            // By bits: 0.0 and -0.0 are different literals.
            long bits = BitConverter.DoubleToInt64Bits(values[i]);
            if (!seen.TryGetValue(bits, out string? text))
            {
                text = Double(values[i]);
                seen.Add(bits, text);
            }

            texts[i] = text;
        }

        return texts;
    }

    /// <summary>The <c>long</c> literal of each of <paramref name="values"/>, each distinct value formatted once.</summary>
    public static string[] Longs(long[] values)
    {
        var texts = new string[values.Length];
        var seen = new System.Collections.Generic.Dictionary<long, string>();
        for (int i = 0; i < values.Length; i++)
        {
            if (!seen.TryGetValue(values[i], out string? text))
            {
                text = Long(values[i]);
                seen.Add(values[i], text);
            }

            texts[i] = text;
        }

        return texts;
    }

    /// <summary><see cref="Double(double)"/>; with <paramref name="verify"/> the text is parsed back and replaced by
    /// <c>"G17"</c> (which always round-trips) if it does not give <paramref name="value"/> exactly.</summary>
    internal static string Double(double value, bool verify)
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
        if (verify && double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture) != value)
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

    /// <summary>A C# string literal (for messages and data labels in generated code): the rule cbgen writes labels
    /// with too.</summary>
    public static string String(string value) => CountsFileFormat.StringLiteral(value);

    /// <summary>Text for a <c>//</c> comment: the rule cbgen writes its comments with (<see
    /// cref="CountsFileFormat.VisibleText"/>: a character that would end the line, a control or format character such
    /// as a bidi override, or an invisible one, written visibly as <c>[U+000A]</c>, <c>[U+202E]</c>), so the text can
    /// never end the comment or be displayed as something else.</summary>
    public static string Comment(string value) => CountsFileFormat.VisibleText(value);

    /// <summary>Text for an XML doc comment: the rule cbgen writes its docs with (<see cref="CountsFileFormat.DocText"/>:
    /// <c>&amp;</c>, <c>&lt;</c> and <c>&gt;</c> escaped, hidden characters written visibly as <c>[U+202E]</c>).</summary>
    public static string Xml(string value) => CountsFileFormat.DocText(value);

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
