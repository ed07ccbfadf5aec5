using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using CbGen;
using ScottPlot;

namespace FashionMnistLongTail.Reporting;

/// <summary>The PNG plots: per-class accuracy, class counts vs CB weights, and effective number vs n.</summary>
public static class Plots
{
    /// <summary>The β values of the effective-number plot (Figure 3 of the paper).</summary>
    public static IReadOnlyList<double> FigureBetas { get; } = [0.0, 0.9, 0.99, 0.999, 0.9999];

    private const int Width = 1100;
    private const int Height = 620;

    private static readonly Color[] Palette = new ScottPlot.Palettes.Category10().Colors;

    /// <summary>Draws every plot into <paramref name="directory"/> and returns the file paths.</summary>
    public static IReadOnlyList<string> DrawAll(string directory, IReadOnlyList<TrainingSetInfo> sets,
        IReadOnlyList<SummaryRow> summary, IReadOnlyList<string> classNames)
    {
        ArgumentNullException.ThrowIfNull(sets);
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentNullException.ThrowIfNull(classNames);
        Directory.CreateDirectory(directory);
        var files = new List<string>();
        foreach (var set in sets)
        {
            var rows = summary.Where(s => s.Imbalance == set.Imbalance).ToArray();
            if (rows.Length > 0)
            {
                files.Add(PerClassAccuracy(Path.Combine(directory, Inv($"per_class_accuracy_if{set.Imbalance}.png")), set, rows, classNames));
            }

            files.Add(CountsAndWeights(Path.Combine(directory, Inv($"class_counts_weights_if{set.Imbalance}.png")), set, classNames));
        }

        files.Add(EffectiveNumbers(Path.Combine(directory, "effective_number.png"), sets.FirstOrDefault()?.Counts));
        return files;
    }

    /// <summary>Grouped bars: per-class test accuracy of each loss (mean over seeds), classes from head to tail.</summary>
    public static string PerClassAccuracy(string path, TrainingSetInfo set, IReadOnlyList<SummaryRow> rows, IReadOnlyList<string> classNames)
    {
        ArgumentNullException.ThrowIfNull(set);
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(classNames);
        var plot = new Plot();
        int series = rows.Count;
        double groupWidth = 0.8;
        double barWidth = groupWidth / series;
        var bars = new List<Bar>();
        for (int s = 0; s < series; s++)
        {
            for (int c = 0; c < set.Counts.Length; c++)
            {
                bars.Add(new Bar
                {
                    Position = c - (groupWidth / 2) + ((s + 0.5) * barWidth),
                    Value = rows[s].PerClassAccuracyMean[c],
                    Size = barWidth * 0.92,
                    FillColor = Palette[s % Palette.Length],
                    LineWidth = 0,
                });
            }
        }

        plot.Add.Bars(bars);
        for (int s = 0; s < series; s++)
        {
            plot.Legend.ManualItems.Add(new LegendItem
            {
                LabelText = Inv($"{rows[s].Display}: error {Text.MeanStd(rows[s].TestErrorMean, rows[s].TestErrorStd, rows[s].Seeds)}%"),
                FillColor = Palette[s % Palette.Length],
            });
        }

        ClassTicks(plot, set, classNames);
        plot.Axes.SetLimits(-0.6, set.Counts.Length - 0.4, 0, 100);
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericFixedInterval(10);
        plot.YLabel("Test accuracy (%)");
        plot.Title(Inv($"Fashion-MNIST-LT (IF {set.Imbalance}): per-class test accuracy, mean over {rows.Max(r => r.Seeds)} seed{(rows.Max(r => r.Seeds) == 1 ? "" : "s")}"));
        plot.Legend.FontSize = 11;
        plot.ShowLegend(Edge.Bottom);
        plot.SavePng(path, Width, Height);
        return path;
    }

