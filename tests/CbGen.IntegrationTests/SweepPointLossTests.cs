using System;
using System.Collections.Generic;
using System.Linq;
using CbGen.Evaluation;
using CbGen.TorchSharp;
using TorchSharp;
using static TorchSharp.torch;

namespace CbGen.IntegrationTests;

/// <summary>A grid of every loss kind, deferred: the logit-adjusted points cannot defer.</summary>
[ClassBalancedSweep(Betas = new[] { 0.99, 0.9999 }, Losses = new[] { CbLoss.Softmax, CbLoss.Focal, CbLoss.LogitAdjusted, CbLoss.Ldam },
    Gammas = new[] { 1.0 }, Taus = new[] { 1.0 }, DeferUntilEpoch = 2, Device = CbDevice.Cpu)]
public enum Surf
{
    /// <summary>The head class.</summary>
    [Samples(500)] High,

    /// <summary>A middle class.</summary>
    [Samples(50)] Mid,

    /// <summary>The tail class.</summary>
    [Samples(5)] Low,
}

/// <summary>A generated sweep point builds its loss from the counts it is given (a split's, as docs/search.md
/// requires), and never reports a deferral that its loss would refuse.</summary>
public sealed class SweepPointLossTests
{
    private static readonly long[] SplitCounts = { 400, 40, 4 };

    [Fact]
    public void CreateLoss_of_the_split_counts_uses_their_weights_priors_and_margins()
    {
        foreach (SurfSweepPoint point in SurfSweep.Points)
        {
            using var loss = point.CreateLoss(SplitCounts);
            var inner = loss is DeferredReweightingLoss drw ? drw.Weighted : loss;
            switch (inner)
            {
                case ClassBalancedSoftmaxLoss or ClassBalancedSigmoidLoss or ClassBalancedFocalLoss:
                    Assert.Equal(ClassBalancedWeights.Compute(SplitCounts, point.Beta), Vector(inner.ClassWeights!));
                    Assert.NotEqual(point.Weights.ToArray(), Vector(inner.ClassWeights!));
                    break;
                case LogitAdjustedLoss la:
                    Assert.Equal(ClassPriors.LogPriors(SplitCounts), Vector(la.LogPriors));
                    break;
                case LdamLoss ldam:
                    Assert.Equal(LdamMargins.Compute(SplitCounts), Vector(ldam.Margins));
                    Assert.Equal(ClassBalancedWeights.Compute(SplitCounts, point.Beta), Vector(ldam.ClassWeights!));
                    break;
                default:
                    Assert.Fail(point.Name + ": unexpected " + inner.GetType().Name);
                    break;
            }
        }
    }

    [Fact]
    public void CreateLoss_of_the_compile_time_counts_is_CreateLoss_bit_for_bit()
    {
        using var scope = NewDisposeScope();
        var logits = tensor(new[] { 2.0, -1.0, 0.5, 0.1, 0.3, -2.0, -0.4, 1.2, 0.8 }, new long[] { 3, 3 });
        var labels = tensor(new long[] { 0, 1, 2 });
        foreach (SurfSweepPoint point in SurfSweep.Points)
        {
            using var compiled = point.CreateLoss();
            using var counted = point.CreateLoss(SurfSweep.Counts, nn.Reduction.Mean);
            foreach (int epoch in new[] { 0, 2 })
            {
                (compiled as DeferredReweightingLoss)?.Step(epoch);
                (counted as DeferredReweightingLoss)?.Step(epoch);
                Assert.Equal(compiled.call(logits, labels).item<double>(), counted.call(logits, labels).item<double>());
            }
        }
    }

    [Fact]
    public void A_point_reports_a_deferral_only_when_its_loss_defers()
    {
        foreach (SurfSweepPoint point in SurfSweep.Points)
        {
            using var loss = point.CreateLoss(SplitCounts);
            if (point.Loss == CbLoss.LogitAdjusted)
            {
                Assert.Equal(0, point.DeferUntilEpoch);
                Assert.IsType<LogitAdjustedLoss>(loss);
            }
            else
            {
                Assert.Equal(2, Assert.IsType<DeferredReweightingLoss>(loss).DeferUntilEpoch);
                Assert.Equal(2, point.DeferUntilEpoch);
            }
        }

        // What the training callback did: the factory with the point's deferral, inside the runner.
        var result = SweepRunner.Run<SurfSweepPoint, string>(
            SurfSweep.Points, p => p.Name,
            train: (point, model, budget, ct) =>
            {
                var options = new CbLossOptions
                {
                    Device = CbDevice.Cpu,
                    Gamma = point.Loss == CbLoss.Focal ? point.Gamma : null,
                    Tau = point.Loss == CbLoss.LogitAdjusted ? point.Tau : null,
                    DeferUntilEpoch = point.DeferUntilEpoch > 0 ? point.DeferUntilEpoch : null,
                };
                using var loss = CbLosses.FromCounts(point.Loss, SplitCounts, point.Beta, options);
                return point.Name;
            },
            evaluate: (point, model) => LongTailMetrics.Compute(new[] { 0, 1, 2 }, new[] { 0, 1, 2 }, SplitCounts));
        Assert.Equal(SurfSweep.PointCount, result.Ranking.Count);
    }

    [Fact]
    public void Counts_that_are_not_one_per_class_are_refused_naming_both_numbers()
    {
        var e = Assert.Throws<ArgumentException>(() => SurfSweep.Points[0].CreateLoss(new long[] { 400, 40 }));
        Assert.Equal("counts", e.ParamName);
        Assert.Contains("Expected one count per class (3), got 2.", e.Message, StringComparison.Ordinal);
    }

    private static double[] Vector(Tensor t) => t.to(ScalarType.Float64).data<double>().ToArray();
}
