using System;
using System.Linq;
using CbGen.Evaluation;
using CbGen.TorchSharp;
using TorchSharp;
using static TorchSharp.torch;

namespace CbGen.IntegrationTests;

/// <summary>A small grid of typed configs for the validated search below.</summary>
[ClassBalancedSweep(Betas = new[] { 0.9, 0.999 }, Losses = new[] { CbLoss.Softmax, CbLoss.Focal }, Gammas = new[] { 1.0 })]
public enum Shape
{
    /// <summary>The head class.</summary>
    [Samples(400)] Circle,

    /// <summary>A middle class.</summary>
    [Samples(100)] Square,

    /// <summary>The tail class.</summary>
    [Samples(20)] Star,
}

/// <summary>The workflow of docs/search.md, compiled against the generated sweep: split, run every point on the
/// validation split, pick by balanced error, retrain once.</summary>
public sealed class ValidatedSearchTests
{
    [Fact]
    public void The_generated_grid_is_searched_on_a_stratified_hold_out()
    {
        var (x, labels) = Blobs(ShapeSweep.Counts.ToArray(), seed: 1);
        StratifiedSplitResult split = StratifiedSplit.Create(labels, ShapeSweep.ClassCount, validationFraction: 0.2, seed: 7);
        long[] trainCounts = split.TrainCounts.ToArray();             // the weights come from these, not from [Samples]
        using Tensor trainX = x.index_select(0, tensor(split.TrainIndices.Select(i => (long)i).ToArray()));
        using Tensor trainY = tensor(split.TrainIndices.Select(i => (long)labels[i]).ToArray());
        using Tensor validX = x.index_select(0, tensor(split.ValidationIndices.Select(i => (long)i).ToArray()));
        int[] validY = split.ValidationIndices.Select(i => labels[i]).ToArray();

        SweepResult<ShapeSweepPoint> result = SweepRunner.Run<ShapeSweepPoint, nn.Module<Tensor, Tensor>>(
            ShapeSweep.Points, p => p.Name,
            train: (point, model, budget, ct) => Train(point, trainCounts, trainX, trainY, budget.ToEpoch),
            evaluate: (point, model) => LongTailMetrics.Compute(Predict(model, validX), validY, trainCounts));

        Assert.Equal(4, result.Ranking.Count);
        Assert.Equal(ShapeSweep.Points.Select(p => p.Name).OrderBy(n => n, StringComparer.Ordinal),
            result.Ranking.Select(e => e.Name).OrderBy(n => n, StringComparer.Ordinal));
        Assert.Equal(result.Ranking.Min(e => e.Report.BalancedError), result.Winner.Report.BalancedError);
        Assert.All(result.Ranking, e => Assert.True(e.Report.BalancedError < 0.5, e.Name + " learned nothing"));
        Assert.Equal(new long[] { 320, 80, 16 }, trainCounts);
    }

    private static nn.Module<Tensor, Tensor> Train(ShapeSweepPoint point, long[] counts, Tensor x, Tensor y, int epochs)
    {
        torch.manual_seed(0);
        var model = nn.Linear(2, 3);
        using var loss = point.CreateLoss(counts);    // the split's counts, not the compile-time ones
        using var sgd = optim.SGD(model.parameters(), 0.5);
        for (int step = 0; step < epochs * 20; step++)
        {
            using var scope = NewDisposeScope();
            sgd.zero_grad();
            loss.call(model.call(x), y).backward();
            sgd.step();
        }

        return model;
    }

    private static int[] Predict(nn.Module<Tensor, Tensor> model, Tensor x)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        return model.call(x).argmax(1).data<long>().Select(v => (int)v).ToArray();
    }

    /// <summary>Three Gaussian blobs, one per class, <paramref name="counts"/> points each.</summary>
    private static (Tensor X, int[] Labels) Blobs(long[] counts, int seed)
    {
        var rng = new Random(seed);
        double[][] centres = { new[] { 0.0, 0.0 }, new[] { 3.0, 0.0 }, new[] { 0.0, 3.0 } };
        var labels = counts.SelectMany((n, c) => Enumerable.Repeat(c, (int)n)).ToArray();
        var xs = new float[labels.Length * 2];
        for (int i = 0; i < labels.Length; i++)
        {
            for (int d = 0; d < 2; d++)
            {
                double g = Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());
                xs[2 * i + d] = (float)(centres[labels[i]][d] + 0.8 * g);
            }
        }

        return (tensor(xs, new long[] { labels.Length, 2 }), labels);
    }
}
