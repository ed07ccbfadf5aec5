using System;
using System.Collections.Generic;
using System.Globalization;

namespace CbGen.Evaluation;

/// <summary>
/// What <see cref="LongTailMetrics"/> computed. Accuracies and errors are fractions in [0, 1]. A class with no
/// evaluation samples has no accuracy (<c>null</c>) and is left out of the balanced and shot-group means.
/// </summary>
public sealed class LongTailReport
{
    private readonly long[] _trainingCounts;
    private readonly double?[] _perClass;

    internal LongTailReport(ConfusionMatrix confusion, long[] trainingCounts, ShotThresholds thresholds)
    {
        Confusion = confusion;
        Thresholds = thresholds;
        _trainingCounts = trainingCounts;
        int c = confusion.ClassCount;
        _perClass = new double?[c];
        long correct = 0;
        double recallSum = 0, f1Sum = 0;
        int withSamples = 0, inF1 = 0;
        for (int k = 0; k < c; k++)
        {
            long tp = confusion[k, k];
            long actual = confusion.ActualCount(k);
            long predicted = confusion.PredictedCount(k);
            correct += tp;
            if (actual > 0)
            {
                _perClass[k] = (double)tp / actual;
                recallSum += _perClass[k]!.Value;
                withSamples++;
            }

            // F1 = 2TP / (2TP + FP + FN) = 2TP / (actual + predicted): defined whenever the class occurs at all.
            if (actual + predicted > 0)
            {
                f1Sum += 2.0 * tp / (actual + predicted);
                inF1++;
            }
        }

        Accuracy = (double)correct / confusion.Total;
        BalancedAccuracy = recallSum / withSamples;
        MacroF1 = f1Sum / inF1;
        ClassesEvaluated = withSamples;
        ManyShotAccuracy = thresholds.GroupMean(_perClass, trainingCounts, ShotGroup.Many);
        MediumShotAccuracy = thresholds.GroupMean(_perClass, trainingCounts, ShotGroup.Medium);
        FewShotAccuracy = thresholds.GroupMean(_perClass, trainingCounts, ShotGroup.Few);
    }

    /// <summary>The confusion matrix, rows = true class, columns = predicted class.</summary>
    public ConfusionMatrix Confusion { get; }

    /// <summary>The shot-group thresholds used.</summary>
    public ShotThresholds Thresholds { get; }

    /// <summary>The number of classes C.</summary>
    public int ClassCount => Confusion.ClassCount;

    /// <summary>The number of evaluated samples.</summary>
    public long SampleCount => Confusion.Total;

    /// <summary>The number of classes with at least one evaluation sample.</summary>
    public int ClassesEvaluated { get; }

    /// <summary>Top-1 accuracy over all samples.</summary>
    public double Accuracy { get; }

    /// <summary>Top-1 error over all samples: 1 − <see cref="Accuracy"/>.</summary>
    public double Error => 1.0 - Accuracy;

    /// <summary>The mean of the per-class accuracies (recalls) over the classes with evaluation samples; on a
    /// balanced test set it equals <see cref="Accuracy"/>.</summary>
    public double BalancedAccuracy { get; }

    /// <summary>1 − <see cref="BalancedAccuracy"/>.</summary>
    public double BalancedError => 1.0 - BalancedAccuracy;

    /// <summary>The mean F1 over the classes that occur as a true label or a prediction (a class that occurs but
    /// is never predicted right has F1 = 0).</summary>
    public double MacroF1 { get; }

    /// <summary>Mean accuracy of the many-shot classes with evaluation samples; <c>null</c> if there are none.</summary>
    public double? ManyShotAccuracy { get; }

    /// <summary>Mean accuracy of the medium-shot classes with evaluation samples; <c>null</c> if there are none.</summary>
    public double? MediumShotAccuracy { get; }

    /// <summary>Mean accuracy of the few-shot classes with evaluation samples; <c>null</c> if there are none.</summary>
    public double? FewShotAccuracy { get; }

    /// <summary>Each class's accuracy (recall), indexed by class; <c>null</c> for a class with no evaluation samples.</summary>
    public IReadOnlyList<double?> PerClassAccuracy => _perClass;

    /// <summary>The training counts the shot groups were taken from.</summary>
    public IReadOnlyList<long> TrainingCounts => _trainingCounts;

    /// <summary>The shot group of class <paramref name="classIndex"/>.</summary>
    public ShotGroup GroupOf(int classIndex)
    {
        if ((uint)classIndex >= (uint)ClassCount)
        {
            throw new ArgumentOutOfRangeException(nameof(classIndex), classIndex, "A class index must be in [0, C).");
        }

        return Thresholds.Classify(_trainingCounts[classIndex]);
    }

    /// <summary>The value of <paramref name="metric"/> in this report, oriented so that lower is better.</summary>
    public double Loss(SelectionMetric metric) => metric switch
    {
        SelectionMetric.BalancedError => BalancedError,
        SelectionMetric.Error => Error,
        SelectionMetric.MacroF1 => 1.0 - MacroF1,
        SelectionMetric.FewShotError => 1.0 - (FewShotAccuracy ?? throw new InvalidOperationException(
            "No few-shot class has evaluation samples, so few-shot error cannot rank; pick another metric or other thresholds.")),
        _ => throw new ArgumentOutOfRangeException(nameof(metric), metric, "Unknown selection metric."),
    };

    /// <summary>The report in one line, in the invariant culture: "balanced error 41.67 %, error 37.50 %,
    /// macro-F1 0.600; accuracy many-shot 75.00 %, medium-shot 50.00 %, few-shot 50.00 % (8 samples, 3 classes)". A
    /// shot group without evaluation samples reads "none".</summary>
    public override string ToString() =>
        "balanced error " + Percent(BalancedError) + ", error " + Percent(Error) + ", macro-F1 "
        + MacroF1.ToString("F3", CultureInfo.InvariantCulture) + "; accuracy many-shot " + Percent(ManyShotAccuracy)
        + ", medium-shot " + Percent(MediumShotAccuracy) + ", few-shot " + Percent(FewShotAccuracy) + " ("
        + SampleCount.ToString(CultureInfo.InvariantCulture) + (SampleCount == 1 ? " sample, " : " samples, ")
        + ClassCount.ToString(CultureInfo.InvariantCulture) + (ClassCount == 1 ? " class)" : " classes)");

    private static string Percent(double? fraction) =>
        fraction is double f ? (100.0 * f).ToString("F2", CultureInfo.InvariantCulture) + " %" : "none";
}

/// <summary>What a sweep ranks its points by; every metric is turned into "lower is better".</summary>
public enum SelectionMetric
{
    /// <summary>Balanced error, 1 − mean per-class accuracy (the default: a long tail's test set is usually balanced).</summary>
    BalancedError = 0,

    /// <summary>Top-1 error over all samples.</summary>
    Error = 1,

    /// <summary>1 − macro-F1.</summary>
    MacroF1 = 2,

    /// <summary>1 − few-shot accuracy.</summary>
    FewShotError = 3,
}
