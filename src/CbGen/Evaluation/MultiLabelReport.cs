using System;
using System.Collections.Generic;
using System.Globalization;

namespace CbGen.Evaluation;

/// <summary>
/// What <see cref="MultiLabelMetrics"/> computed. A per-class value that is 0/0 is <c>null</c>: the AP of a class
/// with no positive target, the F1 of a class with neither a positive target nor a positive prediction. The means
/// treat those classes as <see cref="MultiLabelOptions.UndefinedAveragePrecision"/> and
/// <see cref="MultiLabelOptions.UndefinedF1"/> say (left out by default), and the report counts them.
/// </summary>
public sealed class MultiLabelReport
{
    private readonly double?[] _averagePrecision;
    private readonly double?[] _f1;
    private readonly long[] _positives;
    private readonly long[] _trainingPositives;

    internal MultiLabelReport(
        double?[] averagePrecision, long[] positives, long[] truePositives, long[] falsePositives, long[] trainingPositives,
        int sampleCount, MultiLabelOptions options)
    {
        _averagePrecision = averagePrecision;
        _positives = positives;
        _trainingPositives = trainingPositives;
        SampleCount = sampleCount;
        Decision = options.Decision;
        Thresholds = options.Thresholds;
        UndefinedAveragePrecision = options.UndefinedAveragePrecision;
        UndefinedF1 = options.UndefinedF1;

        int classes = averagePrecision.Length;
        _f1 = new double?[classes];
        long tp = 0, fp = 0, fn = 0;
        for (int c = 0; c < classes; c++)
        {
            long falseNegatives = positives[c] - truePositives[c];
            long denominator = 2 * truePositives[c] + falsePositives[c] + falseNegatives;
            _f1[c] = denominator == 0 ? null : 2.0 * truePositives[c] / denominator;
            tp += truePositives[c];
            fp += falsePositives[c];
            fn += falseNegatives;
            ClassesWithoutPositives += averagePrecision[c] is null ? 1 : 0;
            ClassesWithUndefinedF1 += _f1[c] is null ? 1 : 0;
        }

        // 2TP + FP + FN ≥ TP + FN, the positive targets, of which MultiLabelMetrics requires at least one.
        MicroF1 = 2.0 * tp / (2 * tp + fp + fn);
        double?[] apInMeans = Counted(averagePrecision, UndefinedAveragePrecision);
        MeanAveragePrecision = Mean(apInMeans);
        MacroF1 = Mean(Counted(_f1, UndefinedF1));
        ManyShotMeanAveragePrecision = Thresholds.GroupMean(apInMeans, trainingPositives, ShotGroup.Many);
        MediumShotMeanAveragePrecision = Thresholds.GroupMean(apInMeans, trainingPositives, ShotGroup.Medium);
        FewShotMeanAveragePrecision = Thresholds.GroupMean(apInMeans, trainingPositives, ShotGroup.Few);
    }

    /// <summary>The number of classes C.</summary>
    public int ClassCount => _averagePrecision.Length;

    /// <summary>The number of evaluated samples N.</summary>
    public int SampleCount { get; }

    /// <summary>The decision threshold F1 was computed at.</summary>
    public DecisionThreshold Decision { get; }

    /// <summary>The shot-group thresholds used.</summary>
    public ShotThresholds Thresholds { get; }

    /// <summary>How the means treated classes with no positive target.</summary>
    public UndefinedMetric UndefinedAveragePrecision { get; }

    /// <summary>How macro-F1 treated classes whose F1 is 0/0.</summary>
    public UndefinedMetric UndefinedF1 { get; }

    /// <summary>Each class's average precision, indexed by class; <c>null</c> for a class with no positive target.</summary>
    public IReadOnlyList<double?> PerClassAveragePrecision => _averagePrecision;

    /// <summary>The mean AP over the classes (mAP); with <see cref="UndefinedMetric.Exclude"/>, over the classes
    /// with a positive target only.</summary>
    public double MeanAveragePrecision { get; }

    /// <summary>mAP of the many-shot (head) classes; <c>null</c> if none enters the mean.</summary>
    public double? ManyShotMeanAveragePrecision { get; }

    /// <summary>mAP of the medium-shot classes; <c>null</c> if none enters the mean.</summary>
    public double? MediumShotMeanAveragePrecision { get; }

