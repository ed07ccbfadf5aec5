using System;
using System.Collections.Generic;
using System.Globalization;

namespace CbGen.Cli.Input;

/// <summary>Counts the labels of one column (CSV/TSV, Parquet) under the <c>--max-classes</c> cap: it fails on the
/// first distinct label past the cap, so a column of ids or paths (10M distinct strings) never fills the memory.
/// Integer labels are class indices 0..max (missing ones count 0); other labels are sorted ordinally (as
/// scikit-learn's LabelEncoder does).</summary>
internal sealed class LabelTally
{
    /// <summary>Integer labels at or past this value are names, not class indices.</summary>
    public const long MaxDenseClasses = 1_000_000;

    /// <summary>A column needs this many rows before "nearly every row is its own class" is worth a warning.</summary>
    private const long WarnMinRows = 20;

    private readonly Dictionary<string, long> counts = new(StringComparer.Ordinal);
    private readonly string display;
    private readonly string column;
    private readonly int maxClasses;

    /// <param name="display">The file, for messages.</param>
    /// <param name="column">The column, for messages (e.g. "column 'path'").</param>
    /// <param name="maxClasses">The most distinct labels accepted (<c>--max-classes</c>).</param>
    public LabelTally(string display, string column, int maxClasses)
    {
        this.display = display;
        this.column = column;
        this.maxClasses = maxClasses;
    }

    /// <summary>The labels counted so far.</summary>
    public long Rows { get; private set; }

    public int DistinctLabels => counts.Count;

    /// <summary>Counts one label.</summary>
    /// <param name="label">The label.</param>
    /// <param name="where">Where it was read (e.g. "line 12" or "row 12"), for the error past the cap.</param>
    public void Add(string label, Func<string> where)
    {
        Add(label, 1, where);
    }

    /// <summary>Counts <paramref name="times"/> occurrences of one label.</summary>
    public void Add(string label, long times, Func<string> where)
    {
        Rows += times;
        if (counts.TryGetValue(label, out long n))
        {
            counts[label] = n + times;
            return;
        }

        if (counts.Count >= maxClasses)
        {
            throw TooManyClasses(display, column, maxClasses, "more than " + Invariant.Format(maxClasses) + " distinct labels (the cap was passed at "
                + where() + ")");
        }

        counts.Add(label, times);
    }

    /// <summary>The classes in class-index order; adds a note for missing indices and a warning when (nearly) every
    /// row is its own class, or, given the <c>--multi-label</c> separator <paramref name="listSeparator"/> (for a
    /// single-label read), when labels contain it: a column of label lists counted as one label a row.</summary>
    public List<ClassCount> Classes(List<string> notes, List<string> warnings, char? listSeparator = null)
    {
        if (Rows >= WarnMinRows && counts.Count * 2L > Rows)
        {
            warnings.Add(ManyClassesWarning(column, counts.Count, Rows));
        }

        if (listSeparator is char separator)
        {
            long listed = 0;
            string? example = null;
            foreach (KeyValuePair<string, long> entry in counts)
            {
                if (entry.Key.Contains(separator, StringComparison.Ordinal))
                {
                    listed += entry.Value;
                    example ??= entry.Key;
                }
            }

            if (example is not null)
            {
                warnings.Add(Invariant.Plural(listed, "row", "rows") + " of " + column + (listed == 1 ? " holds '" : " hold '") + separator + "' (e.g. '"
                    + example + "'), each counted as one label. If the column holds label lists, count it with "
                    + "--multi-label (--separator sets another separator).");
            }
        }

        return Order(counts, notes, display, column, maxClasses);
    }

    /// <summary>The warning for a column with more than one class per two rows: usually an id or a path.</summary>
    public static string ManyClassesWarning(string column, long classes, long rows) =>
        Invariant.Plural(rows, "row", "rows") + " gave " + Invariant.Plural(classes, "class", "classes") + " (" + column
        + "): (nearly) every row is its own class. Is this the label column, not an id or a path? Choose the column with --column.";

    /// <summary>The error past <c>--max-classes</c>.</summary>
    public static InputException TooManyClasses(string display, string column, int maxClasses, string what) =>
        new(display + ": " + column + " has " + what + "; a label column has far fewer classes. Check that it is the label "
            + "column (not an id or a path; choose one with --column), or raise --max-classes (now " + Invariant.Format(maxClasses) + ").");

    private static List<ClassCount> Order(Dictionary<string, long> counts, List<string> notes, string display, string column, int maxClasses)
    {
        bool allIndices = true;
        long max = -1;
        foreach (string label in counts.Keys)
        {
            if (!long.TryParse(label, NumberStyles.None, CultureInfo.InvariantCulture, out long value) || value >= MaxDenseClasses)
            {
                allIndices = false;
                break;
            }

            max = Math.Max(max, value);
        }

        var classes = new List<ClassCount>();
        if (!allIndices)
        {
            var names = new List<string>(counts.Keys);
            names.Sort(string.CompareOrdinal);
            foreach (string name in names)
            {
                classes.Add(new ClassCount(name, counts[name]));
            }

            return classes;
        }

        if (max + 1 > maxClasses)
        {
            throw TooManyClasses(display, column, maxClasses, "integer labels up to " + Invariant.Format(max) + ", read as class indices 0.."
                + Invariant.Format(max) + " (" + Invariant.Format(max + 1) + " classes)");
        }

        var dense = new long[max + 1];
        foreach (KeyValuePair<string, long> pair in counts)
        {
            dense[long.Parse(pair.Key, NumberStyles.None, CultureInfo.InvariantCulture)] += pair.Value;
        }

        return Dense(dense, notes);
    }

    /// <summary>Classes 0..dense.Length-1 named by their index, with a note listing the indices that never occur.</summary>
    public static List<ClassCount> Dense(long[] dense, List<string> notes)
    {
        var classes = new List<ClassCount>(dense.Length);
        var missing = new List<string>();
        for (long c = 0; c < dense.Length; c++)
        {
            classes.Add(new ClassCount(Invariant.Format(c), dense[c]));
            if (dense[c] == 0)
            {
                missing.Add(Invariant.Format(c));
            }
        }

        if (missing.Count > 0)
        {
            notes.Add("the labels are class indices 0.." + Invariant.Format(dense.Length - 1) + "; " + (missing.Count == 1 ? "class " : "classes ") + Invariant.List(missing)
                + (missing.Count == 1 ? " never occurs" : " never occur") + " (count 0).");
        }

        return classes;
    }
}
