using System;
using System.Collections.Generic;

namespace CbGen.Cli.Input;

/// <summary>Multi-label counting (<c>--multi-label</c>): each row is one sample whose label field is a list split at the
/// separator ("a;b;c"); each distinct label counts once per sample, an empty list is a sample without labels, and
/// <see cref="Samples"/> is N, the rows read.</summary>
internal sealed class LabelLists
{
    private readonly LabelTally tally;
    private readonly char separator;
    private readonly HashSet<string> seen = new(StringComparer.Ordinal);

    public LabelLists(LabelTally tally, char separator)
    {
        this.tally = tally;
        this.separator = separator;
    }

    /// <summary>N: the samples (rows) read, with or without labels.</summary>
    public long Samples { get; private set; }

    /// <summary>Samples whose list is empty.</summary>
    public long Unlabelled { get; private set; }

    /// <summary>Labels written twice in one list (counted once).</summary>
    public long Repeats { get; private set; }

    /// <summary>Counts the list <paramref name="field"/> of one sample.</summary>
    public void Add(string field, Func<string> where)
    {
        Samples++;
        seen.Clear();
        foreach (string part in field.Split(separator))
        {
            string label = part.Trim();
            if (label.Length == 0)
            {
                continue;
            }

            if (seen.Add(label))
            {
                tally.Add(label, where);
            }
            else
            {
                Repeats++;
            }
        }

        Unlabelled += seen.Count == 0 ? 1 : 0;
    }

    /// <summary>The table's description: the source's, plus N and what was unusual.</summary>
    public string Describe(string source) =>
        source + ", multi-label (lists split at '" + separator + "'): " + Invariant.Plural(Samples, "sample", "samples")
        + (Unlabelled > 0 ? ", " + Invariant.Format(Unlabelled) + " without labels" : string.Empty)
        + (Repeats > 0 ? ", " + Invariant.Plural(Repeats, "repeated label", "repeated labels") + " counted once" : string.Empty);
}
