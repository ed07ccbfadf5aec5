using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using CbGen;
using CbGen.Evaluation;
using FashionMnistLongTail;
using FashionMnistLongTail.Reporting;
using FashionMnistLongTail.Search;
using FashionMnistLongTail.Training;
using LongTailData.Splits;
using Spectre.Console;
using static GlyphsLongTail.Benchmark;

namespace GlyphsLongTail;

/// <summary>
/// <c>--search</c>: the demo's grid runner (<see cref="GridRunner{TPoint}"/>, <see cref="SweepRunner"/>) over
/// <c>GlyphRadicalsSweep.Points</c> (generated from <c>[ClassBalancedSweep]</c> on <see cref="GlyphRadicals"/>): each point
/// trains on the training split and is ranked by balanced error on the builder's stratified validation split; the
/// pick is retrained over the seeds on the same training split, next to the <c>--losses</c> rows. Writes search.json
/// (the demo's <see cref="SearchResult"/> shape) and search.md.
/// </summary>
public static class GlyphSearch
{
    /// <summary>Runs the search and writes its files.</summary>
    public static SearchResult Run(BenchmarkOptions options, IAnsiConsole? console = null, SplitOptions? split = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        console ??= AnsiConsole.Console;
        var wall = Stopwatch.StartNew();
        Start(console);
        using var data = Load(options, console, split);
        var setup = Setup(options);
        long[] counts = data.TrainCounts;
        int imbalance = (int)Math.Round(data.Imbalance);
        var grid = new GridRunner<GlyphRadicalsSweepPoint>(data.Train, data.Validation, data.Test, counts, SpecOf, setup);
        var full = grid.Run(console, GlyphRadicalsSweep.Points, options.SearchEpochs, null, "Grid (validation)");
        var rows = full.Ranking.Select((e, i) => grid.Row(e, i + 1)).ToArray();
        double[] val = rows.Select(g => g.ValidationBalancedErrorPercent).ToArray();
        double[] tst = rows.Select(g => g.TestBalancedErrorPercent).ToArray();
        double? rho = val.Distinct().Count() > 1 && tst.Distinct().Count() > 1 ? RankCorrelation.Spearman(val, tst) : null;
        int winnerTestRank = 1 + rows.Count(g => g.TestBalancedErrorPercent < rows[0].TestBalancedErrorPercent);

        var winner = full.Winner.Point;
        LossSpec pick = SpecOf(winner) with { Key = "search-winner", Display = "Validated pick: " + SpecOf(winner).Display };
        var runs = new List<RunResult>();
        for (int seed = 0; seed < options.Seeds; seed++)
        {
            // At the counts file's own counts the generated point builds the loss; otherwise the runtime factory.
            LossInstance loss = GlyphLosses.Matches(counts)
                ? new LossInstance(winner.CreateLoss(), "generated", winner.Weights.ToArray())
                : new LossInstance(LossCatalog.CreateRuntime(winner.Loss, counts, winner.Beta, pick.Gamma), "runtime",
                    ClassBalancedWeights.Compute(counts, winner.Beta));
            runs.Add(Trainer.Run(pick, counts, data.Train, data.Test, imbalance, seed, options.Epochs, loss: loss, setup: setup));
            console.WriteLine(Inv($"  final: {runs[^1].Display}, seed {seed}: balanced test error {runs[^1].TestErrorPercent:F2}%"));
        }

        var rowsToCompare = options.LossesGiven ? options.Losses : [];
        foreach (var group in rowsToCompare.Select(LossCatalog.Get).GroupBy(LossCatalog.TrainingOf))
        {
            for (int seed = 0; seed < options.Seeds; seed++)
            {
                var loss = GlyphLosses.Create(group.Key, counts, options.Epochs);
                runs.AddRange(Trainer.RunShared(group.Key, group.ToArray(), counts, data.Train, data.Test, imbalance, seed, options.Epochs,
                    loss: loss, setup: setup, validation: data.Validation));
                console.WriteLine(Inv($"  final: {runs[^1].Display}, seed {seed}: balanced test error {runs[^1].TestErrorPercent:F2}%"));
            }
        }

        wall.Stop();
        Directory.CreateDirectory(options.OutputDirectory);
        string[] files = [Path.Combine(options.OutputDirectory, SearchReport.MarkdownFile), Path.Combine(options.OutputDirectory, SearchReport.JsonFile)];
        var result = new SearchResult("./build.sh run --glyphs " + options.CommandLine, Machine.Describe(), wall.Elapsed.TotalSeconds, imbalance,
            data.Dataset.Options.ValidationFraction, counts, data.ValidationCounts, options.SearchEpochs, options.Epochs, rows, rho,
            winnerTestRank, null, Experiment.Summarise(runs), runs, files);
        File.WriteAllText(files[0], GlyphSearchReport.Markdown(result));
        File.WriteAllText(files[1], ResultsWriter.ToJson(result));
        console.WriteLine(File.ReadAllText(files[0]));
        return result;
    }

    /// <summary>The trainer's spec of a grid point (its key is the point's generated name).</summary>
    public static LossSpec SpecOf(GlyphRadicalsSweepPoint point)
    {
        ArgumentNullException.ThrowIfNull(point);
        double gamma = point.Loss == CbLoss.Focal ? point.Gamma : 0.0;
        string display = point.Loss == CbLoss.Focal
            ? Inv($"CB focal γ={point.Gamma} β={point.Beta}")
            : Inv($"CB {point.Loss.ToString().ToLowerInvariant()} β={point.Beta}");
        return new LossSpec(LossKind.SweepPoint, point.Name, display, point.Loss, point.Beta, gamma);
    }
}
