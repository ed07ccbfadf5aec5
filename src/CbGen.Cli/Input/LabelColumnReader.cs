using System;
using System.Collections.Generic;
using System.Globalization;

namespace CbGen.Cli.Input;

/// <summary>Counts the values of one column of a CSV/TSV file: the label column.</summary>
internal static class LabelColumnReader
{
    private const int HeaderSampleRows = 50;

    private static readonly string[] HeaderWords =
    {
        "label", "labels", "class", "classes", "class_name", "classname", "class_id", "label_id", "category",
        "target", "y", "name", "tag", "species",
    };

    /// <summary>Reads every record of <paramref name="reader"/> and counts the label column.</summary>
    /// <param name="reader">The records.</param>
    /// <param name="display">The file, for messages.</param>
    /// <param name="options">The column (a name, which needs a header row; a 0-based index, negative from the end; or
    /// null for the last), whether the first row is a header (null to detect), <c>--max-classes</c>, and with
    /// <c>--multi-label</c> the separator of a label list.</param>
    public static CountTable Read(DelimitedReader reader, string display, SourceOptions options)
    {
        string? column = options.Column;
        bool? header = options.Header;
        int maxClasses = options.MaxClasses;
        List<string>? first = reader.Read();
        if (first is null)
        {
            throw new InputException(display + ": the file is empty; expected rows with a label column.");
        }

        long firstLine = reader.RecordLine;
        string?[]? firstUntrimmed = Untrimmed(reader);
        var buffered = new List<(List<string> Fields, long Line)>();
        var bufferedUntrimmed = new List<string?[]?>();
        while (buffered.Count < HeaderSampleRows)
        {
            List<string>? row = reader.Read();
            if (row is null)
            {
                break;
            }

            buffered.Add((row, reader.RecordLine));
            bufferedUntrimmed.Add(Untrimmed(reader));
        }

        int width = first.Count;
        int index;
        string columnName;
        bool hasHeader;
        if (column is not null && !long.TryParse(column, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _))
        {
            if (header == false)
            {
                throw new InputException(display + ": --column '" + column + "' names a column, which needs a header row, but --no-header was given; pass a 0-based column index instead.");
            }

            hasHeader = true;
            index = first.FindIndex(f => string.Equals(f, column, StringComparison.Ordinal));
            if (index < 0)
            {
                index = first.FindIndex(f => string.Equals(f, column, StringComparison.OrdinalIgnoreCase));
            }

            if (index < 0)
            {
                throw InputException.At(display, firstLine, "no column is named '" + column + "'; the header row has: " + string.Join(", ", Quote(first)) + ".");
            }
        }
        else
        {
            index = width - 1;
            if (column is not null)
            {
                long requested = long.Parse(column, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
                long resolved = requested < 0 ? width + requested : requested;
                if (resolved < 0 || resolved >= width)
                {
                    throw InputException.At(display, firstLine, "--column " + column + " is out of range: the rows have " + Invariant.Format(width)
                        + " column(s), so use 0.." + Invariant.Format(width - 1) + " (or -1 for the last).");
                }

                index = (int)resolved;
            }

            hasHeader = header ?? LooksLikeHeader(first, index, buffered);
        }

        columnName = hasHeader ? first[index] : "#" + Invariant.Format(index);
        string what = "column " + (hasHeader ? "'" + columnName + "'" : Invariant.Format(index));
        var tally = new LabelTally(display, what, maxClasses);
        var lists = options.MultiLabel ? new LabelLists(tally, options.Separator) : null;
        // A label list is split and trimmed label by label (LabelLists), so only a single label's trimming is news.
        var trimmed = lists is null ? new TrimmedLabels() : null;
        if (!hasHeader)
        {
            Add(tally, lists, first, firstLine, index, width, display, columnName);
            trimmed?.Add(firstUntrimmed, index, first, firstLine);
        }

        for (int r = 0; r < buffered.Count; r++)
        {
            (List<string> fields, long line) = buffered[r];
            Add(tally, lists, fields, line, index, width, display, columnName);
            trimmed?.Add(bufferedUntrimmed[r], index, fields, line);
        }

        for (List<string>? row = reader.Read(); row is not null; row = reader.Read())
        {
            Add(tally, lists, row, reader.RecordLine, index, width, display, columnName);
            trimmed?.Add(Untrimmed(reader), index, row, reader.RecordLine);
        }

        if (tally.DistinctLabels == 0)
        {
            throw new InputException(display + (lists is null ? ": the file has a header row but no labels."
                : ": " + LabelLists.NoLabels(what)));
        }

        string kind = reader.Delimiter == '\t' ? "TSV" : "CSV";
        var notes = new List<string>();
        var warnings = new List<string>();
        List<ClassCount> classes = tally.Classes(notes, warnings, lists is null ? SourceOptions.DefaultSeparator : null);
        if (trimmed?.Warning(what) is { } trimWarning)
        {
            warnings.Add(trimWarning);
        }

        string description = what + " of a " + kind + " file";
        return lists is null
            ? new CountTable(display, SourceKind.Labels, description, classes, notes, warnings)
            : new CountTable(display, SourceKind.Labels, lists.Describe(description), classes, notes, warnings) { Samples = lists.Samples };
    }

    private static void Add(LabelTally tally, LabelLists? lists, List<string> fields, long line, int index, int width, string display, string columnName)
    {
        if (fields.Count != width)
        {
            throw InputException.At(display, line, "this row has " + Invariant.Format(fields.Count) + " field(s) but the first row has " + Invariant.Format(width)
                + " (an unquoted delimiter inside a field?).");
        }

        string label = fields[index];
        if (lists is not null)
        {
            lists.Add(label, () => "line " + Invariant.Format(line));
            return;
        }

        if (label.Length == 0)
        {
            throw InputException.At(display, line, "the label (column " + columnName + ") is empty.");
        }

        tally.Add(label, () => "line " + Invariant.Format(line));
    }

    /// <summary>The record's <see cref="DelimitedReader.Untrimmed"/> texts, or null when trimming changed no field.</summary>
    private static string?[]? Untrimmed(DelimitedReader reader)
    {
        foreach (string? text in reader.Untrimmed)
        {
            if (text is not null)
            {
                return new List<string?>(reader.Untrimmed).ToArray();
            }
        }

        return null;
    }

    private static bool LooksLikeHeader(List<string> first, int index, List<(List<string> Fields, long Line)> sample)
    {
        foreach (string word in HeaderWords)
        {
            if (string.Equals(first[index], word, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        if (sample.Count == 0)
        {
            return false;
        }

        // Python's csv.Sniffer idea: a column whose first value is text while every later value is a number.
        for (int j = 0; j < first.Count; j++)
        {
            if (IsNumber(first[j]))
            {
                continue;
            }

            bool restNumeric = true;
            foreach ((List<string> fields, _) in sample)
            {
                if (j >= fields.Count || !IsNumber(fields[j]))
                {
                    restNumeric = false;
                    break;
                }
            }

            if (restNumeric)
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsNumber(string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _);

    private static IEnumerable<string> Quote(List<string> fields)
    {
        foreach (string f in fields)
        {
            yield return "'" + f + "'";
        }
    }

    /// <summary>The labels that trimming an unquoted field changed: a warning names the first few, with their lines
    /// and the form kept, and how many rows in all, since a loader that keeps the blanks (ML.NET's TextLoader,
    /// pandas, Python's csv) reads other labels than the ones counted.</summary>
    private sealed class TrimmedLabels
    {
        private const int Shown = 3;
        private readonly List<string> examples = new();
        private readonly HashSet<string> seen = new(StringComparer.Ordinal);
        private long rows;
        private bool more;

        public void Add(string?[]? untrimmed, int index, List<string> fields, long line)
        {
            if (untrimmed is null || index >= untrimmed.Length || untrimmed[index] is not { } written)
            {
                return;
            }

            rows++;
            if (seen.Add(written))
            {
                if (examples.Count < Shown)
                {
                    examples.Add("'" + written + "' (line " + Invariant.Format(line) + ") is read as '" + fields[index] + "'");
                }
                else
                {
                    more = true;
                }
            }
        }

        public string? Warning(string column) => rows == 0 ? null
            : "the unquoted label" + (rows == 1 ? " of " : "s of ") + Invariant.Plural(rows, "row", "rows") + " in " + column
                + (rows == 1 ? " has blanks around it" : " have blanks around them") + ", trimmed: " + string.Join("; ", examples) + (more ? "; …" : string.Empty)
                + ". A loader that keeps them (ML.NET's TextLoader, pandas) reads labels the enum's Label will not match: "
                + "trim them in the data, or quote the field (\" b \") to keep its blanks as the label.";
    }
}
