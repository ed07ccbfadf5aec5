using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using FashionMnistLongTail;
using FashionMnistLongTail.Search;
using Spectre.Console;

namespace CbGen.Examples.Tests;

/// <summary><c>--search --weight-decays</c>: weight decay as an axis of the grid (weight balancing's first stage).</summary>
[Collection(TrainingCollection.Name)]
public sealed class SearchWeightDecayTests : IDisposable
{
    private readonly string dir = SyntheticIdx.TempDir();

    public void Dispose() => Directory.Delete(dir, recursive: true);

    [Fact]
    public void Without_the_option_the_grid_is_the_sweep_at_the_protocols_weight_decay()
    {
        var grid = SearchPoint.Grid(FashionMnistSweep.Points, null);

        Assert.Equal(FashionMnistSweep.Points.Select(p => p.Name), grid.Select(p => p.Name));
        Assert.All(grid, p => Assert.False(p.IsWeightDecayAxis));
        // The spec each point trains with is the one the search used before the axis existed: same training.
        Assert.Equal(FashionMnistSweep.Points.Select(GridSearch.SpecOf), grid.Select(GridSearch.SpecOf));
    }

    [Fact]
    public void With_weight_decays_every_sweep_point_appears_once_per_decay_under_a_unique_name()
    {
        var grid = SearchPoint.Grid(FashionMnistSweep.Points, [5e-4, 5e-3]);

        Assert.Equal(2 * FashionMnistSweep.Points.Count, grid.Count);
        Assert.Equal(grid.Count, grid.Select(p => p.Name).Distinct(StringComparer.Ordinal).Count());
        Assert.All(FashionMnistSweep.Points, s => Assert.Equal([5e-4, 5e-3], grid.Where(p => p.Sweep == s).Select(p => p.WeightDecay)));
        Assert.All(grid, p => Assert.Equal((p.WeightDecay, p.Name), (GridSearch.SpecOf(p).WeightDecay, GridSearch.SpecOf(p).Key)));
        Assert.EndsWith(", WD 0.005", GridSearch.DisplayOf(grid[1]), StringComparison.Ordinal);
    }

    [Fact]
    public void The_axis_doubles_the_grid_keeps_the_protocol_decays_numbers_and_names_the_picks_decay()
    {
        string data = Path.Combine(dir, "data");
        SyntheticIdx.WriteDataset(data, trainPerClass: 60, testPerClass: 20);
        string[] common = ["--data", data, "--subset", "50", "--search", "--search-epochs", "1", "--epochs", "1", "--seeds", "1", "--losses", "ce"];
        string plainOut = Path.Combine(dir, "plain");
        string axisOut = Path.Combine(dir, "axis");

        SearchResult plain = GridSearch.Run(Options.Parse([.. common, "--out", plainOut, "--no-plots"]), QuietConsole());
        SearchResult axis = GridSearch.Run(Options.Parse([.. common, "--out", axisOut, "--weight-decays", "5e-4,5e-3"]), QuietConsole());

        Assert.Equal(40, axis.Grid.Count);
        Assert.Equal([5e-4, 5e-3], axis.WeightDecays);
        Assert.All(axis.Grid, g => Assert.True(g.WeightDecay is 5e-4 or 5e-3));
        // The points at the protocol's decay (5e-4) train exactly as the plain search's: same seed, same numbers.
        foreach (GridPoint p in plain.Grid)
        {
            GridPoint same = axis.Grid.Single(g => g.Name == p.Name + "_WD0.0005");
            Assert.Equal((p.ValidationBalancedErrorPercent, p.TestBalancedErrorPercent, p.TestErrorPercent),
                (same.ValidationBalancedErrorPercent, same.TestBalancedErrorPercent, same.TestErrorPercent));
        }

        Assert.Null(plain.WeightDecays);
        Assert.All(plain.Grid, g => Assert.Null(g.WeightDecay));
        using (var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(plainOut, SearchReport.JsonFile))))
        {
            Assert.False(json.RootElement.TryGetProperty("weightDecays", out _));
            Assert.False(json.RootElement.GetProperty("grid")[0].TryGetProperty("weightDecay", out _));
        }

        string winner = axis.Grid[0].Display;
        Assert.Matches(@", WD 0\.00(05|5)$", winner);
        Assert.Equal("Validated pick: " + winner, axis.Runs[0].Display);
        string md = File.ReadAllText(Path.Combine(axisOut, SearchReport.MarkdownFile));
        Assert.Contains("| Rank | Point | Weight decay |", md, StringComparison.Ordinal);
        Assert.Contains("Validated pick: " + winner, md, StringComparison.Ordinal);
        Assert.DoesNotContain("Weight decay", File.ReadAllText(Path.Combine(plainOut, SearchReport.MarkdownFile)), StringComparison.Ordinal);
        foreach (double wd in new[] { 5e-4, 5e-3 })
        {
            Assert.True(new FileInfo(Path.Combine(axisOut, SearchHeatMap.FileName(wd))).Length > 200, SearchHeatMap.FileName(wd));
        }

        Assert.False(File.Exists(Path.Combine(axisOut, SearchReport.HeatMapFile)));
    }

    private static IAnsiConsole QuietConsole() => AnsiConsole.Create(new AnsiConsoleSettings
    {
        Ansi = AnsiSupport.No,
        ColorSystem = ColorSystemSupport.NoColors,
        Interactive = InteractionSupport.No,
        Out = new AnsiConsoleOutput(new StringWriter()),
    });
}
