using System;
using CbGen.Evaluation;

namespace CbGen.Tests.Evaluation;

/// <summary>Every metric against a confusion matrix worked out by hand.</summary>
public sealed class LongTailMetricsTests
{
    private static readonly long[] Counts = { 500, 50, 5 }; // many, medium, few under the literature thresholds

    [Fact]
    public void Every_metric_matches_the_hand_computed_confusion_matrix()
    {
        // Rows (true): 0 → [3, 1, 0]; 1 → [1, 1, 0]; 2 → [1, 0, 1].
        int[] actual = { 0, 0, 0, 0, 1, 1, 2, 2 };
        int[] predicted = { 0, 0, 0, 1, 1, 0, 0, 2 };
        LongTailReport r = LongTailMetrics.Compute(predicted, actual, Counts);

        Assert.Equal(new long[] { 3, 1, 0, 1, 1, 0, 1, 0, 1 }, Cells(r.Confusion));
        Assert.Equal(8, r.SampleCount);
        Assert.Equal(5.0 / 8, r.Accuracy, 15);
        Assert.Equal(3.0 / 8, r.Error, 15);
        Assert.Equal(new double?[] { 0.75, 0.5, 0.5 }, r.PerClassAccuracy);
        Assert.Equal((0.75 + 0.5 + 0.5) / 3, r.BalancedAccuracy, 15);
        Assert.Equal(1 - (0.75 + 0.5 + 0.5) / 3, r.BalancedError, 15);
        // F1 = 2TP / (actual + predicted): 6/9, 2/4, 2/3.
        Assert.Equal((6.0 / 9 + 0.5 + 2.0 / 3) / 3, r.MacroF1, 15);
        Assert.Equal(0.75, r.ManyShotAccuracy);
        Assert.Equal(0.5, r.MediumShotAccuracy);
        Assert.Equal(0.5, r.FewShotAccuracy);
        Assert.Equal(ShotGroup.Few, r.GroupOf(2));
    }

    [Fact]
    public void A_class_with_no_samples_has_no_accuracy_and_is_left_out_of_the_means()
    {
        int[] actual = { 0, 1, 1 };
        int[] predicted = { 0, 1, 2 };
        LongTailReport r = LongTailMetrics.Compute(predicted, actual, Counts);

        Assert.Equal(new double?[] { 1.0, 0.5, null }, r.PerClassAccuracy);
        Assert.Equal(2, r.ClassesEvaluated);
        Assert.Equal(0.75, r.BalancedAccuracy, 15);
        Assert.Null(r.FewShotAccuracy);                       // the only few-shot class has no samples
        Assert.Equal((1.0 + 2.0 / 3 + 0.0) / 3, r.MacroF1, 15); // class 2 is predicted once: F1 = 0, counted
        Assert.Throws<InvalidOperationException>(() => r.Loss(SelectionMetric.FewShotError));
    }

    [Fact]
    public void A_class_that_is_never_predicted_has_F1_zero()
    {
        LongTailReport r = LongTailMetrics.Compute(new[] { 0, 0 }, new[] { 0, 1 }, new long[] { 10, 10 });
        Assert.Equal((2.0 / 3 + 0.0) / 2, r.MacroF1, 15);
        Assert.Equal(0.5, r.BalancedAccuracy, 15);
        Assert.Equal(0, r.Confusion.PredictedCount(1));
    }

