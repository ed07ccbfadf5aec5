using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace CbGen.Evaluation;

/// <summary>One point's outcome in a sweep.</summary>
/// <param name="Point">The config.</param>
/// <param name="Name">Its name.</param>
/// <param name="Report">Its last validation evaluation.</param>
/// <param name="Score">The ranking metric of that evaluation (lower is better).</param>
/// <param name="Epochs">The epochs it trained for.</param>
/// <param name="Rung">The last successive-halving rung it reached (0 without halving).</param>
/// <param name="Elapsed">The time its callbacks took.</param>
public sealed record SweepEntry<TPoint>(TPoint Point, string Name, LongTailReport Report, double Score, int Epochs, int Rung, TimeSpan Elapsed);

/// <summary>The ranked outcome of <see cref="SweepRunner"/>: best first (points that reached a later rung rank above
/// those eliminated earlier; ties keep the points' order).</summary>
public sealed class SweepResult<TPoint>
{
    internal SweepResult(IReadOnlyList<SweepEntry<TPoint>> ranking, SelectionMetric rankedBy)
    {
        Ranking = ranking;
        RankedBy = rankedBy;
    }

    /// <summary>Every point, best first.</summary>
    public IReadOnlyList<SweepEntry<TPoint>> Ranking { get; }

    /// <summary>The metric that ranked them.</summary>
    public SelectionMetric RankedBy { get; }

    /// <summary>The best point: train the final model once with it.</summary>
    public SweepEntry<TPoint> Winner => Ranking[0];

    /// <summary>The ranking as a Markdown table (validation metrics in %).</summary>
    public string ToMarkdown()
    {
        var text = new StringBuilder();
        text.AppendLine("| Rank | Point | Balanced error % | Error % | Macro-F1 % | Few-shot acc % | Epochs | Time |");
        text.AppendLine("|---:|---|---:|---:|---:|---:|---:|---:|");
        for (int i = 0; i < Ranking.Count; i++)
        {
            SweepEntry<TPoint> e = Ranking[i];
            text.AppendLine(string.Format(CultureInfo.InvariantCulture, "| {0} | {1} | {2:F2} | {3:F2} | {4:F2} | {5} | {6} | {7:F1} s |",
                i + 1, e.Name, 100 * e.Report.BalancedError, 100 * e.Report.Error, 100 * e.Report.MacroF1,
                e.Report.FewShotAccuracy is double f ? (100 * f).ToString("F2", CultureInfo.InvariantCulture) : "–",
                e.Epochs, e.Elapsed.TotalSeconds));
        }

        return text.ToString();
    }
}
