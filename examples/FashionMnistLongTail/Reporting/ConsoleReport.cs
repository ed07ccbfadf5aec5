using System;
using System.Globalization;
using System.Linq;
using Spectre.Console;

namespace FashionMnistLongTail.Reporting;

/// <summary>The final table on the console.</summary>
public static class ConsoleReport
{
    /// <summary>Prints one table per imbalance factor and the wall time.</summary>
    public static void Print(IAnsiConsole console, ExperimentResult result)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(result);
        foreach (var group in result.Summary.GroupBy(s => s.Imbalance))
        {
            var set = result.TrainingSets.First(t => t.Imbalance == group.Key);
            var table = new Table()
                .Title(Markup.Escape(string.Format(CultureInfo.InvariantCulture,
                    "Fashion-MNIST-LT, IF {0} ({1} training images), {2} epochs, test error on 10,000 balanced test images",
                    group.Key, set.Counts.Sum(), result.Epochs)))
                .AddColumn("Loss")
                .AddColumn(new TableColumn("Error %").RightAligned())
                .AddColumn(new TableColumn("Many %").RightAligned())
                .AddColumn(new TableColumn("Medium %").RightAligned())
                .AddColumn(new TableColumn("Few %").RightAligned())
                .AddColumn(new TableColumn("Time/run").RightAligned())
                .AddColumn("Loss from")
                .Caption("Error: top-1 test error, mean ± std over seeds. Many/Medium/Few: mean test accuracy of the classes with > 1000, 200–1000, < 200 training images.");
            double best = group.Min(s => s.TestErrorMean);
            foreach (var row in group)
            {
                string error = Text.MeanStd(row.TestErrorMean, row.TestErrorStd, row.Seeds);
                table.AddRow(
                    Markup.Escape(row.Display),
                    row.TestErrorMean == best ? "[bold]" + Markup.Escape(error) + "[/]" : Markup.Escape(error),
                    Text.Percent(row.ManyShotMean),
                    Text.Percent(row.MediumShotMean),
                    Text.Percent(row.FewShotMean),
                    Experiment.FormatDuration(row.TrainSecondsMean),
                    row.Source);
            }

            console.Write(table);
        }

        console.WriteLine(string.Format(CultureInfo.InvariantCulture,
            "Wall time: {0} ({1:F0} s) for {2} runs. Results in {3}.",
            Experiment.FormatDuration(result.WallSeconds), result.WallSeconds, result.Runs.Count,
            string.Join(", ", result.Files)));
    }
}

/// <summary>Number formatting shared by the console table and results.md.</summary>
public static class Text
{
    /// <summary><c>12.34 ± 0.56</c>, or just the mean for one seed.</summary>
    public static string MeanStd(double mean, double std, int seeds) =>
        seeds > 1
            ? string.Format(CultureInfo.InvariantCulture, "{0:F2} ± {1:F2}", mean, std)
            : mean.ToString("F2", CultureInfo.InvariantCulture);

    /// <summary><c>12.3</c>, or an em dash when there is no value.</summary>
    public static string Percent(double? value) =>
        value is double v ? v.ToString("F1", CultureInfo.InvariantCulture) : "—";
}
