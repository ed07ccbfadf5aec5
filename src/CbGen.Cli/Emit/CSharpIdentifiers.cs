using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using CbGen.CountsFiles;

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
    /// <summary>The longest member name (UTF-16 units, before a <c>_2</c> clash suffix) <c>cbgen enum</c> writes: a
    /// longer class name is cut to it (at a character boundary) and keeps its full text in <c>Label</c>. At most
    /// 3 UTF-8 bytes a unit, a member's longest generated metadata name (<c>{Member}Weight</c>, with a clash suffix)
    /// stays far below the 1023 bytes the generator checks (CB026); 120 characters is also about the longest name a
    /// reader can still take in.</summary>
    public const int MaxMemberLength = 120;

    /// <summary>Whether <paramref name="name"/> is a reserved C# keyword (the generator's list).</summary>
    public static bool IsKeyword(string name) => CountsFileFormat.IsKeyword(name);

    /// <summary>Whether <paramref name="name"/> (optionally '@'-prefixed) is a valid C# identifier.</summary>
    public static bool IsValid(string name)
    {
        string bare = name.StartsWith('@') ? name.Substring(1) : name;
        if (bare.Length == 0 || !CountsFileFormat.IsIdentifierStart(bare[0]))
        {
            return false;
        }

        foreach (char c in bare)
        {
            if (!CountsFileFormat.IsIdentifierPart(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Escapes a keyword with '@' ("class" → "@class"); other names are returned as they are.</summary>
    public static string Escape(string name) => CountsFileFormat.EscapeKeyword(name);

    /// <summary>Member names for <paramref name="classNames"/>, in order: valid, at most <see cref="MaxMemberLength"/>
    /// characters before a clash suffix, unique (ordinal; a clash gets <c>_2</c>, <c>_3</c>, …), keywords escaped, none equal to <paramref name="reserved"/> (the enum's own name, which a member may not take).</summary>
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
            string name = Shorten(naming == MemberNaming.Pascal ? Pascal(className) : Verbatim(className));
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

    /// <summary><paramref name="name"/> cut to at most <see cref="MaxMemberLength"/> units at a text-element boundary (a
    /// letter keeps its combining marks), without a trailing '_'.</summary>
    public static string Shorten(string name)
    {
        if (name.Length <= MaxMemberLength)
        {
            return name;
        }

        int end = 0;
        while (end < name.Length)
        {
            int next = StringInfo.GetNextTextElementLength(name, end);
            if (end + next > MaxMemberLength)
            {
                break;
            }

            end += next;
        }

        string cut = name.Substring(0, end).TrimEnd('_');
        return cut.Length == 0 ? "_" : cut;
    }

    /// <summary>"pickup_truck" → "PickupTruck", "t-shirt/top" → "TShirtTop"; a leading digit gets a '_' ("0" → "_0"),
    /// as in the generator's counts-file mode.</summary>
    public static string Pascal(string className)
    {
        var sb = new StringBuilder(className.Length + 1);
        bool upperNext = true;
        foreach (char c in CountsFileFormat.Compose(className))
        {
            if (CountsFileFormat.IsIdentifierPart(c) && char.GetUnicodeCategory(c) != UnicodeCategory.ConnectorPunctuation)
            {
                sb.Append(upperNext ? char.ToUpperInvariant(c) : c);
                upperNext = false;
            }
            else
            {
                upperNext = true;
            }
        }

        // The generator's finishing rules: '_' before a leading digit, never the backing field's name.
        return CountsFileFormat.ToIdentifier(sb.ToString());
    }

    /// <summary>The member name the generator gives a class name in a <c>[ClassBalancedDataset]</c> counts file
    /// (the shared CountsFileFormat.ToIdentifier): every run of characters that cannot appear in an
    /// identifier becomes one '_' (none at the ends), a leading digit gets a '_' in front: "pickup truck" →
    /// "pickup_truck", "x&lt;y &amp; z" → "x_y_z", "3d" → "_3d". Keywords are escaped later.</summary>
    public static string Verbatim(string className) => CountsFileFormat.ToIdentifier(className);
}
