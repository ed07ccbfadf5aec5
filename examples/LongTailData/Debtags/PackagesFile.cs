using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using LongTailData.Files;

namespace LongTailData.Debtags;

/// <summary>
/// Reads a Debian <c>Packages</c> list (deb822: stanzas of <c>Field: value</c> lines, a continuation line starting
/// with a blank, stanzas separated by blank lines), keeping each package's name, one-line description and debtags
/// (<c>Tag: facet::tag, facet::tag, …</c>, brace groups such as <c>devel::{lang:c,library}</c> expanded). Plain,
/// <c>.gz</c> or <c>.bz2</c>; an <c>.lz4</c> list (apt's own compression) must be decompressed first.
/// </summary>
public static class PackagesFile
{
    /// <summary>Reads the stanzas of <paramref name="path"/>.</summary>
    /// <exception cref="DataFileException">The file is missing, compressed with lz4, or a line is not deb822.</exception>
    public static List<DebianStanza> Read(string path, string setupStep)
    {
        ArgumentNullException.ThrowIfNull(path);
        DebianPackage origin = DebianPackage.PackageLists;
        if (path.EndsWith(".lz4", StringComparison.OrdinalIgnoreCase))
        {
            throw new DataFileException(path, null, "the list is lz4-compressed (apt's own compression), which the builder does not read",
                "decompress it with 'lz4cat " + path + " > Packages' (Debian package lz4) and pass that file, or run './build.sh " + setupStep + "', which does");
        }

        var stanzas = new List<DebianStanza>();
        var fields = new Dictionary<string, (string Value, int Line)>(StringComparer.OrdinalIgnoreCase);
        string? current = null;
        var value = new StringBuilder();
        int fieldLine = 0, stanzaLine = 0;

        void EndField()
        {
            if (current is not null)
            {
                fields[current] = (value.ToString(), fieldLine);
                current = null;
            }
        }

        void EndStanza(int line)
        {
            EndField();
            if (fields.Count > 0)
            {
                stanzas.Add(ToStanza(path, fields, stanzaLine, origin));
                fields.Clear();
            }
        }

        foreach (NumberedLine line in NumberedLines.Read(path, origin, setupStep))
        {
            string text = line.Text;
            if (text.Trim().Length == 0)
            {
                EndStanza(line.Number);
                continue;
            }

            if (text[0] == ' ' || text[0] == '\t')
            {
                if (current is null)
                {
                    throw new DataFileException(path, line.Number, "a continuation line (starting with a blank) with no field before it",
                        origin.ReinstallFix);
                }

                value.Append('\n').Append(text.Trim());
                continue;
            }

            int colon = text.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                throw new DataFileException(path, line.Number, "the line is neither 'Field: value' nor a continuation line, so this is not a Packages list",
                    "pass a Debian Packages list (from /var/lib/apt/lists/); " + origin.ReinstallFix);
            }

            EndField();
            if (fields.Count == 0)
            {
                stanzaLine = line.Number;
            }

            current = text.Substring(0, colon);
            fieldLine = line.Number;
            value.Clear().Append(text.Substring(colon + 1).Trim());
        }

        EndStanza(0);
        if (stanzas.Count == 0)
        {
            throw new DataFileException(path, null, "the file holds no package", "pass a Debian Packages list; " + origin.ReinstallFix);
        }

        return stanzas;
    }

    private static DebianStanza ToStanza(string path, Dictionary<string, (string Value, int Line)> fields, int line, DebianPackage origin)
    {
        if (!fields.TryGetValue("Package", out var package) || package.Value.Length == 0)
        {
            throw new DataFileException(path, line, "the stanza has no Package field", origin.ReinstallFix);
        }

        string description = fields.TryGetValue("Description", out var d) ? d.Value.Split('\n')[0].Trim() : string.Empty;
        IReadOnlyList<string> tags = fields.TryGetValue("Tag", out var t) ? ParseTags(path, t.Value, t.Line, origin) : Array.Empty<string>();
        return new DebianStanza(package.Value, description, tags, line);
    }

    /// <summary>The <c>facet::tag</c> values of a <c>Tag:</c> field, brace groups expanded
    /// (<c>devel::{lang:c,library}</c> → <c>devel::lang:c</c>, <c>devel::library</c>).</summary>
    internal static List<string> ParseTags(string path, string field, int line, DebianPackage origin)
    {
        var tags = new List<string>();
        foreach (string item in SplitTopLevel(field.Replace('\n', ' ')))
        {
            string trimmed = item.Trim();
            if (trimmed.Length == 0)
            {
                continue;
            }

            int open = trimmed.IndexOf('{', StringComparison.Ordinal);
            IEnumerable<string> expanded = open < 0 || !trimmed.EndsWith('}')
                ? new[] { trimmed }
                : trimmed.Substring(open + 1, trimmed.Length - open - 2).Split(',').Select(s => trimmed.Substring(0, open) + s.Trim());
            foreach (string tag in expanded)
            {
                int sep = tag.IndexOf("::", StringComparison.Ordinal);
                if (sep <= 0 || sep + 2 >= tag.Length || tag.Any(char.IsWhiteSpace) || tag.IndexOfAny(['{', '}']) >= 0)
                {
                    throw new DataFileException(path, line, string.Format(CultureInfo.InvariantCulture,
                        "the Tag field holds '{0}', which is not a 'facet::tag' value", tag), origin.ReinstallFix);
                }

                tags.Add(tag);
            }
        }

        return tags;
    }

    private static IEnumerable<string> SplitTopLevel(string text)
    {
        int depth = 0, start = 0;
        for (int i = 0; i < text.Length; i++)
        {
            depth += text[i] == '{' ? 1 : text[i] == '}' ? -1 : 0;
            if (text[i] == ',' && depth == 0)
            {
                yield return text.Substring(start, i - start);
                start = i + 1;
            }
        }

        yield return text.Substring(start);
    }
}
