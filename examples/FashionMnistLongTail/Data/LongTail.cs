using System;
using System.Collections.Generic;
using System.Globalization;
using CbGen.Evaluation;

namespace FashionMnistLongTail.Data;

/// <summary>The long-tailed training subset of the CB-loss paper's CIFAR-LT protocol, applied to Fashion-MNIST.</summary>
public static class LongTail
{
    /// <summary>Training images per class in the balanced set.</summary>
    public const int MaxPerClass = 6000;

    /// <summary>
    /// The per-class counts <c>n_i = ⌊max · (1/IF)^(i/(C-1))⌋</c>: class 0 keeps <paramref name="maxPerClass"/>
    /// images and class C-1 keeps <c>max / IF</c>, decaying exponentially in between.
    /// </summary>
    /// <param name="imbalance">The imbalance factor IF = n_max / n_min, ≥ 1.</param>
    /// <param name="classCount">The number of classes C, ≥ 2.</param>
    /// <param name="maxPerClass">n_0, ≥ 1.</param>
    /// <exception cref="ArgumentOutOfRangeException">An argument is out of range.</exception>
    public static long[] Counts(double imbalance, int classCount = 10, int maxPerClass = MaxPerClass)
    {
        if (!(imbalance >= 1.0) || double.IsInfinity(imbalance))
        {
            throw new ArgumentOutOfRangeException(nameof(imbalance), imbalance,
                "The imbalance factor must be a finite number ≥ 1 (e.g. 10, 50, 100).");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(classCount, 2);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxPerClass, 1);
        var counts = new long[classCount];
        for (int i = 0; i < classCount; i++)
        {
            double n = maxPerClass * Math.Pow(1.0 / imbalance, i / (double)(classCount - 1));

            // The tiny slack keeps exact products such as 6000 · 0.01 = 60 from landing on 59.999….
            counts[i] = Math.Max(1, (long)Math.Floor(n + 1e-9));
        }

        return counts;
    }

    /// <summary>
    /// The indices of the training subset: class c keeps its first <c>min(counts[c], cap)</c> images in file order.
    /// Returns the indices sorted by file position and the counts actually kept.
    /// </summary>
    /// <param name="labels">The training labels, one per image.</param>
    /// <param name="counts">The wanted count per class.</param>
    /// <param name="cap">An optional cap per class (smoke tests).</param>
    /// <exception cref="DatasetException">A class has fewer images than wanted.</exception>
    public static (int[] Indices, long[] Kept) Select(ReadOnlySpan<byte> labels, ReadOnlySpan<long> counts, int? cap = null)
    {
        var wanted = new long[counts.Length];
        for (int c = 0; c < counts.Length; c++)
        {
            wanted[c] = cap is int k ? Math.Min(counts[c], k) : counts[c];
        }

        var kept = new long[counts.Length];
        var indices = new List<int>();
        for (int i = 0; i < labels.Length; i++)
        {
            int c = labels[i];
            if (c < counts.Length && kept[c] < wanted[c])
            {
                kept[c]++;
                indices.Add(i);
            }
        }

        for (int c = 0; c < counts.Length; c++)
        {
            if (kept[c] < wanted[c])
            {
                throw new DatasetException(string.Format(CultureInfo.InvariantCulture,
                    "The training labels hold {0} images of class {1}; the long-tailed subset needs {2}.",
                    kept[c], c, wanted[c]));
            }
        }

        return (indices.ToArray(), kept);
    }

    /// <summary>Validation images per class that <see cref="Validation"/> takes (where a class has that many unused).</summary>
    public const int ValidationPerClass = 100;

    /// <summary>The seed of <see cref="Validation"/>'s draw.</summary>
    public const int ValidationSeed = 0;

    /// <summary>
    /// A validation split disjoint from the training subset: for each class, <paramref name="perClass"/> of the
    /// training images the subset leaves unused (all of them if fewer), drawn with <c>new Random(seed)</c>. A class
    /// whose images the subset keeps entirely (class 0 at any IF: it keeps all 6000) has none. The subset, and so
    /// every model trained on it, is unchanged. Returns the indices sorted by file position.
    /// </summary>
    /// <param name="labels">The training labels, one per image.</param>
    /// <param name="subset">The training subset's indices (<see cref="Select"/>).</param>
    /// <param name="classes">The number of classes.</param>
    /// <param name="perClass">Images per class, ≥ 1.</param>
    /// <param name="seed">The seed of the draw.</param>
    public static int[] Validation(ReadOnlySpan<byte> labels, IReadOnlyCollection<int> subset, int classes,
        int perClass = ValidationPerClass, int seed = ValidationSeed)
    {
        ArgumentNullException.ThrowIfNull(subset);
        ArgumentOutOfRangeException.ThrowIfLessThan(classes, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(perClass, 1);
        var used = new HashSet<int>(subset);
        var unused = new List<int>[classes];
        for (int c = 0; c < classes; c++)
        {
            unused[c] = [];
        }

        for (int i = 0; i < labels.Length; i++)
        {
            if (labels[i] < classes && !used.Contains(i))
            {
                unused[labels[i]].Add(i);
            }
        }

        var rng = new Random(seed);
        var chosen = new List<int>();
        foreach (var pool in unused)
        {
            int[] order = pool.ToArray();
            rng.Shuffle(order);
            chosen.AddRange(order.AsSpan(0, Math.Min(perClass, order.Length)));
        }

        chosen.Sort();
        return chosen.ToArray();
    }

    /// <summary>The demo's shot groups: many-shot &gt; 1000, medium 200–1000, few-shot &lt; 200 training images
    /// (the literature's 100/20 scaled to Fashion-MNIST's larger classes).</summary>
    public static ShotThresholds Thresholds { get; } = new(1000, 200);
}
