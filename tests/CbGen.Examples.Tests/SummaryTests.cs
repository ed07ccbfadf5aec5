using System;
using System.Linq;
using FashionMnistLongTail;
using FashionMnistLongTail.Data;
using FashionMnistLongTail.Reporting;
using FashionMnistLongTail.Training;

namespace CbGen.Examples.Tests;

public sealed class SummaryTests
{
    private static RunResult Run(string loss, int seed, double error, double[] perClass, double? many, double? few) =>
        new(100, loss, loss, seed, "runtime", error, perClass, many, null, few, 10.0 + seed, [1.0]);

    [Fact]
    public void Sample_std_uses_n_minus_1()
    {
        // Values 2, 4, 4, 4, 5, 5, 7, 9: mean 5, squared deviations sum to 32, so s = sqrt(32 / 7).
        Assert.Equal(Math.Sqrt(32.0 / 7.0), Experiment.SampleStd([2, 4, 4, 4, 5, 5, 7, 9]), 12);
        Assert.Equal(0.0, Experiment.SampleStd([3.5]));
    }

    [Fact]
    public void Summary_groups_by_loss_and_averages_over_seeds()
    {
        var rows = Experiment.Summarise(
        [
            Run("ce", 0, 30.0, [50, 100], 80.0, null),
            Run("ce", 1, 34.0, [70, 80], 90.0, null),
            Run("cb-softmax", 0, 20.0, [60, 60], null, 40.0),
        ]);

        Assert.Equal(2, rows.Count);
        Assert.Equal("ce", rows[0].Loss);
        Assert.Equal(2, rows[0].Seeds);
        Assert.Equal(32.0, rows[0].TestErrorMean, 12);
        Assert.Equal(Math.Sqrt(8.0), rows[0].TestErrorStd, 12);
        Assert.Equal([60.0, 90.0], rows[0].PerClassAccuracyMean);
        Assert.Equal(85.0, rows[0].ManyShotMean);
        Assert.Null(rows[0].FewShotMean);
        Assert.Equal(10.5, rows[0].TrainSecondsMean, 12);
        Assert.Equal(1, rows[1].Seeds);
        Assert.Equal(0.0, rows[1].TestErrorStd);
        Assert.Equal(40.0, rows[1].FewShotMean);
    }

    [Fact]
    public void Group_means_follow_the_demo_shot_thresholds()
    {
        long[] counts = LongTail.Counts(100); // many: 0-3, medium: 4-6, few: 7-9
        // Ten test images per class; class c gets 9 - c of them right: 90 %, 80 %, …, 0 %.
        long[] actual = Enumerable.Range(0, 100).Select(i => (long)(i / 10)).ToArray();
        long[] predicted = actual.Select((c, i) => i % 10 < 9 - c ? c : (c + 1) % 10).ToArray();
        var report = CbGen.Evaluation.LongTailMetrics.Compute(predicted, actual, counts, LongTail.Thresholds);

        Assert.Equal(0.75, report.ManyShotAccuracy!.Value, 12);
        Assert.Equal(0.40, report.MediumShotAccuracy!.Value, 12);
        Assert.Equal(0.10, report.FewShotAccuracy!.Value, 12);
    }

    [Theory]
    [InlineData(59.4, "0:59")]
    [InlineData(61, "1:01")]
    [InlineData(3725, "1:02:05")]
    [InlineData(double.NaN, "?")]
    public void Durations_are_formatted_for_humans(double seconds, string expected)
    {
        Assert.Equal(expected, Experiment.FormatDuration(seconds));
    }
}
