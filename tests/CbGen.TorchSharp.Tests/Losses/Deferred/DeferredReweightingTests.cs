using System;
using System.Linq;
using CbGen.TorchSharp;
using TorchSharp;
using static TorchSharp.torch;
using Reduction = TorchSharp.torch.nn.Reduction;

namespace CbGen.TorchSharp.Tests;

/// <summary>Deferred re-weighting: the switch happens exactly at epoch K (K-1 uses weight 1 for every class, K the
/// class-balanced weights), checked against the float64 loop references of <see cref="Reference"/>.</summary>
public sealed class DeferredReweightingTests
{
    private static readonly long[] Counts = { 5000, 1200, 300, 50 };

    private static readonly double[,] Logits =
    {
        { 2.0, -1.0, 0.5, 0.25 },
        { -0.5, 1.5, -2.0, 0.75 },
        { 0.1, 0.2, 3.0, -1.0 },
        { -1.0, 0.0, 0.5, 2.5 },
        { 1.0, -0.3, -0.7, -2.0 },
    };

    private static readonly long[] Labels = { 0, 1, 2, 3, 3 };

    [Fact]
    public void The_schedule_switches_exactly_at_K()
    {
        var drw = new DeferredReweighting(3);
        Assert.Equal(3, drw.DeferUntilEpoch);
        Assert.Equal(new[] { false, false, false, true, true, true },
            Enumerable.Range(0, 6).Select(drw.IsReweighting).ToArray());

        double[] alpha = ClassBalancedWeights.Compute(Counts, 0.9999);
        Assert.Equal(new[] { 1.0, 1.0, 1.0, 1.0 }, drw.WeightsAt(2, alpha));
        Assert.Equal(alpha, drw.WeightsAt(3, alpha));
        Assert.NotSame(alpha, drw.WeightsAt(3, alpha));
        Assert.True(new DeferredReweighting(0).IsReweighting(0));
    }

    [Fact]
    public void The_LDAM_DRW_recipe_constants()
    {
        Assert.Equal(160, DeferredReweighting.LdamDrwEpoch);
        Assert.Equal(0.9999, DeferredReweighting.LdamDrwBeta);
        var drw = new DeferredReweighting(DeferredReweighting.LdamDrwEpoch);
        Assert.False(drw.IsReweighting(159));
        Assert.True(drw.IsReweighting(160));
    }

    [Fact]
    public void Negative_K_or_epoch_is_rejected_naming_the_parameter()
    {
        var k = Assert.Throws<ArgumentOutOfRangeException>(() => new DeferredReweighting(-1));
        Assert.Equal("deferUntilEpoch", k.ParamName);
        Assert.Contains("; got -1.", k.Message, StringComparison.Ordinal);
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new DeferredReweighting(2).IsReweighting(-3));
        Assert.Equal("epoch", e.ParamName);

