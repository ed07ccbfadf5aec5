using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using CbGen;
using CbGen.Evaluation;
using FashionMnistLongTail.Data;
using FashionMnistLongTail.Reporting;
using FashionMnistLongTail.Training;
using Spectre.Console;
using TorchSharp;

namespace FashionMnistLongTail.Search;

/// <summary>
/// <c>--search</c>: choose β, loss and γ without looking at the test set. A stratified 10 % of the long-tailed
/// training subset is held out; every point of the paper's grid (<see cref="FashionMnistSweep.Points"/>, generated
/// from the enum's <c>[ClassBalancedSweep]</c>) trains on the rest with weights from the remaining counts and is
/// ranked by validation balanced error (<see cref="SweepRunner"/>); the winner is retrained on the whole subset and
/// compared with the paper's default rows. Test metrics of the grid are recorded only to report how well the
/// validation ranking predicted the test ranking.
/// </summary>
public static class GridSearch
{
    /// <summary>The share of each class held out for validation.</summary>
    public const double ValidationFraction = 0.1;

    /// <summary>The seed of the hold-out split and of the grid runs.</summary>
    public const int Seed = 0;

    /// <summary>Runs the search <paramref name="options"/> describes and writes search.md, search.json and the heat map.</summary>
    public static SearchResult Run(Options options, IAnsiConsole? console = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        console ??= AnsiConsole.Console;
        var wall = Stopwatch.StartNew();
        string? waitPolicy = OpenMp.PreferPassiveWaiting();
        torch.set_num_threads(Protocol.Threads);
        string dir = FashionMnistFiles.Locate(options.DataDirectory);
        var data = FashionMnistFiles.Load(dir);
        int imbalance = options.Imbalances[0];
        var (indices, kept) = LongTail.Select(data.TrainLabels.Labels, LongTail.Counts(imbalance), options.SubsetCap);
        int[] subsetLabels = indices.Select(i => (int)data.TrainLabels.Labels[i]).ToArray();
        StratifiedSplitResult split = StratifiedSplit.Create(subsetLabels, kept.Length, ValidationFraction, Seed);
        long[] trainCounts = split.TrainCounts.ToArray();
        console.MarkupLine(Markup.Escape(Inv($"IF {imbalance}: {kept.Sum()} training images; held out {split.ValidationIndices.Count} (stratified {ValidationFraction:P0}, per class [{string.Join(", ", split.ValidationCounts)}]); searching on [{string.Join(", ", trainCounts)}].")));

        using var trainSplit = TensorData.From(data.TrainImages, data.TrainLabels, split.TrainIndices.Select(k => indices[k]).ToArray());
        using var validation = TensorData.From(data.TrainImages, data.TrainLabels, split.ValidationIndices.Select(k => indices[k]).ToArray());
        using var test = TensorData.From(data.TestImages, data.TestLabels);
        var grid = new GridRunner<SearchPoint>(trainSplit, validation, test, trainCounts, SpecOf);
        var points = SearchPoint.Grid(FashionMnistSweep.Points, options.WeightDecays);

        var clock = Stopwatch.StartNew();
        SweepResult<SearchPoint> full = grid.Run(console, points, options.SearchEpochs, null, "Grid (validation)");
        double fullSeconds = clock.Elapsed.TotalSeconds;
        int fullEpochs = grid.EpochsTrained;
        var gridRows = full.Ranking.Select((e, i) => grid.Row(e, i + 1)).ToArray(); // before halving replaces the test records
        HalvingOutcome? halving = null;
        if (options.Halving)
        {
            var sh = new SuccessiveHalving(3);
            grid.EpochsTrained = 0;
            clock.Restart();
            var halved = grid.Run(console, points, options.SearchEpochs, sh, "Successive halving");
            halving = new HalvingOutcome(sh.Rungs, halved.Winner.Name, halved.Winner.Name == full.Winner.Name,
                grid.EpochsTrained, fullEpochs, clock.Elapsed.TotalSeconds, fullSeconds);
        }

        double[] val = gridRows.Select(g => g.ValidationBalancedErrorPercent).ToArray();
        double[] tst = gridRows.Select(g => g.TestBalancedErrorPercent).ToArray();
        double? rho = val.Distinct().Count() > 1 && tst.Distinct().Count() > 1 ? RankCorrelation.Spearman(val, tst) : null; // undefined if all tie
        int winnerTestRank = 1 + gridRows.Count(g => g.TestBalancedErrorPercent < gridRows[0].TestBalancedErrorPercent);

        var runs = FinalRuns(console, options, full.Winner.Point, data, indices, kept, test, imbalance);
        wall.Stop();
        var result = new SearchResult("./build.sh run " + options.CommandLine, Machine.Describe(), wall.Elapsed.TotalSeconds, imbalance,
            ValidationFraction, trainCounts, split.ValidationCounts.ToArray(), options.SearchEpochs, options.Epochs, gridRows, rho,
            winnerTestRank, halving, Experiment.Summarise(runs), runs, Array.Empty<string>())
        {
            WeightDecays = options.WeightDecays,
        };
        return SearchReport.Write(console, options, result);
    }

