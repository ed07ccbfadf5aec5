using System;
using System.Linq;
using CbGen.TorchSharp;
using TorchSharp;
using static TorchSharp.torch;
using Reduction = TorchSharp.torch.nn.Reduction;

namespace CbGen.TorchSharp.Tests;

/// <summary>Buffers, <c>.to()</c>, dispose scopes and the caches of the logit-adjusted and LDAM modules.</summary>
public sealed class LongTailModuleTests
{
    private static readonly long[] Counts = { 300, 40, 5 };
    private static readonly double[] Alpha = { 0.25, 1.0, 1.75 };

    private static PerClassLoss Make(bool ldam, bool weighted) => ldam
        ? new LdamLoss(Counts, weight: weighted ? Alpha : Array.Empty<double>(), device: CbDevice.Cpu)
        : new LogitAdjustedLoss(Counts, weight: weighted ? Alpha : Array.Empty<double>(), device: CbDevice.Cpu);

    private static Tensor Shift(PerClassLoss loss) =>
        loss is LdamLoss l ? l.Margins : ((LogitAdjustedLoss)loss).LogPriors;

    [Theory]
    [InlineData(false, false)]
    [InlineData(false, true)]
    [InlineData(true, false)]
    [InlineData(true, true)]
    public void Buffers_are_registered_float64_copies_saved_in_the_state_dict(bool ldam, bool weighted)
    {
        using var loss = Make(ldam, weighted);
        var names = loss.named_buffers().Select(b => b.name).OrderBy(n => n, StringComparer.Ordinal).ToArray();
        string shiftName = ldam ? "margins" : "log_priors";
        Assert.Equal(weighted ? new[] { "class_weights", shiftName } : new[] { shiftName }, names);
        Assert.Equal(ScalarType.Float64, Shift(loss).dtype);
        Assert.Equal(weighted, loss.ClassWeights is not null);
        Assert.Empty(loss.parameters());
        var expected = ldam ? LdamMargins.Compute(Counts) : ClassPriors.LogPriors(Counts);
        Assert.Equal(expected, TestData.Vector(Shift(loss)));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void To_converts_the_buffers_and_forward_keeps_its_value(bool ldam)
    {
        using var scope = NewDisposeScope();
        var z = TestData.Logits(51, 6, 3, scale: 1.0);
        var input32 = TestData.ToTensor(z, ScalarType.Float32);
        var input64 = TestData.ToTensor(z, ScalarType.Float64);
        var target = TestData.ToTensor(TestData.Labels(51, 6, 3));
        using var loss = Make(ldam, weighted: true);
        double before = TestData.Scalar(loss.forward(input64, target));
        double cached32 = TestData.Scalar(loss.forward(input32, target));

        loss.to(ScalarType.Float32);
        Assert.Equal(ScalarType.Float32, Shift(loss).dtype);
        Assert.Equal(ScalarType.Float32, loss.ClassWeights!.dtype);
        Assert.All(loss.named_buffers(), b => Assert.Equal(ScalarType.Float32, b.buffer.dtype));
        TestData.Close(cached32, TestData.Scalar(loss.forward(input32, target)), 1e-5, "after .to(float32)");

        loss.to(ScalarType.Float64);
        TestData.Close(before, TestData.Scalar(loss.forward(input64, target)), 1e-6, "after the round trip");
    }

    [Fact]
    public void Buffers_survive_a_dispose_scope_around_the_constructor_and_load_state_dict_drops_the_cache()
    {
        LogitAdjustedLoss loss;
        using (NewDisposeScope())
        {
            loss = new LogitAdjustedLoss(Counts, device: CbDevice.Cpu);
        }

        using (loss)
        using (var scope = NewDisposeScope())
        {
            var input = TestData.ToTensor(TestData.Logits(52, 4, 3), ScalarType.Float64);
            var target = TestData.ToTensor(TestData.Labels(52, 4, 3));
            double first = TestData.Scalar(loss.forward(input, target));

            // Load log-priors of uniform counts: the loss must become plain CE (shift by a constant).
            var state = loss.state_dict();
            using var uniform = tensor(new[] { Math.Log(1 / 3.0), Math.Log(1 / 3.0), Math.Log(1 / 3.0) });
            loss.load_state_dict(new() { ["log_priors"] = uniform });
            double reloaded = TestData.Scalar(loss.forward(input, target));
            double plain = TestData.Scalar(nn.functional.cross_entropy(input, target));
            Assert.NotEqual(first, reloaded);
            TestData.Close(plain, reloaded, 1e-14, "uniform priors");
        }
    }

    [Fact]
    public void Forward_in_a_users_dispose_scope_leaves_the_cache_alive()
    {
        using var loss = new LdamLoss(Counts, device: CbDevice.Cpu);
        var z = TestData.Logits(53, 4, 3);
        double first;
        using (NewDisposeScope())
        {
            first = TestData.Scalar(loss.forward(TestData.ToTensor(z, ScalarType.Float32), TestData.ToTensor(new long[] { 0, 1, 2, 1 })));
        }

        using (NewDisposeScope())
        {
            double second = TestData.Scalar(loss.forward(TestData.ToTensor(z, ScalarType.Float32), TestData.ToTensor(new long[] { 0, 1, 2, 1 })));
            Assert.Equal(first, second);
        }
    }

    [Fact]
    public void All_ignored_batch_gives_zero_not_nan()
    {
        using var scope = NewDisposeScope();
        foreach (var loss in new PerClassLoss[] { Make(false, false), Make(true, true) })
        {
            using (loss)
            {
                var input = TestData.ToTensor(TestData.Logits(54, 2, 3), ScalarType.Float64, requiresGrad: true);
                var value = loss.forward(input, tensor(new long[] { -100, -100 }));
                value.backward();
                Assert.Equal(0.0, TestData.Scalar(value));
                Assert.True(input.grad!.eq(0).all().item<bool>());
            }
        }
    }
}