    /// <summary>mAP of the few-shot (tail) classes; <c>null</c> if none enters the mean.</summary>
    public double? FewShotMeanAveragePrecision { get; }

    /// <summary>The number of classes with no positive target in the evaluation set (AP undefined): left out of
    /// every mAP under <see cref="UndefinedMetric.Exclude"/>.</summary>
    public int ClassesWithoutPositives { get; }

    /// <summary>Each class's F1 = 2TP / (2TP + FP + FN) at <see cref="Decision"/>; <c>null</c> when the class has
    /// neither a positive target nor a positive prediction.</summary>
    public IReadOnlyList<double?> PerClassF1 => _f1;

    /// <summary>F1 of the TP, FP and FN pooled over all classes: frequent classes weigh more.</summary>
    public double MicroF1 { get; }

    /// <summary>The mean of the per-class F1s: every class weighs the same.</summary>
    public double MacroF1 { get; }

    /// <summary>The number of classes whose F1 is 0/0: left out of <see cref="MacroF1"/> under
    /// <see cref="UndefinedMetric.Exclude"/>.</summary>
    public int ClassesWithUndefinedF1 { get; }

    /// <summary>Each class's positive targets in the evaluation set.</summary>
    public IReadOnlyList<long> PositiveCounts => _positives;

    /// <summary>Each class's training positives, which decided the shot groups.</summary>
    public IReadOnlyList<long> TrainingPositives => _trainingPositives;

    /// <summary>The shot group of class <paramref name="classIndex"/>.</summary>
    public ShotGroup GroupOf(int classIndex)
    {
        if ((uint)classIndex >= (uint)ClassCount)
        {
            throw new ArgumentOutOfRangeException(nameof(classIndex), classIndex, "A class index must be in [0, C).");
        }

        return Thresholds.Classify(_trainingPositives[classIndex]);
    }

    /// <summary>The report in one line, in the invariant culture: "mAP 0.6944 (many-shot 1.0000, medium-shot 0.5833,
    /// few-shot 0.5000); micro-F1 0.600, macro-F1 0.500 at probability &gt; 0.5 (4 samples, 3 classes)", ending
    /// "…, 1 without positives left out)" (or "counted as 0") when a class has no positive target. A shot group
    /// with no class in its mean reads "none".</summary>
    public override string ToString() =>
        "mAP " + Fixed(MeanAveragePrecision, "F4") + " (many-shot " + Fixed(ManyShotMeanAveragePrecision, "F4")
        + ", medium-shot " + Fixed(MediumShotMeanAveragePrecision, "F4") + ", few-shot " + Fixed(FewShotMeanAveragePrecision, "F4")
        + "); micro-F1 " + Fixed(MicroF1, "F3") + ", macro-F1 " + Fixed(MacroF1, "F3") + " at " + Decision + " ("
        + Count(SampleCount, "sample") + ", " + Count(ClassCount, "class")
        + (ClassesWithoutPositives == 0 ? string.Empty
            : ", " + ClassesWithoutPositives.ToString(CultureInfo.InvariantCulture) + " without positives "
              + (UndefinedAveragePrecision == UndefinedMetric.Exclude ? "left out" : "counted as " + (UndefinedAveragePrecision == UndefinedMetric.Zero ? "0" : "1")))
        + ")";

    private static double?[] Counted(double?[] perClass, UndefinedMetric policy)
    {
        var counted = new double?[perClass.Length];
        for (int c = 0; c < perClass.Length; c++)
        {
            counted[c] = perClass[c] ?? policy switch
            {
                UndefinedMetric.Zero => 0.0,
                UndefinedMetric.One => 1.0,
                _ => null,
            };
        }

        return counted;
    }

    private static double Mean(double?[] values)
    {
        double sum = 0;
        int n = 0;
        foreach (double? v in values)
        {
            if (v is double value)
            {
                sum += value;
                n++;
            }
        }

        return sum / n;
    }

    private static string Fixed(double? value, string format) =>
        value is double v ? v.ToString(format, CultureInfo.InvariantCulture) : "none";

    private static string Count(int n, string noun) =>
        n.ToString(CultureInfo.InvariantCulture) + " " + noun + (n == 1 ? string.Empty : noun.EndsWith("s", StringComparison.Ordinal) ? "es" : "s");
}
