using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using CbGen.Evaluation;

namespace CbGen.Tests.Evaluation;

/// <summary>
/// Promises of the evaluation API that the metric tests did not pin (issue 16, found by mutation testing): bounds
/// exactly at C, the 64-bit overloads, the reproducible split, the Markdown table and the sweep's bookkeeping.
/// </summary>
public sealed class EvaluationContractTests
{
    private static readonly long[] Counts = { 100, 100 };

    [Fact]
    public void The_split_of_a_seed_is_the_published_SplitMix64_shuffle()
    {
        // Reference: SplitMix64 (Steele et al. 2014; seed 1234567 gives 6457827717110365317, 3203168211198807973, ...)
        // driving a partial Fisher–Yates per class with rejection sampling, recomputed independently in Python.
        int[] labels = { 2, 0, 1, 0, 2, 1, 0, 0, 1, 2, 0, 1, 0, 2, 0, 1 };
        var s = StratifiedSplit.Create(labels, 3, 0.4, seed: 42);
        Assert.Equal(new[] { 5, 6, 9, 11, 12 }, s.ValidationIndices);
        Assert.Equal(new[] { 0, 1, 2, 3, 4, 7, 8, 10, 13, 14, 15 }, s.TrainIndices);
        Assert.Equal(new long[] { 2, 2, 1 }, s.ValidationCounts);
    }

    [Fact]
    public void Split_indices_come_back_in_ascending_order()
    {
        int[] labels = Enumerable.Range(0, 200).Select(i => i % 3 == 0 ? 0 : i % 7 == 0 ? 2 : 1).ToArray();
        var s = StratifiedSplit.Create(labels, 3, 0.3, seed: 9);
        Assert.Equal(s.TrainIndices.OrderBy(i => i), s.TrainIndices);
        Assert.Equal(s.ValidationIndices.OrderBy(i => i), s.ValidationIndices);
    }

    [Fact]
    public void Sixty_four_bit_labels_split_like_the_same_int_labels()
    {
        int[] labels = { 1, 0, 1, 1, 0, 2, 2, 0, 1, 2 };
        var narrow = StratifiedSplit.Create(labels, 3, 0.3, seed: 5);
        var wide = StratifiedSplit.Create(labels.Select(l => (long)l).ToArray(), 3, 0.3, seed: 5);
        Assert.Equal(narrow.ValidationIndices, wide.ValidationIndices);
        Assert.Equal(narrow.TrainCounts, wide.TrainCounts);
    }