    [Fact]
    public void Thresholds_decide_the_shot_groups()
    {
        var t = new ShotThresholds(1000, 200);
        Assert.Equal(ShotGroup.Many, t.Classify(1001));
        Assert.Equal(ShotGroup.Medium, t.Classify(1000));
        Assert.Equal(ShotGroup.Medium, t.Classify(200));
        Assert.Equal(ShotGroup.Few, t.Classify(199));
        LongTailReport r = LongTailMetrics.Compute(new[] { 0, 1 }, new[] { 0, 1 }, new long[] { 500, 50 }, t);
        Assert.Equal(1.0, r.MediumShotAccuracy);
        Assert.Equal(1.0, r.FewShotAccuracy);
        Assert.Null(r.ManyShotAccuracy);
        Assert.Throws<ArgumentOutOfRangeException>(() => new ShotThresholds(10, 12));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ShotThresholds(-1, 0));
    }

    [Fact]
    public void Empty_input_is_an_error_that_says_so()
    {
        var e = Assert.Throws<ArgumentException>(() => LongTailMetrics.Compute(Array.Empty<int>(), Array.Empty<int>(), Counts));
        Assert.Contains("no samples", e.Message);
    }

    [Fact]
    public void Bad_inputs_are_named()
    {
        Assert.Contains("2 predictions but 3",
            Assert.Throws<ArgumentException>(() => LongTailMetrics.Compute(new[] { 0, 1 }, new[] { 0, 1, 2 }, Counts)).Message);
        Assert.Contains("Sample 1 has true label 3",
            Assert.Throws<ArgumentException>(() => LongTailMetrics.Compute(new[] { 0, 1 }, new[] { 0, 3 }, Counts)).Message);
        Assert.Contains("prediction -1",
            Assert.Throws<ArgumentException>(() => LongTailMetrics.Compute(new[] { 0, -1 }, new[] { 0, 1 }, Counts)).Message);
        Assert.Contains("Class 1 has a negative training count",
            Assert.Throws<ArgumentException>(() => LongTailMetrics.Compute(new[] { 0 }, new[] { 0 }, new long[] { 1, -1 })).Message);
        Assert.Contains("which is no class index",
            Assert.Throws<ArgumentException>(() => LongTailMetrics.Compute(new[] { 0L }, new[] { 1L << 40 }, Counts)).Message);
    }

    private enum Animal
    {
        Cat = 0,
        Dog = 1,
        Eel = 2,
    }

    [Fact]
    public void Enum_and_int64_labels_give_the_same_report_as_int_labels()
    {
        int[] actual = { 0, 0, 1, 2, 2, 2 };
        int[] predicted = { 0, 1, 1, 2, 0, 2 };
        LongTailReport plain = LongTailMetrics.Compute(predicted, actual, Counts);
        LongTailReport wide = LongTailMetrics.Compute(
            Array.ConvertAll(predicted, v => (long)v), Array.ConvertAll(actual, v => (long)v), Counts);
        LongTailReport typed = LongTailMetrics.Compute<Animal>(
            Array.ConvertAll(predicted, v => (Animal)v), Array.ConvertAll(actual, v => (Animal)v), Counts);
        foreach (LongTailReport r in new[] { wide, typed })
        {
            Assert.Equal(Cells(plain.Confusion), Cells(r.Confusion));
            Assert.Equal(plain.BalancedError, r.BalancedError);
            Assert.Equal(plain.MacroF1, r.MacroF1);
        }
    }

    [Fact]
    public void Selection_metrics_are_oriented_lower_is_better()
    {
        LongTailReport r = LongTailMetrics.Compute(new[] { 0, 0, 2, 2 }, new[] { 0, 1, 2, 2 }, Counts);
        Assert.Equal(r.BalancedError, r.Loss(SelectionMetric.BalancedError));
        Assert.Equal(r.Error, r.Loss(SelectionMetric.Error));
        Assert.Equal(1 - r.MacroF1, r.Loss(SelectionMetric.MacroF1));
        Assert.Equal(0.0, r.Loss(SelectionMetric.FewShotError));
        Assert.Throws<ArgumentOutOfRangeException>(() => r.Loss((SelectionMetric)42));
    }

    private static long[] Cells(ConfusionMatrix m)
    {
        var cells = new long[m.ClassCount * m.ClassCount];
        for (int a = 0; a < m.ClassCount; a++)
        {
            for (int p = 0; p < m.ClassCount; p++)
            {
                cells[a * m.ClassCount + p] = m[a, p];
            }
        }

        return cells;
    }
}
