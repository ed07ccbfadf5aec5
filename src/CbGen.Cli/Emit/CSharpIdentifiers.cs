using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace CbGen.Cli.Emit;

/// <summary>How <c>cbgen enum</c> turns class names into member names.</summary>
internal enum MemberNaming
{
    /// <summary>PascalCase words: "pickup_truck" → PickupTruck, "t-shirt/top" → TShirtTop.</summary>
    Pascal,

    /// <summary>The name as it is, invalid characters replaced by '_', keywords escaped with '@'.</summary>
    Verbatim,
}

/// <summary>Makes valid, unique C# identifiers from arbitrary class names.</summary>
internal static class CSharpIdentifiers
{
    private static readonly HashSet<string> Keywords = new(StringComparer.Ordinal)
    {
        "abstract", "as", "base", "bool", "break", "byte", "case", "catch", "char", "checked", "class", "const",
        "continue", "decimal", "default", "delegate", "do", "double", "else", "enum", "event", "explicit", "extern",
        "false", "finally", "fixed", "float", "for", "foreach", "goto", "if", "implicit", "in", "int", "interface",
        "internal", "is", "lock", "long", "namespace", "new", "null", "object", "operator", "out", "override",
        "params", "private", "protected", "public", "readonly", "ref", "return", "sbyte", "sealed", "short",
        "sizeof", "stackalloc", "static", "string", "struct", "switch", "this", "throw", "true", "try", "typeof",
        "uint", "ulong", "unchecked", "unsafe", "ushort", "using", "virtual", "void", "volatile", "while",
    };

    public static bool IsKeyword(string name) => Keywords.Contains(name);

    /// <summary>Whether <paramref name="name"/> (optionally '@'-prefixed) is a valid C# identifier.</summary>
    public static bool IsValid(string name)
    {
        string bare = name.StartsWith('@') ? name.Substring(1) : name;
        if (bare.Length == 0 || !IsStart(bare[0]))
        {
            return false;
        }

        foreach (char c in bare)
        {
            if (!IsPart(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Escapes a keyword with '@' ("class" → "@class"); other names are returned as they are.</summary>
    public static string Escape(string name) => IsKeyword(name) ? "@" + name : name;

    /// <summary>Member names for <paramref name="classNames"/>, in order: valid, unique (ordinal), keywords escaped,
    /// none equal to <paramref name="reserved"/> (the enum's own name, which a member may not take).</summary>
    public static List<string> MemberNames(IReadOnlyList<string> classNames, MemberNaming naming, params string[] reserved)
    {
        var taken = new HashSet<string>(StringComparer.Ordinal) { "value__" };
        foreach (string r in reserved)
        {
            taken.Add(r.TrimStart('@'));
        }

        var result = new List<string>(classNames.Count);
        foreach (string className in classNames)
        {
            string name = naming == MemberNaming.Pascal ? Pascal(className) : Verbatim(className);
            string unique = name;
            for (int n = 2; taken.Contains(unique); n++)
            {
                unique = name + "_" + Invariant.Format(n);
            }

            taken.Add(unique);
            result.Add(Escape(unique));
        }

        return result;
    }

    /// <summary>"pickup_truck" → "PickupTruck", "t-shirt/top" → "TShirtTop"; a leading digit gets a '_' ("0" → "_0"),
    /// as in the generator's counts-file mode.</summary>
    public static string Pascal(string className)
    {
        var sb = new StringBuilder(className.Length + 1);
        bool upperNext = true;
        foreach (char c in Compose(className))
        {
            if (IsPart(c) && char.GetUnicodeCategory(c) != UnicodeCategory.ConnectorPunctuation)
            {
                sb.Append(upperNext ? char.ToUpperInvariant(c) : c);
                upperNext = false;
            }
            else
            {
                upperNext = true;
            }
        }

        return Finish(sb);
    }

    /// <summary>The member name the generator gives a class name in a <c>[ClassBalancedDataset]</c> counts file
    /// (generators/CbGen.Generators/CountsFileParser.ToIdentifier): every run of characters that cannot appear in an
    /// identifier becomes one '_' (none at the ends), a leading digit gets a '_' in front: "pickup truck" →
    /// "pickup_truck", "x&lt;y &amp; z" → "x_y_z", "3d" → "_3d". Keywords are escaped later.</summary>
    public static string Verbatim(string className)
    {
        var sb = new StringBuilder(className.Length + 1);
        bool gap = false;
        foreach (char c in Compose(className))
        {
            if (!IsPart(c))
            {
                gap = true;
                continue;
            }

            if (gap && sb.Length > 0)
            {
                sb.Append('_');
            }

            gap = false;
            sb.Append(c);
        }

        return Finish(sb);
    }

    /// <summary>Unicode form C ("e" + U+0301 → "é"), as the generator reads names; text that cannot be normalised
    /// (a lone surrogate) is kept as it is, its surrogates then dropped as invalid characters.</summary>
    private static string Compose(string text)
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

    private static string Finish(StringBuilder sb)
    {
        if (sb.Length == 0 || !IsStart(sb[0]))
        {
            sb.Insert(0, '_');
        }

        string name = sb.ToString();

        // The one name an enum member cannot have: the compiler's backing field (the generator's rule too).
        return name == "value__" ? "value___" : name;
    }

    private static bool IsStart(char c) => c == '_' || char.GetUnicodeCategory(c) switch
    {
        UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
            or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter or UnicodeCategory.LetterNumber => true,
        _ => false,
    };

    private static bool IsPart(char c) => IsStart(c) || char.GetUnicodeCategory(c) switch
    {
        UnicodeCategory.DecimalDigitNumber or UnicodeCategory.ConnectorPunctuation or UnicodeCategory.NonSpacingMark
            or UnicodeCategory.SpacingCombiningMark => true,
        _ => false,
    };
}
