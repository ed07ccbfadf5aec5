using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using FashionMnistLongTail;
using FashionMnistLongTail.Reporting;
using GlyphsLongTail;
using LongTailData.Splits;
using Spectre.Console;

namespace CbGen.Examples.Tests;

/// <summary>The glyph benchmark's pipeline (<see cref="Benchmark.Run"/>, <see cref="GlyphSearch.Run"/>) on a tiny
/// synthetic unifont/Unihan pair, one epoch: every row, the reports, determinism.</summary>
[Collection(TrainingCollection.Name)]
public sealed class GlyphBenchmarkTests : IDisposable
{
    private static readonly SplitOptions Tiny = new(MinPerClass: 5, TestPerClass: 2, ValidationFraction: 0.2, Seed: 3);

    private readonly string dir = Path.Combine(Path.GetTempPath(), "glyphs-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(dir))
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static IAnsiConsole Quiet() => AnsiConsole.Create(new AnsiConsoleSettings
    {
        Ansi = AnsiSupport.No,
        ColorSystem = ColorSystemSupport.NoColors,
        Interactive = InteractionSupport.No,
        Out = new AnsiConsoleOutput(new StringWriter()),
    });

    private BenchmarkOptions Options(string output, params string[] args)
    {
        var (unifont, unihan) = SyntheticGlyphs.Write(Path.Combine(dir, "data"), [1, 9, 85, 120], [40, 20, 9, 6]);
        return BenchmarkOptions.Parse(["--unifont", unifont, "--unihan", unihan, "--out", Path.Combine(dir, output),
            "--epochs", "1", "--seeds", "1", "--width", "4", .. args]);
    }

    [Fact]
    public void One_epoch_of_every_row_writes_results_and_the_plot()
    {
        var options = Options("table");

        ExperimentResult result = Benchmark.Run(options, Quiet(), Tiny);

        Assert.Equal(BenchmarkOptions.DefaultLosses.Select(k => LossCatalog.Get(k).Key), result.Runs.Select(r => r.Loss));
        Assert.Equal(4, result.ClassNames.Count);
        long[] counts = result.TrainingSets[0].Counts;
        Assert.Equal(new long[] { 31, 15, 6, 3 }, counts);   // n − 2 test − ⌊0.2·(n − 2)⌋ (at least 1) validation
        Assert.All(result.Runs, r =>
        {
            Assert.InRange(r.TestErrorPercent, 0.0, 100.0);
            Assert.True(double.IsFinite(r.EpochLosses.Single()), r.Loss + " lost its way");
            Assert.Equal(4, r.PerClassAccuracyPercent.Length);
        });

        // The tiny counts are not glyphs.counts.csv's: every CB row comes from the runtime factory.
        Assert.All(result.Runs.Where(r => r.Loss is not ("ce" or "ce-posthoc")), r => Assert.Equal("runtime", r.Source));
        foreach (string file in new[] { "results.json", "results.md", GlyphPlot.File })
        {
            Assert.True(new FileInfo(Path.Combine(options.OutputDirectory, file)).Length > 200, file);
        }

        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(options.OutputDirectory, "results.json")));
        Assert.Equal(8, json.RootElement.GetProperty("summary").GetArrayLength());
    }

    [Fact]
    public void The_same_seed_gives_the_same_numbers()
    {
        var first = Benchmark.Run(Options("a", "--losses", "cb-focal1", "--no-plots"), Quiet(), Tiny);
        var second = Benchmark.Run(Options("b", "--losses", "cb-focal1", "--no-plots"), Quiet(), Tiny);

        Assert.Equal(first.Runs[0].EpochLosses, second.Runs[0].EpochLosses);
        Assert.Equal(first.Runs[0].PerClassAccuracyPercent, second.Runs[0].PerClassAccuracyPercent);
    }

    [Fact]
    public void The_tau_row_chooses_tau_on_the_builders_validation_split()
    {
        var result = Benchmark.Run(Options("tau", "--losses", "ce,ce-taunorm", "--no-plots"), Quiet(), Tiny);

        // The validation split holds ⌊0.2·(n − 2)⌋ (at least 1) of [40, 20, 9, 6]: 7 + 3 + 1 + 1 glyphs, none trained on.
        Assert.Contains("on 12 validation images", result.Runs.Single(r => r.Loss == "ce-taunorm").Source, StringComparison.Ordinal);
    }

    [Fact]
    public void The_search_ranks_the_generated_grid_and_retrains_the_pick()
    {
        var options = Options("search", "--search", "--search-epochs", "1");

        var result = GlyphSearch.Run(options, Quiet(), Tiny);

        Assert.Equal(GlyphRadicalsSweep.Points.Count, result.Grid.Count);
        Assert.Equal(Enumerable.Range(1, result.Grid.Count), result.Grid.Select(g => g.ValidationRank));
        Assert.Equal("search-winner", Assert.Single(result.Final).Loss);
        Assert.StartsWith("Validated pick: ", result.Final[0].Display, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(options.OutputDirectory, "search.json")));
    }

    [Fact]
    public void A_counts_file_that_differs_from_the_builder_stops_the_run_and_names_the_fix()
    {
        long[] counts = GlyphSoftmaxWeights.Counts.ToArray();
        string[] keys = GlyphRadicals.Names.ToArray();
        GlyphLosses.Verify(counts, keys);     // the committed file against itself: fine
        counts[5]++;

        var e = Assert.Throws<InvalidOperationException>(() => GlyphLosses.Verify(counts, keys));

        Assert.Contains("first at class 5", e.Message, StringComparison.Ordinal);
        Assert.Contains("./build.sh run --glyphs --update-counts", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Too_many_classes_is_a_usage_error_naming_the_limit()
    {
        var options = Options("x", "--classes", "9");

        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Benchmark.Run(options, Quiet(), Tiny));

        Assert.Contains("between 2 and 4", e.Message, StringComparison.Ordinal);
    }
}
