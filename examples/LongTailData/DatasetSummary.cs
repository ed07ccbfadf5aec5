using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace LongTailData;

/// <summary>A data set's shape in numbers: classes, the largest and smallest, imbalance, totals per split.</summary>
/// <param name="Name">The data set.</param>
/// <param name="ClassCount">Kept classes.</param>
/// <param name="Samples">Kept samples over all splits.</param>
/// <param name="Largest">The largest class (first by class index on a tie) and its size.</param>
/// <param name="Smallest">The smallest class and its size.</param>
/// <param name="TrainLargest">The largest training count.</param>
/// <param name="TrainSmallest">The smallest training count.</param>
/// <param name="Train">Training samples.</param>
/// <param name="Validation">Validation samples.</param>
/// <param name="Test">Test samples.</param>
/// <param name="Dropped">What the rule left out.</param>
public sealed record DatasetSummary(string Name, int ClassCount, int Samples, (string Name, long Count) Largest,
    (string Name, long Count) Smallest, long TrainLargest, long TrainSmallest, int Train, int Validation, int Test,
    IReadOnlyList<Dropped> Dropped)
{
    /// <summary>Largest over smallest class, over all samples.</summary>
    public double Imbalance => (double)Largest.Count / Smallest.Count;

    /// <summary>Largest over smallest training count: the imbalance a training run sees.</summary>
    public double TrainImbalance => (double)TrainLargest / TrainSmallest;

    /// <summary>Summarises <paramref name="dataset"/>.</summary>
    public static DatasetSummary Of<T>(LongTailDataset<T> dataset)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        IReadOnlyList<long> counts = dataset.ClassCounts;
        int max = Enumerable.Range(0, counts.Count).MaxBy(c => counts[c]);
        int min = Enumerable.Range(0, counts.Count).MinBy(c => counts[c]);
        return new DatasetSummary(dataset.Name, counts.Count, dataset.Samples.Count,
            (dataset.ClassNames[max], counts[max]), (dataset.ClassNames[min], counts[min]),
            dataset.Split.TrainCounts.Max(), dataset.Split.TrainCounts.Min(),
            dataset.Split.TrainIndices.Count, dataset.Split.ValidationIndices.Count, dataset.Split.TestIndices.Count,
            dataset.Dropped);
    }

    /// <summary>The summary as the console prints it.</summary>
    public override string ToString()
    {
        var s = new StringBuilder();
        CultureInfo c = CultureInfo.InvariantCulture;
        s.AppendLine(c, $"{Name}: {ClassCount:N0} classes, {Samples:N0} samples");
        s.AppendLine(c, $"  largest class  {Largest.Name}: {Largest.Count:N0}");
        s.AppendLine(c, $"  smallest class {Smallest.Name}: {Smallest.Count:N0}");
        s.AppendLine(c, $"  imbalance {Imbalance:F1} (all samples), {TrainImbalance:F1} (training: {TrainLargest:N0} / {TrainSmallest:N0})");
        s.AppendLine(c, $"  split: {Train:N0} train, {Validation:N0} validation, {Test:N0} test");
        foreach (Dropped d in Dropped)
        {
            string classes = d.Classes > 0 ? string.Format(c, " in {0:N0} classes", d.Classes) : string.Empty;
            s.AppendLine(c, $"  dropped: {d.Samples:N0}{classes}, {d.Reason}");
        }

        return s.ToString();
    }
}
