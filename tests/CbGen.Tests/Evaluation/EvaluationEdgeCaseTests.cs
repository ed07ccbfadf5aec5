using System;
using CbGen.Evaluation;

namespace CbGen.Tests.Evaluation;

/// <summary>
/// The edges of the evaluation types that the metric tests do not reach (issue 16, applied to the evaluation
/// code): the exact bounds of the shot thresholds and class indices, and the value semantics of
/// <see cref="ShotThresholds"/> (a sweep compares reports by their thresholds).
/// </summary>
public sealed class EvaluationEdgeCaseTests
{
    [Fact]
    public void Few_shot_may_start_right_above_many_shot_but_not_further()
    {
        var touching = new ShotThresholds(10, 11);            // no medium group at all
        Assert.Equal(ShotGroup.Many, touching.Classify(11));
        Assert.Equal(ShotGroup.Few, touching.Classify(10));
        var zero = new ShotThresholds(0, 0);                  // every class with a sample is many-shot
        Assert.Equal(ShotGroup.Many, zero.Classify(1));
        Assert.Equal(ShotGroup.Medium, zero.Classify(0));

        var over = Assert.Throws<ArgumentOutOfRangeException>(() => new ShotThresholds(10, 12));
        Assert.Equal("fewBelow", over.ParamName);
        var negative = Assert.Throws<ArgumentOutOfRangeException>(() => new ShotThresholds(10, -1));
        Assert.Equal("fewBelow", negative.ParamName);
        Assert.Equal("manyAbove", Assert.Throws<ArgumentOutOfRangeException>(() => new ShotThresholds(-1, 0)).ParamName);
    }

    [Fact]
    public void Literature_thresholds_are_above_100_and_below_20()
    {
        ShotThresholds t = ShotThresholds.Literature;
        Assert.Equal(100, t.ManyAbove);
        Assert.Equal(20, t.FewBelow);
        Assert.Equal("many > 100, few < 20 training samples", t.ToString());
        Assert.Equal(t, LongTailMetrics.Compute(new[] { 0 }, new[] { 0 }, new long[] { 5 }).Thresholds);
    }

    [Fact]
    public void Thresholds_are_equal_exactly_when_both_numbers_are()
    {
        var a = new ShotThresholds(100, 20);
        var same = new ShotThresholds(100, 20);
        var otherMany = new ShotThresholds(101, 20);
        var otherFew = new ShotThresholds(100, 21);

        Assert.True(a.Equals(same));
        Assert.True(a == same);
        Assert.False(a != same);
        Assert.True(a.Equals((object)same));
        Assert.Equal(a.GetHashCode(), same.GetHashCode());
        foreach (ShotThresholds other in new[] { otherMany, otherFew })
        {
            Assert.False(a.Equals(other));
            Assert.False(a == other);
            Assert.True(a != other);
            Assert.False(a.Equals((object)other));
        }

        Assert.False(a.Equals((object)"many > 100, few < 20 training samples"));
        Assert.False(a.Equals(null));
        // Both numbers reach the hash (integer division instead of the multiplication would lose ManyAbove).
        Assert.NotEqual(new ShotThresholds(20, 20).GetHashCode(), new ShotThresholds(21, 20).GetHashCode());
    }

    [Fact]
    public void A_confusion_matrix_needs_at_least_one_class()
    {
        Assert.Equal(1, new ConfusionMatrix(1).ClassCount);
        Assert.Equal("classCount", Assert.Throws<ArgumentOutOfRangeException>(() => new ConfusionMatrix(0)).ParamName);
        Assert.Equal("classCount", Assert.Throws<ArgumentOutOfRangeException>(() => new ConfusionMatrix(46_341)).ParamName);
    }

    [Fact]
    public void Class_indices_outside_the_matrix_are_refused_by_name()
    {
        ConfusionMatrix m = ConfusionMatrix.From(new[] { 0, 1, 1 }, new[] { 0, 1, 0 }, 2);
        Assert.Equal(1, m[0, 0]);
        Assert.Equal(1, m[0, 1]);
        Assert.Equal(0, m[1, 0]);
        Assert.Equal(1, m[1, 1]);
        Assert.Equal(3, m.Total);
        Assert.Equal(2, m.ActualCount(0));
        Assert.Equal(2, m.PredictedCount(1));
        Assert.Equal("actual", Assert.Throws<ArgumentOutOfRangeException>(() => m[2, 0]).ParamName);
        Assert.Equal("actual", Assert.Throws<ArgumentOutOfRangeException>(() => m[-1, 0]).ParamName);
        Assert.Equal("predicted", Assert.Throws<ArgumentOutOfRangeException>(() => m[0, 2]).ParamName);
        Assert.Equal("actual", Assert.Throws<ArgumentOutOfRangeException>(() => m.ActualCount(2)).ParamName);
        Assert.Equal("predicted", Assert.Throws<ArgumentOutOfRangeException>(() => m.PredictedCount(-1)).ParamName);

        LongTailReport r = LongTailMetrics.Compute(new[] { 0, 1 }, new[] { 0, 1 }, new long[] { 500, 5 });
        Assert.Equal(ShotGroup.Many, r.GroupOf(0));
        Assert.Equal(ShotGroup.Few, r.GroupOf(1));
        Assert.Equal("classIndex", Assert.Throws<ArgumentOutOfRangeException>(() => r.GroupOf(2)).ParamName);
        Assert.Equal("classIndex", Assert.Throws<ArgumentOutOfRangeException>(() => r.GroupOf(-1)).ParamName);
        Assert.Equal(new long[] { 500, 5 }, r.TrainingCounts);
        Assert.Equal(2, r.ClassCount);
    }

    [Fact]
    public void Labels_just_outside_int_are_no_class_index()
    {
        long[] ok = { 0, 1 };
        foreach (long bad in new[] { (long)int.MaxValue + 1, (long)int.MinValue - 1, long.MinValue })
        {
            var e = Assert.Throws<ArgumentException>(() => LongTailMetrics.Compute(ok, new[] { 0L, bad }, new long[] { 1, 1 }));
            Assert.Equal("actual", e.ParamName);
            Assert.Contains("Sample 1 has label " + bad.ToString(System.Globalization.CultureInfo.InvariantCulture), e.Message);
            Assert.Equal("predicted", Assert.Throws<ArgumentException>(() =>
                LongTailMetrics.Compute(new[] { bad, 0L }, ok, new long[] { 1, 1 })).ParamName);
        }
    }
}
