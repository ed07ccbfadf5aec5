using System;
using System.Linq;
using CbGen.Evaluation;
using FashionMnistLongTail;
using FashionMnistLongTail.Data;

namespace CbGen.Examples.Tests;

public sealed class LongTailTests
{
    // Hand-computed n_i = floor(6000 * (1/IF)^(i/9)).
    [Theory]
    [InlineData(10, new long[] { 6000, 4645, 3596, 2784, 2156, 1669, 1292, 1000, 774, 600 })]
    [InlineData(50, new long[] { 6000, 3884, 2515, 1628, 1054, 682, 442, 286, 185, 120 })]
    [InlineData(100, new long[] { 6000, 3596, 2156, 1292, 774, 464, 278, 166, 100, 60 })]
    public void Counts_follow_the_exponential_profile(int imbalance, long[] expected)
    {
        Assert.Equal(expected, LongTail.Counts(imbalance));
    }

    [Theory]
    [InlineData(10)]
    [InlineData(50)]
    [InlineData(100)]
    public void Counts_match_an_independent_log_space_computation(int imbalance)
    {
        var counts = LongTail.Counts(imbalance);
        for (int i = 0; i < 10; i++)
        {
            decimal exact = (decimal)(6000.0 * Math.Exp(-Math.Log(imbalance) * i / 9.0));
            Assert.Equal((long)Math.Floor(exact + 1e-9m), counts[i]);
        }

        Assert.Equal(imbalance, counts[0] / counts[9]);
    }

    [Fact]
    public void The_enum_declares_the_IF_100_counts()
    {
        // [Samples] is [Conditional] (not kept in metadata): read the counts back through the generated table.
        Assert.Equal(LongTail.Counts(100), FashionMnistSoftmaxWeights.Counts.ToArray());
    }

    [Fact]
    public void Select_keeps_the_first_images_of_each_class_in_file_order()
    {
        byte[] labels = [0, 1, 0, 2, 1, 0, 2, 0, 1, 2];
        var (indices, kept) = LongTail.Select(labels, [3, 1, 2]);

        Assert.Equal([0, 1, 2, 3, 5, 6], indices);
        Assert.Equal([3, 1, 2], kept);
    }

    [Fact]
    public void Select_applies_the_cap_per_class()
    {
        byte[] labels = [0, 1, 0, 2, 1, 0, 2, 0, 1, 2];
        var (indices, kept) = LongTail.Select(labels, [4, 3, 1], cap: 2);

        Assert.Equal([0, 1, 2, 3, 4], indices);
        Assert.Equal([2, 2, 1], kept);
    }

    [Fact]
    public void Select_says_which_class_is_short()
    {
        byte[] labels = [0, 1, 0, 1];
        var e = Assert.Throws<DatasetException>(() => LongTail.Select(labels, [2, 3]));

        Assert.Contains("class 1", e.Message, StringComparison.Ordinal);
        Assert.Contains("needs 3", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_validation_split_takes_unused_images_only_balanced_where_there_are_enough()
    {
        // 40 images per class, interleaved; the subset keeps all of class 0, 30 of class 1 and 5 of class 2.
        byte[] labels = Enumerable.Range(0, 120).Select(i => (byte)(i % 3)).ToArray();
        var (subset, _) = LongTail.Select(labels, [40, 30, 5]);

        int[] validation = LongTail.Validation(labels, subset, classes: 3, perClass: 20, seed: 0);

        Assert.Empty(validation.Intersect(subset));
        Assert.Equal(validation.Distinct().Order(), validation);
        long[] perClass = Enumerable.Range(0, 3).Select(c => (long)validation.Count(i => labels[i] == c)).ToArray();
        Assert.Equal([0L, 10L, 20L], perClass);    // class 0 has no unused image, class 1 only 10
        Assert.Equal(validation, LongTail.Validation(labels, subset, 3, 20, 0));
        Assert.NotEqual(validation, LongTail.Validation(labels, subset, 3, 20, 1));   // class 2's 20 of 35 depend on the seed
    }

    [Theory]
    [InlineData(1001, ShotGroup.Many)]
    [InlineData(1000, ShotGroup.Medium)]
    [InlineData(200, ShotGroup.Medium)]
    [InlineData(199, ShotGroup.Few)]
    public void Shot_groups_use_the_1000_and_200_thresholds(long count, ShotGroup expected)
    {
        Assert.Equal(expected, LongTail.Thresholds.Classify(count));
    }

    [Fact]
    public void Learning_rate_warms_up_then_drops_at_epochs_20_and_25()
    {
        const int iters = 10;
        Assert.Equal(0.05 / 20, Protocol.LearningRateAt(0, 0, iters, 30), 12);
        Assert.Equal(0.05 * 11 / 20, Protocol.LearningRateAt(1, 10, iters, 30), 12);
        Assert.Equal(0.05, Protocol.LearningRateAt(2, 20, iters, 30), 12);
        Assert.Equal(0.05, Protocol.LearningRateAt(19, 199, iters, 30), 12);
        Assert.Equal(0.005, Protocol.LearningRateAt(20, 200, iters, 30), 12);
        Assert.Equal(0.005, Protocol.LearningRateAt(24, 249, iters, 30), 12);
        Assert.Equal(0.0005, Protocol.LearningRateAt(25, 250, iters, 30), 12);
    }
}
