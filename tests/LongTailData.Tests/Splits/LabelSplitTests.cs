using System;
using System.Collections.Generic;
using System.Linq;
using LongTailData.Splits;

namespace LongTailData.Tests.Splits;

public sealed class LabelSplitTests
{
    // A long tail of 5 classes: 400, 120, 60, 25 and 12 samples, interleaved.
    private static readonly int[] Sizes = [400, 120, 60, 25, 12];

    private static int[] Labels()
    {
        var labels = new List<int>();
        int[] left = (int[])Sizes.Clone();
        while (left.Any(n => n > 0))
        {
            for (int c = 0; c < left.Length; c++)
            {
                if (left[c]-- > 0)
                {
                    labels.Add(c);
                }
            }
        }

        return labels.ToArray();
    }

    [Fact]
    public void The_test_set_is_balanced_and_the_parts_partition_the_samples()
    {
        int[] labels = Labels();
        LabelSplit split = LabelSplit.Create(labels, Sizes.Length, new SplitOptions(MinPerClass: 12, TestPerClass: 10));

        Assert.All(Enumerable.Range(0, Sizes.Length), c => Assert.Equal(10, split.TestIndices.Count(i => labels[i] == c)));
        int[] all = split.TrainIndices.Concat(split.ValidationIndices).Concat(split.TestIndices).Order().ToArray();
        Assert.Equal(Enumerable.Range(0, labels.Length), all);
        Assert.True(split.TrainIndices.SequenceEqual(split.TrainIndices.Order()));
    }

    [Fact]
    public void Validation_is_stratified_on_what_the_test_set_leaves()
    {
        int[] labels = Labels();
        LabelSplit split = LabelSplit.Create(labels, Sizes.Length, new SplitOptions(MinPerClass: 12, TestPerClass: 10, ValidationFraction: 0.1));

        for (int c = 0; c < Sizes.Length; c++)
        {
            long expected = Math.Max(1, (int)Math.Floor(0.1 * (Sizes[c] - 10)));
            Assert.Equal(expected, split.ValidationCounts[c]);
            Assert.Equal(expected, split.ValidationIndices.Count(i => labels[i] == c));
            Assert.Equal(Sizes[c] - 10 - expected, split.TrainCounts[c]);
            Assert.Equal(split.TrainCounts[c], split.TrainIndices.Count(i => labels[i] == c));
        }
    }

    [Fact]
    public void The_same_seed_gives_the_same_split_and_another_seed_another()
    {
        int[] labels = Labels();
        var options = new SplitOptions(MinPerClass: 12, TestPerClass: 10, Seed: 3);

        LabelSplit a = LabelSplit.Create(labels, Sizes.Length, options);
        LabelSplit b = LabelSplit.Create(labels, Sizes.Length, options);
        LabelSplit other = LabelSplit.Create(labels, Sizes.Length, options with { Seed = 4 });

        Assert.Equal(a.TestIndices, b.TestIndices);
        Assert.Equal(a.ValidationIndices, b.ValidationIndices);
        Assert.NotEqual(a.TestIndices, other.TestIndices);
        Assert.NotEqual(a.ValidationIndices, other.ValidationIndices);
    }

    [Theory]
    [InlineData(11, 10, 0.1, "MinPerClass")]
    [InlineData(20, 0, 0.1, "TestPerClass")]
    [InlineData(20, 10, 0.0, "ValidationFraction")]
    [InlineData(20, 10, 1.0, "ValidationFraction")]
    public void Options_that_cannot_split_every_kept_class_are_refused(int min, int test, double fraction, string parameter)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new SplitOptions(min, test, fraction).Validate());

        Assert.Equal(parameter, e.ParamName);
    }

    [Fact]
    public void A_class_too_small_for_its_test_share_is_named()
    {
        var e = Assert.Throws<ArgumentException>(() => LabelSplit.Create([0, 0, 0, 1, 1], 2, new SplitOptions(MinPerClass: 3, TestPerClass: 1)));

        Assert.Contains("Class 1 has 2 sample(s)", e.Message, StringComparison.Ordinal);
    }
}
