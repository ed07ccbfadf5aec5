using System;
using System.Collections.Generic;
using System.Linq;
using CbGen.Evaluation;
using FashionMnistLongTail.Training;
using Spectre.Console;

namespace FashionMnistLongTail.Search
{
    /// <summary>Trains grid points on the training split for <see cref="SweepRunner"/>: validation metrics rank them; test
    /// metrics are kept aside for the report.</summary>
    internal sealed class GridRunner
    {
        private readonly TensorData _train;
        private readonly TensorData _validation;
        private readonly TensorData _test;
        private readonly long[] _counts;
        private readonly Dictionary<string, LongTailReport> _testReports = new(StringComparer.Ordinal);

        public GridRunner(TensorData train, TensorData validation, TensorData test, long[] counts)
        {
            _train = train;
            _validation = validation;
            _test = test;
            _counts = counts;
        }

        /// <summary>Epochs trained since the counter was last reset.</summary>
        public int EpochsTrained { get; set; }

        public SweepResult<SearchPoint> Run(IAnsiConsole console, IReadOnlyList<SearchPoint> points, int epochs,
            SuccessiveHalving? halving, string title)
        {
            string rungs = halving is null ? string.Empty : GridSearch.Inv(
                $", {halving.Rungs} rungs (budgets {string.Join("/", Enumerable.Range(0, halving.Rungs).Select(r => halving.EpochsAt(r, epochs)))})");
            console.MarkupLine(Markup.Escape(GridSearch.Inv($"{title}: {points.Count} points, {epochs} epochs each{rungs}.")));
            var progress = new Progress(console);
            var options = new SweepOptions { Epochs = epochs, Halving = halving, RankBy = SelectionMetric.BalancedError, Progress = progress };
            return SweepRunner.Run<SearchPoint, TrainedModel>(points, p => p.Name, Train, Evaluate, options);
        }

        public GridPoint Row(SweepEntry<SearchPoint> e, int rank)
        {
            LongTailReport t = _testReports[e.Name];
            FashionMnistSweepPoint p = e.Point.Sweep;
            return new GridPoint(e.Name, GridSearch.DisplayOf(e.Point), p.Loss.ToString(), p.Beta, p.Gamma, rank,
                100 * e.Report.BalancedError, 100 * e.Report.Error, 100 * t.BalancedError, 100 * t.Error, e.Epochs, e.Elapsed.TotalSeconds)
            {
                WeightDecay = e.Point.IsWeightDecayAxis ? e.Point.WeightDecay : null,
            };
        }

        // The protocol's learning-rate schedule spans a run's length, so a later rung retrains from scratch at its budget
        // rather than continuing a run whose schedule has already decayed.
        private TrainedModel Train(SearchPoint point, TrainedModel? previous, SweepBudget budget, System.Threading.CancellationToken ct)
        {
            previous?.Dispose();
            var spec = GridSearch.SpecOf(point);
            var loss = new LossInstance(LossCatalog.CreateRuntime(point.Sweep.Loss, _counts, point.Sweep.Beta, spec.Gamma), "runtime",
                CbGen.ClassBalancedWeights.Compute(_counts, point.Sweep.Beta));
            EpochsTrained += budget.ToEpoch;
            return Trainer.Train(spec, _counts, _train, GridSearch.Seed, budget.ToEpoch, loss: loss);
        }

        private LongTailReport Evaluate(SearchPoint point, TrainedModel model)
        {
            _testReports[point.Name] = Trainer.Evaluate(model.Model, _test, _counts);
            return Trainer.Evaluate(model.Model, _validation, _counts);
        }

        private sealed class Progress : IProgress<SweepProgress>
        {
            private readonly IAnsiConsole _console;

            public Progress(IAnsiConsole console) => _console = console;

            public void Report(SweepProgress value)
            {
                if (value.Report is { } r)
                {
                    _console.WriteLine(GridSearch.Inv($"  [{value.Step,2}/{value.TotalSteps}] rung {value.Rung}  {value.PointName,-34} validation balanced error {100 * r.BalancedError,6:F2}%  error {100 * r.Error,6:F2}%"));
                }
            }
        }
    }
}
