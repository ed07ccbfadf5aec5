using System;
using System.Linq;
using CbGen.TorchSharp;
using TorchSharp;
using static TorchSharp.torch;
using Reduction = TorchSharp.torch.nn.Reduction;

namespace CbGen.TorchSharp.Tests;

/// <summary>
/// <see cref="PerClassLoss{TLoss}"/>, the base of the generated <c>{Name}Loss</c> classes: the leaf losses are
/// sealed, and a wrapper is a TorchSharp module whose buffers are its inner loss's (moved by <c>.to()</c>, saved
/// and loaded by <c>state_dict</c>) and whose values are the inner loss's to the bit.
/// </summary>
public class TypedLossWrapperTests
{
    private static readonly double[] Alpha = { 0.25, 1.0, 1.75 };
    private static readonly long[] Counts = { 900, 90, 9 };

    /// <summary>Like a generated loss: a sealed wrapper that builds its inner loss from baked-in data.</summary>
    private sealed class GeneratedLikeFocalLoss : PerClassLoss<ClassBalancedFocalLoss>
    {
        public GeneratedLikeFocalLoss(Reduction reduction = Reduction.Mean)
            : base(new ClassBalancedFocalLoss(Alpha, gamma: 0.5, reduction: reduction, device: CbDevice.Cpu))
        {
        }
    }

    private sealed class GeneratedLikeLdamDrwLoss : PerClassLoss<DeferredReweightingLoss>
    {
        public GeneratedLikeLdamDrwLoss()
            : base(DeferredReweightingLoss.LdamDrw(Counts, deferUntilEpoch: 1, device: CbDevice.Cpu))
        {
        }
    }

    [Fact]
    public void Every_public_loss_of_the_runtime_is_sealed_or_abstract()
    {
        var open = typeof(PerClassLoss).Assembly.GetExportedTypes()
            .Where(t => typeof(PerClassLoss).IsAssignableFrom(t) && !t.IsAbstract && !t.IsSealed)
            .Select(t => t.Name)
            .ToArray();
        Assert.Empty(open);
    }

    [Fact]
    public void A_wrapper_gives_its_inner_losss_values_to_the_bit()
    {
        using var scope = NewDisposeScope();
        var z = TestData.ToTensor(TestData.Logits(3, 7, 3), ScalarType.Float32);
        var y = TestData.ToTensor(TestData.Labels(3, 7, 3));
        using var wrapper = new GeneratedLikeFocalLoss(Reduction.None);
        using var leaf = new ClassBalancedFocalLoss(Alpha, gamma: 0.5, reduction: Reduction.None, device: CbDevice.Cpu);
        Assert.Equal(leaf.forward(z, y).data<float>().ToArray(), wrapper.forward(z, y).data<float>().ToArray());
        Assert.Equal(leaf.call(z, y).data<float>().ToArray(), wrapper.call(z, y).data<float>().ToArray());
        Assert.Equal(0.5, wrapper.Inner.Gamma);
        Assert.Equal(Reduction.None, wrapper.Inner.reduction);
    }

    [Fact]
    public void A_wrapper_reports_the_inner_losss_classes_normalizer_and_buffer_and_has_no_parameters()
    {
        using var wrapper = new GeneratedLikeFocalLoss();
        Assert.Equal(3, wrapper.NumClasses);
        Assert.Equal(wrapper.Inner.Normalizer, wrapper.Normalizer);
        Assert.Same(wrapper.Inner.ClassWeights, wrapper.ClassWeights);
        Assert.Empty(wrapper.parameters());
        Assert.Same(wrapper.ClassWeights, wrapper.buffers().Single());
        Assert.Equal(new[] { "loss.class_weights" }, wrapper.state_dict().Keys.ToArray());
    }

    [Fact]
    public void To_moves_the_inner_buffer_and_forward_follows()
    {
        using var scope = NewDisposeScope();
        var z = TestData.Logits(51, 6, 3);
        var y = TestData.Labels(51, 6, 3);
        using var wrapper = new GeneratedLikeFocalLoss();
        var (t, w) = Reference.IndexTargets(y, Alpha, 3);
        double expected = Reference.FocalElements(z, t, w, 0.5).Cast<double>().Sum() / 6;

        var before = wrapper.ClassWeights!;
        wrapper.to(ScalarType.Float32);

        Assert.True(before.IsInvalid);
        Assert.Equal(ScalarType.Float32, wrapper.ClassWeights!.dtype);
        Assert.Same(wrapper.Inner.ClassWeights, wrapper.ClassWeights);
        TestData.Close(expected, TestData.Scalar(wrapper.forward(TestData.ToTensor(z, ScalarType.Float32), TestData.ToTensor(y))), 1e-5);
    }

    [Fact]
    public void Load_state_dict_on_the_wrapper_drops_the_inner_losss_cached_weights()
    {
        using var scope = NewDisposeScope();
        var z = TestData.ToTensor(TestData.Logits(9, 5, 3), ScalarType.Float32);
        var y = TestData.ToTensor(TestData.Labels(9, 5, 3));
        using var wrapper = new GeneratedLikeFocalLoss();
        _ = wrapper.forward(z, y);                      // caches the float32 copy of the weights
        double[] other = { 2.0, 0.5, 0.125 };
        wrapper.load_state_dict(new() { ["loss.class_weights"] = tensor(other, ScalarType.Float64) });
        using var expected = new ClassBalancedFocalLoss(other, gamma: 0.5, device: CbDevice.Cpu);
        Assert.Equal(expected.forward(z, y).item<float>(), wrapper.forward(z, y).item<float>());
    }

    [Fact]
    public void The_finite_check_reaches_the_inner_loss()
    {
        using var scope = NewDisposeScope();
        using var wrapper = new GeneratedLikeFocalLoss { CheckFiniteLogits = true };
        Assert.True(wrapper.Inner.CheckFiniteLogits);
        var z = tensor(new[] { 0f, float.NaN, 1f }).reshape(1, 3);
        Assert.Throws<ArgumentException>(() => wrapper.forward(z, tensor(new long[] { 0 })));
    }

    [Fact]
    public void A_deferred_wrapper_steps_its_inner_loss_and_disposing_it_disposes_the_inner_loss()
    {
        var wrapper = new GeneratedLikeLdamDrwLoss();
        Assert.False(wrapper.Inner.Step(0));
        Assert.True(wrapper.Inner.Step(1));
        Assert.Same(wrapper.Inner.ClassWeights, wrapper.ClassWeights);
        var inner = wrapper.Inner;
        wrapper.Dispose();
        var e = Assert.Throws<ObjectDisposedException>(() => wrapper.forward(zeros(1, 3), zeros(1, ScalarType.Int64)));
        Assert.Contains(nameof(GeneratedLikeLdamDrwLoss), e.Message, StringComparison.Ordinal);
        Assert.Throws<ObjectDisposedException>(() => inner.forward(zeros(1, 3), zeros(1, ScalarType.Int64)));
    }

    [Fact]
    public void A_null_inner_loss_is_reported_by_name()
    {
        Assert.Equal("loss", Assert.Throws<ArgumentNullException>(() => new NullWrapper()).ParamName);
    }

    private sealed class NullWrapper : PerClassLoss<LdamLoss>
    {
        public NullWrapper()
            : base(null!)
        {
        }
    }
}
