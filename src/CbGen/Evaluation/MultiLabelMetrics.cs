using System;

namespace CbGen.Evaluation;

/// <summary>
/// The metrics multi-label long-tail papers report (VOC-MLT, COCO-MLT): per-class average precision, mAP, mAP of
/// the many/medium/few-shot (head/medium/tail) classes by training positives, and micro- and macro-F1 at a
/// decision threshold. Scores and multi-hot targets are [N, C] in row-major order (sample by sample, as
/// <c>tensor.data&lt;float&gt;().ToArray()</c> lays them out), float or double; no dependencies.
/// </summary>
/// <example>
/// <code>
/// MultiLabelReport report = MultiLabelMetrics.Compute(probabilities, targets, trainingPositives);
/// Console.WriteLine($"mAP {report.MeanAveragePrecision:F4}, tail {report.FewShotMeanAveragePrecision:F4}");
/// </code>
/// </example>
public static class MultiLabelMetrics
{
    /// <summary>Computes every metric. The class count C is <c>trainingPositives.Length</c>; N is
    /// <c>scores.Length / C</c>.</summary>
    /// <param name="scores">[N, C] row-major: probabilities by default, logits with
    /// <see cref="MultiLabelOptions.Decision"/> = <see cref="DecisionThreshold.Logit"/>. Never NaN.</param>
    /// <param name="targets">[N, C] row-major multi-hot targets, each exactly 0 or 1.</param>
    /// <param name="trainingPositives">Each class's positive samples in the training set: decides its shot group.</param>
    /// <param name="options">Decision threshold, shot thresholds and the averaging of undefined metrics.</param>
    /// <exception cref="ArgumentException">No samples; shapes that differ or do not make whole rows of C; a NaN
    /// score; a score outside [0, 1] with a probability threshold; a target other than 0 or 1; no positive target
    /// at all; no classes or a negative training count.</exception>
    public static MultiLabelReport Compute(
        ReadOnlySpan<float> scores, ReadOnlySpan<float> targets, ReadOnlySpan<long> trainingPositives, MultiLabelOptions? options = null)
    {
        var accumulator = new Accumulator(scores.Length, targets.Length, trainingPositives, options, singlePrecision: true);
        for (int c = 0; c < accumulator.ClassCount; c++)
        {
            for (int i = 0, at = c; i < accumulator.SampleCount; i++, at += accumulator.ClassCount)
            {
                accumulator.Add(i, c, scores[at], targets[at]);
            }

            accumulator.EndClass(c);
        }

        return accumulator.ToReport();
    }

    /// <summary>As <see cref="Compute(ReadOnlySpan{float}, ReadOnlySpan{float}, ReadOnlySpan{long}, MultiLabelOptions?)"/>
    /// for double scores and targets.</summary>
    public static MultiLabelReport Compute(
        ReadOnlySpan<double> scores, ReadOnlySpan<double> targets, ReadOnlySpan<long> trainingPositives, MultiLabelOptions? options = null)
    {
        var accumulator = new Accumulator(scores.Length, targets.Length, trainingPositives, options, singlePrecision: false);
        for (int c = 0; c < accumulator.ClassCount; c++)
        {
            for (int i = 0, at = c; i < accumulator.SampleCount; i++, at += accumulator.ClassCount)
            {
                accumulator.Add(i, c, scores[at], targets[at]);
            }

            accumulator.EndClass(c);
        }

        return accumulator.ToReport();
    }

    /// <summary>The average precision of one class: AP = Σ_k (R_k − R_{k−1}) P_k over the distinct scores from
    /// the highest down, equal scores entering together (VOC2010+ and scikit-learn's
    /// <c>average_precision_score</c>; no interpolation). The order of the samples never changes the result.</summary>
    /// <returns>The AP in [0, 1], or <c>null</c> when no target is positive (AP is 0/0).</returns>
    /// <exception cref="ArgumentException">No samples, different lengths, a NaN score, or a target other than 0 or 1.</exception>
    public static double? AveragePrecision(ReadOnlySpan<double> scores, ReadOnlySpan<double> targets)
    {
        CheckLengths(scores.Length, targets.Length);
        var column = new ScoreColumn(scores.Length, singlePrecision: false);
        for (int i = 0; i < scores.Length; i++)
        {
            column.Add(scores[i], targets[i], kind: null, i, classIndex: -1);
        }

        return column.AveragePrecision();
    }

