using System;
using System.Globalization;
using System.Text;
using FashionMnistLongTail.Reporting;
using FashionMnistLongTail.Search;
using Text = FashionMnistLongTail.Reporting.Text;

namespace GlyphsLongTail;

/// <summary>search.md of the glyph benchmark.</summary>
public static class GlyphSearchReport
{
    /// <summary>The search.md text.</summary>
    public static string Markdown(SearchResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var md = new StringBuilder();
        void Line(string text = "") => md.Append(text).Append('\n');
        Line("# Glyphs → radicals: choosing β, loss and γ on the validation split");
        Line();
        Line(F($"- Command: `{result.Command}`; machine: {result.Machine}; wall time {FashionMnistLongTail.Experiment.FormatDuration(result.WallSeconds)}"));
        Line(F($"- Grid: `GlyphRadicalsSweep.Points` ({result.Grid.Count} points), {result.SearchEpochs} epochs each, seed 0, trained on the training split and ranked by balanced error on the builder's stratified validation split ({result.ValidationFraction:P0} per class). Test numbers of the grid are shown only to judge the choice."));
        string rho = result.Spearman is double r ? r.ToString("F3", CultureInfo.InvariantCulture) : "undefined (ties)";
        Line(F($"- Spearman ρ between validation and test balanced error over the grid: {rho}; the pick ranks {result.WinnerTestRank}/{result.Grid.Count} on test."));
        Line();
        Line(F($"## Final runs ({result.FinalEpochs} epochs, balanced test set)"));
        Line();
        Line("| Loss | Balanced error % | Many % | Medium % | Few % | Loss from |");
        Line("|---|---:|---:|---:|---:|---|");
        foreach (var s in result.Final)
        {
            Line(F($"| {s.Display} | {Text.MeanStd(s.TestErrorMean, s.TestErrorStd, s.Seeds)} | {Text.Percent(s.ManyShotMean)} | {Text.Percent(s.MediumShotMean)} | {Text.Percent(s.FewShotMean)} | {s.Source} |"));
        }

        Line();
        Line("## The grid, best validation balanced error first");
        Line();
        Line("| Rank | Point | Validation balanced error % | Test balanced error % | Time |");
        Line("|---:|---|---:|---:|---:|");
        foreach (GridPoint g in result.Grid)
        {
            Line(F($"| {g.ValidationRank} | {g.Display} | {g.ValidationBalancedErrorPercent:F2} | {g.TestBalancedErrorPercent:F2} | {g.Seconds:F1} s |"));
        }

        return md.ToString();
    }

    private static string F(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
