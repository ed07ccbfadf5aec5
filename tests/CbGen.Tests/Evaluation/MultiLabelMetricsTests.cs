using System;
using System.Linq;
using CbGen.Evaluation;

namespace CbGen.Tests.Evaluation;

/// <summary>The multi-label report against cases worked out by hand, and against float64 references on random inputs.</summary>
public sealed class MultiLabelMetricsTests
{
    private static readonly long[] Counts = { 500, 50, 5 }; // many, medium, few under the literature thresholds

    // [N = 4, C = 3], row-major.
    private static readonly double[] Scores =
    {
        0.9, 0.8, 0.2,
        0.6, 0.4, 0.7,
        0.3, 0.6, 0.1,
        0.1, 0.3, 0.4,
    };

    private static readonly double[] Targets =
    {
        1, 0, 0,
        1, 1, 0,
        0, 1, 0,
        0, 0, 1,
    };

    [Fact]
    public void Every_metric_matches_the_hand_computed_case()
    {
        MultiLabelReport r = MultiLabelMetrics.Compute(Scores, Targets, Counts);

        // Class 0 ranks its positives first: AP 1. Class 1: 0.8 (neg), 0.6 (pos), 0.4 (pos) → (1/2 + 2/3) / 2 = 7/12.
        // Class 2: 0.7 (neg), 0.4 (pos) → 1/2.
        Assert.Equal(1.0, r.PerClassAveragePrecision[0]!.Value, 15);
        Assert.Equal(7.0 / 12, r.PerClassAveragePrecision[1]!.Value, 15);
        Assert.Equal(0.5, r.PerClassAveragePrecision[2]!.Value, 15);
        Assert.Equal((1 + 7.0 / 12 + 0.5) / 3, r.MeanAveragePrecision, 15);
        Assert.Equal(1.0, r.ManyShotMeanAveragePrecision!.Value, 15);
        Assert.Equal(7.0 / 12, r.MediumShotMeanAveragePrecision!.Value, 15);
        Assert.Equal(0.5, r.FewShotMeanAveragePrecision!.Value, 15);
        Assert.Equal(0, r.ClassesWithoutPositives);
        Assert.Equal(new long[] { 2, 2, 1 }, r.PositiveCounts);
        Assert.Equal(4, r.SampleCount);
        Assert.Equal(3, r.ClassCount);
        Assert.Equal(ShotGroup.Medium, r.GroupOf(1));
    }

    [Fact]
    public void Micro_and_macro_F1_differ_when_the_classes_do()
    {
        // Above 0.5: class 0 TP 2 → F1 1; class 1 TP 1, FP 1 (0.8), FN 1 (0.4) → 2/4; class 2 FP 1 (0.7), FN 1 → 0.
        // Micro pools TP 3, FP 2, FN 2: 6/10. Macro averages 1, 1/2, 0: 1/2.
        MultiLabelReport r = MultiLabelMetrics.Compute(Scores, Targets, Counts);
        Assert.Equal(new double?[] { 1.0, 0.5, 0.0 }, r.PerClassF1);
        Assert.Equal(0.6, r.MicroF1, 15);
        Assert.Equal(0.5, r.MacroF1, 15);
        Assert.Equal(0, r.ClassesWithUndefinedF1);
        Assert.Equal(
            "mAP 0.6944 (many-shot 1.0000, medium-shot 0.5833, few-shot 0.5000); micro-F1 0.600, macro-F1 0.500 at "
            + "probability > 0.5 (4 samples, 3 classes)", r.ToString());
    }

    [Fact]
    public void A_score_on_the_threshold_is_a_negative_prediction()
    {
        MultiLabelReport r = MultiLabelMetrics.Compute(new[] { 0.5, 0.5 }, new[] { 1.0, 0 }, new long[] { 10 });
        Assert.Equal(0.0, r.PerClassF1[0]);
        MultiLabelReport lower = MultiLabelMetrics.Compute(new[] { 0.5, 0.5 }, new[] { 1.0, 0 }, new long[] { 10 },
            new MultiLabelOptions { Decision = DecisionThreshold.Probability(0.4) });
        Assert.Equal(2.0 / 3, lower.PerClassF1[0]!.Value, 15); // TP 1, FP 1
    }

