using System;
using System.Linq;
using CbGen.TorchSharp;
using TorchSharp;
using static TorchSharp.torch;
using Reduction = TorchSharp.torch.nn.Reduction;

namespace CbGen.TorchSharp.Tests;

/// <summary>
/// Buffer ownership, <c>.to()</c>, dispose scopes and leaks. CUDA is not available on the test machine, so
/// moving between devices is exercised as <c>.to(ScalarType)</c> and <c>.to(CPU)</c>; the device path of
/// <c>.to(CUDA)</c> is TorchSharp's same buffer-replacement code.
/// </summary>
public class ModuleBehaviourTests
{
    private static readonly double[] Alpha = { 0.25, 1.0, 1.75 };

    private static nn.Module<Tensor, Tensor, Tensor> Make(int kind, Tensor weights) => kind switch
    {
        0 => new ClassBalancedSoftmaxLoss(weights, device: CbDevice.Cpu),
        1 => new ClassBalancedSigmoidLoss(weights, device: CbDevice.Cpu),
        _ => new ClassBalancedFocalLoss(weights, gamma: 0.5, device: CbDevice.Cpu),
    };

    private static nn.Module<Tensor, Tensor, Tensor> Make(int kind, double[] weights) => kind switch
    {
        0 => new ClassBalancedSoftmaxLoss(weights, device: CbDevice.Cpu),
        1 => new ClassBalancedSigmoidLoss(weights, device: CbDevice.Cpu),
        _ => new ClassBalancedFocalLoss(weights, gamma: 0.5, device: CbDevice.Cpu),
    };

