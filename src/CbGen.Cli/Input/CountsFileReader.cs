using System;
using System.Collections.Generic;
using System.Globalization;

namespace CbGen.Cli.Input;

/// <summary>What the first rows of a delimited file say it is.</summary>
internal enum DelimitedShape
{
    /// <summary>A label column (or anything that is not a counts file).</summary>
    Labels,

    /// <summary>A counts file: a <c>name,count</c> header.</summary>
    Counts,

    /// <summary><c>name,number</c> rows with distinct names: a counts file without a telling header, or a
    /// <c>path,class-index</c> label file. The tool asks (<c>--as counts</c> or <c>--as labels</c>).</summary>
    Ambiguous,
}

/// <summary>Reads a counts file: <c>name,count</c> rows (CSV or TSV) in class-index order, read as the generator's
/// <c>[ClassBalancedDataset]</c> reads it: lines starting with '#' are comments, and the first row is a header when
/// its count is not a whole number (<c>name,count</c>, <c>species,2019 count</c>). <c>cbgen count --csv</c> writes
/// this format.</summary>
internal static class CountsFileReader
{
    private static readonly string[] CountHeaders = { "count", "counts", "samples", "n" };

    /// <summary>Header words that name a label column: <c>path,label</c> is a label file.</summary>
    private static readonly string[] LabelHeaders =
    {
        "label", "labels", "class", "classes", "class_id", "label_id", "category", "category_id", "target", "y",
    };

    /// <summary>Tells a counts file from a label file by its first rows (comments already skipped).</summary>
    public static DelimitedShape Detect(IReadOnlyList<IReadOnlyList<string>> sample)
    {
        if (sample.Count == 0)
        {
            return DelimitedShape.Labels;
        }

        IReadOnlyList<string> first = sample[0];
        if (IsCountsHeader(first))
        {
            return DelimitedShape.Counts;
        }

        int start = first.Count == 2 && IsWholeNumber(first[1]) ? 0 : 1;
        if (start == 1 && (first.Count != 2 || Array.Exists(LabelHeaders, h => string.Equals(h, first[1], StringComparison.OrdinalIgnoreCase))))
        {
            return DelimitedShape.Labels;
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        for (int i = start; i < sample.Count; i++)
        {
            IReadOnlyList<string> row = sample[i];
            if (row.Count != 2 || row[0].Length == 0 || !IsWholeNumber(row[1]) || !names.Add(row[0]))
            {
                return DelimitedShape.Labels;
            }
        }

        return names.Count == 0 ? DelimitedShape.Labels : DelimitedShape.Ambiguous;
    }

    /// <summary>An optional sign and ASCII digits: what the generator reads as a count (a header's count column is
    /// anything else).</summary>
    public static bool IsWholeNumber(string text)
    {
        string t = text.Trim();
        int i = t.Length > 0 && (t[0] == '-' || t[0] == '+') ? 1 : 0;
        if (i == t.Length)
        {
            return false;
        }

        for (; i < t.Length; i++)
        {
            if (!char.IsAsciiDigit(t[i]))
            {
                return false;
            }
        }

        return true;
    }

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
            if (reader.RecordIsComment)
            {
                first = isFirst;
                continue;
            }

            if (isFirst && row.Count >= 2 && !IsWholeNumber(row[1]))
            {
                continue; // the header row (a header with extra columns is still one, as in the generator)
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
