using System;
using CbGen.Evaluation;
using static TorchSharp.torch;

namespace CbGen.TorchSharp;

/// <summary>
/// <see cref="LongTailMetrics"/> for TorchSharp tensors: pass the logits [B, C] (the prediction is their argmax) or
/// the predicted class indices [B], and the int64 labels [B], on any device.
/// </summary>
/// <example>
/// <code>
/// LongTailReport report = TensorMetrics.Compute(model.call(images), labels, Cifar10LtWeights.Counts);
/// </code>
/// </example>
public static class TensorMetrics
{
    /// <summary>Computes the long-tail metrics of <paramref name="predictions"/> against <paramref name="labels"/>.</summary>
    /// <param name="predictions">Logits or scores [B, C] (floating point), or class indices [B] (integer).</param>
    /// <param name="labels">The true class indices [B] (integer).</param>
    /// <param name="trainingCounts">Training samples per class (decides the shot groups); its length is C.</param>
    /// <param name="thresholds">The shot groups; <see cref="ShotThresholds.Literature"/> by default.</param>
    /// <exception cref="ArgumentException">The shapes or dtypes do not fit, or any condition of <see cref="LongTailMetrics"/>.</exception>
    public static LongTailReport Compute(Tensor predictions, Tensor labels, ReadOnlySpan<long> trainingCounts, ShotThresholds? thresholds = null)
    {
        if (predictions is null) throw new ArgumentNullException(nameof(predictions));
        if (labels is null) throw new ArgumentNullException(nameof(labels));
        if (labels.dim() != 1 || labels.is_floating_point() || labels.is_complex())
        {
            throw new ArgumentException("The labels must be a 1-D integer tensor [B] of class indices; got " + Describe(labels) + ".", nameof(labels));
        }

        using var scope = NewDisposeScope();
        Tensor predicted;
        if (predictions.is_floating_point() && predictions.dim() == 2)
        {
            if (predictions.shape[1] != trainingCounts.Length)
            {
                throw new ArgumentException("The logits have " + predictions.shape[1] + " columns but there are " + trainingCounts.Length
                    + " training counts; pass one count per class (logits column).", nameof(predictions));
            }

            predicted = predictions.detach().argmax(1);
        }
        else if (!predictions.is_floating_point() && !predictions.is_complex() && predictions.dim() == 1)
        {
            predicted = predictions;
        }
        else
        {
            throw new ArgumentException("Pass floating-point logits [B, C] or integer class indices [B]; got " + Describe(predictions) + ".", nameof(predictions));
        }

        long[] p = predicted.to(CPU).to(int64).data<long>().ToArray();
        long[] y = labels.to(CPU).to(int64).data<long>().ToArray();
        return LongTailMetrics.Compute(p, y, trainingCounts, thresholds);
    }

    private static string Describe(Tensor t) => t.dtype + " [" + string.Join(", ", t.shape) + "]";
}