        using var loss = DeferredReweightingLoss.FromCounts(CbLoss.Softmax, Counts, 0.999, 2, new CbLossOptions { Device = CbDevice.Cpu });
        Assert.Equal("epoch", Assert.Throws<ArgumentOutOfRangeException>(() => loss.Step(-1)).ParamName);
        Assert.Equal("Epoch", Assert.Throws<ArgumentOutOfRangeException>(() => loss.Epoch = -1).ParamName);
        Assert.Equal("deferUntilEpoch", Assert.Throws<ArgumentOutOfRangeException>(
            () => DeferredReweightingLoss.FromCounts(CbLoss.Focal, Counts, 0.999, -5)).ParamName);
        Assert.Equal("loss", Assert.Throws<ArgumentOutOfRangeException>(
            () => DeferredReweightingLoss.FromCounts((CbLoss)9, Counts, 0.999, 1)).ParamName);
        Assert.Throws<ArgumentNullException>(() => new DeferredReweightingLoss((ClassBalancedSoftmaxLoss)null!, 1));
    }

    [Theory]
    [InlineData(CbLoss.Softmax)]
    [InlineData(CbLoss.Sigmoid)]
    [InlineData(CbLoss.Focal)]
    public void Epoch_K_minus_1_uses_weight_1_and_epoch_K_the_class_balanced_weights(CbLoss variant)
    {
        const int K = 5;
        const double Gamma = 0.5;
        double[] alpha = ClassBalancedWeights.Compute(Counts, 0.9999);
        double[] ones = { 1.0, 1.0, 1.0, 1.0 };
        using var loss = DeferredReweightingLoss.FromCounts(variant, Counts, 0.9999, K, new CbLossOptions { Gamma = variant == CbLoss.Focal ? Gamma : null, Device = CbDevice.Cpu });
        using Tensor z = tensor(Flatten(Logits), new long[] { 5, 4 }, ScalarType.Float64);
        using Tensor y = tensor(Labels, ScalarType.Int64);

        Assert.Equal(0, loss.Epoch);
        Assert.False(loss.IsReweighting);
        Assert.False(loss.Step(K - 1));
        double before = Value(loss, z, y);
        Assert.True(loss.Step(K));
        double at = Value(loss, z, y);
        loss.Epoch = K + 10;
        double after = Value(loss, z, y);

        double unweighted = Expected(variant, ones, Gamma);
        double weighted = Expected(variant, alpha, Gamma);
        Assert.True(Math.Abs(unweighted - weighted) > 1e-3, "the test data must tell the two apart");
        Assert.Equal(unweighted, before, 1e-10);
        Assert.Equal(weighted, at, 1e-10);
        Assert.Equal(weighted, after, 1e-10);
        loss.Epoch = 0;
        Assert.Equal(unweighted, Value(loss, z, y), 1e-10);
    }

    [Fact]
    public void The_twin_keeps_the_options_and_has_all_ones_weights()
    {
        using var inner = new ClassBalancedSoftmaxLoss(new[] { 0.5, 1.5, 2.0 }, Reduction.Sum, MeanNormalizer.WeightSum,
            ignore_index: 2, label_smoothing: 0.1, device: CbDevice.Cpu);
        using var loss = new DeferredReweightingLoss(inner, 4);
        var twin = Assert.IsType<ClassBalancedSoftmaxLoss>(loss.Unweighted);
        Assert.Same(inner, loss.Weighted);
        Assert.Equal(Reduction.Sum, twin.reduction);
        Assert.Equal(Reduction.Sum, loss.reduction);
        Assert.Equal(MeanNormalizer.WeightSum, twin.Normalizer);
        Assert.Equal(2, twin.IgnoreIndex);
        Assert.Equal(0.1, twin.LabelSmoothing);
        Assert.Equal(new[] { 1.0, 1.0, 1.0 }, twin.ClassWeights!.data<double>().ToArray());
        Assert.Equal(CbLoss.Softmax, loss.Variant);
        Assert.Equal(3, loss.NumClasses);
        Assert.Equal(4, loss.DeferUntilEpoch);
        Assert.Same(twin, loss.Active);

        var names = loss.named_buffers().Select(b => b.name).OrderBy(n => n, StringComparer.Ordinal).ToArray();
        Assert.Equal(new[] { "unweighted_loss.class_weights", "weighted_loss.class_weights" }, names);

        using var focal = new DeferredReweightingLoss(new ClassBalancedFocalLoss(new[] { 1.0, 3.0 }, gamma: 1.5, device: CbDevice.Cpu), 1);
        Assert.Equal(1.5, Assert.IsType<ClassBalancedFocalLoss>(focal.Unweighted).Gamma);
    }

    [Fact]
    public void To_dtype_moves_both_weight_buffers()
    {
        using var loss = DeferredReweightingLoss.FromCounts(CbLoss.Sigmoid, Counts, 0.99, 1, new CbLossOptions { Device = CbDevice.Cpu });
        loss.to(ScalarType.Float32);
        Assert.All(loss.buffers(), b => Assert.Equal(ScalarType.Float32, b.dtype));
        using Tensor z = tensor(Flatten(Logits), new long[] { 5, 4 }, ScalarType.Float32);
        using Tensor y = tensor(Labels, ScalarType.Int64);
        loss.Step(1);
        using Tensor value = loss.forward(z, y);
        Assert.Equal(Expected(CbLoss.Sigmoid, ClassBalancedWeights.Compute(Counts, 0.99), 0.0), value.item<float>(), 1e-5);
    }

    private static double Value(DeferredReweightingLoss loss, Tensor z, Tensor y)
    {
        using Tensor value = loss.forward(z, y);
        return value.to_type(ScalarType.Float64).item<double>();
    }

    private static double[] Flatten(double[,] m) => m.Cast<double>().ToArray();

    /// <summary>Mean loss with the PositiveLabels normaliser (B for class indices), from the shared loop references.</summary>
    private static double Expected(CbLoss variant, double[] alpha, double gamma)
    {
        if (variant == CbLoss.Softmax)
        {
            return Reference.SoftmaxMean(Logits, Labels, alpha, -100, 0.0, MeanNormalizer.PositiveLabels);
        }

        var (t, w) = Reference.IndexTargets(Labels, alpha, Logits.GetLength(1));
        double[,] elements = variant == CbLoss.Focal
            ? Reference.FocalElements(Logits, t, w, gamma)
            : Reference.SigmoidElements(Logits, t, w);
        return Reference.Sum(elements) / Labels.Length;
    }
}
