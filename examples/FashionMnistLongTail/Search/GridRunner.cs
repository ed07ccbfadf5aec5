using System;
using System.Collections.Generic;
using System.Linq;
using CbGen.Evaluation;
using FashionMnistLongTail.Training;
using Spectre.Console;

namespace FashionMnistLongTail.Search;

/// <summary>Trains grid points on the training split for <see cref="SweepRunner"/>: validation metrics rank them; test
/// metrics are kept aside for the report. <typeparamref name="TPoint"/> is a generated sweep point
/// (<c>TPoint</c>, the glyph benchmark's); <c>specOf</c> gives its loss as the trainer's spec.</summary>
internal sealed class GridRunner<TPoint>
    where TPoint : class
{
    private readonly TensorData _train;
    private readonly TensorData _validation;
    private readonly TensorData _test;
    private readonly long[] _counts;
    private readonly Func<TPoint, LossSpec> _specOf;
    private readonly TrainingSetup? _setup;
    private readonly Dictionary<string, LongTailReport> _testReports = new(StringComparer.Ordinal);

    public GridRunner(TensorData train, TensorData validation, TensorData test, long[] counts, Func<TPoint, LossSpec> specOf,
        TrainingSetup? setup = null)
    {
        _specOf = specOf;
        _setup = setup;
        _train = train;
        _validation = validation;
        _test = test;
        _counts = counts;
    }

    /// <summary>Epochs trained since the counter was last reset.</summary>
    public int EpochsTrained { get; set; }

    public SweepResult<TPoint> Run(IAnsiConsole console, IReadOnlyList<TPoint> points, int epochs,
        SuccessiveHalving? halving, string title)
    {
        string rungs = halving is null ? string.Empty : GridSearch.Inv(
            $", {halving.Rungs} rungs (budgets {string.Join("/", Enumerable.Range(0, halving.Rungs).Select(r => halving.EpochsAt(r, epochs)))})");
        console.MarkupLine(Markup.Escape(GridSearch.Inv($"{title}: {points.Count} points, {epochs} epochs each{rungs}.")));
        var progress = new Progress(console);
        var options = new SweepOptions { Epochs = epochs, Halving = halving, RankBy = SelectionMetric.BalancedError, Progress = progress };
        return SweepRunner.Run<TPoint, TrainedModel>(points, p => _specOf(p).Key, Train, Evaluate, options);
    }

    public GridPoint Row(SweepEntry<TPoint> e, int rank)
    {
        LongTailReport t = _testReports[e.Name];
        LossSpec spec = _specOf(e.Point);
        return new GridPoint(e.Name, spec.Display, spec.Variant.ToString()!, spec.Beta, spec.Gamma, rank,
            100 * e.Report.BalancedError, 100 * e.Report.Error, 100 * t.BalancedError, 100 * t.Error, e.Epochs, e.Elapsed.TotalSeconds)
        {
            // The demo's search may sweep the weight decay as well (SearchPoint); the column is left out otherwise.
            WeightDecay = e.Point is SearchPoint { IsWeightDecayAxis: true } searchPoint ? searchPoint.WeightDecay : null,
        };
    }

    // The protocol's learning-rate schedule spans a run's length, so a later rung retrains from scratch at its budget
    // rather than continuing a run whose schedule has already decayed.
    private TrainedModel Train(TPoint point, TrainedModel? previous, SweepBudget budget, System.Threading.CancellationToken ct)
    {
        previous?.Dispose();
        var spec = _specOf(point);
        var loss = new LossInstance(LossCatalog.CreateRuntime(spec.Variant!.Value, _counts, spec.Beta, spec.Gamma), "runtime",
            CbGen.ClassBalancedWeights.Compute(_counts, spec.Beta));
        EpochsTrained += budget.ToEpoch;
        return Trainer.Train(spec, _counts, _train, GridSearch.Seed, budget.ToEpoch, loss: loss, setup: _setup);
    }

    private LongTailReport Evaluate(TPoint point, TrainedModel model)
    {
        var shots = (_setup ?? TrainingSetup.Default).Shots;
        _testReports[_specOf(point).Key] = Trainer.Evaluate(model.Model, _test, _counts, shots: shots);
        return Trainer.Evaluate(model.Model, _validation, _counts, shots: shots);
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