    [Fact]
    public void Logits_at_zero_decide_as_probabilities_at_one_half()
    {
        double[] logits = { 2.0, -1, 0.5, -0.2, 3, -4, 0.1, -0.3, 1, 0.7, -2, 0.05 };
        double[] targets = { 1, 0, 1, 0, 1, 0, 0, 1, 1, 1, 0, 0 };
        double[] probabilities = logits.Select(z => 1 / (1 + Math.Exp(-z))).ToArray();
        long[] counts = { 200, 30, 3 };

        MultiLabelReport fromLogits = MultiLabelMetrics.Compute(logits, targets, counts,
            new MultiLabelOptions { Decision = DecisionThreshold.Logit() });
        MultiLabelReport fromProbabilities = MultiLabelMetrics.Compute(probabilities, targets, counts);

        Assert.Equal(fromProbabilities.PerClassF1, fromLogits.PerClassF1);
        Assert.Equal(fromProbabilities.PerClassAveragePrecision, fromLogits.PerClassAveragePrecision);
        Assert.Equal(fromProbabilities.MicroF1, fromLogits.MicroF1);
        Assert.Equal(ScoreKind.Logit, fromLogits.Decision.Kind);
        Assert.EndsWith("at logit > 0 (4 samples, 3 classes)", fromLogits.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Float_scores_and_targets_give_the_report_of_their_double_values()
    {
        float[] scores = Scores.Select(s => (float)s).ToArray();
        float[] targets = Targets.Select(t => (float)t).ToArray();
        MultiLabelReport single = MultiLabelMetrics.Compute(scores, targets, Counts);
        MultiLabelReport twin = MultiLabelMetrics.Compute(scores.Select(s => (double)s).ToArray(), Targets, Counts);
        Assert.Equal(twin.PerClassAveragePrecision, single.PerClassAveragePrecision);
        Assert.Equal(twin.PerClassF1, single.PerClassF1);
        Assert.Equal(twin.MeanAveragePrecision, single.MeanAveragePrecision);
    }

    [Fact]
    public void The_order_of_the_samples_changes_nothing()
    {
        // Ties across samples in every class: scores on a grid of 3 values.
        var random = new Random(3);
        const int n = 30, c = 4;
        double[] scores = Enumerable.Range(0, n * c).Select(_ => random.Next(3) / 2.0).ToArray();
        double[] targets = Enumerable.Range(0, n * c).Select(_ => random.Next(2) * 1.0).ToArray();
        long[] counts = { 150, 60, 10, 0 };
        MultiLabelReport original = MultiLabelMetrics.Compute(scores, targets, counts);

        for (int trial = 0; trial < 20; trial++)
        {
            int[] order = Enumerable.Range(0, n).OrderBy(_ => random.Next()).ToArray();
            double[] shuffledScores = order.SelectMany(i => scores.Skip(i * c).Take(c)).ToArray();
            double[] shuffledTargets = order.SelectMany(i => targets.Skip(i * c).Take(c)).ToArray();
            MultiLabelReport shuffled = MultiLabelMetrics.Compute(shuffledScores, shuffledTargets, counts);

            Assert.Equal(original.PerClassAveragePrecision, shuffled.PerClassAveragePrecision); // bit for bit
            Assert.Equal(original.PerClassF1, shuffled.PerClassF1);
            Assert.Equal(original.MeanAveragePrecision, shuffled.MeanAveragePrecision);
            Assert.Equal(original.ToString(), shuffled.ToString());
        }
    }

    [Theory]
    [InlineData(11)]
    [InlineData(12)]
    [InlineData(13)]
    public void Random_reports_match_references_from_the_definitions(int seed)
    {
        var random = new Random(seed);
        for (int trial = 0; trial < 50; trial++)
        {
            int n = random.Next(1, 40), c = random.Next(1, 8);
            long[] counts = Enumerable.Range(0, c).Select(_ => (long)random.Next(0, 300)).ToArray();
            double[] scores = Enumerable.Range(0, n * c).Select(_ => Math.Round(random.NextDouble(), 1)).ToArray();
            double[] targets = Enumerable.Range(0, n * c).Select(_ => random.NextDouble() < 0.3 ? 1.0 : 0.0).ToArray();
            targets[random.Next(n * c)] = 1; // at least one positive

            MultiLabelReport r = MultiLabelMetrics.Compute(scores, targets, counts);

            double?[] ap = Enumerable.Range(0, c).Select(k => AveragePrecisionTests.Reference(Column(scores, c, k), Column(targets, c, k))).ToArray();
            Assert.Equal(ap.Count(a => a is null), r.ClassesWithoutPositives);
            for (int k = 0; k < c; k++)
            {
                Assert.Equal(ap[k].HasValue, r.PerClassAveragePrecision[k].HasValue);
                Assert.Equal(ap[k] ?? 0, r.PerClassAveragePrecision[k] ?? 0, 12);
            }

            Assert.Equal(ap.Where(a => a.HasValue).Average()!.Value, r.MeanAveragePrecision, 12);
            foreach (ShotGroup g in new[] { ShotGroup.Many, ShotGroup.Medium, ShotGroup.Few })
            {
                double[] inGroup = Enumerable.Range(0, c)
                    .Where(k => ap[k].HasValue && ShotThresholds.Literature.Classify(counts[k]) == g)
                    .Select(k => ap[k]!.Value).ToArray();
                double? actual = g switch
                {
                    ShotGroup.Many => r.ManyShotMeanAveragePrecision,
                    ShotGroup.Medium => r.MediumShotMeanAveragePrecision,
                    _ => r.FewShotMeanAveragePrecision,
                };
                Assert.Equal(inGroup.Length > 0, actual.HasValue);
                Assert.Equal(inGroup.Length > 0 ? inGroup.Average() : 0, actual ?? 0, 12);
            }

            // F1 from the counts of each class at "score > 0.5".
            long tp = 0, fp = 0, fn = 0;
            var f1 = new double?[c];
            for (int k = 0; k < c; k++)
            {
                long ctp = 0, cfp = 0, cfn = 0;
                for (int i = 0; i < n; i++)
                {
                    bool predicted = scores[i * c + k] > 0.5, actualPositive = targets[i * c + k] == 1;
                    ctp += predicted && actualPositive ? 1 : 0;
                    cfp += predicted && !actualPositive ? 1 : 0;
                    cfn += !predicted && actualPositive ? 1 : 0;
                }

                f1[k] = ctp + cfp + cfn == 0 ? null : 2.0 * ctp / (2 * ctp + cfp + cfn);
                tp += ctp;
                fp += cfp;
                fn += cfn;
            }

            Assert.Equal(f1, r.PerClassF1);
            Assert.Equal(2.0 * tp / (2 * tp + fp + fn), r.MicroF1, 12);
            Assert.Equal(f1.Where(v => v.HasValue).Average()!.Value, r.MacroF1, 12);
        }
    }

    internal static double[] Column(double[] rowMajor, int classCount, int classIndex) =>
        Enumerable.Range(0, rowMajor.Length / classCount).Select(i => rowMajor[i * classCount + classIndex]).ToArray();
}
