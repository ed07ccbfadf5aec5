using System;
using System.Linq;
using CbGen.TorchSharp;
using TorchSharp;
using static TorchSharp.torch;

namespace CbGen.TorchSharp.Tests;

/// <summary>The VS module's two buffers (<c>scales</c>, <c>log_priors</c>): registered float64 copies, moved by
/// <c>.to()</c>, and both cached copies dropped by <c>load_state_dict</c>.</summary>
public sealed class VectorScalingModuleTests
{
    private static readonly long[] Counts = { 300, 40, 5 };

    [Fact]
    public void Both_buffers_are_registered_float64_copies_and_move_with_to()
    {
        using var scope = NewDisposeScope();
        using var loss = new VectorScalingLoss(Counts, weight: new[] { 0.5, 1.0, 1.5 }, device: CbDevice.Cpu);
        Assert.Equal(new[] { "class_weights", "log_priors", "scales" },
            loss.named_buffers().Select(b => b.name).OrderBy(n => n, StringComparer.Ordinal).ToArray());
        Assert.Equal(VectorScalingTables.Scales(Counts), TestData.Vector(loss.Scales));
        Assert.Equal(ClassPriors.LogPriors(Counts), TestData.Vector(loss.LogPriors));

        var z = TestData.Logits(61, 6, 3, scale: 1.0);
        var input32 = TestData.ToTensor(z, ScalarType.Float32);
        var input64 = TestData.ToTensor(z, ScalarType.Float64);
        var target = TestData.ToTensor(TestData.Labels(61, 6, 3));
        double before = TestData.Scalar(loss.forward(input64, target));
        double cached32 = TestData.Scalar(loss.forward(input32, target));
        loss.to(ScalarType.Float32);
        Assert.All(loss.named_buffers(), b => Assert.Equal(ScalarType.Float32, b.buffer.dtype));
        TestData.Close(cached32, TestData.Scalar(loss.forward(input32, target)), 1e-5, "after .to(float32)");
        loss.to(ScalarType.Float64);
        TestData.Close(before, TestData.Scalar(loss.forward(input64, target)), 1e-6, "after the round trip");
    }

    [Fact]
    public void Load_state_dict_drops_the_cached_scales_and_offsets()
    {
        using var loss = new VectorScalingLoss(Counts, gamma: 0.5, device: CbDevice.Cpu);
        using var scope = NewDisposeScope();
        var input = TestData.ToTensor(TestData.Logits(62, 4, 3), ScalarType.Float64);
        var target = TestData.ToTensor(TestData.Labels(62, 4, 3));
        double first = TestData.Scalar(loss.forward(input, target));

        // Scales of 1 and uniform log-priors: the loss must become plain CE.
        using var ones = tensor(new[] { 1.0, 1.0, 1.0 });
        using var uniform = tensor(new[] { Math.Log(1 / 3.0), Math.Log(1 / 3.0), Math.Log(1 / 3.0) });
        loss.load_state_dict(new() { ["scales"] = ones, ["log_priors"] = uniform });
        double reloaded = TestData.Scalar(loss.forward(input, target));
        Assert.NotEqual(first, reloaded);
        TestData.Close(TestData.Scalar(nn.functional.cross_entropy(input, target)), reloaded, 1e-14, "unit scales, uniform priors");
    }
}
