using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using CbGen.Evaluation;

namespace LongTailData.Debtags;

/// <summary>The debtags data set's shape as the console prints it: the pinned file, labels per sample, the largest
/// and smallest tags, the shot groups of the training positives, and the split.</summary>
public static class DebtagsSummary
{
    /// <summary>The summary of <paramref name="dataset"/>.</summary>
    public static string Of(DebtagsDataset dataset)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        CultureInfo c = CultureInfo.InvariantCulture;
        var s = new StringBuilder();
        long[] counts = new long[dataset.TagNames.Count];
        foreach (DebtagsSample sample in dataset.Samples)
        {
            foreach (int label in sample.Labels)
            {
                counts[label]++;
            }
        }

        int max = Enumerable.Range(0, counts.Length).MaxBy(i => counts[i]);
        int min = Enumerable.Range(0, counts.Length).MinBy(i => counts[i]);
        double perSample = (double)counts.Sum() / dataset.Samples.Count;
        s.AppendLine(c, $"debtags: {dataset.Samples.Count:N0} packages, {counts.Length:N0} tags, {perSample:F2} tags per package");
        s.AppendLine(c, $"  file  {dataset.FilePath}");
        s.AppendLine(c, $"        sha256 {dataset.Sha256}, {dataset.FileBytes:N0} bytes");
        s.AppendLine(c, $"  largest tag  {dataset.TagNames[max]}: {counts[max]:N0}");
        s.AppendLine(c, $"  smallest tag {dataset.TagNames[min]}: {counts[min]:N0}");
        s.AppendLine(c, $"  imbalance {(double)counts[max] / counts[min]:F1} (largest / smallest tag)");
        ShotThresholds shots = ShotThresholds.Literature;
        var groups = dataset.Split.TrainCounts.GroupBy(shots.Classify).ToDictionary(g => g.Key, g => g.Count());
        s.AppendLine(c, $"  shot groups (training positives): {groups.GetValueOrDefault(ShotGroup.Many):N0} many (> {shots.ManyAbove}), "
            + $"{groups.GetValueOrDefault(ShotGroup.Medium):N0} medium, {groups.GetValueOrDefault(ShotGroup.Few):N0} few (< {shots.FewBelow})");
        int noTest = dataset.Split.TestCounts.Count(n => n == 0);
        s.AppendLine(c, $"  split: {dataset.Split.TrainIndices.Count:N0} train, {dataset.Split.TestIndices.Count:N0} test "
            + $"(rarest-tag-first, test fraction {dataset.Options.TestFraction:0.###}, seed {dataset.Options.Seed}); {noTest:N0} tags without a test positive");
        foreach (Dropped d in dataset.Dropped)
        {
            string what = d.Reason.StartsWith("tags", StringComparison.Ordinal) ? string.Format(c, "{0:N0} tags", d.Classes) : string.Format(c, "{0:N0} packages", d.Samples);
            s.AppendLine(c, $"  dropped: {what}, {d.Reason}");
        }

        return s.ToString();
    }
}