    /// <summary>As <see cref="AveragePrecision(ReadOnlySpan{double}, ReadOnlySpan{double})"/> for float scores and targets.</summary>
    public static double? AveragePrecision(ReadOnlySpan<float> scores, ReadOnlySpan<float> targets)
    {
        CheckLengths(scores.Length, targets.Length);
        var column = new ScoreColumn(scores.Length, singlePrecision: true);
        for (int i = 0; i < scores.Length; i++)
        {
            column.Add(scores[i], targets[i], kind: null, i, classIndex: -1);
        }

        return column.AveragePrecision();
    }

    private static void CheckLengths(int scores, int targets)
    {
        if (scores != targets)
        {
            throw new ArgumentException(
                "There are " + F(scores) + " scores but " + F(targets) + " targets; pass one target per score, both "
                + "[N, C] in row-major order.", nameof(targets));
        }

        if (scores == 0)
        {
            throw new ArgumentException(
                "There are no samples: precision and recall of an empty set are undefined. Evaluate on at least one sample.",
                nameof(scores));
        }
    }

    private static string F(long value) => EffectiveNumber.Format(value);

    /// <summary>Fills one class at a time: its AP and its TP, FP and FN at the decision threshold.</summary>
    private sealed class Accumulator
    {
        private readonly MultiLabelOptions _options;
        private readonly DecisionThreshold _decision;
        private readonly long[] _trainingPositives;
        private readonly ScoreColumn _column;
        private readonly double?[] _averagePrecision;
        private readonly long[] _positives, _truePositives, _falsePositives;

        internal Accumulator(int scores, int targets, ReadOnlySpan<long> trainingPositives, MultiLabelOptions? options, bool singlePrecision)
        {
            LongTailMetrics.CheckCounts(trainingPositives, nameof(trainingPositives));
            CheckLengths(scores, targets);
            ClassCount = trainingPositives.Length;
            if (scores % ClassCount != 0)
            {
                throw new ArgumentException(
                    F(scores) + " scores do not make whole rows of C = " + F(ClassCount) + " classes (one training count "
                    + "per class): pass [N, C] scores and targets in row-major order with one training count per column.",
                    nameof(scores));
            }

            SampleCount = scores / ClassCount;
            _options = options ?? new MultiLabelOptions();
            _decision = _options.Decision;
            _trainingPositives = trainingPositives.ToArray();
            _column = new ScoreColumn(SampleCount, singlePrecision);
            _averagePrecision = new double?[ClassCount];
            _positives = new long[ClassCount];
            _truePositives = new long[ClassCount];
            _falsePositives = new long[ClassCount];
        }

        internal int ClassCount { get; }

        internal int SampleCount { get; }

        internal void Add(int sample, int classIndex, double score, double target)
        {
            bool positive = _column.Add(score, target, _decision.Kind, sample, classIndex);
            if (score > _decision.Value)
            {
                if (positive)
                {
                    _truePositives[classIndex]++;
                }
                else
                {
                    _falsePositives[classIndex]++;
                }
            }
        }

        internal void EndClass(int classIndex)
        {
            _positives[classIndex] = _column.Positives;
            _averagePrecision[classIndex] = _column.AveragePrecision();
            _column.Clear();
        }

        internal MultiLabelReport ToReport()
        {
            long positives = 0;
            foreach (long p in _positives)
            {
                positives += p;
            }

            if (positives == 0)
            {
                throw new ArgumentException(
                    "No target is positive in any of the " + F(SampleCount) + " samples: every class's AP is 0/0 and "
                    + "there is no mAP or micro-F1. Check that the targets are the multi-hot labels of these samples.",
                    "targets");
            }

            return new MultiLabelReport(
                _averagePrecision, _positives, _truePositives, _falsePositives, _trainingPositives, SampleCount, _options);
        }
    }
}
