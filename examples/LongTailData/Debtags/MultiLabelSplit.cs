using System;
using System.Collections.Generic;
using System.Linq;

namespace LongTailData.Debtags;

/// <summary>
/// A seeded train/test split for multi-label samples that gives every label about its share of test positives:
/// rarest-label-first stratification, a one-pass simplification of Sechidis et al.'s iterative stratification
/// (ECML PKDD 2011). Each label c wants round(f·n_c) test positives. The samples are shuffled with the seed, then
/// taken in order of their rarest label (fewest samples first, the shuffle breaking ties); a sample goes to test
/// when its rarest label still wants test positives, and its labels' wants drop by one each. A plain random split
/// would leave many of the rarest labels with no test positive, so their AP would be undefined.
/// </summary>
public sealed class MultiLabelSplit
{
    private MultiLabelSplit(int[] train, int[] test, long[] trainCounts, long[] testCounts)
    {
        TrainIndices = train;
        TestIndices = test;
        TrainCounts = trainCounts;
        TestCounts = testCounts;
    }

    /// <summary>The training samples' indices, ascending.</summary>
    public IReadOnlyList<int> TrainIndices { get; }

    /// <summary>The test samples' indices, ascending.</summary>
    public IReadOnlyList<int> TestIndices { get; }

    /// <summary>Training positives per label: n_c for the weights and the shot groups.</summary>
    public IReadOnlyList<long> TrainCounts { get; }

    /// <summary>Test positives per label.</summary>
    public IReadOnlyList<long> TestCounts { get; }

    /// <summary>Splits <paramref name="labels"/> (each sample's label indices, at least one each).</summary>
    public static MultiLabelSplit Create(IReadOnlyList<IReadOnlyList<int>> labels, int labelCount, double testFraction, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(labels);
        var totals = new long[labelCount];
        foreach (IReadOnlyList<int> sample in labels)
        {
            foreach (int c in sample)
            {
                totals[c]++;
            }
        }

        var want = totals.Select(n => (long)Math.Round(testFraction * n, MidpointRounding.AwayFromZero)).ToArray();
        var order = Enumerable.Range(0, labels.Count).ToArray();
        new Random(unchecked((int)seed ^ (int)(seed >> 32))).Shuffle(order);
        int Rarest(int i) => labels[i].MinBy(c => (totals[c], c));
        int[] ordered = order.OrderBy(i => totals[Rarest(i)]).ToArray();   // stable: the shuffle breaks ties

        var isTest = new bool[labels.Count];
        foreach (int i in ordered)
        {
            if (want[Rarest(i)] > 0)
            {
                isTest[i] = true;
                foreach (int c in labels[i])
                {
                    want[c]--;
                }
            }
        }

        var trainCounts = new long[labelCount];
        var testCounts = new long[labelCount];
        var train = new List<int>();
        var test = new List<int>();
        for (int i = 0; i < labels.Count; i++)
        {
            (isTest[i] ? test : train).Add(i);
            foreach (int c in labels[i])
            {
                (isTest[i] ? testCounts : trainCounts)[c]++;
            }
        }

        return new MultiLabelSplit(train.ToArray(), test.ToArray(), trainCounts, testCounts);
    }
}
