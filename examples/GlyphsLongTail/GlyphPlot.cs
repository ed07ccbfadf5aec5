using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using FashionMnistLongTail.Reporting;
using ScottPlot;

namespace GlyphsLongTail;

/// <summary>The plot of per-class test accuracy against training count (ScottPlot, as the demo's plots).</summary>
public static class GlyphPlot
{
    /// <summary>The PNG's file name.</summary>
    public const string File = "accuracy_vs_count.png";

    /// <summary>Classes per bin of the lines: classes sorted by count, cut into bins of about this many.</summary>
    public const int ClassesPerBin = 14;

    private static readonly Color[] Palette = new ScottPlot.Palettes.Category10().Colors;

    /// <summary>
    /// Draws, on a log count axis, every class of the first row (the baseline) as a faint dot, and for each row a line
    /// through the mean accuracy of bins of <see cref="ClassesPerBin"/> classes of similar count (mean over seeds).
    /// </summary>
    public static string AccuracyVsCount(string path, long[] counts, IReadOnlyList<SummaryRow> rows)
    {
        ArgumentNullException.ThrowIfNull(counts);
        ArgumentNullException.ThrowIfNull(rows);
        var plot = new Plot();
        int[] order = Enumerable.Range(0, counts.Length).OrderBy(c => counts[c]).ThenBy(c => c).ToArray();
        int bins = Math.Max(1, (int)Math.Round(counts.Length / (double)ClassesPerBin));
        var binned = Enumerable.Range(0, bins)
            .Select(b => order.Skip(b * counts.Length / bins).Take(((b + 1) * counts.Length / bins) - (b * counts.Length / bins)).ToArray())
            .Where(g => g.Length > 0).ToArray();
        double[] xs = binned.Select(g => g.Average(c => Math.Log10(counts[c]))).ToArray();
        if (rows.Count > 0)
        {
            var dots = plot.Add.ScatterPoints(counts.Select(n => Math.Log10(n)).ToArray(), rows[0].PerClassAccuracyMean);
            dots.Color = Palette[0].WithAlpha(0.35);
            dots.MarkerSize = 5;
            dots.LegendText = rows[0].Display + ": each class";
        }

        for (int r = 0; r < rows.Count; r++)
        {
            var row = rows[r];
            double[] ys = binned.Select(g => g.Average(c => row.PerClassAccuracyMean[c])).ToArray();
            var line = plot.Add.Scatter(xs, ys);
            line.Color = Palette[r % Palette.Length];
            line.LineWidth = 2;
            line.MarkerSize = 6;
            line.LegendText = Inv($"{row.Display}: balanced error {Text.MeanStd(row.TestErrorMean, row.TestErrorStd, row.Seeds)}%");
        }

        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic
        {
            MinorTickGenerator = new ScottPlot.TickGenerators.LogMinorTickGenerator(),
            LabelFormatter = v => Math.Pow(10, v).ToString("N0", CultureInfo.InvariantCulture),
        };
        plot.Axes.SetLimits(Math.Log10(counts.Min()) - 0.05, Math.Log10(counts.Max()) + 0.05, 0, 100);
        plot.XLabel("Training glyphs of the class (log scale)");
        plot.YLabel(Inv($"Test accuracy % (lines: mean over bins of ~{ClassesPerBin} classes)"));
        plot.Title(Inv($"Glyphs → radicals ({counts.Length} classes): per-class test accuracy against training count, mean over {(rows.Count == 0 ? 0 : rows.Max(r => r.Seeds))} seed(s)"));
        plot.Legend.FontSize = 11;
        plot.ShowLegend(Edge.Bottom);
        plot.SavePng(path, 1100, 720);
        return path;
    }

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
