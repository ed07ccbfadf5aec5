using System;
using System.Globalization;

namespace CbGen.Evaluation;

/// <summary>How <see cref="MultiLabelMetrics"/> turns scores into predictions, splits the classes into shot groups
/// and averages the metrics a class does not define.</summary>
public sealed class MultiLabelOptions
{
    private DecisionThreshold _decision = DecisionThreshold.Probability();
    private UndefinedMetric _undefinedAveragePrecision = UndefinedMetric.Exclude;
    private UndefinedMetric _undefinedF1 = UndefinedMetric.Exclude;

    /// <summary>What counts as a positive prediction for F1: <see cref="DecisionThreshold.Probability"/>(0.5) by
    /// default, which requires every score to be a probability in [0, 1]; pass
    /// <see cref="DecisionThreshold.Logit"/>(0) for raw logits (the same decision, since σ(0) = 0.5). AP and mAP do
    /// not depend on it: they rank the scores.</summary>
    public DecisionThreshold Decision
    {
        get => _decision;
        set => _decision = value ?? throw new ArgumentNullException(nameof(value),
            "The decision threshold cannot be null; use DecisionThreshold.Probability(0.5) or DecisionThreshold.Logit(0).");
    }

    /// <summary>The shot groups, decided by each class's training positives; <see cref="ShotThresholds.Literature"/>
    /// (many &gt; 100, few &lt; 20: the head/medium/tail split of VOC-MLT and COCO-MLT) by default.</summary>
    public ShotThresholds Thresholds { get; set; } = ShotThresholds.Literature;

    /// <summary>What a class with no positive target in the evaluation set (AP = 0/0) adds to mAP and the group
    /// mAPs. <see cref="UndefinedMetric.Exclude"/> (the default) leaves it out and counts it in
    /// <see cref="MultiLabelReport.ClassesWithoutPositives"/>; <see cref="UndefinedMetric.Zero"/> is
    /// scikit-learn's <c>average_precision_score</c>, which scores such a class 0 (with a warning) and keeps it in
    /// its macro average. The per-class AP stays <c>null</c> either way.</summary>
    public UndefinedMetric UndefinedAveragePrecision
    {
        get => _undefinedAveragePrecision;
        set => _undefinedAveragePrecision = Check(value);
    }

    /// <summary>What a class with neither a positive target nor a positive prediction (F1 = 2TP / (2TP + FP + FN)
    /// = 0/0) adds to macro-F1. <see cref="UndefinedMetric.Exclude"/> (the default, as
    /// <see cref="LongTailReport.MacroF1"/> does) leaves it out; <see cref="UndefinedMetric.Zero"/> and
    /// <see cref="UndefinedMetric.One"/> are scikit-learn's <c>zero_division=0</c> and <c>zero_division=1</c>.
    /// Micro-F1 is never 0/0: the evaluation set must have a positive target.</summary>
    public UndefinedMetric UndefinedF1
    {
        get => _undefinedF1;
        set => _undefinedF1 = Check(value);
    }

    private static UndefinedMetric Check(UndefinedMetric value) =>
        value is UndefinedMetric.Exclude or UndefinedMetric.Zero or UndefinedMetric.One ? value
            : throw new ArgumentOutOfRangeException(nameof(value), value, "Use UndefinedMetric.Exclude, Zero or One.");
}

/// <summary>What a class whose metric is 0/0 adds to a mean over classes.</summary>
public enum UndefinedMetric
{
    /// <summary>Nothing: the class is left out of the mean (and counted, so the report says how many were).</summary>
    Exclude = 0,

    /// <summary>The class counts as 0.</summary>
    Zero = 1,

    /// <summary>The class counts as 1.</summary>
    One = 2,
}

/// <summary>What kind of number a score is, which decides the usual decision threshold.</summary>
public enum ScoreKind
{
    /// <summary>A probability in [0, 1], e.g. <c>sigmoid(logits)</c>.</summary>
    Probability = 0,

    /// <summary>A raw logit, any real number (±∞ included).</summary>
    Logit = 1,
}

/// <summary>
/// A positive prediction is a score strictly above <see cref="Value"/> (as Keras and torchmetrics binarise; a score
/// equal to the threshold is a negative). <see cref="Probability"/>(0.5) and <see cref="Logit"/>(0) make the same
/// decisions, since σ(z) &gt; 0.5 exactly when z &gt; 0. The kind is explicit so that logits passed where
/// probabilities were meant are an error, not a quietly wrong F1.
/// </summary>
public sealed class DecisionThreshold
{
    private DecisionThreshold(ScoreKind kind, double value)
    {
        Kind = kind;
        Value = value;
    }

    /// <summary>Whether the scores are probabilities or logits.</summary>
    public ScoreKind Kind { get; }

    /// <summary>The threshold; a score must be strictly above it to be a positive prediction.</summary>
    public double Value { get; }

    /// <summary>A threshold on probabilities (default 0.5); every score must then lie in [0, 1].</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="threshold"/> is not in [0, 1].</exception>
    public static DecisionThreshold Probability(double threshold = 0.5) =>
        threshold >= 0 && threshold <= 1 ? new DecisionThreshold(ScoreKind.Probability, threshold)
            : throw new ArgumentOutOfRangeException(nameof(threshold), threshold,
                "A probability threshold lies in [0, 1]; for a threshold on logits use DecisionThreshold.Logit.");

    /// <summary>A threshold on logits (default 0, i.e. probability 0.5); the scores may be any real number.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="threshold"/> is NaN or infinite.</exception>
    public static DecisionThreshold Logit(double threshold = 0) =>
        !double.IsNaN(threshold) && !double.IsInfinity(threshold) ? new DecisionThreshold(ScoreKind.Logit, threshold)
            : throw new ArgumentOutOfRangeException(nameof(threshold), threshold,
                "A logit threshold must be a finite number (0 is probability 0.5).");

    /// <summary>"probability &gt; 0.5" or "logit &gt; 0", in the invariant culture.</summary>
    public override string ToString() =>
        (Kind == ScoreKind.Probability ? "probability > " : "logit > ") + Value.ToString("R", CultureInfo.InvariantCulture);
}
