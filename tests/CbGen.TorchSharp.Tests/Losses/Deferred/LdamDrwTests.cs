using System;
using System.Linq;
using CbGen.TorchSharp;
using TorchSharp;
using static TorchSharp.torch;
using Reduction = TorchSharp.torch.nn.Reduction;

namespace CbGen.TorchSharp.Tests;

/// <summary>LDAM-DRW: unweighted LDAM before epoch K, LDAM with the class-balanced weights (β = 0.9999) and the
/// official code's weighted mean from K, checked against the float64 loops.</summary>
public sealed class LdamDrwTests
{
    private static readonly long[] Counts = { 5000, 1200, 300, 50 };
    private static readonly long[] Labels = { 0, 1, 2, 3, 3, -100 };

    private static double[,] Logits() => TestData.Logits(31, 6, 4, scale: 0.5);

    private static double Expected(double[]? alpha, MeanNormalizer normalizer)
    {
        var shifted = LongTailLoops.Ldam(Logits(), Labels, LongTailLoops.Margins(Counts, 0.5), 30.0);
        return LongTailLoops.Reduced(shifted, Labels, alpha, -100, normalizer, mean: true);
    }

    [Fact]
    public void Switches_from_unweighted_LDAM_to_the_weighted_mean_exactly_at_K()
    {
        using var scope = NewDisposeScope();
        using var loss = DeferredReweightingLoss.LdamDrw(Counts, deferUntilEpoch: 3, device: CbDevice.Cpu);
        var input = TestData.ToTensor(Logits(), ScalarType.Float64);
        var target = TestData.ToTensor(Labels);
        double[] alpha = ClassBalancedWeights.Compute(Counts, 0.9999);

        loss.Step(2);
        TestData.Close(Expected(null, MeanNormalizer.WeightSum), TestData.Scalar(loss.forward(input, target)), 1e-10, "epoch 2");
        loss.Step(3);
        double weighted = TestData.Scalar(loss.forward(input, target));
        TestData.Close(Expected(alpha, MeanNormalizer.WeightSum), weighted, 1e-10, "epoch 3");

        // The weighted mean divides by Σ α_{y_i} over kept samples, not by their number: the two differ here.
        double perSample = Expected(alpha, MeanNormalizer.PositiveLabels);
        Assert.True(Math.Abs(perSample - weighted) > 1e-3);
        Assert.IsType<LdamLoss>(loss.Weighted);
        Assert.Equal(alpha, TestData.Vector(((LdamLoss)loss.Weighted).ClassWeights!));
        Assert.Null(((LdamLoss)loss.Unweighted).ClassWeights);
    }

    [Fact]
    public void The_class_balanced_normalisers_are_available()
    {
        using var scope = NewDisposeScope();
        using var loss = DeferredReweightingLoss.LdamDrw(Counts, 0, normalizer: MeanNormalizer.PositiveLabels,
            device: CbDevice.Cpu);
        double actual = TestData.Scalar(loss.forward(TestData.ToTensor(Logits(), ScalarType.Float64), TestData.ToTensor(Labels)));
        TestData.Close(Expected(ClassBalancedWeights.Compute(Counts, 0.9999), MeanNormalizer.PositiveLabels), actual, 1e-10, "÷ kept");
    }

    [Fact]
    public void Wrapping_an_LDAM_loss_keeps_its_margins_scale_and_options_in_the_twin()
    {
        double[] alpha = { 0.5, 1, 1.5, 2 };
        using var weighted = new LdamLoss(Counts, Reduction.Sum, ignore_index: 7, maxMargin: 0.3, scale: 10.0, weight: alpha,
            device: CbDevice.Cpu);
        using var loss = new DeferredReweightingLoss(weighted, 5);
        var twin = Assert.IsType<LdamLoss>(loss.Unweighted);
        Assert.Equal(TestData.Vector(weighted.Margins), TestData.Vector(twin.Margins));
        Assert.Equal(10.0, twin.Scale);
        Assert.Equal(0.3, twin.MaxMargin);
        Assert.Equal(Reduction.Sum, twin.reduction);
        Assert.Equal(7, twin.IgnoreIndex);
        Assert.Equal(CbLoss.Softmax, loss.Variant);
        Assert.Contains("unweighted_loss.margins", loss.state_dict().Keys);
        Assert.Contains("weighted_loss.class_weights", loss.state_dict().Keys);
    }

    [Fact]
    public void An_LDAM_loss_without_class_weights_is_rejected_with_the_fix()
    {
        using var unweighted = new LdamLoss(Counts, device: CbDevice.Cpu);
        var ex = Assert.Throws<ArgumentException>(() => new DeferredReweightingLoss(unweighted, 2));
        Assert.Equal("weighted", ex.ParamName);
        Assert.Contains("no class weights", ex.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => DeferredReweightingLoss.LdamDrw(Counts, -1));
        Assert.Throws<ArgumentNullException>(() => new DeferredReweightingLoss((LdamLoss)null!, 2));
    }
}
