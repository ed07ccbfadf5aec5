using System;
using System.Linq;
using CbGen.TorchSharp;
using TorchSharp;
using static TorchSharp.torch;

namespace CbGen.IntegrationTests;

/// <summary>A multi-label grid with a weight-decay axis: the sigmoid, distribution-balanced and asymmetric points.</summary>
[ClassBalancedSweep(Betas = new[] { 0.999 }, Losses = new[] { CbLoss.Sigmoid, CbLoss.DistributionBalanced, CbLoss.Asymmetric },
    Samples = 600, WeightDecays = new[] { 0.0, 5e-4 }, Device = CbDevice.Cpu)]
public enum Badge
{
    /// <summary>The head label.</summary>
    [Samples(500)] Common,

    /// <summary>A middle label.</summary>
    [Samples(50)] Uncommon,

    /// <summary>The tail label.</summary>
    [Samples(5)] Rare,
}

/// <summary>A generated multi-label sweep point builds the loss <c>CbLosses.FromCounts</c> builds for the same knobs,
/// from the compile-time counts and N or from a split's, and exposes its weight decay.</summary>
public sealed class MultiLabelSweepPointTests
{
    private static readonly long[] SplitCounts = { 400, 40, 4 };

    private const long SplitSamples = 480;

    [Fact]
    public void Each_point_s_loss_equals_CbLosses_FromCounts_for_its_knobs()
    {
        using var scope = NewDisposeScope();
        (Tensor logits, Tensor targets) = Batch();
        Assert.Equal(6, BadgeSweep.PointCount);
        foreach (BadgeSweepPoint point in BadgeSweep.Points)
        {
            using var generated = point.CreateLoss();
            using var reference = CbLosses.FromCounts(point.Loss, BadgeSweep.Counts.ToArray(), point.Beta, Options(point, BadgeSweep.SampleCount));
            Assert.Equal(reference.GetType(), generated.GetType());
            Assert.Equal(reference.call(logits, targets).item<double>(), generated.call(logits, targets).item<double>());

            using var split = point.CreateLoss(SplitCounts, SplitSamples);
            using var splitReference = CbLosses.FromCounts(point.Loss, SplitCounts, point.Beta, Options(point, SplitSamples));
            Assert.Equal(splitReference.call(logits, targets).item<double>(), split.call(logits, targets).item<double>());
        }
    }

    [Fact]
    public void The_distribution_balanced_point_uses_N_and_asks_for_a_split_s()
    {
        using var scope = NewDisposeScope();
        (Tensor logits, Tensor targets) = Batch();
        BadgeSweepPoint db = BadgeSweep.DistributionBalanced_WD0;
        using var compiled = db.CreateLoss();
        using var otherN = db.CreateLoss(BadgeSweep.Counts, 10_000);
        Assert.NotEqual(compiled.call(logits, targets).item<double>(), otherN.call(logits, targets).item<double>());

        InvalidOperationException e = Assert.Throws<InvalidOperationException>(() => db.CreateLoss(SplitCounts));
        Assert.Contains("CreateLoss(counts, samples)", e.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => db.CreateLoss(SplitCounts, 3));   // N below a count: the runtime's rule
        using var asl = BadgeSweep.Asymmetric_WD0.CreateLoss(SplitCounts);   // the other points need no N
    }

    [Fact]
    public void Every_point_is_repeated_per_weight_decay_and_exposes_it()
    {
        Assert.Equal(
            new[] { "BadgeSigmoid_B0_999_WD0", "BadgeSigmoid_B0_999_WD0_0005", "BadgeDistributionBalanced_WD0",
                "BadgeDistributionBalanced_WD0_0005", "BadgeAsymmetric_WD0", "BadgeAsymmetric_WD0_0005" },
            BadgeSweep.Points.Select(p => p.Name).ToArray());
        Assert.Equal(new[] { 0.0, 5e-4, 0.0, 5e-4, 0.0, 5e-4 }, BadgeSweep.Points.Select(p => p.WeightDecay).ToArray());
        Assert.Equal(new[] { 0.0, 5e-4 }, BadgeSweep.WeightDecays.ToArray());
    }

    private static CbLossOptions Options(BadgeSweepPoint point, long samples) => new()
    {
        Device = CbDevice.Cpu,
        Samples = point.Loss == CbLoss.DistributionBalanced ? samples : null,
    };

    private static (Tensor Logits, Tensor Targets) Batch() =>
        (tensor(new[] { 2.0, -1.0, 0.5, 0.1, 0.3, -2.0, -0.4, 1.2, 0.8, 1.5, -0.7, -3.0 }, new long[] { 4, 3 }),
         tensor(new[] { 1.0, 0.0, 0.0, 1.0, 1.0, 0.0, 0.0, 0.0, 1.0, 1.0, 0.0, 1.0 }, new long[] { 4, 3 }));
}
