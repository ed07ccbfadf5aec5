using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using DebtagsLongTail;
using LongTailData.Debtags;

namespace CbGen.Examples.Tests;

/// <summary>
/// The debtags benchmark's pipeline on the real-format excerpt of bookworm's list (LongTailData.Tests' fixture):
/// every row of <see cref="LossRows.All"/> trains one epoch to a finite mAP, the same seed repeats every number, and
/// the results file holds every row.
/// </summary>
[Collection(TrainingCollection.Name)]
public sealed class DebtagsBenchmarkTests : IDisposable
{
    private static readonly TrainSettings Tiny = new(Buckets: 256, Epochs: 1, BatchSize: 2);

    private readonly string dir = SyntheticIdx.TempDir();

    public void Dispose() => Directory.Delete(dir, recursive: true);

    // K = 3 keeps 7 tags on 8 packages: 6 train, 2 test (K = 2 keeps 14 tags and leaves the test split empty).
    private static DebtagsDataset Fixture(int minPackagesPerTag = 3) => DebtagsDataset.Build(
        Path.Combine(AppContext.BaseDirectory, "Fixtures", "debtags", "Packages"), new DebtagsOptions(minPackagesPerTag));

    [Fact]
    public void An_empty_test_split_is_refused_with_a_message_naming_it()
    {
        DebtagsDataset data = Fixture(minPackagesPerTag: 2);
        Assert.Empty(data.Split.TestIndices);

        var e = Assert.Throws<ArgumentException>(() => Trainer.Run(data, Benchmark.Featurise(data, Tiny), LossRows.All[0], 1, Tiny));
        Assert.Contains("test split is empty", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_row_trains_on_the_fixture_to_a_finite_map_and_the_same_seed_repeats_it()
    {
        DebtagsDataset data = Fixture();
        long[][] features = Benchmark.Featurise(data, Tiny);

        var first = Benchmark.Run(data, features, seeds: 1, Tiny).ToList();
        var again = Benchmark.Run(data, features, seeds: 1, Tiny).ToList();

        Assert.Equal(["BCE", "CB sigmoid", "CB focal", "DB", "ASL"], first.Select(r => r.Name));
        Assert.Equal(LossRows.All.Select(r => r.Name), first.Select(r => r.Name));
        for (int i = 0; i < first.Count; i++)
        {
            var report = Assert.Single(first[i].Reports);
            Assert.True(double.IsFinite(report.MeanAveragePrecision) && report.MeanAveragePrecision is > 0 and <= 1,
                first[i].Name + ": mAP " + report.MeanAveragePrecision);
            Assert.Equal(report.PerClassAveragePrecision, again[i].Reports[0].PerClassAveragePrecision);
            Assert.Equal(report.MeanAveragePrecision, again[i].Reports[0].MeanAveragePrecision);
        }
    }

    [Fact]
    public void Rows_are_picked_by_name_in_table_order_and_an_unknown_name_is_refused()
    {
        Assert.Equal(["DB", "ASL"], LossRows.Named(["ASL", "DB"]).Select(r => r.Name));
        var e = Assert.Throws<ArgumentException>(() => LossRows.Named(["DB", "Focal"]));
        Assert.Contains("unknown row 'Focal'", e.Message, StringComparison.Ordinal);
        Assert.Contains("CB focal", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_results_file_holds_every_row_with_its_seeds()
    {
        DebtagsDataset data = Fixture();
        long[][] features = Benchmark.Featurise(data, Tiny);
        var results = new ResultsFile(dir, "test", data, Tiny, seeds: 2);
        foreach (RowResult row in Benchmark.Run(data, features, seeds: 2, Tiny))
        {
            results.Add(row);
        }

        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "results.json")));
        var rows = json.RootElement.GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal(LossRows.All.Select(r => r.Name), rows.Select(r => r.GetProperty("display").GetString()));
        Assert.All(rows, r => Assert.Equal(2, r.GetProperty("mapPerSeed").GetArrayLength()));
        string markdown = File.ReadAllText(Path.Combine(dir, "results.md"));
        Assert.All(LossRows.All, r => Assert.Contains("\n| " + r.Name + " | ", markdown, StringComparison.Ordinal));
    }
}
