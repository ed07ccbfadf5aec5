using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using CbGen.Evaluation;
using LongTailData.Debtags;

namespace DebtagsLongTail;

/// <summary>One row's outcome: the test report of each seed (seeds 1..n in order) and the mean seconds per run.</summary>
public sealed record RowResult(string Name, IReadOnlyList<MultiLabelReport> Reports, double SecondsPerRun);

/// <summary>The benchmark pipeline: featurise the data once, then train and score every row with seeds 1..n.</summary>
public static class Benchmark
{
    /// <summary>The hashed features of every sample, in sample order.</summary>
    public static long[][] Featurise(DebtagsDataset data, TrainSettings settings)
    {
        var bag = new HashedBagOfWords(settings.Buckets);
        return data.Samples.Select(s => bag.Features(s.Text)).ToArray();
    }

    /// <summary>Runs <paramref name="rows"/> (default <see cref="LossRows.All"/>) one after the other, yielding
    /// each row as soon as its seeds are done.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="seeds"/> or the settings' epochs are below 1
    /// (no run, or an untrained model, to report).</exception>
    public static IEnumerable<RowResult> Run(
        DebtagsDataset data, long[][] features, int seeds, TrainSettings settings, IReadOnlyList<LossRow>? rows = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentOutOfRangeException.ThrowIfLessThan(seeds, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(settings.Epochs, 1, nameof(settings) + "." + nameof(settings.Epochs));
        return RunRows(data, features, seeds, settings, rows);
    }

    private static IEnumerable<RowResult> RunRows(
        DebtagsDataset data, long[][] features, int seeds, TrainSettings settings, IReadOnlyList<LossRow>? rows)
    {
        foreach (LossRow row in rows ?? LossRows.All)
        {
            var reports = new List<MultiLabelReport>();
            var clock = Stopwatch.StartNew();
            for (int seed = 1; seed <= seeds; seed++)
            {
                reports.Add(Trainer.Run(data, features, row, seed, settings));
            }

            yield return new RowResult(row.Name, reports, clock.Elapsed.TotalSeconds / seeds);
        }
    }
}
