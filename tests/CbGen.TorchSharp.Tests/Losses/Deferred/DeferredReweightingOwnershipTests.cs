using System;
using System.Linq;
using CbGen.TorchSharp;
using TorchSharp;
using static TorchSharp.torch;
using R = CbGen.TorchSharp.Tests.RuntimeReference;

namespace CbGen.TorchSharp.Tests;

/// <summary>
/// The DRW wrapper owns both of its modules for every variant (issue 16, gap 7): both are registered (so
/// <c>.to()</c> and <c>state_dict</c> reach the unweighted twin too), and disposing the wrapper disposes both.
/// </summary>
public class DeferredReweightingOwnershipTests
{
    private static readonly long[] Counts = { 400, 60, 9 };

    public static TheoryData<CbLoss> Variants => new() { CbLoss.Softmax, CbLoss.Sigmoid, CbLoss.Focal };

    private static DeferredReweightingLoss Wrap(CbLoss variant, int k) =>
        DeferredReweightingLoss.FromCounts(variant, Counts, 0.99, k, new CbLossOptions { Device = CbDevice.Cpu });

    [Theory]
    [MemberData(nameof(Variants))]
    public void Both_modules_are_registered_sub_modules(CbLoss variant)
    {
        using var loss = Wrap(variant, 2);
        var modules = loss.named_children().Select(m => m.name).OrderBy(n => n, StringComparer.Ordinal).ToArray();
        Assert.Equal(new[] { "unweighted_loss", "weighted_loss" }, modules);
        var state = loss.state_dict();
        Assert.Equal(new[] { "unweighted_loss.class_weights", "weighted_loss.class_weights" },
            state.Keys.OrderBy(n => n, StringComparer.Ordinal).ToArray());
        Assert.Equal(new[] { 1.0, 1.0, 1.0 }, TestData.Vector(state["unweighted_loss.class_weights"]));
        Assert.Equal(ClassBalancedWeights.Compute(Counts, 0.99), TestData.Vector(state["weighted_loss.class_weights"]));
    }

    [Theory]
    [MemberData(nameof(Variants))]
    public void To_dtype_reaches_the_twin_and_it_still_computes_the_unweighted_loss(CbLoss variant)
    {
        using var scope = NewDisposeScope();
        using var loss = Wrap(variant, 1);
        loss.to(ScalarType.Float32);
        var twin = Assert.IsAssignableFrom<PerClassLoss>(loss.Unweighted);
        var weighted = Assert.IsAssignableFrom<PerClassLoss>(loss.Weighted);
        Assert.Equal(ScalarType.Float32, twin.ClassWeights!.dtype);
        Assert.Equal(ScalarType.Float32, weighted.ClassWeights!.dtype);

        var z = TestData.Logits(2, 5, 3);
        var y = TestData.Labels(2, 5, 3);
        var before = loss.forward(TestData.ToTensor(z, ScalarType.Float32), TestData.ToTensor(y));
        R.Close(R.Mean(variant, R.RoundedTo(z, ScalarType.Float32), y, new[] { 1.0, 1.0, 1.0 }, MeanNormalizer.PositiveLabels),
            before, ScalarType.Float32, "epoch 0");
    }

    [Theory]
    [MemberData(nameof(Variants))]
    public void Disposing_the_wrapper_disposes_both_modules(CbLoss variant)
    {
        var loss = Wrap(variant, 1);
        var twin = Assert.IsAssignableFrom<PerClassLoss>(loss.Unweighted);
        var weighted = Assert.IsAssignableFrom<PerClassLoss>(loss.Weighted);
        Assert.NotSame(twin, weighted);
        loss.Dispose();
        Assert.True(twin.ClassWeights!.IsInvalid, "the unweighted twin's buffer is still alive");
        Assert.True(weighted.ClassWeights!.IsInvalid, "the weighted module's buffer is still alive");
    }

    [Fact]
    public void The_schedule_accepts_K_and_epoch_zero_and_switches_at_K()
    {
        var now = new DeferredReweighting(0);
        Assert.True(now.IsReweighting(0));
        Assert.Equal("DeferredReweighting(K = 0)", now.ToString());

        var later = new DeferredReweighting(3);
        Assert.Equal("DeferredReweighting(K = 3)", later.ToString());
        Assert.Equal(new[] { 1.0, 1.0 }, later.WeightsAt(0, new[] { 0.5, 2.0 }));
        Assert.Equal(new[] { 1.0, 1.0 }, later.WeightsAt(2, new[] { 0.5, 2.0 }));
        Assert.Equal(new[] { 0.5, 2.0 }, later.WeightsAt(3, new[] { 0.5, 2.0 }));
        Assert.Equal("epoch", Assert.Throws<ArgumentOutOfRangeException>(() => later.WeightsAt(-1, new[] { 1.0 })).ParamName);

        using var loss = Wrap(CbLoss.Softmax, 0);
        Assert.True(loss.IsReweighting);
        Assert.Same(loss.Weighted, loss.Active);
        loss.Epoch = 0;
        Assert.True(loss.Step(0));
        Assert.Equal("Epoch", Assert.Throws<ArgumentOutOfRangeException>(() => loss.Epoch = -1).ParamName);
        Assert.Equal(0, loss.Epoch);
    }

    [Fact]
    public void From_counts_rejects_an_undefined_variant_and_a_negative_K()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() =>
            DeferredReweightingLoss.FromCounts((CbLoss)99, Counts, 0.99, 1, new CbLossOptions { Device = CbDevice.Cpu }));
        Assert.Equal("loss", e.ParamName);
        Assert.Equal("deferUntilEpoch", Assert.Throws<ArgumentOutOfRangeException>(() =>
            DeferredReweightingLoss.FromCounts(CbLoss.Focal, Counts, 0.99, -1, new CbLossOptions { Device = CbDevice.Cpu })).ParamName);
    }

    [Theory]
    [InlineData(CbLoss.DistributionBalanced)]
    [InlineData(CbLoss.Asymmetric)]
    public void A_loss_without_class_weights_has_nothing_to_defer(CbLoss loss)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() =>
            DeferredReweightingLoss.FromCounts(loss, Counts, 0.99, 1, new CbLossOptions { Device = CbDevice.Cpu, Samples = 5000 }));
        Assert.Equal("loss", e.ParamName);
        Assert.Contains("nothing to defer", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_negative_K_is_rejected_before_any_module_is_built()
    {
        var statistics = DisposeScopeManager.Statistics.TensorStatistics;
        long live = statistics.ThreadTotalLiveCount;
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            DeferredReweightingLoss.FromCounts(CbLoss.Sigmoid, Counts, 0.99, -2, new CbLossOptions { Device = CbDevice.Cpu }));
        Assert.Equal(live, statistics.ThreadTotalLiveCount);
    }
}
