using System;
using System.Linq;
using TorchSharp;
using static TorchSharp.torch;

namespace CbGen.Benchmarks;

/// <summary>
/// The per-call algorithm of the most used PyTorch class-balanced loss implementation, expressed in TorchSharp for a
/// like-for-like baseline: every call recomputes the weights on the CPU from the counts, builds a one-hot target,
/// repeats the weight row over the batch, and (for focal) evaluates the modulator with exp/log.
/// Written for this benchmark from the algorithm's description; it is not part of CbGen.
/// </summary>
internal static class PeerPort
{
    public static Tensor Loss(Tensor logits, Tensor labels, long[] samplesPerClass, string lossType, double beta, double gamma)
    {
        int classes = samplesPerClass.Length;
        double[] effective = samplesPerClass.Select(n => 1.0 - Math.Pow(beta, n)).ToArray();
        double[] w = effective.Select(e => (1.0 - beta) / e).ToArray();
        double sum = w.Sum();
        float[] weightsArray = w.Select(x => (float)(x / sum * classes)).ToArray();

        Tensor oneHot = nn.functional.one_hot(labels, classes).to_type(ScalarType.Float32);
        Tensor weights = tensor(weightsArray).unsqueeze(0);
        weights = weights.repeat(oneHot.shape[0], 1) * oneHot;
        weights = weights.sum(1).unsqueeze(1);
        weights = weights.repeat(1, classes);

        switch (lossType)
        {
            case "focal":
                {
                    Tensor bce = nn.functional.binary_cross_entropy_with_logits(logits, oneHot, reduction: nn.Reduction.None);
                    Tensor modulator = gamma == 0.0
                        ? ones_like(bce)
                        : exp(-gamma * oneHot * logits - gamma * log(1 + exp(-1.0 * logits)));
                    Tensor focal = (weights * (modulator * bce)).sum();
                    return focal / oneHot.sum();
                }
            case "sigmoid":
                return nn.functional.binary_cross_entropy_with_logits(logits, oneHot, weights);
            default:
                throw new ArgumentException($"Unknown loss type '{lossType}'; use focal or sigmoid.", nameof(lossType));
        }
    }
}
