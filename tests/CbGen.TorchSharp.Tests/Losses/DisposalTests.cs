using System;
using CbGen.TorchSharp;
using TorchSharp;
using static TorchSharp.torch;

namespace CbGen.TorchSharp.Tests;

/// <summary>
/// A disposed loss says so (naming the module) instead of libtorch's "Tensor invalid -- empty handle", and a
/// null or disposed logits argument is called <c>logits</c> by every entry point.
/// </summary>
public class DisposalTests
{
    private static readonly double[] Alpha = { 0.5, 1.0, 1.5 };

    public static TheoryData<string> Kinds() => new() { "softmax", "sigmoid", "focal", "drw" };

    private static Loss<Tensor, Tensor, Tensor> Make(string kind) => kind switch
    {
        "softmax" => new ClassBalancedSoftmaxLoss(Alpha, device: CbDevice.Cpu),
        "sigmoid" => new ClassBalancedSigmoidLoss(Alpha, device: CbDevice.Cpu),
        "focal" => new ClassBalancedFocalLoss(Alpha, device: CbDevice.Cpu),
        _ => new DeferredReweightingLoss(new ClassBalancedSoftmaxLoss(Alpha, device: CbDevice.Cpu), 1),
    };

    [Theory]
    [MemberData(nameof(Kinds))]
    public void A_disposed_loss_throws_ObjectDisposedException_naming_the_module(string kind)
    {
        var loss = Make(kind);
        using var logits = randn(4, 3);
        using var target = tensor(new long[] { 0, 1, 2, 0 });
        using (loss.forward(logits, target))
        {
            // works before disposal
        }

        loss.Dispose();
        var e = Assert.Throws<ObjectDisposedException>(() => loss.forward(logits, target));
        Assert.Equal(loss.GetType().Name, e.ObjectName);
        Assert.Contains(loss.GetType().Name, e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("empty handle", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_DRW_wrapper_whose_epoch_selects_the_weighted_module_also_names_itself_when_disposed()
    {
        var loss = new DeferredReweightingLoss(new ClassBalancedFocalLoss(Alpha, device: CbDevice.Cpu), 0);
        loss.Dispose();
        using var logits = randn(2, 3);
        using var target = tensor(new long[] { 0, 1 });
        var e = Assert.Throws<ObjectDisposedException>(() => loss.forward(logits, target));
        Assert.Equal(nameof(DeferredReweightingLoss), e.ObjectName);
    }

    [Fact]
    public void Disposing_twice_is_harmless()
    {
        var loss = new ClassBalancedSoftmaxLoss(Alpha, device: CbDevice.Cpu);
        loss.Dispose();
        loss.Dispose();
        using var logits = randn(2, 3);
        using var target = tensor(new long[] { 0, 1 });
        Assert.Throws<ObjectDisposedException>(() => loss.forward(logits, target));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void A_null_logits_argument_is_called_logits_by_the_modules(string kind)
    {
        using var loss = Make(kind);
        using var target = tensor(new long[] { 0, 1, 2, 0 });
        var e = Assert.Throws<ArgumentNullException>(() => loss.forward(null!, target));
        Assert.Equal("logits", e.ParamName);

        var disposed = randn(4, 3);
        disposed.Dispose();
        var d = Assert.Throws<ArgumentException>(() => loss.forward(disposed, target));
        Assert.Equal("logits", d.ParamName);
    }

    [Fact]
    public void A_null_logits_argument_is_called_logits_by_the_functional_forms()
    {
        using var w = tensor(Alpha);
        using var target = tensor(new long[] { 0, 1, 2, 0 });
        Assert.Equal("logits", Assert.Throws<ArgumentNullException>(
            () => CbFunctional.cb_softmax_cross_entropy(null!, target, w)).ParamName);
        Assert.Equal("logits", Assert.Throws<ArgumentNullException>(
            () => CbFunctional.cb_sigmoid_cross_entropy(null!, target, w)).ParamName);
        Assert.Equal("logits", Assert.Throws<ArgumentNullException>(
            () => CbFunctional.cb_focal_loss(null!, target, w)).ParamName);
    }
}
