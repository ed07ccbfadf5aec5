using System;
using CbGen.TorchSharp;
using CbGen.TorchSharp.Internal;
using TorchSharp;
using static TorchSharp.torch;
using Reduction = TorchSharp.torch.nn.Reduction;

namespace CbGen.TorchSharp.Tests;

/// <summary>
/// The cached shift of the logit-adjusted and LDAM losses: one per dtype, reused until the buffer changes, freed with
/// the module, and a buffer disposed by the caller named by an <see cref="ObjectDisposedException"/>.
/// </summary>
public sealed class ShiftCacheTests
{
    private static readonly long[] Counts = { 300, 40, 5 };

    private static Tensor Labels() => tensor(new long[] { 0, 2 });

    [Fact]
    public void The_shift_cache_keeps_one_tensor_per_dtype_until_the_buffer_changes_and_frees_what_it_replaces()
    {
        using var scope = NewDisposeScope();
        using var cache = new ShiftCache(copy => copy.mul(2.0));
        var first = tensor(new[] { 1.0, 2.0 });
        var second = tensor(new[] { 5.0, 7.0 });
        var input = zeros(3, 2, ScalarType.Float64);

        var a = cache.For(first, input);
        Assert.Same(a, cache.For(first, input));
        Assert.Equal(new[] { 2.0, 4.0 }, a.data<double>().ToArray());

        var b = cache.For(second, input);
        Assert.Equal(new[] { 10.0, 14.0 }, b.data<double>().ToArray());
        Assert.True(a.IsInvalid, "the tensor made from the replaced buffer was not disposed");

        var c = cache.For(second, zeros(3, 2, ScalarType.Float32));
        Assert.Equal(ScalarType.Float32, c.dtype);
        Assert.False(b.IsInvalid, "the float64 tensor must be kept when float32 logits come (a concurrent call may hold it)");
        Assert.Same(c, cache.For(second, zeros(1, 2, ScalarType.Float32)));
        Assert.Same(b, cache.For(second, input));

        cache.Dispose();
        Assert.True(c.IsInvalid, "Dispose did not free the float32 tensor");
        Assert.True(b.IsInvalid, "Dispose did not free the float64 tensor");
    }

    [Fact]
    public void Dispose_frees_the_cached_shift_and_the_buffers()
    {
        using var scope = NewDisposeScope();
        var logits = zeros(2, 3);
        var labels = Labels();
        var statistics = DisposeScopeManager.Statistics.TensorStatistics;
        long live = statistics.ThreadTotalLiveCount;
        var loss = new LogitAdjustedLoss(Counts, weight: new[] { 1.0, 2.0, 3.0 }, device: CbDevice.Cpu);
        var priors = loss.LogPriors;
        loss.forward(logits, labels).Dispose();   // caches the float32 shift and weights
        loss.Dispose();
        Assert.True(priors.IsInvalid);
        Assert.Equal(live, statistics.ThreadTotalLiveCount);
    }

    [Fact]
    public void A_buffer_disposed_by_the_caller_makes_forward_throw_ObjectDisposedException()
    {
        using var scope = NewDisposeScope();
        using var la = new LogitAdjustedLoss(Counts, device: CbDevice.Cpu);
        la.LogPriors.Dispose();
        var ex = Assert.Throws<ObjectDisposedException>(() => la.forward(zeros(2, 3), Labels()));
        Assert.Contains("LogitAdjustedLoss", ex.Message);
    }
}
