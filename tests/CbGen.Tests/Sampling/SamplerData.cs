using System;
using System.Linq;
using CbGen.Sampling;

namespace CbGen.Tests.Sampling;

/// <summary>Small long-tailed label sets for the sampler tests, shuffled so that rows of a class are not contiguous.</summary>
internal static class SamplerData
{
    /// <summary>Ten classes from 2,000 rows down to 20 (imbalance 100), 5,591 rows in all.</summary>
    public static int[] LongTailLabels() => Labels(Enumerable.Range(0, 10)
        .Select(c => (int)Math.Floor(2000 * Math.Pow(0.01, c / 9.0))).ToArray());

    /// <summary>One label per row, <paramref name="counts"/>[c] rows of class c, in a seeded random order.</summary>
    public static int[] Labels(int[] counts)
    {
        int[] labels = counts.SelectMany((n, c) => Enumerable.Repeat(c, n)).ToArray();
        new Random(11).Shuffle(labels);
        return labels;
    }

    /// <summary>The class of each of <paramref name="draws"/> rows drawn from <paramref name="epoch"/>, counted.</summary>
    public static long[] ClassHistogram(IndexSampler sampler, int[] labels, int draws, int epoch = 0)
    {
        IndexStream stream = sampler.Stream(epoch);
        return ChiSquare.Histogram(sampler.Labels.ClassCount, draws, () => labels[stream.Next()]);
    }
}