    [Theory]
    [InlineData(2L)]
    [InlineData(-1L)]
    [InlineData(1L << 31)]
    public void A_label_outside_0_to_C_is_refused_by_both_overloads(long label)
    {
        var wide = Assert.Throws<ArgumentException>(() => StratifiedSplit.Create(new[] { 0L, 1, label }, 2, 0.5, seed: 0));
        Assert.Contains("Sample 2 has label " + label, wide.Message, StringComparison.Ordinal);
        if (label == 2)
        {
            var narrow = Assert.Throws<ArgumentException>(() => StratifiedSplit.Create(new[] { 0, 1, 2 }, 2, 0.5, seed: 0));
            Assert.Contains("Sample 2 has label 2", narrow.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Split_arguments_are_checked_by_name()
    {
        int[] labels = { 0, 0, 1, 1 };
        Assert.Equal("classCount", Assert.Throws<ArgumentOutOfRangeException>(() => StratifiedSplit.Create(labels, 0, 0.5, 0)).ParamName);
        Assert.Equal("minValidation", Assert.Throws<ArgumentOutOfRangeException>(() => StratifiedSplit.Create(labels, 2, 0.5, 0, minValidation: -1)).ParamName);
        Assert.Equal("minTrain", Assert.Throws<ArgumentOutOfRangeException>(() => StratifiedSplit.Create(labels, 2, 0.5, 0, minTrain: -1)).ParamName);
        var allOut = StratifiedSplit.Create(labels, 2, 0.5, 0, minValidation: 2, minTrain: 0);
        Assert.Equal(new long[] { 0, 0 }, allOut.TrainCounts);
    }

    [Fact]
    public void Rank_correlation_names_the_argument_it_refuses()
    {
        var lengths = Assert.Throws<ArgumentException>(() => RankCorrelation.Spearman(new[] { 1.0, 2, 3 }, new[] { 1.0, 2 }));
        Assert.Equal("y", lengths.ParamName);
        Assert.Contains("differ in length (3 and 2)", lengths.Message, StringComparison.Ordinal);
        var one = Assert.Throws<ArgumentException>(() => RankCorrelation.Spearman(new[] { 1.0 }, new[] { 2.0 }));
        Assert.Equal("x", one.ParamName);
        Assert.Contains("at least 2 items", one.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Metrics_check_labels_and_counts_at_their_bounds()
    {
        Assert.Contains("prediction 2", Assert.Throws<ArgumentException>(() =>
            LongTailMetrics.Compute(new[] { 0, 2 }, new[] { 0, 1 }, Counts)).Message, StringComparison.Ordinal);
        Assert.Contains("true label 2", Assert.Throws<ArgumentException>(() =>
            LongTailMetrics.Compute(new[] { 0, 1 }, new[] { 0, 2 }, Counts)).Message, StringComparison.Ordinal);
        Assert.Contains("training counts are empty", Assert.Throws<ArgumentException>(() =>
            LongTailMetrics.Compute(new[] { 0 }, new[] { 0 }, ReadOnlySpan<long>.Empty)).Message, StringComparison.Ordinal);
        var empty = Assert.Throws<ArgumentException>(() => LongTailMetrics.Compute(ReadOnlySpan<int>.Empty, new[] { 0 }, Counts));
        Assert.DoesNotContain("no samples", empty.Message, StringComparison.Ordinal);

        var withEmptyClass = LongTailMetrics.Compute(new[] { 0, 1 }, new[] { 0, 1 }, new long[] { 5, 0 });
        Assert.Equal(0.0, withEmptyClass.Error);
    }

    [Theory]
    [InlineData(1L << 31, true)]
    [InlineData(-(1L << 31) - 1, true)]
    [InlineData(int.MaxValue, false)]
    public void Sixty_four_bit_labels_outside_int_are_no_class_index(long label, bool narrowing)
    {
        var e = Assert.Throws<ArgumentException>(() => LongTailMetrics.Compute(new[] { 0L, label }, new[] { 0L, 1L }, Counts));
        Assert.Equal(narrowing, e.Message.Contains("which is no class index", StringComparison.Ordinal));
        Assert.Equal(narrowing ? "predicted" : "actual", e.ParamName);
    }

    [Fact]
    public void F1_counts_a_class_that_was_only_predicted()
    {
        // Class 2 never occurs but is predicted once: its F1 is 0 and it counts in the macro average; class 3 is
        // neither predicted nor present, so its F1 is undefined and left out.
        var r = LongTailMetrics.Compute(new[] { 0, 1, 2 }, new[] { 0, 1, 1 }, new long[] { 10, 10, 10, 10 });
        Assert.Equal((1.0 + 2.0 / 3.0 + 0.0) / 3.0, r.MacroF1, 12);
    }

    [Fact]
    public void Shot_group_accuracy_is_the_mean_over_the_groups_classes()
    {
        // Classes 0, 1 many-shot (> 100) with recalls 1 and 0.5; class 2 few-shot (< 20) with recall 0.
        var r = LongTailMetrics.Compute(new[] { 0, 1, 0, 0 }, new[] { 0, 1, 1, 2 }, new long[] { 500, 200, 5 });
        Assert.Equal(0.75, r.ManyShotAccuracy!.Value, 12);
        Assert.Equal(0.0, r.FewShotAccuracy!.Value, 12);
    }

    [Fact]
    public void Options_accept_their_smallest_legal_values()
    {
        Assert.Equal(1, new SweepOptions { Epochs = 1 }.Epochs);
        var two = new SuccessiveHalving(2);
        Assert.Equal("2 rungs", two.ToString());
        Assert.Equal(new[] { 5, 10 }, new[] { two.EpochsAt(0, 10), two.EpochsAt(1, 10) });
    }

    [Fact]
    public void The_markdown_table_has_its_header_and_every_metric_in_percent()
    {
        var result = SweepRunner.Run<int, int>(new[] { 2, 5 }, p => "p" + p, (p, m, b, ct) => p, (p, m) => SweepRunnerTests.ReportWithWrong(m));
        string[] lines = result.ToMarkdown().Split('\n').Select(l => l.TrimEnd('\r')).ToArray();
        Assert.Equal("| Rank | Point | Balanced error % | Error % | Macro-F1 % | Few-shot acc % | Epochs | Time |", lines[0]);
        Assert.Equal("|---:|---|---:|---:|---:|---:|---:|---:|", lines[1]);
        var r = result.Winner.Report;
        Assert.StartsWith(string.Format(System.Globalization.CultureInfo.InvariantCulture,
            "| 1 | p2 | {0:F2} | {1:F2} | {2:F2} | – | 10 | ", 100 * r.BalancedError, 100 * r.Error, 100 * r.MacroF1), lines[2]);
    }

    [Fact]
    public void The_markdown_table_shows_few_shot_accuracy_when_there_are_few_shot_classes()
    {
        var counts = new long[] { 500, 5 };
        var result = SweepRunner.Run<int, int>(new[] { 1 }, p => "p", (p, m, b, ct) => p,
            (p, m) => LongTailMetrics.Compute(new[] { 0, 0, 1, 1 }, new[] { 0, 1, 1, 1 }, counts));
        Assert.Contains("| 66.67 | 10 |", result.ToMarkdown(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_sweep_refuses_null_arguments_by_name()
    {
        SweepTrainer<int, int> train = (p, m, b, ct) => p;
        Func<int, int, LongTailReport> evaluate = (p, m) => SweepRunnerTests.ReportWithWrong(m);
        Assert.Equal("points", Assert.Throws<ArgumentNullException>(() => SweepRunner.Run(null!, p => "p", train, evaluate)).ParamName);
        Assert.Equal("nameOf", Assert.Throws<ArgumentNullException>(() => SweepRunner.Run(new[] { 1 }, null!, train, evaluate)).ParamName);
        Assert.Equal("train", Assert.Throws<ArgumentNullException>(() => SweepRunner.Run<int, int>(new[] { 1 }, p => "p", null!, evaluate)).ParamName);
        Assert.Equal("evaluate", Assert.Throws<ArgumentNullException>(() => SweepRunner.Run(new[] { 1 }, p => "p", train, null!)).ParamName);
    }

    [Fact]
    public void Halving_keeps_the_earlier_point_of_a_tie_and_does_not_retrain_a_point_already_at_its_budget()
    {
        // Epochs 1 with 2 rungs: both rungs end at epoch 1, so the survivor is evaluated again but not retrained.
        var trainings = new List<string>();
        var result = SweepRunner.Run<int, int>(new[] { 7, 3, 5 }, p => "p" + p,
            (p, m, b, ct) => { trainings.Add("p" + p + "@" + b.ToEpoch); return 4; },
            (p, m) => SweepRunnerTests.ReportWithWrong(m),
            new SweepOptions { Epochs = 1, Halving = new SuccessiveHalving(2) });
        Assert.Equal(new[] { "p7@1", "p3@1", "p5@1" }, trainings);
        Assert.Equal(new[] { "p7", "p3" }, result.Ranking.Where(e => e.Rung == 1).Select(e => e.Name));
    }

    [Fact]
    public void A_point_reports_the_time_its_callbacks_took_and_an_evaluation_failure_names_the_stage()
    {
        var result = SweepRunner.Run<int, int>(new[] { 1 }, p => "p",
            (p, m, b, ct) => { Thread.Sleep(40); return p; }, (p, m) => SweepRunnerTests.ReportWithWrong(m));
        Assert.True(result.Winner.Elapsed >= TimeSpan.FromMilliseconds(30), result.Winner.Elapsed.ToString());

        var e = Assert.Throws<SweepPointException>(() => SweepRunner.Run<int, int>(new[] { 1 }, p => "p",
            (p, m, b, ct) => p, (p, m) => throw new InvalidOperationException("no validation data")));
        Assert.Contains("'p' failed while evaluating: no validation data", e.Message, StringComparison.Ordinal);
    }
}