    /// <summary>The validation winner retrained on the whole training subset, then the paper's default rows, every one
    /// over the same seeds and the protocol's epochs.</summary>
    private static List<RunResult> FinalRuns(IAnsiConsole console, Options options, SearchPoint winnerPoint,
        FashionMnistDataset data, int[] indices, long[] kept, TensorData test, int imbalance)
    {
        using var train = TensorData.From(data.TrainImages, data.TrainLabels, indices);
        var runs = new List<RunResult>();
        FashionMnistSweepPoint winner = winnerPoint.Sweep;
        LossSpec pick = SpecOf(winnerPoint) with { Key = "search-winner", Display = "Validated pick: " + DisplayOf(winnerPoint) };
        for (int seed = 0; seed < options.Seeds; seed++)
        {
            // At the enum's own counts the generated point builds the loss (compile-time weights); otherwise the runtime.
            LossInstance loss = GeneratedLosses.Matches(kept)
                ? new LossInstance(winner.CreateLoss(), "generated", winner.Weights.ToArray())
                : new LossInstance(LossCatalog.CreateRuntime(winner.Loss, kept, winner.Beta, winner.Gamma), "runtime",
                    ClassBalancedWeights.Compute(kept, winner.Beta));
            runs.Add(Trainer.Run(pick, kept, train, test, imbalance, seed, options.Epochs, loss: loss));
            Report(console, runs[^1]);
        }

        // A post-hoc row evaluates the model of the run it names: one training per group, as in Experiment.Run.
        foreach (var group in options.Losses.Select(LossCatalog.Get).GroupBy(LossCatalog.TrainingOf))
        {
            using var validation = Experiment.ValidationFor(group, data, indices);  // unused images: the search's hold-out was trained on here
            for (int seed = 0; seed < options.Seeds; seed++)
            {
                foreach (var run in Trainer.RunShared(group.Key, group.ToArray(), kept, train, test, imbalance, seed, options.Epochs,
                    validation: validation))
                {
                    runs.Add(run);
                    Report(console, run);
                }
            }
        }

        return runs;
    }

    private static void Report(IAnsiConsole console, RunResult run) =>
        console.WriteLine(Inv($"  final: {run.Display}, seed {run.Seed}: test error {run.TestErrorPercent:F2}% ({run.TrainSeconds:F1} s, loss from {run.Source})"));

    /// <summary>The demo's loss spec of a grid point.</summary>
    public static LossSpec SpecOf(FashionMnistSweepPoint point)
    {
        ArgumentNullException.ThrowIfNull(point);
        return new LossSpec(LossKind.SweepPoint, point.Name, DisplayOf(point), point.Loss, point.Beta, point.Loss == CbLoss.Focal ? point.Gamma : 0.0);
    }

    /// <summary>The demo's loss spec of a search point: its sweep point's, under the point's name, trained with its weight
    /// decay.</summary>
    public static LossSpec SpecOf(SearchPoint point)
    {
        ArgumentNullException.ThrowIfNull(point);
        return SpecOf(point.Sweep) with { Key = point.Name, Display = DisplayOf(point), WeightDecay = point.WeightDecay };
    }

    /// <summary>A readable name: the sweep point's, then ", WD 0.005" when the weight decay is an axis of the grid.</summary>
    public static string DisplayOf(SearchPoint point)
    {
        ArgumentNullException.ThrowIfNull(point);
        return point.IsWeightDecayAxis ? DisplayOf(point.Sweep) + ", WD " + SearchPoint.Format(point.WeightDecay) : DisplayOf(point.Sweep);
    }

    /// <summary>A readable name: "CB focal γ=0.5 β=0.999".</summary>
    public static string DisplayOf(FashionMnistSweepPoint point)
    {
        ArgumentNullException.ThrowIfNull(point);
        string loss = point.Loss.ToString().ToLowerInvariant();
        return point.Loss == CbLoss.Focal ? Inv($"CB {loss} γ={point.Gamma} β={point.Beta}") : Inv($"CB {loss} β={point.Beta}");
    }

    internal static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