    /// <summary>Bars of training images per class (log scale, left) and lines of each CB loss's weight α (right).</summary>
    public static string CountsAndWeights(string path, TrainingSetInfo set, IReadOnlyList<string> classNames)
    {
        ArgumentNullException.ThrowIfNull(set);
        ArgumentNullException.ThrowIfNull(classNames);
        var plot = new Plot();
        var bars = set.Counts.Select((n, c) => new Bar
        {
            Position = c,
            Value = n,
            Size = 0.6,
            FillColor = Colors.LightSteelBlue,
            LineWidth = 0,
            Label = n.ToString(CultureInfo.InvariantCulture),
        }).ToList();
        var barPlot = plot.Add.Bars(bars);
        barPlot.ValueLabelStyle.FontSize = 11;
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = "training images per class (left axis)", FillColor = Colors.LightSteelBlue });

        double[] xs = Enumerable.Range(0, set.Counts.Length).Select(c => (double)c).ToArray();
        int k = 0;
        double maxWeight = 0;
        // Runs with the same β share their weights: one line per β.
        foreach (var sameBeta in LossCatalog.All.Where(s => s.IsClassBalanced).GroupBy(s => s.Beta))
        {
            var spec = sameBeta.First();
            var ys = set.Weights[spec.Key];
            maxWeight = Math.Max(maxWeight, ys.Max());
            var line = plot.Add.Scatter(xs, ys);
            line.Axes.YAxis = plot.Axes.Right;
            line.Color = Palette[(k + 1) % Palette.Length];
            line.LineWidth = 2;
            line.MarkerSize = 7;
            line.LegendText = Inv($"α for β = {spec.Beta:0.####}: {string.Join(", ", sameBeta.Select(s => s.Display.Replace(Inv($" β={s.Beta:0.####}"), string.Empty, StringComparison.Ordinal)))} (right axis)");
            k++;
        }

        ClassTicks(plot, set, classNames);
        plot.Axes.SetLimitsX(-0.6, set.Counts.Length - 0.4);
        plot.Axes.SetLimitsY(0, set.Counts.Max() * 1.12, plot.Axes.Left);
        plot.Axes.SetLimitsY(0, maxWeight * 1.12, plot.Axes.Right);
        plot.Axes.Left.Label.Text = "Training images";
        plot.Axes.Right.Label.Text = "Class-balanced weight α (Σα = 10)";
        plot.Title(Inv($"Fashion-MNIST-LT (IF {set.Imbalance}): class counts and class-balanced weights"));
        plot.Legend.IsVisible = true;
        plot.Legend.Alignment = Alignment.UpperCenter;
        plot.Legend.FontSize = 11;
        plot.SavePng(path, Width, Height);
        return path;
    }

    /// <summary>Effective number E_n = (1 - βⁿ)/(1 - β) against n on log-log axes for β ∈ {0, 0.9, 0.99, 0.999, 0.9999},
    /// with the training counts marked (Figure 3 of Cui et al.).</summary>
    public static string EffectiveNumbers(string path, long[]? counts)
    {
        var plot = new Plot();
        double[] ns = Enumerable.Range(0, 201).Select(i => Math.Round(Math.Pow(10, i / 40.0))).Distinct().ToArray();
        int k = 0;
        foreach (double beta in FigureBetas)
        {
            double[] ys = ns.Select(n => Math.Log10(EffectiveNumber.Of((long)Math.Round(n), beta))).ToArray();
            var line = plot.Add.Scatter(ns.Select(Math.Log10).ToArray(), ys);
            line.Color = Palette[k++ % Palette.Length];
            line.LineWidth = 2.5f;
            line.MarkerSize = 0;
            line.LegendText = beta == 0 ? "β = 0 (no re-weighting)" : Inv($"β = {beta:0.####}  (E_n → {1 / (1 - beta):N0})");
        }

        var identity = plot.Add.Scatter(new[] { 0.0, 5.0 }, new[] { 0.0, 5.0 });
        identity.Color = Colors.Gray;
        identity.LinePattern = LinePattern.Dashed;
        identity.LineWidth = 1.5f;
        identity.MarkerSize = 0;
        identity.LegendText = "β = 1 (E_n = n, inverse frequency)";

        if (counts is not null)
        {
            foreach (long n in counts.Distinct())
            {
                var v = plot.Add.VerticalLine(Math.Log10(n));
                v.Color = Colors.Black.WithAlpha(0.18);
                v.LineWidth = 1;
            }
        }

        LogAxis(plot.Axes.Bottom);
        LogAxis(plot.Axes.Left);
        plot.Axes.SetLimits(-0.02, 5.08, -0.05, 5.05);
        plot.XLabel("Number of samples n" + (counts is null ? string.Empty : "  (grey lines: Fashion-MNIST-LT class counts)"));
        plot.YLabel("Effective number E_n");
        plot.Title("Effective number of samples E_n = (1 − βⁿ) / (1 − β)");
        plot.Legend.IsVisible = true;
        plot.Legend.Alignment = Alignment.UpperLeft;
        plot.Legend.FontSize = 12;
        plot.SavePng(path, Width, Height);
        return path;
    }

    private static void LogAxis(IAxis axis)
    {
        axis.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic
        {
            MinorTickGenerator = new ScottPlot.TickGenerators.LogMinorTickGenerator(),
            IntegerTicksOnly = true,
            LabelFormatter = v => Math.Pow(10, v).ToString("N0", CultureInfo.InvariantCulture),
        };
    }

    private static void ClassTicks(Plot plot, TrainingSetInfo set, IReadOnlyList<string> classNames)
    {
        var ticks = new ScottPlot.TickGenerators.NumericManual();
        for (int c = 0; c < set.Counts.Length; c++)
        {
            ticks.AddMajor(c, Inv($"{classNames[c]}\n(n={set.Counts[c]})"));
        }

        plot.Axes.Bottom.TickGenerator = ticks;
        plot.Axes.Bottom.MajorTickStyle.Length = 0;
    }

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
