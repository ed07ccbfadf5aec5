using System;
using System.Collections.Generic;
using System.Linq;
using CbGen.Evaluation;

namespace CbGen.Tests.Evaluation;

/// <summary>
/// One class's average precision, AP = Σ_k (R_k − R_{k−1}) P_k over the distinct scores (ties as one group),
/// against cases worked out by hand and against a float64 reference written here from the same definition by
/// another route: the precision at each positive's threshold, counted over all samples scoring at least as high.
/// </summary>
public sealed class AveragePrecisionTests
{
    [Fact]
    public void A_perfect_ranking_has_AP_one()
    {
        Assert.Equal(1.0, MultiLabelMetrics.AveragePrecision(new[] { 0.9, 0.8, 0.3, 0.1 }, new[] { 1.0, 1, 0, 0 }));
        Assert.Equal(1.0, MultiLabelMetrics.AveragePrecision(new[] { 0.1, 0.8, 0.3, 0.9 }, new[] { 0.0, 1, 0, 1 }));
    }

    [Fact]
    public void A_reversed_ranking_has_the_precision_of_the_positives_at_the_bottom()
    {
        // Positives ranked 3rd and 4th of 4: precisions 1/3 and 2/4.
        double? ap = MultiLabelMetrics.AveragePrecision(new[] { 4.0, 3, 2, 1 }, new[] { 0.0, 0, 1, 1 });
        Assert.Equal((1.0 / 3 + 2.0 / 4) / 2, ap!.Value, 15);

        // One positive ranked last of 5: AP = 1/5.
        Assert.Equal(0.2, MultiLabelMetrics.AveragePrecision(new[] { 5.0, 4, 3, 2, 1 }, new[] { 0.0, 0, 0, 0, 1 })!.Value, 15);
    }

    [Fact]
    public void Tied_scores_enter_as_one_group_whatever_their_order()
    {
        // t = 0.9: TP 1, FP 0 → P 1, ΔR 1/3; t = 0.5: TP 3, FP 1 → P 3/4, ΔR 2/3; t = 0.1 adds no positive.
        // AP = 1/3 + 2/3 · 3/4 = 5/6. Ranking the tie's positives first would give 1, its negative first 29/36.
        double[] scores = { 0.9, 0.5, 0.5, 0.5, 0.1 };
        double[] targets = { 1, 0, 1, 1, 0 };
        var seen = new HashSet<double>();
        foreach (int[] order in Permutations(scores.Length))
        {
            double? ap = MultiLabelMetrics.AveragePrecision(order.Select(i => scores[i]).ToArray(), order.Select(i => targets[i]).ToArray());
            seen.Add(ap!.Value);
        }

        Assert.Equal(5.0 / 6, Assert.Single(seen), 15); // all 120 orders give the same value, bit for bit
    }

    [Fact]
    public void Positive_and_negative_zero_are_one_tie()
    {
        double? a = MultiLabelMetrics.AveragePrecision(new[] { 0.0, -0.0 }, new[] { 1.0, 0 });
        double? b = MultiLabelMetrics.AveragePrecision(new[] { -0.0, 0.0 }, new[] { 1.0, 0 });
        Assert.Equal(0.5, a);
        Assert.Equal(0.5, b);
    }

    [Fact]
    public void Infinite_logits_rank_first_and_last()
    {
        double? ap = MultiLabelMetrics.AveragePrecision(
            new[] { double.NegativeInfinity, 0, double.PositiveInfinity }, new[] { 1.0, 0, 1 });
        Assert.Equal((1.0 + 2.0 / 3) / 2, ap!.Value, 15);
    }

    [Fact]
    public void A_class_with_no_positives_has_no_AP()
    {
        Assert.Null(MultiLabelMetrics.AveragePrecision(new[] { 0.9, 0.1 }, new[] { 0.0, 0 }));
        Assert.Null(MultiLabelMetrics.AveragePrecision(new[] { 0.9f, 0.1f }, new[] { 0f, 0f }));
    }

    [Fact]
    public void A_class_whose_every_target_is_positive_has_AP_one_whatever_the_scores()
    {
        Assert.Equal(1.0, MultiLabelMetrics.AveragePrecision(new[] { 0.1, 0.9, 0.5, 0.5 }, new[] { 1.0, 1, 1, 1 }));
        Assert.Equal(1.0, MultiLabelMetrics.AveragePrecision(new[] { 3f }, new[] { 1f }));
    }

    [Fact]
    public void Float_scores_give_the_AP_of_their_double_values()
    {
        var random = new Random(7);
        float[] scores = Enumerable.Range(0, 200).Select(_ => (float)Math.Round(random.NextDouble(), 2)).ToArray();
        float[] targets = Enumerable.Range(0, 200).Select(_ => random.NextDouble() < 0.3 ? 1f : 0f).ToArray();
        Assert.Equal(
            MultiLabelMetrics.AveragePrecision(scores.Select(s => (double)s).ToArray(), targets.Select(t => (double)t).ToArray()),
            MultiLabelMetrics.AveragePrecision(scores, targets));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void Random_inputs_match_the_precision_at_each_positive_reference(int seed)
    {
        var random = new Random(seed);
        for (int trial = 0; trial < 200; trial++)
        {
            int n = random.Next(1, 60);
            int levels = random.Next(1, 12); // few levels: many ties
            double[] scores = Enumerable.Range(0, n).Select(_ => (double)random.Next(levels) / levels - 0.3).ToArray();
            double rate = random.NextDouble();
            double[] targets = Enumerable.Range(0, n).Select(_ => random.NextDouble() < rate ? 1.0 : 0.0).ToArray();

            double? expected = Reference(scores, targets);
            double? actual = MultiLabelMetrics.AveragePrecision(scores, targets);
            Assert.Equal(expected.HasValue, actual.HasValue);
            if (expected is double e)
            {
                Assert.True(Math.Abs(e - actual!.Value) <= 1e-12, $"seed {seed}, trial {trial}: {actual} vs reference {e}");
            }
        }
    }

    /// <summary>
    /// AP from the definition without sorting: each positive i contributes ΔR = 1/P at the threshold t = s_i, where
    /// the precision counts every sample with s ≥ s_i (its whole tie group included). Summing 1/P · precision over the
    /// positives of a tie group gives (R_k − R_{k−1}) P_k for that group, so this is the same sum, computed in O(N²).
    /// </summary>
    internal static double? Reference(IReadOnlyList<double> scores, IReadOnlyList<double> targets)
    {
        int positives = targets.Count(t => t == 1);
        if (positives == 0)
        {
            return null;
        }

        double sum = 0;
        for (int i = 0; i < scores.Count; i++)
        {
            if (targets[i] != 1)
            {
                continue;
            }

            int above = 0, positivesAbove = 0;
            for (int j = 0; j < scores.Count; j++)
            {
                if (scores[j] >= scores[i])
                {
                    above++;
                    positivesAbove += targets[j] == 1 ? 1 : 0;
                }
            }

            sum += (double)positivesAbove / above;
        }

        return sum / positives;
    }

    private static IEnumerable<int[]> Permutations(int n)
    {
        if (n == 0)
        {
            yield return Array.Empty<int>();
            yield break;
        }

        foreach (int[] rest in Permutations(n - 1))
        {
            for (int at = 0; at <= rest.Length; at++)
            {
                var p = new int[n];
                Array.Copy(rest, 0, p, 0, at);
                p[at] = n - 1;
                Array.Copy(rest, at, p, at + 1, rest.Length - at);
                yield return p;
            }
        }
    }
}
