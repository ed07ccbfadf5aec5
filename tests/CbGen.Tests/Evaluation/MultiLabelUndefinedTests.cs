using CbGen.Evaluation;

namespace CbGen.Tests.Evaluation;

/// <summary>
/// Classes whose metric is 0/0 (AP without a positive target, F1 without a positive target or prediction), the
/// options that choose what the means do with them, and the shot groups they fall into.
/// </summary>
public sealed class MultiLabelUndefinedTests
{
    // [N = 3, C = 3]: class 0 ranks its positives first (AP 1, F1 1); class 1 has no positive target and every
    // score below 0.5 (AP and F1 undefined); class 2 is positive in every sample (AP 1 whatever the scores), with
    // one score above 0.5 (TP 1, FN 2 → F1 2/4).
    private static readonly double[] Scores =
    {
        0.9, 0.2, 0.1,
        0.8, 0.4, 0.7,
        0.1, 0.3, 0.2,
    };

    private static readonly double[] Targets =
    {
        1, 0, 1,
        1, 0, 1,
        0, 0, 1,
    };

    private static readonly long[] Counts = { 500, 5, 7 }; // many, few, few

    [Fact]
    public void A_class_without_positives_has_no_AP_and_is_left_out_and_counted_by_default()
    {
        MultiLabelReport r = MultiLabelMetrics.Compute(Scores, Targets, Counts);

        Assert.Equal(new double?[] { 1.0, null, 1.0 }, r.PerClassAveragePrecision);
        Assert.Equal(1, r.ClassesWithoutPositives);
        Assert.Equal(1.0, r.MeanAveragePrecision, 15);
        Assert.Equal(1.0, r.FewShotMeanAveragePrecision); // class 2 only
        Assert.Null(r.MediumShotMeanAveragePrecision);     // no class is medium-shot
        Assert.EndsWith("(3 samples, 3 classes, 1 without positives left out)", r.ToString(), System.StringComparison.Ordinal);
    }

    [Fact]
    public void Zero_counts_a_class_without_positives_as_AP_zero_as_scikit_learn_does()
    {
        MultiLabelReport r = MultiLabelMetrics.Compute(Scores, Targets, Counts,
            new MultiLabelOptions { UndefinedAveragePrecision = UndefinedMetric.Zero });

        Assert.Null(r.PerClassAveragePrecision[1]);        // still undefined per class
        Assert.Equal(2.0 / 3, r.MeanAveragePrecision, 15);
        Assert.Equal(0.5, r.FewShotMeanAveragePrecision!.Value, 15); // classes 1 (0) and 2 (1)
        Assert.Equal(1.0, r.ManyShotMeanAveragePrecision!.Value, 15);
        Assert.Equal(1, r.ClassesWithoutPositives);
        Assert.EndsWith("1 without positives counted as 0)", r.ToString(), System.StringComparison.Ordinal);
    }

    [Fact]
    public void F1_of_a_class_never_positive_nor_predicted_is_left_out_unless_an_option_scores_it()
    {
        MultiLabelReport r = MultiLabelMetrics.Compute(Scores, Targets, Counts);
        Assert.Equal(new double?[] { 1.0, null, 0.5 }, r.PerClassF1);
        Assert.Equal(1, r.ClassesWithUndefinedF1);
        Assert.Equal(0.75, r.MacroF1, 15);
        Assert.Equal(2.0 * 3 / (2 * 3 + 0 + 2), r.MicroF1, 15); // TP 3, FP 0, FN 2: class 1 adds nothing

        MultiLabelReport zero = MultiLabelMetrics.Compute(Scores, Targets, Counts, new MultiLabelOptions { UndefinedF1 = UndefinedMetric.Zero });
        Assert.Equal(0.5, zero.MacroF1, 15);
        MultiLabelReport one = MultiLabelMetrics.Compute(Scores, Targets, Counts, new MultiLabelOptions { UndefinedF1 = UndefinedMetric.One });
        Assert.Equal(2.5 / 3, one.MacroF1, 15);
        Assert.Equal(r.MicroF1, one.MicroF1);
    }

    [Fact]
    public void A_false_positive_makes_F1_defined_and_zero()
    {
        double[] scores = (double[])Scores.Clone();
        scores[1] = 0.6; // class 1 predicted once, never positive
        MultiLabelReport r = MultiLabelMetrics.Compute(scores, Targets, Counts);
        Assert.Equal(0.0, r.PerClassF1[1]);
        Assert.Equal(0, r.ClassesWithUndefinedF1);
        Assert.Equal(0.5, r.MacroF1, 15);
        Assert.Null(r.PerClassAveragePrecision[1]);
    }

    [Fact]
    public void The_given_thresholds_decide_the_groups_from_the_training_positives()
    {
        // With many > 1000 and few < 200: 1001 many, 1000 and 200 medium, 199 few.
        long[] counts = { 1001, 1000, 200, 199 };
        double[] scores =
        {
            0.9, 0.9, 0.2, 0.9,
            0.1, 0.1, 0.8, 0.8,
        };
        double[] targets =
        {
            1, 0, 0, 0,
            0, 1, 1, 1,
        };
        MultiLabelReport r = MultiLabelMetrics.Compute(scores, targets, counts,
            new MultiLabelOptions { Thresholds = new ShotThresholds(1000, 200) });

        Assert.Equal(new double?[] { 1.0, 0.5, 1.0, 0.5 }, r.PerClassAveragePrecision);
        Assert.Equal(new[] { ShotGroup.Many, ShotGroup.Medium, ShotGroup.Medium, ShotGroup.Few },
            new[] { r.GroupOf(0), r.GroupOf(1), r.GroupOf(2), r.GroupOf(3) });
        Assert.Equal(1.0, r.ManyShotMeanAveragePrecision);
        Assert.Equal(0.75, r.MediumShotMeanAveragePrecision);
        Assert.Equal(0.5, r.FewShotMeanAveragePrecision);
        Assert.Equal(new ShotThresholds(1000, 200), r.Thresholds);

        // The literature's thresholds put all four in many-shot.
        MultiLabelReport literature = MultiLabelMetrics.Compute(scores, targets, counts);
        Assert.Equal(0.75, literature.ManyShotMeanAveragePrecision);
        Assert.Null(literature.FewShotMeanAveragePrecision);
    }
}
