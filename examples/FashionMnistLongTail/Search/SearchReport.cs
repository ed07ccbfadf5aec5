using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using FashionMnistLongTail.Reporting;
using Spectre.Console;
using Text = FashionMnistLongTail.Reporting.Text;

namespace FashionMnistLongTail.Search;

/// <summary>The search's console tables, search.md, search.json and the β × loss heat map.</summary>
public static class SearchReport
{
    /// <summary>The Markdown file name.</summary>
    public const string MarkdownFile = "search.md";

    /// <summary>The JSON file name.</summary>
    public const string JsonFile = "search.json";

    /// <summary>The heat map's file name.</summary>
    public const string HeatMapFile = "search_heatmap.png";

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    /// <summary>Writes the files, prints the tables and returns the result with its file list.</summary>
    public static SearchResult Write(IAnsiConsole console, Options options, SearchResult result)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(result);
        Directory.CreateDirectory(options.OutputDirectory);
        var files = new List<string>();
        if (options.Plots)
        {
            if (result.WeightDecays is null)
            {
                files.Add(SearchHeatMap.Draw(Path.Combine(options.OutputDirectory, HeatMapFile), result));
            }
            else
            {
                files.AddRange(SearchHeatMap.DrawPerWeightDecay(options.OutputDirectory, result));
            }
        }

        files.Add(Path.Combine(options.OutputDirectory, MarkdownFile));
        files.Add(Path.Combine(options.OutputDirectory, JsonFile));
        result = result with { Files = files };
        File.WriteAllText(Path.Combine(options.OutputDirectory, MarkdownFile), Markdown(result));
        File.WriteAllText(Path.Combine(options.OutputDirectory, JsonFile), JsonSerializer.Serialize(result, JsonOptions) + "\n");
        Print(console, result);
        return result;
    }

    /// <summary>The search.md text.</summary>
    public static string Markdown(SearchResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var md = new StringBuilder();
        void Line(string text = "") => md.Append(text).Append('\n');
        Line("# Fashion-MNIST-LT: choosing β, loss and γ on a validation split");
        Line();
        Line(F($"- Command: `{result.Command.TrimEnd()}`; machine: {result.Machine}; wall time {Experiment.FormatDuration(result.WallSeconds)}"));
        Line(F($"- IF {result.Imbalance}; stratified hold-out of {result.ValidationFraction:P0} per class (at least 1): validation [{string.Join(", ", result.ValidationCounts)}], search training [{string.Join(", ", result.TrainCounts)}] (the grid's weights come from these counts)."));
        Line(F($"- Grid: the paper's 20 points (`[ClassBalancedSweep]` → `FashionMnistSweep.Points`), {result.SearchEpochs} epochs each, seed 0, ranked by validation balanced error. Test numbers of the grid are shown only to judge the choice."));
        if (result.WeightDecays is { } wds)
        {
            Line(F($"- Weight decay is an axis of the grid (`--weight-decays`, weight balancing's first stage): each point at {string.Join(", ", wds.Select(SearchPoint.Format))}, {result.Grid.Count} points in all. Validated pick: {result.Grid[0].Display}."));
        }
        Line(F($"- Validation vs test ranking over the grid: Spearman ρ = {Rho(result)}; the validation winner ranks {result.WinnerTestRank} of {result.Grid.Count} on test balanced error."));
        if (result.Halving is { } h)
        {
            Line(F($"- Successive halving ({h.Rungs} rungs): chose {h.Winner} ({(h.SameWinner ? "the same point" : "a different point")}) with {h.Epochs} epochs of training instead of {h.FullGridEpochs} ({100.0 * (1 - (double)h.Epochs / h.FullGridEpochs):F0} % fewer), {Experiment.FormatDuration(h.Seconds)} instead of {Experiment.FormatDuration(h.FullGridSeconds)}."));
        }

        Line();
        Line(F($"## Final runs: the winner retrained on the whole training subset vs the paper's defaults ({result.FinalEpochs} epochs, test set)"));
        Line();
        Line("| Loss | Test error % | Many-shot acc % | Medium-shot acc % | Few-shot acc % | Loss from |");
        Line("|---|---:|---:|---:|---:|---|");
        foreach (var r in result.Final)
        {
            Line(F($"| {r.Display} | {Text.MeanStd(r.TestErrorMean, r.TestErrorStd, r.Seeds)} | {Text.Percent(r.ManyShotMean)} | {Text.Percent(r.MediumShotMean)} | {Text.Percent(r.FewShotMean)} | {r.Source} |"));
        }

        Line();
        Line("## The grid, best validation balanced error first");
        Line();
        bool wdAxis = result.WeightDecays is not null;
        Line("| Rank | Point |" + (wdAxis ? " Weight decay |" : string.Empty) + " Validation balanced error % | Validation error % | Test balanced error % | Test error % | Time |");
        Line("|---:|---|" + (wdAxis ? "---:|" : string.Empty) + "---:|---:|---:|---:|---:|");
        foreach (var g in result.Grid)
        {
            string wd = g.WeightDecay is double d ? " " + SearchPoint.Format(d) + " |" : string.Empty;
            Line(F($"| {g.ValidationRank} | {g.Display} |{wd} {g.ValidationBalancedErrorPercent:F2} | {g.ValidationErrorPercent:F2} | {g.TestBalancedErrorPercent:F2} | {g.TestErrorPercent:F2} | {g.Seconds:F1} s |"));
        }

        return md.ToString();
    }

    private static void Print(IAnsiConsole console, SearchResult result)
    {
        var grid = new Table().Title("Grid on the validation split (test columns for judging the choice only)")
            .AddColumn("Rank").AddColumn("Point").AddColumn(new TableColumn("Val bal. err %").RightAligned())
            .AddColumn(new TableColumn("Test bal. err %").RightAligned()).AddColumn(new TableColumn("Test err %").RightAligned());
        foreach (var g in result.Grid)
        {
            grid.AddRow(g.ValidationRank.ToString(CultureInfo.InvariantCulture), Markup.Escape(g.Display),
                F($"{g.ValidationBalancedErrorPercent:F2}"), F($"{g.TestBalancedErrorPercent:F2}"), F($"{g.TestErrorPercent:F2}"));
        }

        console.Write(grid);
        var final = new Table().Title(Markup.Escape(F($"Final runs ({result.FinalEpochs} epochs, whole training subset, 10,000 test images)")))
            .AddColumn("Loss").AddColumn(new TableColumn("Error %").RightAligned()).AddColumn(new TableColumn("Few %").RightAligned());
        foreach (var r in result.Final)
        {
            final.AddRow(Markup.Escape(r.Display), Markup.Escape(Text.MeanStd(r.TestErrorMean, r.TestErrorStd, r.Seeds)), Text.Percent(r.FewShotMean));
        }

        console.Write(final);
        console.WriteLine(F($"Spearman ρ (validation vs test balanced error over the grid) = {Rho(result)}; the winner ranks {result.WinnerTestRank}/{result.Grid.Count} on test. Wall time {Experiment.FormatDuration(result.WallSeconds)}."));
        foreach (string file in result.Files)
        {
            console.WriteLine("wrote " + file);
        }
    }

    private static string Rho(SearchResult r) =>
        r.Spearman is double rho ? rho.ToString("F3", CultureInfo.InvariantCulture) : "undefined (every point tied)";

    private static string F(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
