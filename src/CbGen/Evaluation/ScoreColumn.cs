using System;
using System.Globalization;

namespace CbGen.Evaluation;

/// <summary>
/// One class's scores and 0/1 targets over the evaluation samples: checks each pair as it is added and computes the
/// class's average precision. The one home of the AP definition and of the score and target rules.
/// </summary>
internal sealed class ScoreColumn
{
    private readonly double[] _negatedScores;
    private readonly byte[] _labels;
    private readonly bool _singlePrecision;
    private int _count;

    internal ScoreColumn(int capacity, bool singlePrecision)
    {
        _negatedScores = new double[capacity];
        _labels = new byte[capacity];
        _singlePrecision = singlePrecision;
    }

    /// <summary>The number of positive targets added since the last <see cref="Clear"/>.</summary>
    internal long Positives { get; private set; }

    internal void Clear()
    {
        _count = 0;
        Positives = 0;
    }

    /// <summary>Adds one sample's score and target; errors name the sample and, unless it is −1, the class.</summary>
    /// <returns>Whether the target is positive.</returns>
    internal bool Add(double score, double target, ScoreKind? kind, int sample, int classIndex)
    {
        if (double.IsNaN(score))
        {
            throw new ArgumentException(
                "The score of " + Where(sample, classIndex) + " is NaN. Scores must be numbers: look for a model that diverged (a NaN loss) "
                + "or an output that was never written.", "scores");
        }

        if (kind == ScoreKind.Probability && !(score >= 0 && score <= 1))
        {
            throw new ArgumentException(
                "The score of " + Where(sample, classIndex) + " is " + Format(score) + ", outside [0, 1], but the decision threshold is on "
                + "probabilities. Pass sigmoid(logits), or set MultiLabelOptions.Decision = DecisionThreshold.Logit(0) "
                + "for raw logits.", "scores");
        }

        bool positive = target == 1;
        if (!positive && target != 0)
        {
            throw new ArgumentException(
                "The target of " + Where(sample, classIndex) + " is " + Format(target) + "; multi-hot targets are 0 or 1. Pass the hard "
                + "labels, not smoothed or soft ones.", "targets");
        }

        // Negated, so that an ascending sort puts the highest score first (−0 and +0 stay one tie group).
        _negatedScores[_count] = -score;
        _labels[_count] = positive ? (byte)1 : (byte)0;
        _count++;
        if (positive)
        {
            Positives++;
        }

        return positive;
    }

    /// <summary>
    /// The non-interpolated average precision of VOC2010+ and scikit-learn's <c>average_precision_score</c>:
    /// AP = Σ_k (R_k − R_{k−1}) P_k over the distinct scores t_1 &gt; t_2 &gt; …, where P_k and R_k are the
    /// precision and recall of predicting "score ≥ t_k" and R_0 = 0. Equal scores form one tie group, entering
    /// together, so the result depends only on the multiset of (score, target) pairs, never on their order.
    /// <c>null</c> when there is no positive target (R is 0/0).
    /// </summary>
    internal double? AveragePrecision()
    {
        if (Positives == 0)
        {
            return null;
        }

        Array.Sort(_negatedScores, _labels, 0, _count);
        long truePositives = 0, falsePositives = 0;
        double sum = 0;
        for (int i = 0; i < _count;)
        {
            double key = _negatedScores[i];
            long groupPositives = 0;
            for (; i < _count && _negatedScores[i] == key; i++)
            {
                if (_labels[i] != 0)
                {
                    groupPositives++;
                }
                else
                {
                    falsePositives++;
                }
            }

            // (R_k − R_{k−1}) P_k, with the division by the positives done once at the end.
            truePositives += groupPositives;
            sum += groupPositives * ((double)truePositives / (truePositives + falsePositives));
        }

        return sum / Positives;
    }

    private static string Where(int sample, int classIndex) =>
        "sample " + EffectiveNumber.Format(sample)
        + (classIndex < 0 ? string.Empty : ", class " + EffectiveNumber.Format(classIndex));

    private string Format(double value) => _singlePrecision
        ? ((float)value).ToString("R", CultureInfo.InvariantCulture)
        : value.ToString("R", CultureInfo.InvariantCulture);
}
