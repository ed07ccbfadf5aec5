using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace CbGen.CountsFiles;

/// <summary>
/// The counts-file format, read the same way by the generator (<c>[ClassBalancedDataset]</c>, which compiles this
/// file in, linked) and by <c>cbgen</c> (through InternalsVisibleTo): CSV or TSV, class name and count. The
/// separator is a tab for a <c>.tsv</c> file or when the first row holds a tab, otherwise a comma; a field may be
/// double-quoted (<c>""</c> inside quotes is a quote); blank lines and lines starting with '#' are skipped; the
/// first row is a header (skipped) when its count column is not a number. Each name becomes a C# identifier:
/// a run of characters that cannot appear in an identifier becomes one '_' between two that can and is dropped at
/// either end, a result that does not start with a letter or '_' (or is empty) gets a '_' in front, and a keyword
/// is escaped with '@' (<see cref="ToIdentifier"/>).
/// </summary>
internal static partial class CountsFileFormat
{
    /// <summary>C#'s reserved keywords (what Roslyn's <c>SyntaxFacts.GetKeywordKind</c> knows; a test checks this
    /// list against it): a member named like one is written with '@'.</summary>
    private static readonly HashSet<string> Keywords = new HashSet<string>(StringComparer.Ordinal)
    {
        "abstract", "as", "base", "bool", "break", "byte", "case", "catch", "char", "checked", "class", "const",
        "continue", "decimal", "default", "delegate", "do", "double", "else", "enum", "event", "explicit", "extern",
        "false", "finally", "fixed", "float", "for", "foreach", "goto", "if", "implicit", "in", "int", "interface",
        "internal", "is", "lock", "long", "namespace", "new", "null", "object", "operator", "out", "override",
        "params", "private", "protected", "public", "readonly", "ref", "return", "sbyte", "sealed", "short",
        "sizeof", "stackalloc", "static", "string", "struct", "switch", "this", "throw", "true", "try", "typeof",
        "uint", "ulong", "unchecked", "unsafe", "ushort", "using", "virtual", "void", "volatile", "while",
        "__arglist", "__makeref", "__reftype", "__refvalue",
    };

    /// <summary>The separator a <c>.tsv</c> path fixes, or null when the first row decides.</summary>
    public static char? SeparatorOf(string path) =>
        path.EndsWith(".tsv", StringComparison.OrdinalIgnoreCase) ? '\t' : null;

    /// <summary>The separator the first row <paramref name="line"/> decides: a tab when it holds one, else a comma.</summary>
    public static char SeparatorOfFirstRow(string line) => line.IndexOf('\t') >= 0 ? '\t' : ',';

    /// <summary>How a message names <paramref name="separator"/>.</summary>
    public static string SeparatorText(char separator) => separator == '\t' ? "a tab" : "a comma";

    /// <summary>Whether the line is skipped: blank, or a comment (starting with '#' after blanks).</summary>
    public static bool IsSkipped(string line)
    {
        string trimmed = line.Trim();
        return trimmed.Length == 0 || trimmed[0] == '#';
    }

    /// <summary>The lines of <paramref name="text"/> as (start offset, length), split where the C# compiler splits
    /// an additional file (CR LF, CR, LF, NEL, LS, PS), so line numbers agree with the generator's.</summary>
    public static List<(int Start, int Length)> Lines(string text)
    {
        var lines = new List<(int, int)>();
        int start = 0;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (IsLineBreak(c))
            {
                lines.Add((start, i - start));
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                start = i + 1;
            }
        }

        lines.Add((start, text.Length - start));
        return lines;
    }

    /// <summary>Why <paramref name="value"/> is not a count ("is not a whole number", "is too large", "is
    /// negative"), or null with the count in <paramref name="count"/>.</summary>
    public static string? CountError(string value, out long count)
    {
        count = 0;
        if (!IsInteger(value))
        {
            return "is not a whole number";
        }

        if (!long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out count))
        {
            return "is too large";
        }

        return count < 0 ? "is negative" : null;
    }

    /// <summary>Whether <paramref name="name"/> is a reserved C# keyword.</summary>
    public static bool IsKeyword(string name) => Keywords.Contains(name);

    /// <summary><paramref name="name"/> with '@' in front when it is a keyword ("class" → "@class").</summary>
    public static string EscapeKeyword(string name) => IsKeyword(name) ? "@" + name : name;

    /// <summary>The enum member name for a class name (without the '@' a keyword needs), after composing it (NFC):
    /// a run of characters that cannot appear in an identifier becomes one '_' between two that can and is dropped
    /// at either end, and a result that is empty or does not start with a letter or '_' gets a '_' in front:
    /// "pickup truck" → "pickup_truck", "x&lt;y &amp; z" → "x_y_z", " cat" → "cat", "!!!" → "_", "3d" → "_3d".</summary>
    public static string ToIdentifier(string name)
    {
        var builder = new StringBuilder(name.Length + 1);
        bool gap = false;
        foreach (char c in Compose(name))
        {
            if (!IsIdentifierPart(c))
            {
                gap = true;
                continue;
            }

            if (gap && builder.Length > 0)
            {
                builder.Append('_');
            }

            gap = false;
            builder.Append(c);
        }

        if (builder.Length == 0 || !IsIdentifierStart(builder[0]))
        {
            builder.Insert(0, '_');
        }

        string result = builder.ToString();

        // The one name an enum member cannot have: the compiler's backing field.
        return result == "value__" ? "value___" : result;
    }

    /// <summary>Whether <paramref name="c"/> may start a C# identifier: '_' or a letter (as Roslyn's
    /// <c>SyntaxFacts.IsIdentifierStartCharacter</c>), but not an invisible one (<see cref="IsHidden"/>: U+3164, U+115F, …).</summary>
    public static bool IsIdentifierStart(char c) => c == '_' || (!IsHidden(c) && CharUnicodeInfo.GetUnicodeCategory(c) switch
    {
        UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
            or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter or UnicodeCategory.LetterNumber => true,
        _ => false,
    });

    /// <summary>Whether <paramref name="c"/> may appear in a member name: Roslyn's identifier-part characters
    /// without the formatting ones (invisible, and dropped by the compiler), without the other invisible ones
    /// (<see cref="IsHidden"/>: Hangul fillers, variation selectors, the combining grapheme joiner) and without surrogates.</summary>
    public static bool IsIdentifierPart(char c) => IsIdentifierStart(c) || (!IsHidden(c) && CharUnicodeInfo.GetUnicodeCategory(c) switch
    {
        UnicodeCategory.DecimalDigitNumber or UnicodeCategory.ConnectorPunctuation or UnicodeCategory.NonSpacingMark
            or UnicodeCategory.SpacingCombiningMark => true,
        _ => false,
    });

    /// <summary>Unicode form C ("e" + U+0301 → "é"); text that cannot be normalised (a lone surrogate) is kept as
    /// it is, its surrogates then dropped as invalid characters.</summary>
    public static string Compose(string text)
    {
        try
        {
            return text.Normalize(NormalizationForm.FormC);
        }
        catch (ArgumentException)
        {
            return text;
        }
    }
}
