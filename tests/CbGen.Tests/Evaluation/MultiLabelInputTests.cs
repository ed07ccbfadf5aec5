using System;
using CbGen.Evaluation;

namespace CbGen.Tests.Evaluation;

/// <summary>Every bad input of the multi-label metrics is an error that names the problem, where it is and the fix.</summary>
public sealed class MultiLabelInputTests
{
    private static readonly long[] Counts = { 100, 10 };

    [Fact]
    public void Scores_and_targets_of_different_lengths_are_an_error()
    {
        var e = Assert.Throws<ArgumentException>(() =>
            MultiLabelMetrics.Compute(new[] { 0.1, 0.2, 0.3, 0.4 }, new[] { 1.0, 0 }, Counts));
        Assert.Equal("targets", e.ParamName);
        Assert.Contains("4 scores but 2 targets", e.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => MultiLabelMetrics.AveragePrecision(new[] { 0.1 }, new[] { 1.0, 0 }));
    }

    [Fact]
    public void Scores_that_do_not_make_whole_rows_of_the_class_count_are_an_error()
    {
        var e = Assert.Throws<ArgumentException>(() =>
            MultiLabelMetrics.Compute(new[] { 0.1, 0.2, 0.3 }, new[] { 1.0, 0, 1 }, Counts));
        Assert.Equal("scores", e.ParamName);
        Assert.Contains("3 scores do not make whole rows of C = 2 classes", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Empty_input_is_an_error_that_says_so()
    {
        var e = Assert.Throws<ArgumentException>(() =>
            MultiLabelMetrics.Compute(Array.Empty<float>(), Array.Empty<float>(), Counts));
        Assert.Contains("no samples", e.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => MultiLabelMetrics.AveragePrecision(Array.Empty<double>(), Array.Empty<double>()));
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(2.0)]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    public void A_target_other_than_zero_or_one_is_an_error_naming_its_sample_and_class(double bad)
    {
        double[] targets = { 1, 0, 0, bad };
        var e = Assert.Throws<ArgumentException>(() => MultiLabelMetrics.Compute(new[] { 0.1, 0.2, 0.3, 0.4 }, targets, Counts));
        Assert.Equal("targets", e.ParamName);
        Assert.Contains("sample 1, class 1", e.Message, StringComparison.Ordinal);
        Assert.Contains("0 or 1", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_float_target_is_shown_as_the_float_it_is()
    {
        var e = Assert.Throws<ArgumentException>(() => MultiLabelMetrics.AveragePrecision(new[] { 0.1f, 0.2f }, new[] { 1f, 0.7f }));
        Assert.Contains("The target of sample 1 is 0.7;", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_NaN_score_is_an_error_naming_its_sample_and_class()
    {
        var e = Assert.Throws<ArgumentException>(() =>
            MultiLabelMetrics.Compute(new[] { 0.1f, float.NaN, 0.3f, 0.4f }, new[] { 1f, 0, 0, 1 }, Counts));
        Assert.Equal("scores", e.ParamName);
        Assert.Contains("sample 0, class 1 is NaN", e.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => MultiLabelMetrics.AveragePrecision(new[] { double.NaN }, new[] { 1.0 }));
    }

    [Theory]
    [InlineData(1.5)]
    [InlineData(-0.25)]
    [InlineData(double.PositiveInfinity)]
    public void Logits_passed_as_probabilities_are_an_error_that_names_the_logit_threshold(double logit)
    {
        var e = Assert.Throws<ArgumentException>(() =>
            MultiLabelMetrics.Compute(new[] { 0.1, 0.2, logit, 0.4 }, new[] { 1.0, 0, 0, 1 }, Counts));
        Assert.Equal("scores", e.ParamName);
        Assert.Contains("sample 1, class 0", e.Message, StringComparison.Ordinal);
        Assert.Contains("outside [0, 1]", e.Message, StringComparison.Ordinal);
        Assert.Contains("DecisionThreshold.Logit(0)", e.Message, StringComparison.Ordinal);

        MultiLabelReport asLogits = MultiLabelMetrics.Compute(new[] { 0.1, 0.2, logit, 0.4 }, new[] { 1.0, 0, 0, 1 }, Counts,
            new MultiLabelOptions { Decision = DecisionThreshold.Logit() });
        Assert.Equal(2, asLogits.ClassCount);
    }

    [Fact]
    public void Targets_without_any_positive_are_an_error()
    {
        var e = Assert.Throws<ArgumentException>(() =>
            MultiLabelMetrics.Compute(new[] { 0.1, 0.2, 0.3, 0.4 }, new double[4], Counts));
        Assert.Equal("targets", e.ParamName);
        Assert.Contains("No target is positive in any of the 2 samples", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Training_positives_are_checked_as_the_long_tail_counts_are()
    {
        var empty = Assert.Throws<ArgumentException>(() =>
            MultiLabelMetrics.Compute(new[] { 0.1 }, new[] { 1.0 }, Array.Empty<long>()));
        Assert.Equal("trainingPositives", empty.ParamName); // the caller's parameter, not LongTailMetrics'
        var negative = Assert.Throws<ArgumentException>(() =>
            MultiLabelMetrics.Compute(new[] { 0.1, 0.2 }, new[] { 1.0, 0 }, new long[] { 3, -1 }));
        Assert.Equal("trainingPositives", negative.ParamName);
        Assert.Contains("Class 1 has a negative training count (-1)", negative.Message, StringComparison.Ordinal);
        Assert.Equal("trainingCounts", Assert.Throws<ArgumentException>(() =>
            LongTailMetrics.Compute(new[] { 0 }, new[] { 0 }, Array.Empty<long>())).ParamName);
    }

    [Fact]
    public void Options_reject_values_that_have_no_meaning()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => DecisionThreshold.Probability(1.5));
        Assert.Throws<ArgumentOutOfRangeException>(() => DecisionThreshold.Probability(double.NaN));
        Assert.Throws<ArgumentOutOfRangeException>(() => DecisionThreshold.Logit(double.NaN));
        Assert.Throws<ArgumentOutOfRangeException>(() => DecisionThreshold.Logit(double.NegativeInfinity));
        Assert.Throws<ArgumentNullException>(() => new MultiLabelOptions { Decision = null! });
        Assert.Throws<ArgumentOutOfRangeException>(() => new MultiLabelOptions { UndefinedF1 = (UndefinedMetric)3 });
        Assert.Throws<ArgumentOutOfRangeException>(() => new MultiLabelOptions { UndefinedAveragePrecision = (UndefinedMetric)(-1) });
        Assert.Equal("probability > 0.5", new MultiLabelOptions().Decision.ToString());
    }
}
