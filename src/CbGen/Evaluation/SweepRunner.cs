using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;

namespace CbGen.Evaluation;

/// <summary>
/// Runs a hyper-parameter sweep honestly: every point trains on the training split and is scored on a held-out
/// validation split (see <see cref="StratifiedSplit"/>), never on the test set; the best point by
/// <see cref="SweepOptions.RankBy"/> wins, and the final model is then trained once with it.
/// </summary>
/// <example>
/// <code>
/// var split = StratifiedSplit.Create(trainLabels, Cifar10LtSweep.ClassCount, validationFraction: 0.1, seed: 1);
/// long[] counts = split.TrainCounts.ToArray();                    // the losses' weights come from these
/// int[] validationLabels = split.ValidationIndices.Select(i =&gt; trainLabels[i]).ToArray();
/// SweepResult&lt;Cifar10LtSweepPoint&gt; result = SweepRunner.Run&lt;Cifar10LtSweepPoint, MyModel&gt;(
///     Cifar10LtSweep.Points, p =&gt; p.Name,
///     train: (point, model, budget, ct) =&gt; TrainOn(split.TrainIndices, point.CreateLoss(counts), budget.ToEpoch),
///     evaluate: (point, model) =&gt; LongTailMetrics.Compute(Predict(model, split.ValidationIndices), validationLabels, counts));
/// Cifar10LtSweepPoint best = result.Winner.Point;
/// </code>
/// </example>
public static class SweepRunner
{
    /// <summary>Trains and scores every point (or, with <see cref="SweepOptions.Halving"/>, the surviving points of
    /// each rung) and ranks them.</summary>
    /// <param name="points">The configs, e.g. a generated <c>…Sweep.Points</c> or configs built at run time.</param>
    /// <param name="nameOf">A point's name, for progress, the table and errors (names must be unique).</param>
    /// <param name="train">Creates or continues a point's model.</param>
    /// <param name="evaluate">Scores a trained model on the validation split.</param>
    /// <param name="options">Metric, epochs, halving and progress; defaults when <c>null</c>.</param>
    /// <param name="cancellationToken">Stops the sweep between (and, if the callbacks honour it, inside) trainings.</param>
    /// <exception cref="ArgumentException">No points, or two points with the same name.</exception>
    /// <exception cref="SweepPointException">A callback threw; names the point.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public static SweepResult<TPoint> Run<TPoint, TModel>(
        IReadOnlyList<TPoint> points,
        Func<TPoint, string> nameOf,
        SweepTrainer<TPoint, TModel> train,
        Func<TPoint, TModel, LongTailReport> evaluate,
        SweepOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        if (points is null) throw new ArgumentNullException(nameof(points));
        if (nameOf is null) throw new ArgumentNullException(nameof(nameOf));
        if (train is null) throw new ArgumentNullException(nameof(train));
        if (evaluate is null) throw new ArgumentNullException(nameof(evaluate));
        options ??= new SweepOptions();
        var trials = CreateTrials<TPoint, TModel>(points, nameOf);
        int rungs = options.Halving?.Rungs ?? 1;
        int totalSteps = Enumerable.Range(0, rungs).Sum(r => Survivors(options, r, trials.Count));
        int step = 0;
        try
        {
            var alive = trials;
            for (int rung = 0; rung < rungs; rung++)
            {
                int toEpoch = options.Halving?.EpochsAt(rung, options.Epochs) ?? options.Epochs;
                alive = alive.Take(Survivors(options, rung, trials.Count)).ToList();
                foreach (var trial in alive)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    options.Progress?.Report(new SweepProgress(trial.Name, rung, step, totalSteps, null));
                    trial.Advance(train, evaluate, toEpoch, rung, options.RankBy, cancellationToken);
                    step++;
                    options.Progress?.Report(new SweepProgress(trial.Name, rung, step, totalSteps, trial.Report));
                }

                alive = alive.OrderBy(t => t.Score).ThenBy(t => t.Order).ToList();
            }

            var ranking = trials.OrderByDescending(t => t.Rung).ThenBy(t => t.Score).ThenBy(t => t.Order)
                .Select(t => t.ToEntry()).ToList();
            return new SweepResult<TPoint>(ranking, options.RankBy);
        }
        finally
        {
            foreach (var trial in trials)
            {
                trial.Dispose();
            }
        }
    }

    private static int Survivors(SweepOptions options, int rung, int count) =>
        options.Halving?.SurvivorsAt(rung, count) ?? count;

    private static List<Trial<TPoint, TModel>> CreateTrials<TPoint, TModel>(IReadOnlyList<TPoint> points, Func<TPoint, string> nameOf)
    {
        if (points.Count == 0)
        {
            throw new ArgumentException("The sweep has no points; pass at least one config.", nameof(points));
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        var trials = new List<Trial<TPoint, TModel>>(points.Count);
        for (int i = 0; i < points.Count; i++)
        {
            string name = nameOf(points[i]) ?? throw new ArgumentException("Point " + i + " has no name.", nameof(nameOf));
            if (!names.Add(name))
            {
                throw new ArgumentException("Two sweep points are named '" + name + "'; names must be unique.", nameof(points));
            }

            trials.Add(new Trial<TPoint, TModel>(points[i], name, i));
        }

        return trials;
    }

    private sealed class Trial<TPoint, TModel> : IDisposable
    {
        private TModel? _model;
        private int _epochs;
        private readonly Stopwatch _clock = new();

        public Trial(TPoint point, string name, int order)
        {
            Point = point;
            Name = name;
            Order = order;
        }

        public TPoint Point { get; }

        public string Name { get; }

        public int Order { get; }

        public int Rung { get; private set; } = -1;

        public double Score { get; private set; } = double.PositiveInfinity;

        public LongTailReport? Report { get; private set; }

        public void Advance(SweepTrainer<TPoint, TModel> train, Func<TPoint, TModel, LongTailReport> evaluate,
            int toEpoch, int rung, SelectionMetric metric, CancellationToken cancellationToken)
        {
            _clock.Start();
            try
            {
                if (toEpoch > _epochs || _model is null)
                {
                    _model = Call(() => train(Point, _model, new SweepBudget(_epochs, toEpoch), cancellationToken), "training");
                    _epochs = toEpoch;
                }

                Report = Call(() => evaluate(Point, _model!), "evaluating") ?? throw new SweepPointException(
                    Name, "evaluating", new InvalidOperationException("The evaluate callback returned null."));
                Score = Report.Loss(metric);
                Rung = rung;
            }
            finally
            {
                _clock.Stop();
            }
        }

        public SweepEntry<TPoint> ToEntry() => new(Point, Name, Report!, Score, _epochs, Rung, _clock.Elapsed);

        public void Dispose()
        {
            (_model as IDisposable)?.Dispose();
            _model = default;
        }

        private T Call<T>(Func<T> callback, string stage)
        {
            try
            {
                return callback();
            }
            catch (OperationCanceledException)
            {
                throw;
            }
            catch (Exception e) when (e is not SweepPointException)
            {
                throw new SweepPointException(Name, stage, e);
            }
        }
    }
}