    private static Tensor Weights(nn.Module<Tensor, Tensor, Tensor> loss) =>
        (loss as PerClassLoss)?.ClassWeights ?? throw new ArgumentException("unknown loss", nameof(loss));

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    public void The_weights_are_a_registered_float64_buffer_saved_in_the_state_dict(int kind)
    {
        using var loss = Make(kind, Alpha);
        var buffers = loss.named_buffers().ToList();
        Assert.Single(buffers);
        Assert.Equal("class_weights", buffers[0].name);
        Assert.Same(Weights(loss), buffers[0].buffer);
        Assert.Equal(ScalarType.Float64, Weights(loss).dtype);
        Assert.Equal(DeviceType.CPU, Weights(loss).device_type);
        Assert.True(loss.state_dict().ContainsKey("class_weights"));
        Assert.Empty(loss.parameters());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    public void To_converts_the_buffer_and_forward_keeps_working(int kind)
    {
        using var scope = NewDisposeScope();
        var z = TestData.Logits(41, 5, 3);
        var input64 = TestData.ToTensor(z, ScalarType.Float64);
        var input32 = TestData.ToTensor(z, ScalarType.Float32);
        var target = TestData.ToTensor(TestData.Labels(41, 5, 3));
        using var loss = Make(kind, Alpha);
        double before = TestData.Scalar(loss.forward(input64, target));
        double viaCache = TestData.Scalar(loss.forward(input32, target));   // float32 logits: cached cast copy

        loss.to(ScalarType.Float32);
        Assert.Equal(ScalarType.Float32, Weights(loss).dtype);
        Assert.Same(Weights(loss), loss.named_buffers().Single().buffer);
        Assert.Equal(ScalarType.Float32, loss.forward(input32, target).dtype);
        TestData.Close(viaCache, TestData.Scalar(loss.forward(input32, target)), 1e-6);

        loss.to(CPU);                                                       // same device: still usable
        loss.to(ScalarType.Float64);
        Assert.Equal(ScalarType.Float64, Weights(loss).dtype);
        TestData.Close(Alpha.Select(a => (double)(float)a).ToArray(), TestData.Vector(Weights(loss)), 0.0);
        TestData.Close(before, TestData.Scalar(loss.forward(input64, target)), 1e-6);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    public void A_dispose_scope_around_the_constructor_does_not_dispose_the_weights(int kind)
    {
        nn.Module<Tensor, Tensor, Tensor> loss;
        Tensor callerWeights;
        using (NewDisposeScope())
        {
            callerWeights = tensor(Alpha).MoveToOuterDisposeScope();
            loss = Make(kind, Alpha);
            using var fromTensor = Make(kind, callerWeights);
        }

        using (loss)
        using (callerWeights)
        using (NewDisposeScope())
        {
            Assert.False(Weights(loss).IsInvalid);
            var input = TestData.ToTensor(TestData.Logits(42, 4, 3), ScalarType.Float32);
            var value = loss.forward(input, TestData.ToTensor(TestData.Labels(42, 4, 3)));
            Assert.True(value.isfinite().item<bool>());
            Assert.False(callerWeights.IsInvalid);
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    public void The_callers_tensor_is_copied_never_aliased_or_disposed(int kind)
    {
        using var caller = tensor(new float[] { 0.25f, 1.0f, 1.75f });
        var loss = Make(kind, caller);
        Assert.Equal(ScalarType.Float64, Weights(loss).dtype);

        caller.mul_(10.0f);                                   // editing the caller's tensor ...
        TestData.Close(Alpha, TestData.Vector(Weights(loss)), 0.0);  // ... does not change the loss
        Weights(loss).mul_(2.0);                              // and editing the buffer does not touch the caller
        TestData.Close(new[] { 2.5, 10.0, 17.5 }, TestData.Vector(caller), 1e-6);

        loss.to(ScalarType.Float32);                          // .to() disposes the old buffer, not the caller's
        loss.Dispose();
        Assert.False(caller.IsInvalid);
        TestData.Close(new[] { 2.5, 10.0, 17.5 }, TestData.Vector(caller), 1e-6);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    public void Loading_a_state_dict_or_a_saved_module_replaces_the_weights_forward_uses(int kind)
    {
        using var scope = NewDisposeScope();
        var input = TestData.ToTensor(TestData.Logits(46, 4, 3), ScalarType.Float32);   // float32: cached cast copy
        var target = TestData.ToTensor(TestData.Labels(46, 4, 3));
        var other = new[] { 3.0, 0.5, 0.25 };
        using var loss = Make(kind, Alpha);
        using var reference = Make(kind, other);
        double before = TestData.Scalar(loss.forward(input, target));
        double expected = TestData.Scalar(reference.forward(input, target));
        Assert.NotEqual(expected, before, 3);

        loss.load_state_dict(reference.state_dict());
        TestData.Close(other, TestData.Vector(Weights(loss)), 0.0);
        TestData.Close(expected, TestData.Scalar(loss.forward(input, target)), 1e-6, "after load_state_dict");

        using var fresh = Make(kind, Alpha);
        fresh.forward(input, target).Dispose();                                           // fill the caches
        var saved = new System.IO.MemoryStream();
        reference.save(saved);                                                            // closes the stream
        using var stream = new System.IO.MemoryStream(saved.ToArray());
        fresh.load(stream);
        TestData.Close(expected, TestData.Scalar(fresh.forward(input, target)), 1e-6, "after load");
    }

    [Fact]
    public void An_float64_tensor_of_the_same_device_is_still_copied()
    {
        using var caller = tensor(Alpha);
        using var loss = new ClassBalancedSigmoidLoss(caller, device: CbDevice.Cpu);
        Assert.NotEqual(caller.Handle, loss.ClassWeights!.Handle);
        caller.fill_(5.0);
        TestData.Close(Alpha, TestData.Vector(loss.ClassWeights), 0.0);
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(1, false)]
    [InlineData(1, true)]
    [InlineData(2, false)]
    [InlineData(2, true)]
    public void A_thousand_training_steps_in_per_step_scopes_leave_no_live_tensors(int kind, bool soft)
    {
        using var loss = Make(kind, Alpha);
        var z = TestData.Logits(43, 8, 3);
        var labels = TestData.Labels(43, 8, 3);
        var t = TestData.SoftTargets(43, 8, 3);

        void Step()
        {
            using var scope = NewDisposeScope();
            var input = TestData.ToTensor(z, ScalarType.Float32, requiresGrad: true);
            var target = soft ? TestData.ToTensor(t, ScalarType.Float32) : TestData.ToTensor(labels);
            var value = loss.forward(input, target);
            value.backward();
            Assert.True(input.grad!.isfinite().all().item<bool>());
        }

        Step();   // warm-up: creates the cached float32 copy of the weights, owned by the module
        var statistics = DisposeScopeManager.Statistics.TensorStatistics;
        long live = statistics.ThreadTotalLiveCount;
        long created = statistics.CreatedInScopeCount + statistics.CreatedOutsideScopeCount;
        for (int i = 0; i < 1000; i++)
        {
            Step();
        }

        Assert.True(statistics.CreatedInScopeCount + statistics.CreatedOutsideScopeCount - created >= 1000,
            "the statistics did not count the steps' tensors");
        Assert.Equal(live, statistics.ThreadTotalLiveCount);
    }

    [Fact]
    public void Forward_outside_any_scope_returns_only_the_result()
    {
        using var loss = new ClassBalancedFocalLoss(Alpha, gamma: 2.0, device: CbDevice.Cpu);
        using var input = TestData.ToTensor(TestData.Logits(44, 4, 3), ScalarType.Float64);
        using var target = TestData.ToTensor(TestData.Labels(44, 4, 3));
        loss.forward(input, target).Dispose();   // warm-up: the module caches its weights for float64 and this B
        var statistics = DisposeScopeManager.Statistics.TensorStatistics;
        long live = statistics.ThreadTotalLiveCount;
        using (var value = loss.forward(input, target))
        {
            Assert.Equal(live + 1, statistics.ThreadTotalLiveCount);
        }

        Assert.Equal(live, statistics.ThreadTotalLiveCount);
    }

    [Fact]
    public void Sum_is_the_plain_sum_of_None_for_every_loss()
    {
        using var scope = NewDisposeScope();
        var input = TestData.ToTensor(TestData.Logits(45, 6, 3), ScalarType.Float64);
        var target = TestData.ToTensor(TestData.Labels(45, 6, 3));
        foreach (var pair in new (nn.Module<Tensor, Tensor, Tensor> none, nn.Module<Tensor, Tensor, Tensor> sum)[]
        {
            (new ClassBalancedSoftmaxLoss(Alpha, Reduction.None, device: CbDevice.Cpu), new ClassBalancedSoftmaxLoss(Alpha, Reduction.Sum, device: CbDevice.Cpu)),
            (new ClassBalancedSigmoidLoss(Alpha, Reduction.None, device: CbDevice.Cpu), new ClassBalancedSigmoidLoss(Alpha, Reduction.Sum, device: CbDevice.Cpu)),
            (new ClassBalancedFocalLoss(Alpha, Reduction.None, gamma: 2.0, device: CbDevice.Cpu), new ClassBalancedFocalLoss(Alpha, Reduction.Sum, gamma: 2.0, device: CbDevice.Cpu)),
        })
        {
            TestData.Close(TestData.Scalar(pair.none.forward(input, target).sum()), TestData.Scalar(pair.sum.forward(input, target)), 1e-12);
            pair.none.Dispose();
            pair.sum.Dispose();
        }
    }
}
