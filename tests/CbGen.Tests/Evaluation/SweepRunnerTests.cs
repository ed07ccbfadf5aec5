using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using CbGen.Evaluation;

namespace CbGen.Tests.Evaluation;

/// <summary>The runner on synthetic callbacks: a point's "model" gets a validation error that the test chose.</summary>
public sealed class SweepRunnerTests
{
    private static readonly long[] Counts = { 100, 100 };

    /// <summary>A report whose balanced error is wrong / 10 (10 samples per class, class 0 all right).</summary>
    internal static LongTailReport ReportWithWrong(int wrong)
    {
        int[] actual = Enumerable.Repeat(0, 10).Concat(Enumerable.Repeat(1, 10)).ToArray();
        int[] predicted = actual.Select((a, i) => a == 1 && i - 10 < wrong ? 0 : a).ToArray();
        return LongTailMetrics.Compute(predicted, actual, Counts);
    }

    private sealed class Model : IDisposable
    {
        public Model(int wrong) => Wrong = wrong;

        public int Wrong { get; }

        public int Epochs { get; set; }

        public int Disposed { get; private set; }

        public void Dispose() => Disposed++;
    }

    [Fact]
    public void Points_are_ranked_by_validation_balanced_error_and_the_best_wins()
    {
        int[] wrong = { 6, 2, 9, 4, 2 };
        var models = new List<Model>();
        SweepResult<int> result = SweepRunner.Run<int, Model>(
            Enumerable.Range(0, wrong.Length).ToArray(), p => "p" + p,
            (p, model, budget, ct) =>
            {
                Assert.Null(model);
                Assert.Equal(new SweepBudget(0, 10), budget);
                var m = new Model(wrong[p]);
                models.Add(m);
                return m;
            },
            (p, m) => ReportWithWrong(m.Wrong));

        Assert.Equal(new[] { "p1", "p4", "p3", "p0", "p2" }, result.Ranking.Select(e => e.Name));
        Assert.Equal(1, result.Winner.Point);
        Assert.Equal(0.1, result.Winner.Score, 15);                 // 2 of 10 wrong in one of two classes
        Assert.All(models, m => Assert.Equal(1, m.Disposed));
        Assert.Contains("| 1 | p1 | 10.00 |", result.ToMarkdown());
    }

    [Fact]
    public void Another_metric_can_rank()
    {
        var result = SweepRunner.Run<int, int>(new[] { 3, 1 }, p => "p" + p, (p, m, b, ct) => p,
            (p, m) => ReportWithWrong(m), new SweepOptions { RankBy = SelectionMetric.MacroF1 });
        Assert.Equal(1, result.Winner.Point);
        Assert.Equal(SelectionMetric.MacroF1, result.RankedBy);
        Assert.Equal(1 - result.Winner.Report.MacroF1, result.Winner.Score, 15);
    }

    [Fact]
    public void Successive_halving_trains_the_better_half_on_and_reports_every_step()
    {
        // True quality improves with epochs for every point; point p's error is p at any budget, so the ranking
        // is known and the survivors of each rung are the lowest p.
        var budgets = new List<(int Point, SweepBudget Budget)>();
        var progress = new List<SweepProgress>();
        var options = new SweepOptions { Epochs = 8, Halving = new SuccessiveHalving(3), Progress = new Collect(progress) };
        SweepResult<int> result = SweepRunner.Run<int, Model>(new[] { 5, 3, 7, 0, 6, 2, 4, 1 }, p => "p" + p,
            (p, model, budget, ct) =>
            {
                budgets.Add((p, budget));
                Assert.Equal(budget.FromEpoch, model?.Epochs ?? 0);
                var m = model ?? new Model(p);
                m.Epochs = budget.ToEpoch;
                return m;
            },
            (p, m) => ReportWithWrong(m.Wrong), options);

        Assert.Equal(8, budgets.Count(b => b.Budget == new SweepBudget(0, 2)));
        Assert.Equal(new[] { 0, 1, 2, 3 }, budgets.Where(b => b.Budget == new SweepBudget(2, 4)).Select(b => b.Point).OrderBy(p => p));
        Assert.Equal(new[] { 0, 1 }, budgets.Where(b => b.Budget == new SweepBudget(4, 8)).Select(b => b.Point).OrderBy(p => p));
        Assert.Equal(8 * 2 + 4 * 2 + 2 * 4, budgets.Sum(b => b.Budget.ToEpoch - b.Budget.FromEpoch)); // vs 64 without halving
        Assert.Equal(0, result.Winner.Point);
        Assert.Equal(new[] { 2, 2, 1, 1, 0, 0, 0, 0 }, result.Ranking.Select(e => e.Rung));
        Assert.Equal(new[] { 8, 8, 4, 4, 2, 2, 2, 2 }, result.Ranking.Select(e => e.Epochs));
        Assert.Equal(2 * 14, progress.Count);
        Assert.All(progress, p => Assert.Equal(14, p.TotalSteps));
        Assert.Equal(14, progress[^1].Step);
    }

    [Fact]
    public void Cancellation_stops_the_sweep_and_disposes_the_models()
    {
        using var cts = new CancellationTokenSource();
        var models = new List<Model>();
        Assert.ThrowsAny<OperationCanceledException>(() => SweepRunner.Run<int, Model>(new[] { 0, 1, 2, 3 }, p => "p" + p,
            (p, model, budget, ct) =>
            {
                var m = new Model(p);
                models.Add(m);
                if (p == 1)
                {
                    cts.Cancel();
                }

                return m;
            },
            (p, m) => ReportWithWrong(m.Wrong), cancellationToken: cts.Token));
        Assert.Equal(2, models.Count);
        Assert.All(models, m => Assert.Equal(1, m.Disposed));
    }

    [Fact]
    public void A_failing_callback_is_reported_with_its_point_name()
    {
        var e = Assert.Throws<SweepPointException>(() => SweepRunner.Run<string, int>(new[] { "Softmax_B0_9", "Focal_B0_99_G2" }, p => p,
            (p, m, b, ct) => p.StartsWith("Focal", StringComparison.Ordinal) ? throw new InvalidOperationException("out of memory") : 1,
            (p, m) => ReportWithWrong(m)));
        Assert.Equal("Focal_B0_99_G2", e.PointName);
        Assert.Contains("'Focal_B0_99_G2' failed while training: out of memory", e.Message);
        Assert.IsType<InvalidOperationException>(e.InnerException);

        var n = Assert.Throws<SweepPointException>(() => SweepRunner.Run<string, int>(new[] { "a" }, p => p,
            (p, m, b, ct) => 1, (p, m) => null!));
        Assert.Contains("while evaluating", n.Message);
    }

    [Fact]
    public void Bad_sweeps_are_refused()
    {
        Assert.Throws<ArgumentException>(() => SweepRunner.Run<int, int>(Array.Empty<int>(), p => "p", (p, m, b, ct) => 0, (p, m) => ReportWithWrong(0)));
        Assert.Contains("named 'x'", Assert.Throws<ArgumentException>(() => SweepRunner.Run<int, int>(new[] { 1, 2 }, p => "x",
            (p, m, b, ct) => 0, (p, m) => ReportWithWrong(0))).Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => new SweepOptions { Epochs = 0 });
        Assert.Throws<ArgumentOutOfRangeException>(() => new SuccessiveHalving(1));
    }

    private sealed class Collect : IProgress<SweepProgress>
    {
        private readonly List<SweepProgress> _into;

        public Collect(List<SweepProgress> into) => _into = into;

        public void Report(SweepProgress value) => _into.Add(value);
    }
}
