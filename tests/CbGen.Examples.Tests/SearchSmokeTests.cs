using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using FashionMnistLongTail;
using FashionMnistLongTail.Search;
using Spectre.Console;

namespace CbGen.Examples.Tests;

/// <summary><c>--search</c> end to end on synthetic IDX files: the grid, the hold-out, the final runs and the files.</summary>
[Collection(TrainingCollection.Name)]
public sealed class SearchSmokeTests : IDisposable
{
    private readonly string dir = SyntheticIdx.TempDir();

    public void Dispose() => Directory.Delete(dir, recursive: true);

    [Fact]
    public void A_short_search_ranks_the_whole_grid_retrains_the_winner_and_writes_its_files()
    {
        string data = Path.Combine(dir, "data");
        string output = Path.Combine(dir, "out");
        SyntheticIdx.WriteDataset(data, trainPerClass: 60, testPerClass: 20);
        var options = Options.Parse(["--data", data, "--out", output, "--subset", "50", "--search", "--search-epochs", "4",
            "--epochs", "1", "--seeds", "1", "--losses", "ce", "--halving"]);
        var text = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(text),
        });

        SearchResult result = GridSearch.Run(options, console);

        Assert.Equal(20, result.Grid.Count);
        Assert.Equal(Enumerable.Range(1, 20), result.Grid.Select(g => g.ValidationRank));
        Assert.True(result.Grid.Zip(result.Grid.Skip(1)).All(p => p.First.ValidationBalancedErrorPercent <= p.Second.ValidationBalancedErrorPercent));
        Assert.Equal(FashionMnistSweep.Points.Select(p => p.Name).OrderBy(n => n, StringComparer.Ordinal),
            result.Grid.Select(g => g.Name).OrderBy(n => n, StringComparer.Ordinal));
        // 50 per class, 10 % held out: 5 validation images per class, 45 left for training (the weights' counts).
        Assert.Equal(Enumerable.Repeat(5L, 10), result.ValidationCounts);
        Assert.Equal(Enumerable.Repeat(45L, 10), result.TrainCounts);
        Assert.True(result.Spearman is null || Math.Abs(result.Spearman.Value) <= 1.0);
        Assert.InRange(result.WinnerTestRank, 1, 20);
        Assert.NotNull(result.Halving);
        Assert.True(result.Halving!.Epochs < result.Halving.FullGridEpochs);
        Assert.Equal(new[] { "search-winner", "ce" }, result.Runs.Select(r => r.Loss));
        Assert.Equal("runtime", result.Runs[0].Source);   // capped counts are not the enum's: runtime weights
        foreach (string file in new[] { "search.md", "search.json", "search_heatmap.png" })
        {
            Assert.True(new FileInfo(Path.Combine(output, file)).Length > 200, file);
        }

        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "search.json")));
        Assert.Equal(20, json.RootElement.GetProperty("grid").GetArrayLength());
        Assert.Contains("Spearman", File.ReadAllText(Path.Combine(output, "search.md")));
    }
}
