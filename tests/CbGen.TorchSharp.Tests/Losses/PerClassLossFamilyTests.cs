using System;
using System.Linq;
using CbGen.TorchSharp;
using TorchSharp;
using static TorchSharp.torch;

namespace CbGen.TorchSharp.Tests;

/// <summary>
/// Every loss module is a <see cref="PerClassLoss"/>: the factory returns the base (no cast for the per-class
/// members), a <see cref="DeferredReweightingLoss"/> reports its weighted module's data, and the one base's
/// disposal check and message hold for every family.
/// </summary>
public class PerClassLossFamilyTests
{
    private static readonly long[] Counts = { 900, 90, 9 };

    private static readonly CbLossOptions Cpu = new() { Device = CbDevice.Cpu };

    public static TheoryData<CbLoss> Variants() =>
        new() { CbLoss.Softmax, CbLoss.Sigmoid, CbLoss.Focal, CbLoss.LogitAdjusted, CbLoss.Ldam };

    [Theory]
    [MemberData(nameof(Variants))]
    public void The_factory_returns_the_base_with_the_class_count_and_the_weights(CbLoss variant)
    {
        using PerClassLoss loss = CbLosses.FromCounts(variant, Counts, 0.99, Cpu);
        Assert.Equal(3, loss.NumClasses);
        Assert.Equal(Cpu.NormalizerFor(variant), loss.Normalizer);
        bool weighted = variant is CbLoss.Softmax or CbLoss.Sigmoid or CbLoss.Focal;
        Assert.Equal(weighted, loss.ClassWeights is not null);
    }

    [Theory]
    [InlineData(CbLoss.Softmax)]
    [InlineData(CbLoss.Ldam)]
    public void A_deferred_loss_reports_its_weighted_modules_classes_normalizer_and_weights(CbLoss variant)
    {
        using var drw = DeferredReweightingLoss.FromCounts(variant, Counts, 0.99, 2, Cpu);
        Assert.Equal(3, drw.NumClasses);
        Assert.Equal(drw.Weighted.Normalizer, drw.Normalizer);
        Assert.Same(drw.Weighted.ClassWeights, drw.ClassWeights);
        Assert.NotNull(drw.ClassWeights);
    }

    [Fact]
    public void The_unweighted_LDAM_twin_takes_the_finite_check_of_the_weighted_module()
    {
        var weighted = new LdamLoss(Counts, weight: ClassBalancedWeights.Compute(Counts, 0.99),
            device: CbDevice.Cpu)
        { CheckFiniteLogits = true };
        using var drw = new DeferredReweightingLoss(weighted, 2);
        Assert.True(drw.CheckFiniteLogits);
        Assert.True(drw.Unweighted.CheckFiniteLogits);
        using var logits = tensor(new[] { double.NaN, 0.0, 0.0 }).reshape(1, 3);
        using var labels = tensor(new long[] { 0 });
        var e = Assert.Throws<ArgumentException>(() => drw.forward(logits, labels));   // epoch 0: the twin
        Assert.Equal("logits", e.ParamName);
    }

    [Fact]
    public void A_loss_without_class_weights_to_defer_is_refused_naming_the_argument()
    {
        using var la = new LogitAdjustedLoss(Counts, device: CbDevice.Cpu);
        var e = Assert.Throws<ArgumentException>(() => new DeferredReweightingLoss(la, 2));
        Assert.Equal("weighted", e.ParamName);
        Assert.Contains("LogitAdjustedLoss has no class weights to defer", e.Message, StringComparison.Ordinal);

        using var drw = DeferredReweightingLoss.FromCounts(CbLoss.Softmax, Counts, 0.99, 2, Cpu);
        e = Assert.Throws<ArgumentException>(() => new DeferredReweightingLoss(drw, 3));
        Assert.Equal("weighted", e.ParamName);
        Assert.Equal("weighted", Assert.Throws<ArgumentNullException>(
            () => new DeferredReweightingLoss(null!, 2)).ParamName);
    }

    [Theory]
    [MemberData(nameof(Variants))]
    public void Every_family_names_itself_once_disposed(CbLoss variant)
    {
        var loss = CbLosses.FromCounts(variant, Counts, 0.99, Cpu);
        loss.Dispose();
        using var logits = zeros(2, 3);
        using var labels = tensor(new long[] { 0, 1 });
        var e = Assert.Throws<ObjectDisposedException>(() => loss.forward(logits, labels));
        Assert.Equal(loss.GetType().Name, e.ObjectName);
        Assert.Contains("has been disposed, and its buffers with it", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_public_loss_module_derives_from_the_one_base()
    {
        var modules = typeof(PerClassLoss).Assembly.GetExportedTypes()
            .Where(t => t.IsSubclassOf(typeof(Loss<Tensor, Tensor, Tensor>)))
            .ToList();
        Assert.Equal(11, modules.Count);   // the base, its typed wrapper base, three class-balanced, three long-tail, two multi-label, the deferred wrapper
        Assert.All(modules, t => Assert.True(t == typeof(PerClassLoss) || t.IsSubclassOf(typeof(PerClassLoss)), t.Name));
    }
}
