using System;
using System.Collections.Generic;
using System.Globalization;

namespace CbGen.Cli.Input;

/// <summary>Reads a counts file: <c>name,count</c> rows (CSV or TSV) in class-index order, with an optional header row.
/// <c>cbgen count --csv</c> writes this format.</summary>
internal static class CountsFileReader
{
    private static readonly string[] CountHeaders = { "count", "counts", "samples", "n" };

    /// <summary>Whether a first row looks like a counts file's header (<c>name,count</c>).</summary>
    public static bool IsCountsHeader(IReadOnlyList<string> first)
    {
        if (first.Count != 2)
        {
            return false;
        }

        foreach (string word in CountHeaders)
        {
            if (string.Equals(first[1], word, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    public static CountTable Read(DelimitedReader reader, string display)
    {
        var classes = new List<ClassCount>();
        var firstSeen = new Dictionary<string, long>(StringComparer.Ordinal);
        bool first = true;
        for (List<string>? row = reader.Read(); row is not null; row = reader.Read())
        {
            long line = reader.RecordLine;
            bool isFirst = first;
            first = false;
            if (row.Count == 1 && row[0].StartsWith('#'))
            {
                continue;
            }

            if (isFirst && row.Count == 2 && !long.TryParse(row[1], NumberStyles.None, CultureInfo.InvariantCulture, out _))
            {
                continue; // the header row
            }

            if (row.Count != 2)
            {
                throw InputException.At(display, line, "expected 2 fields (name" + reader.Delimiter.ToString().Replace("\t", "<tab>", StringComparison.Ordinal)
                    + "count) but found " + Invariant.Format(row.Count) + ".");
            }

            string name = row[0];
            if (name.Length == 0)
            {
                throw InputException.At(display, line, "the class name is empty.");
            }

            if (!long.TryParse(row[1], NumberStyles.None, CultureInfo.InvariantCulture, out long count))
            {
                throw InputException.At(display, line, "the count '" + row[1] + "' of class '" + name + "' is not a whole number ≥ 0.");
            }

            if (firstSeen.TryGetValue(name, out long previous))
            {
                throw InputException.At(display, line, "the class '" + name + "' is listed twice (first on line "
                    + Invariant.Format(previous) + ").");
            }

            firstSeen[name] = line;
            classes.Add(new ClassCount(name, count));
        }

        if (classes.Count == 0)
        {
            throw new InputException(display + ": the counts file lists no classes; expected rows like 'cat,120'.");
        }

        var notes = new List<string>();
        foreach (ClassCount c in classes)
        {
            if (c.Count == 0)
            {
                notes.Add("the class '" + c.Name + "' has count 0.");
            }
        }

        return new CountTable(display, SourceKind.Counts, "counts file", classes, notes);
    }
}
