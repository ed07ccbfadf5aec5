using System;
using System.Globalization;

namespace CbGen.Evaluation;

/// <summary>
/// The metrics long-tail papers report, from predicted labels, true labels and the training counts: overall
/// accuracy and error, per-class accuracy, balanced accuracy and error, macro-F1, many/medium/few-shot accuracy and
/// the confusion matrix. Plain arrays in, no dependencies: works with any model, TorchSharp or not.
/// </summary>
/// <example>
/// <code>
/// LongTailReport report = LongTailMetrics.Compute(predicted, labels, Cifar10LtWeights.Counts);
/// Console.WriteLine($"{report.Error:P2} error, {report.BalancedError:P2} balanced, few-shot {report.FewShotAccuracy:P1}");
/// </code>
/// </example>
public static class LongTailMetrics
{
    /// <summary>Computes every metric. The class count C is <c>trainingCounts.Length</c>; labels are class
    /// indices in [0, C).</summary>
    /// <param name="predicted">The predicted class of each sample.</param>
    /// <param name="actual">The true class of each sample (same length).</param>
    /// <param name="trainingCounts">Training samples per class: decides each class's shot group (the validation or
    /// test counts would be the wrong ones).</param>
    /// <param name="thresholds">The shot groups; <see cref="ShotThresholds.Literature"/> (&gt; 100, &lt; 20) by default.</param>
    /// <exception cref="ArgumentException">No samples, different lengths, no classes, a negative training count, or
    /// a label outside [0, C).</exception>
    public static LongTailReport Compute(
        ReadOnlySpan<int> predicted, ReadOnlySpan<int> actual, ReadOnlySpan<long> trainingCounts, ShotThresholds? thresholds = null)
    {
        CheckCounts(trainingCounts, nameof(trainingCounts));
        if (actual.IsEmpty && predicted.IsEmpty)
        {
            throw new ArgumentException(
                "There are no samples: accuracy and error of an empty set are undefined. Evaluate on at least one labelled sample.",
                nameof(actual));
        }

        ConfusionMatrix confusion = ConfusionMatrix.From(predicted, actual, trainingCounts.Length);
        return new LongTailReport(confusion, trainingCounts.ToArray(), thresholds ?? ShotThresholds.Literature);
    }

    /// <summary>As <see cref="Compute(ReadOnlySpan{int}, ReadOnlySpan{int}, ReadOnlySpan{long}, ShotThresholds?)"/>
    /// for 64-bit labels (TorchSharp's <c>int64</c> class indices, e.g. <c>argmax(1).data&lt;long&gt;()</c>).</summary>
    public static LongTailReport Compute(
        ReadOnlySpan<long> predicted, ReadOnlySpan<long> actual, ReadOnlySpan<long> trainingCounts, ShotThresholds? thresholds = null) =>
        Compute(Narrow(predicted, nameof(predicted)), Narrow(actual, nameof(actual)), trainingCounts, thresholds);

    /// <summary>As <see cref="Compute(ReadOnlySpan{int}, ReadOnlySpan{int}, ReadOnlySpan{long}, ShotThresholds?)"/>
    /// for labels typed by an annotated enum (a member's value is its class index).</summary>
    public static LongTailReport Compute<TEnum>(
        ReadOnlySpan<TEnum> predicted, ReadOnlySpan<TEnum> actual, ReadOnlySpan<long> trainingCounts, ShotThresholds? thresholds = null)
        where TEnum : struct, Enum =>
        Compute(ToIndices(predicted, nameof(predicted)), ToIndices(actual, nameof(actual)), trainingCounts, thresholds);

    /// <summary>The rule for training counts, here and in <see cref="MultiLabelMetrics"/>: at least one class, none
    /// negative. <paramref name="name"/> is the caller's parameter.</summary>
    internal static void CheckCounts(ReadOnlySpan<long> trainingCounts, string name)
    {
        if (trainingCounts.IsEmpty)
        {
            throw new ArgumentException("The training counts are empty; pass one count per class.", name);
        }

        for (int c = 0; c < trainingCounts.Length; c++)
        {
            if (trainingCounts[c] < 0)
            {
                throw new ArgumentException(
                    "Class " + F(c) + " has a negative training count (" + F(trainingCounts[c]) + "); counts are 0 or more.",
                    name);
            }
        }
    }

    private static int[] Narrow(ReadOnlySpan<long> labels, string name)
    {
        var result = new int[labels.Length];
        for (int i = 0; i < labels.Length; i++)
        {
            long v = labels[i];
            if (v < int.MinValue || v > int.MaxValue)
            {
                throw new ArgumentException("Sample " + F(i) + " has label " + F(v) + ", which is no class index.", name);
            }

            result[i] = (int)v;
        }

        return result;
    }

    private static int[] ToIndices<TEnum>(ReadOnlySpan<TEnum> labels, string name)
        where TEnum : struct, Enum
    {
        var result = new long[labels.Length];
        for (int i = 0; i < labels.Length; i++)
        {
            result[i] = Convert.ToInt64(labels[i], CultureInfo.InvariantCulture);
        }

        return Narrow(result, name);
    }

    private static string F(long value) => EffectiveNumber.Format(value);
}
