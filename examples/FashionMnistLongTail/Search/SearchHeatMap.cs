using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using ScottPlot;

namespace FashionMnistLongTail.Search;

/// <summary>The β × loss heat map of validation balanced error, one cell per grid point, the winner outlined (one map
/// per weight decay when the weight decay is an axis of the grid).</summary>
public static class SearchHeatMap
{
    /// <summary>Draws the heat map of the whole grid into <paramref name="path"/> and returns the path.</summary>
    public static string Draw(string path, SearchResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return Draw(path, result, result.Grid, string.Empty);
    }

    /// <summary>
    /// Draws one heat map per weight decay of the grid's weight-decay axis into <paramref name="directory"/>
    /// (<c>search_heatmap_wd{decay}.png</c>), on one colour scale, and returns the paths.
    /// </summary>
    public static IReadOnlyList<string> DrawPerWeightDecay(string directory, SearchResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.Grid.Where(g => g.WeightDecay is not null).Select(g => g.WeightDecay!.Value).Distinct().OrderBy(wd => wd)
            .Select(wd => Draw(Path.Combine(directory, FileName(wd)), result,
                result.Grid.Where(g => g.WeightDecay == wd).ToArray(), ", weight decay " + SearchPoint.Format(wd)))
            .ToArray();
    }

    /// <summary>The heat map's file name at weight decay <paramref name="weightDecay"/>.</summary>
    public static string FileName(double weightDecay) => "search_heatmap_wd" + SearchPoint.Format(weightDecay) + ".png";

    private static string Draw(string path, SearchResult result, IReadOnlyList<GridPoint> cells, string suffix)
    {
        double[] betas = cells.Select(g => g.Beta).Distinct().OrderBy(b => b).ToArray();
        var rows = cells.Select(g => (g.Loss, Gamma: g.Loss == "Focal" ? g.Gamma : 0.0)).Distinct()
            .OrderBy(r => r.Loss == "Softmax" ? 0 : r.Loss == "Sigmoid" ? 1 : 2).ThenBy(r => r.Gamma).ToArray();
        double min = result.Grid.Min(g => g.ValidationBalancedErrorPercent);
        double max = result.Grid.Max(g => g.ValidationBalancedErrorPercent);
        var colormap = new ScottPlot.Colormaps.Viridis();
        var plot = new Plot();
        foreach (GridPoint g in cells)
        {
            int x = Array.IndexOf(betas, g.Beta);
            int y = rows.Length - 1 - Array.IndexOf(rows, (g.Loss, g.Loss == "Focal" ? g.Gamma : 0.0));
            double t = max > min ? (g.ValidationBalancedErrorPercent - min) / (max - min) : 0.5;
            var cell = plot.Add.Rectangle(x - 0.5, x + 0.5, y - 0.5, y + 0.5);
            cell.FillColor = colormap.GetColor(1 - t); // bright = low error
            cell.LineColor = g.ValidationRank == 1 ? Colors.Red : Colors.White;
            cell.LineWidth = g.ValidationRank == 1 ? 4 : 1;
            var label = plot.Add.Text(Inv($"{g.ValidationBalancedErrorPercent:F2}%\n(test {g.TestBalancedErrorPercent:F2}%)"), x, y);
            label.LabelAlignment = Alignment.MiddleCenter;
            label.LabelFontSize = 13;
            label.LabelFontColor = t > 0.5 ? Colors.White : Colors.Black;
        }

        var xTicks = new ScottPlot.TickGenerators.NumericManual();
        for (int i = 0; i < betas.Length; i++)
        {
            xTicks.AddMajor(i, Inv($"β = {betas[i]}"));
        }

        var yTicks = new ScottPlot.TickGenerators.NumericManual();
        for (int i = 0; i < rows.Length; i++)
        {
            var (loss, gamma) = rows[i];
            yTicks.AddMajor(rows.Length - 1 - i, loss == "Focal" ? Inv($"focal γ={gamma}") : loss.ToLowerInvariant());
        }

        plot.Axes.Bottom.TickGenerator = xTicks;
        plot.Axes.Left.TickGenerator = yTicks;
        plot.Axes.SetLimits(-0.5, betas.Length - 0.5, -0.5, rows.Length - 0.5);
        plot.Title(Inv($"Fashion-MNIST-LT IF {result.Imbalance}: validation balanced error (test in brackets), {result.SearchEpochs} epochs{suffix}; red: chosen"));
        plot.SavePng(path, 1000, 640);
        return path;
    }

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
