using System;
using CbGen.Sampling;

namespace CbGen.Tests.Sampling;

/// <summary>Bad input to the samplers: each an <see cref="ArgumentException"/> whose message names the problem and
/// the fix.</summary>
public class SamplerValidationTests
{
    private static readonly LabelIndex Index = new(new[] { 0, 1, 1, 2, 2, 2 }, 3);

    [Fact]
    public void An_empty_class_is_refused_naming_the_option()
    {
        var gappy = new LabelIndex(new[] { 0, 0, 2 }, 3);

        var e = Assert.Throws<ArgumentException>(() => IndexSampler.ClassBalanced(gappy, seed: 0));

        Assert.Contains("Class 1 has no samples", e.Message, StringComparison.Ordinal);
        Assert.Contains("ZeroCountPolicy.ZeroWeight", e.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => SamplingProbabilities.RepeatFactors(new long[] { 4, 0 }, 0.5));
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(-0.5)]
    public void A_bad_exponent_is_refused(double q)
    {
        var e = Assert.Throws<ArgumentException>(() => IndexSampler.Power(Index, q, seed: 0));

        Assert.Contains("finite q ≥ 0", e.Message, StringComparison.Ordinal);
        Assert.Equal("q", e.ParamName);
    }

    [Fact]
    public void An_empty_data_set_is_refused()
    {
        var e = Assert.Throws<ArgumentException>(() => new LabelIndex(Array.Empty<int>(), 3));

        Assert.Contains("data set is empty", e.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => LabelIndex.FromLabels(Array.Empty<int>(), 3));
    }

    [Theory]
    [InlineData(3)]
    [InlineData(-1)]
    public void A_label_outside_the_classes_is_refused(int label)
    {
        var e = Assert.Throws<ArgumentException>(() => new LabelIndex(new[] { 0, 1, label }, 3));

        Assert.Contains("Row 2 has label " + label + ", outside [0, 3)", e.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => new LabelIndex(new long[] { 0, 1, label }, 3));
    }

    [Fact]
    public void A_class_count_below_one_is_refused()
    {
        Assert.Contains("C ≥ 1", Assert.Throws<ArgumentException>(() => new LabelIndex(new[] { 0 }, 0)).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(-1, 5, "outside [0, 5]")]
    [InlineData(6, 5, "outside [0, 5]")]
    [InlineData(0, 0, "T ≥ 1")]
    public void Progressive_epochs_out_of_range_are_refused(int epoch, int total, string fix)
    {
        var e = Assert.Throws<ArgumentException>(() => SamplingProbabilities.ProgressivelyBalanced(new long[] { 3, 1 }, epoch, total));

        Assert.Contains(fix, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Sampler_epochs_out_of_range_are_refused()
    {
        IndexSampler progressive = IndexSampler.ProgressivelyBalanced(Index, totalEpochs: 2, seed: 0);

        Assert.Contains("outside [0, 2]", Assert.Throws<ArgumentException>(() => progressive.Epoch(3)).Message, StringComparison.Ordinal);
        Assert.Contains("counted from 0", Assert.Throws<ArgumentException>(() => IndexSampler.ClassBalanced(Index, 0).Stream(-1)).Message, StringComparison.Ordinal);
        Assert.Contains("number of indices per epoch", Assert.Throws<ArgumentException>(() => IndexSampler.ClassBalanced(Index, 0).Epoch(0, 0)).Message, StringComparison.Ordinal);
        Assert.Contains("number of indices per epoch", Assert.Throws<ArgumentException>(() => IndexSampler.ClassBalanced(Index, 0, epochLength: -5)).Message, StringComparison.Ordinal);
        Assert.Contains("T ≥ 1", Assert.Throws<ArgumentException>(() => IndexSampler.ProgressivelyBalanced(Index, 0, seed: 0)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Enumerating_past_the_last_progressive_epoch_says_so()
    {
        IndexSampler progressive = IndexSampler.ProgressivelyBalanced(Index, totalEpochs: 1, seed: 0, epochLength: 3);
        foreach (long _ in progressive)
        {
        }

        foreach (long _ in progressive)
        {
        }

        var e = Assert.Throws<InvalidOperationException>(() => progressive.GetEnumerator());
        Assert.Contains("more total epochs", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-0.1)]
    [InlineData(1.5)]
    [InlineData(double.NaN)]
    public void A_bad_repeat_factor_threshold_is_refused(double threshold)
    {
        var e = Assert.Throws<ArgumentException>(() => IndexSampler.RepeatFactor(Index, threshold, seed: 0));

        Assert.Contains("in (0, 1]", e.Message, StringComparison.Ordinal);
    }
}
