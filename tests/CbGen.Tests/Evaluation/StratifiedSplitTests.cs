using System;
using System.Linq;
using CbGen.Evaluation;
using CsCheck;

namespace CbGen.Tests.Evaluation;

public sealed class StratifiedSplitTests
{
    private static int[] LongTail(params int[] perClass) =>
        perClass.SelectMany((n, c) => Enumerable.Repeat(c, n)).ToArray();

    [Fact]
    public void Each_class_gives_the_floor_of_its_fraction_and_at_least_the_minimum()
    {
        int[] labels = LongTail(1000, 95, 12, 3);
        StratifiedSplitResult s = StratifiedSplit.Create(labels, 4, 0.1, seed: 7);
        Assert.Equal(new long[] { 100, 9, 1, 1 }, s.ValidationCounts);
        Assert.Equal(new long[] { 900, 86, 11, 2 }, s.TrainCounts);
        for (int c = 0; c < 4; c++)
        {
            Assert.Equal(s.ValidationCounts[c], s.ValidationIndices.Count(i => labels[i] == c));
            Assert.Equal(s.TrainCounts[c], s.TrainIndices.Count(i => labels[i] == c));
        }
    }

    [Fact]
    public void The_same_seed_gives_the_same_split_and_another_seed_another()
    {
        int[] labels = LongTail(500, 50, 20);
        var a = StratifiedSplit.Create(labels, 3, 0.2, seed: 1);
        var b = StratifiedSplit.Create(labels, 3, 0.2, seed: 1);
        var c = StratifiedSplit.Create(labels, 3, 0.2, seed: 2);
        Assert.Equal(a.ValidationIndices, b.ValidationIndices);
        Assert.NotEqual(a.ValidationIndices, c.ValidationIndices);
    }

    [Fact]
    public void The_split_is_a_partition_for_random_long_tails()
    {
        Gen.Select(Gen.Int[1, 300].Array[1, 8], Gen.Double[0.01, 0.6], Gen.ULong)
            .Where(t => t.Item1.All(n => n >= 2))
            .Sample(t =>
            {
                (int[] counts, double fraction, ulong seed) = t;
                int[] labels = LongTail(counts);
                var s = StratifiedSplit.Create(labels, counts.Length, fraction, seed);
                int[] all = s.TrainIndices.Concat(s.ValidationIndices).OrderBy(i => i).ToArray();
                Assert.Equal(Enumerable.Range(0, labels.Length), all);
                for (int c = 0; c < counts.Length; c++)
                {
                    long v = s.ValidationCounts[c];
                    Assert.True(v >= 1 && s.TrainCounts[c] >= 1);
                    Assert.True(v == 1 || v <= fraction * counts[c], $"class {c}: {v} of {counts[c]} at {fraction}");
                }
            }, iter: 200);
    }

    [Fact]
    public void Impossible_requests_are_refused_with_the_class_named()
    {
        var e = Assert.Throws<ArgumentException>(() => StratifiedSplit.Create(LongTail(100, 1), 2, 0.1, seed: 0));
        Assert.Contains("Class 1 has 1 sample(s)", e.Message);
        Assert.Throws<ArgumentException>(() => StratifiedSplit.Create(LongTail(100, 4), 2, 0.1, seed: 0, minTrain: 4));
        Assert.Throws<ArgumentOutOfRangeException>(() => StratifiedSplit.Create(LongTail(10), 1, 0.0, seed: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => StratifiedSplit.Create(LongTail(10), 1, 1.0, seed: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => StratifiedSplit.Create(LongTail(10), 1, double.NaN, seed: 0));
        Assert.Contains("Sample 2 has label 5",
            Assert.Throws<ArgumentException>(() => StratifiedSplit.Create(new[] { 0, 0, 5 }, 2, 0.5, seed: 0)).Message);
        Assert.Contains("Sample 0 has label -1",
            Assert.Throws<ArgumentException>(() => StratifiedSplit.Create(new[] { -1L, 0L }, 2, 0.5, seed: 0)).Message);
    }

    [Fact]
    public void Zero_minimum_lets_a_tiny_class_stay_whole()
    {
        var s = StratifiedSplit.Create(LongTail(100, 3), 2, 0.1, seed: 3, minValidation: 0);
        Assert.Equal(new long[] { 10, 0 }, s.ValidationCounts);
        Assert.Equal(new long[] { 90, 3 }, s.TrainCounts);
    }
}
