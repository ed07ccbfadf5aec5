using System;
using System.Collections.Generic;

namespace CbGen.Cli.Input;

/// <summary>Multi-label counting (<c>--multi-label</c>), the one home of its rule: each row is one sample carrying a
/// list of labels; each distinct label counts once per sample (a label written twice in one list counts once), an
/// empty list is a sample without labels, and <see cref="Samples"/> is N, the rows read. The labels are strings
/// (CSV/TSV fields and Parquet strings, split at the separator, or a Parquet list of strings) or class indices (a
/// Parquet list of integers).</summary>
/// <typeparam name="T">The label type.</typeparam>
internal sealed class LabelLists<T>
    where T : notnull
{
    private readonly Action<T, Func<string>> count;
    private readonly HashSet<T> seen = new();

    /// <param name="count">Counts one positive of a label (once per sample), given where it was read.</param>
    public LabelLists(Action<T, Func<string>> count)
    {
        this.count = count;
    }

    /// <summary>N: the samples (rows) read, with or without labels.</summary>
    public long Samples { get; private set; }

    /// <summary>Samples whose list is empty.</summary>
    public long Unlabelled { get; private set; }

    /// <summary>Labels written twice in one list (counted once).</summary>
    public long Repeats { get; private set; }

    /// <summary>Counts the labels of one sample.</summary>
    /// <param name="labels">The sample's list.</param>
    /// <param name="where">Where it was read (e.g. "row 12"), for messages.</param>
    public void Add(IEnumerable<T> labels, Func<string> where)
    {
        Samples++;
        seen.Clear();
        foreach (T label in labels)
        {
            if (seen.Add(label))
            {
                count(label, where);
            }
            else
            {
                Repeats++;
            }
        }

        Unlabelled += seen.Count == 0 ? 1 : 0;
    }

    /// <summary>The table's description: the source's, how it was read, plus N and what was unusual.</summary>
    public string Describe(string source, string how) =>
        source + ", multi-label (" + how + "): " + Invariant.Plural(Samples, "sample", "samples")
        + (Unlabelled > 0 ? ", " + Invariant.Format(Unlabelled) + " without labels" : string.Empty)
        + (Repeats > 0 ? ", " + Invariant.Plural(Repeats, "repeated label", "repeated labels") + " counted once" : string.Empty);
}

/// <summary><see cref="LabelLists{T}"/> for a text field that holds a whole list ("a;b;c", CSV/TSV or a Parquet string
/// column): split at the separator, blanks around a label trimmed, empty parts skipped.</summary>
internal sealed class LabelLists
{
    private readonly LabelLists<string> lists;
    private readonly char separator;

    public LabelLists(LabelTally tally, char separator)
    {
        lists = new LabelLists<string>(tally.Add);
        this.separator = separator;
    }

    /// <summary>N: the samples (rows) read, with or without labels.</summary>
    public long Samples => lists.Samples;

    /// <summary>The message for a source where every list is empty.</summary>
    public static string NoLabels(string what) => "no sample carries a label (every label list in " + what + " is empty).";

    /// <summary>Counts the list <paramref name="field"/> of one sample.</summary>
    public void Add(string field, Func<string> where) => lists.Add(Split(field), where);

    /// <summary>The table's description: the source's, plus N and what was unusual.</summary>
    public string Describe(string source) => lists.Describe(source, "lists split at '" + separator + "'");

    private IEnumerable<string> Split(string field)
    {
        foreach (string part in field.Split(separator))
        {
            string label = part.Trim();
            if (label.Length > 0)
            {
                yield return label;
            }
        }
    }
}
