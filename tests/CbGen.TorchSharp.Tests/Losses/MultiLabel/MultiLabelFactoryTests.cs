using System;
using CbGen.TorchSharp;
using static TorchSharp.torch;
using Reduction = TorchSharp.torch.nn.Reduction;

namespace CbGen.TorchSharp.Tests;

/// <summary><see cref="CbLosses"/> builds the distribution-balanced and asymmetric losses from counts and
/// <see cref="CbLossOptions"/>, and refuses the options they do not use.</summary>
public class MultiLabelFactoryTests
{
    private static readonly long[] Counts = { 80, 20, 4 };

    [Fact]
    public void The_factory_builds_the_distribution_balanced_loss_with_its_options()
    {
        var options = new CbLossOptions
        {
            Device = CbDevice.Cpu,
            Samples = 100,
            SmoothingAlpha = 0.2,
            SmoothingBeta = 5,
            SmoothingMu = 0.1,
            NegativeScale = 2,
            BiasScale = 0.1,
            InstancePrior = DbInstancePrior.Mean,
            Normalizer = MeanNormalizer.AllTerms,
        };
        using var loss = Assert.IsType<DistributionBalancedLoss>(CbLosses.FromCounts(CbLoss.DistributionBalanced, Counts, 0.99, options));
        Assert.Equal((100L, 0.2, 5.0, 0.1, 2.0, 0.1, DbInstancePrior.Mean, MeanNormalizer.AllTerms),
            (loss.Samples, loss.Alpha, loss.Beta, loss.Mu, loss.Lambda, loss.Kappa, loss.InstancePrior, loss.Normalizer));
        Assert.Null(loss.ClassWeights);
    }

    [Fact]
    public void The_distribution_balanced_loss_needs_N()
    {
        var e = Assert.Throws<ArgumentException>(() =>
            CbLosses.FromCounts(CbLoss.DistributionBalanced, Counts, 0.99, new CbLossOptions { Device = CbDevice.Cpu }));
        Assert.Contains("CbLossOptions.Samples", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_factory_builds_the_asymmetric_loss_with_its_options()
    {
        var options = new CbLossOptions { GammaPositive = 1, GammaNegative = 2, Clip = 0.1, LogEpsilon = 1e-8, Reduction = Reduction.Sum };
        using var loss = Assert.IsType<AsymmetricLoss>(CbLosses.FromCounts(CbLoss.Asymmetric, Counts, 0.99, options));
        Assert.Equal((3, 1.0, 2.0, 0.1, 1e-8), (loss.NumClasses, loss.GammaPositive, loss.GammaNegative, loss.Clip, loss.Epsilon));
    }

    [Theory]
    [InlineData(CbLoss.DistributionBalanced)]
    [InlineData(CbLoss.Asymmetric)]
    public void The_weights_overload_points_to_the_counts_one(CbLoss loss)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => CbLosses.Create(loss, new[] { 1.0, 1.0, 1.0 }));
        Assert.Contains("CbLosses.FromCounts(CbLoss." + loss, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_option_of_another_loss_is_refused_both_ways()
    {
        var db = Assert.Throws<ArgumentException>(() =>
            CbLosses.FromCounts(CbLoss.DistributionBalanced, Counts, 0.99, new CbLossOptions { Samples = 100, Clip = 0.1 }));
        Assert.Contains("Clip only applies to CbLoss.Asymmetric", db.Message, StringComparison.Ordinal);
        var focal = Assert.Throws<ArgumentException>(() =>
            CbLosses.FromCounts(CbLoss.Focal, Counts, 0.99, new CbLossOptions { NegativeScale = 2 }));
        Assert.Contains("NegativeScale only applies to CbLoss.DistributionBalanced", focal.Message, StringComparison.Ordinal);
        var drw = Assert.Throws<ArgumentException>(() =>
            CbLosses.FromCounts(CbLoss.Asymmetric, Counts, 0.99, new CbLossOptions { DeferUntilEpoch = 2 }));
        Assert.Contains("DeferUntilEpoch", drw.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_factory_module_computes_what_the_constructor_builds()
    {
        using var scope = NewDisposeScope();
        using var built = CbLosses.FromCounts(CbLoss.DistributionBalanced, Counts, 0.99,
            new CbLossOptions { Device = CbDevice.Cpu, Samples = 100 });
        using var direct = new DistributionBalancedLoss(Counts, 100, device: CbDevice.Cpu);
        var z = TestData.ToTensor(TestData.Logits(1, 4, 3), ScalarType.Float64);
        var t = TestData.ToTensor(TestData.MultiHot(1, 4, 3), ScalarType.Float64);
        Assert.Equal(TestData.Scalar(direct.forward(z, t)), TestData.Scalar(built.forward(z, t)));
    }
}
