using System;
using System.Collections.Generic;

namespace CbGen.Sampling;

/// <summary>
/// A data set's labels grouped by class: the per-class counts (the same counts the losses take) and, for each
/// class, its rows in ascending order, so a sampler can draw a class and then one of its rows in O(1).
/// </summary>
/// <remarks>Holds one int per row (4 bytes × N) and one count and offset per class; it is built once and shared,
/// read-only, by any number of samplers and threads.</remarks>
public sealed class LabelIndex
{
    private readonly int[] rows;
    private readonly int[] offsets;

    /// <summary>Groups <paramref name="labels"/> (one class index per row, row i is data set item i).</summary>
    /// <param name="labels">The label of every row, each in [0, <paramref name="classCount"/>).</param>
    /// <param name="classCount">The number of classes C (the logits' width), ≥ 1.</param>
    /// <exception cref="ArgumentException">The labels are empty, a label is outside [0, C), or C &lt; 1.</exception>
    public LabelIndex(ReadOnlySpan<int> labels, int classCount)
    {
        ValidateShape(labels.Length, classCount);
        offsets = new int[classCount + 1];
        for (int i = 0; i < labels.Length; i++)
        {
            int label = labels[i];
            if ((uint)label >= (uint)classCount)
            {
                throw BadLabel(i, label, classCount);
            }

            offsets[label + 1]++;
        }

        for (int c = 0; c < classCount; c++)
        {
            offsets[c + 1] += offsets[c];
        }

        rows = new int[labels.Length];
        var next = (int[])offsets.Clone();
        for (int i = 0; i < labels.Length; i++)
        {
            rows[next[labels[i]]++] = i;
        }
    }

    /// <summary>As the span constructor, for labels stored as Int64 (a TorchSharp label tensor's data).</summary>
    /// <exception cref="ArgumentException">As the span constructor.</exception>
    public LabelIndex(ReadOnlySpan<long> labels, int classCount)
        : this(Narrow(labels, classCount), classCount)
    {
    }

    /// <summary>Groups labels read one per row from a sequence (read once).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="labels"/> is null.</exception>
    /// <exception cref="ArgumentException">As the span constructor.</exception>
    public static LabelIndex FromLabels(IEnumerable<int> labels, int classCount)
    {
        if (labels is null)
        {
            throw new ArgumentNullException(nameof(labels));
        }

        return new LabelIndex(new List<int>(labels).ToArray(), classCount);
    }

    /// <summary>The number of classes C.</summary>
    public int ClassCount => offsets.Length - 1;

    /// <summary>The number of rows N.</summary>
    public int RowCount => rows.Length;

    /// <summary>The number of rows of each class, indexed by class: the counts to pass to the losses.</summary>
    /// <returns>A new array of <see cref="ClassCount"/> counts.</returns>
    public long[] Counts()
    {
        var counts = new long[ClassCount];
        for (int c = 0; c < counts.Length; c++)
        {
            counts[c] = offsets[c + 1] - offsets[c];
        }

        return counts;
    }

    internal int Offset(int classIndex) => offsets[classIndex];

    internal int CountOf(int classIndex) => offsets[classIndex + 1] - offsets[classIndex];

    internal int[] Rows => rows;

    private static void ValidateShape(int rowCount, int classCount)
    {
        if (classCount < 1)
        {
            throw new ArgumentException(
                "The class count is " + EffectiveNumber.Format(classCount)
                + "; pass the number of classes C ≥ 1 (the logits' width).", nameof(classCount));
        }

        if (rowCount == 0)
        {
            throw new ArgumentException(
                "The data set is empty: there are no labels to sample from; pass one label per row.", "labels");
        }
    }

    private static int[] Narrow(ReadOnlySpan<long> labels, int classCount)
    {
        ValidateShape(labels.Length, classCount);
        var narrow = new int[labels.Length];
        for (int i = 0; i < labels.Length; i++)
        {
            if ((ulong)labels[i] >= (ulong)classCount)
            {
                throw BadLabel(i, labels[i], classCount);
            }

            narrow[i] = (int)labels[i];
        }

        return narrow;
    }

    private static ArgumentException BadLabel(int row, long label, int classCount) =>
        new ArgumentException(
            "Row " + EffectiveNumber.Format(row) + " has label " + EffectiveNumber.Format(label) + ", outside [0, "
            + EffectiveNumber.Format(classCount) + "); labels are class indices from 0 to C − 1: fix the label, or pass "
            + "the right class count C.", "labels");
}
