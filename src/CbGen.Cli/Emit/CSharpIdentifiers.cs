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

    /// <summary>"pickup_truck" → "PickupTruck", "t-shirt/top" → "TShirtTop", "0" → "Class0".</summary>
    public static string Pascal(string className)
    {
        var sb = new StringBuilder(className.Length);
        bool upperNext = true;
        foreach (char c in className)
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

        return Finish(sb, "Class");
    }

    /// <summary>"pickup truck" → "pickup_truck", "class" → "class" (escaped later), "3d" → "_3d".</summary>
    public static string Verbatim(string className)
    {
        var sb = new StringBuilder(className.Length);
        foreach (char c in className)
        {
            sb.Append(IsPart(c) ? c : '_');
        }

        return Finish(sb, "_");
    }

    private static string Finish(StringBuilder sb, string digitPrefix)
    {
        if (sb.Length == 0)
        {
            return "Class";
        }

        if (!IsStart(sb[0]))
        {
            sb.Insert(0, digitPrefix);
        }

        return sb.ToString();
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
