using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Runtime.InteropServices;
using System.Text;
using CbGen.Evaluation;
using FashionMnistLongTail.Data;
using Spectre.Console;

namespace FashionMnistLongTail.MlNet;

/// <summary>One configuration (trainer × weighting) averaged over its seeds.</summary>
/// <param name="Spec">The first run of the configuration (its seed is not meaningful here).</param>
/// <param name="Seeds">The number of seeds.</param>
/// <param name="ErrorMean">Mean top-1 test error.</param>
/// <param name="ErrorStd">Sample standard deviation of the error over seeds (0 for one seed).</param>
/// <param name="Many">Mean accuracy of the many-shot classes (&gt; 1000 training images).</param>
/// <param name="Medium">Mean accuracy of the medium-shot classes (200–1000).</param>
/// <param name="Few">Mean accuracy of the few-shot classes (&lt; 200).</param>
/// <param name="Seconds">Mean Fit wall time.</param>
/// <param name="CpuSeconds">Mean Fit processor time.</param>
public sealed record Summary(RunSpec Spec, int Seeds, double ErrorMean, double ErrorStd, double Many, double Medium, double Few, double Seconds, double CpuSeconds);

/// <summary>The results table, on the console and as Markdown for docs/mlnet.md.</summary>
public static class Report
{
    /// <summary>Averages the runs of each configuration, in grid order.</summary>
    public static IReadOnlyList<Summary> Summarise(IReadOnlyList<RunResult> results, IReadOnlyList<long> counts)
    {
        ArgumentNullException.ThrowIfNull(results);
        ArgumentNullException.ThrowIfNull(counts);
        return results.GroupBy(r => (r.Spec.Trainer, r.Spec.Beta)).Select(g =>
        {
            double[] errors = g.Select(r => r.Error).ToArray();
            double mean = errors.Average();
            double std = errors.Length > 1
                ? Math.Sqrt(errors.Sum(e => (e - mean) * (e - mean)) / (errors.Length - 1))
                : 0.0;
            double Group(ShotGroup group) => g.Average(r => Enumerable.Range(0, counts.Count)
                .Where(c => LongTail.Thresholds.Classify(counts[c]) == group).Average(c => r.ClassAccuracy[c]));
            return new Summary(g.First().Spec, errors.Length, mean, std, Group(ShotGroup.Many), Group(ShotGroup.Medium),
                Group(ShotGroup.Few), g.Average(r => r.Seconds), g.Average(r => r.CpuSeconds));
        }).ToArray();
    }

    /// <summary>Prints the table.</summary>
    public static void Print(IAnsiConsole console, IReadOnlyList<RunResult> results, IReadOnlyList<long> counts)
    {
        ArgumentNullException.ThrowIfNull(console);
        var table = new Table()
            .AddColumn("Trainer")
            .AddColumn("Weights")
            .AddColumn(new TableColumn("Error %").RightAligned())
            .AddColumn(new TableColumn("Many %").RightAligned())
            .AddColumn(new TableColumn("Medium %").RightAligned())
            .AddColumn(new TableColumn("Few %").RightAligned())
            .AddColumn(new TableColumn("Fit wall").RightAligned())
            .AddColumn(new TableColumn("Fit CPU").RightAligned());
        foreach (Summary s in Summarise(results, counts))
        {
            table.AddRow(Cells(s).Select(Markup.Escape).ToArray());
        }

        console.Write(table);
    }

    /// <summary>The Markdown section: the command, the machine, the table.</summary>
    public static string Markdown(IReadOnlyList<RunResult> results, IReadOnlyList<long> counts, DemoOptions options, double wallSeconds)
    {
        ArgumentNullException.ThrowIfNull(options);
        var sb = new StringBuilder();
        sb.AppendLine(string.Format(CultureInfo.InvariantCulture,
            "IF {0} ({1} training images), LightGBM {2} rounds, SDCA {3} passes, {4} seeds for SDCA; {5} wall, load average {6} at the end, on {7}.",
            options.Imbalance, counts.Sum(), options.Rounds, options.Epochs, options.Seeds, Duration(wallSeconds), LoadAverage(), Machine()));
        sb.AppendLine();
        sb.AppendLine("| Trainer | Weights | Error % | Many % | Medium % | Few % | Fit wall | Fit CPU |");
        sb.AppendLine("|---|---|--:|--:|--:|--:|--:|--:|");
        foreach (Summary s in Summarise(results, counts))
        {
            sb.AppendLine("| " + string.Join(" | ", Cells(s)) + " |");
        }

        return sb.ToString();
    }

    private static string[] Cells(Summary s) => new[]
    {
        RunSpec.TrainerName(s.Spec.Trainer),
        s.Spec.WeightingName,
        s.Seeds > 1
            ? string.Format(CultureInfo.InvariantCulture, "{0:F2} ± {1:F2}", 100 * s.ErrorMean, 100 * s.ErrorStd)
            : string.Format(CultureInfo.InvariantCulture, "{0:F2}", 100 * s.ErrorMean),
        Percent(s.Many),
        Percent(s.Medium),
        Percent(s.Few),
        Duration(s.Seconds),
        Duration(s.CpuSeconds),
    };

    private static string Percent(double x) => (100 * x).ToString("F1", CultureInfo.InvariantCulture);

    private static string Duration(double seconds) =>
        seconds < 60
            ? seconds.ToString("F0", CultureInfo.InvariantCulture) + " s"
            : string.Format(CultureInfo.InvariantCulture, "{0}:{1:00}", (int)(seconds / 60), (int)seconds % 60);

    private static string LoadAverage()
    {
        try
        {
            return System.IO.File.Exists("/proc/loadavg")
                ? System.IO.File.ReadAllText("/proc/loadavg").Split(' ')[0]
                : "unknown";
        }
        catch (System.IO.IOException)
        {
            return "unknown";
        }
    }

    private static string Machine() =>
        Environment.ProcessorCount.ToString(CultureInfo.InvariantCulture) + " logical cores, "
        + RuntimeInformation.OSDescription + ", .NET " + Environment.Version;
}
