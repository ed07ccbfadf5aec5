using System;
using System.Linq;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace CbGen.TorchSharp.Tests;

/// <summary>
/// A long-tailed toy problem whose answer is known: three classes of 2-D "features", Gaussian clusters of equal
/// spread around the corners of an equilateral triangle, so by symmetry the balanced-optimal boundaries are the
/// three bisectors and a balanced test set has every class predicted a third of the time. The training set holds
/// 2,000 / 200 / 20 rows, so a classifier trained on it as drawn leans toward class 0.
/// </summary>
internal sealed class LongTailToyProblem : IDisposable
{
    internal static readonly int[] TrainCounts = { 2000, 200, 20 };

    internal const int Classes = 3;

    internal LongTailToyProblem(int seed)
    {
        var random = new Random(seed);
        (TrainFeatures, TrainLabels) = Draw(random, TrainCounts);
        (ValidationFeatures, ValidationLabels) = Draw(random, new[] { 300, 300, 300 });
        (TestFeatures, TestLabels) = Draw(random, new[] { 3000, 3000, 3000 });
    }

    internal Tensor TrainFeatures { get; }

    internal Tensor TrainLabels { get; }

    internal Tensor ValidationFeatures { get; }

    internal Tensor ValidationLabels { get; }

    internal Tensor TestFeatures { get; }

    internal Tensor TestLabels { get; }

    /// <summary>The mean over classes of each class's error rate on the balanced test set.</summary>
    internal double BalancedTestError(Tensor logits) => PerClassRecall(logits).Average(r => 1.0 - r);

    internal double[] PerClassRecall(Tensor logits)
    {
        long[] predicted = logits.argmax(1).data<long>().ToArray();
        long[] actual = TestLabels.data<long>().ToArray();
        var recall = new double[Classes];
        for (int c = 0; c < Classes; c++)
        {
            int total = 0, right = 0;
            for (int i = 0; i < actual.Length; i++)
            {
                if (actual[i] == c)
                {
                    total++;
                    right += predicted[i] == c ? 1 : 0;
                }
            }

            recall[c] = right / (double)total;
        }

        return recall;
    }

    /// <summary>The share of the balanced test set predicted as class 0 (a third for the balanced-optimal rule).</summary>
    internal double HeadShare(Tensor logits) => logits.argmax(1).eq(0).to(float64).mean().item<double>();

    internal static double RowNorm(Linear head, int c) => head.weight![c].norm().item<float>();

    private static (Tensor Features, Tensor Labels) Draw(Random random, int[] counts)
    {
        int n = counts.Sum();
        var x = new float[n * 2];
        var y = new long[n];
        int i = 0;
        for (int c = 0; c < counts.Length; c++)
        {
            double angle = 2.0 * Math.PI * c / Classes;
            for (int k = 0; k < counts[c]; k++, i++)
            {
                x[2 * i] = (float)(1.5 * Math.Cos(angle) + Gaussian(random));
                x[2 * i + 1] = (float)(1.5 * Math.Sin(angle) + Gaussian(random));
                y[i] = c;
            }
        }

        return (tensor(x, new long[] { n, 2 }), tensor(y));
    }

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2.0 * Math.Log(1.0 - random.NextDouble())) * Math.Cos(2.0 * Math.PI * random.NextDouble());

    public void Dispose()
    {
        TrainFeatures.Dispose();
        TrainLabels.Dispose();
        ValidationFeatures.Dispose();
        ValidationLabels.Dispose();
        TestFeatures.Dispose();
        TestLabels.Dispose();
    }
}
