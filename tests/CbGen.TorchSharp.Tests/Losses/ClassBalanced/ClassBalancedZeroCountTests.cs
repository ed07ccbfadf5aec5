using System;
using System.Collections.Generic;
using CbGen.TorchSharp;
using static TorchSharp.torch;

namespace CbGen.TorchSharp.Tests;

/// <summary>An empty class under a class-balanced loss built from counts: the message names a fix that the call
/// site can take (weights computed with <see cref="ZeroCountPolicy.ZeroWeight"/>, then the loss from weights), never
/// a policy parameter that the entry point does not have.</summary>
public sealed class ClassBalancedZeroCountTests
{
    private static readonly long[] WithEmpty = { 100, 0, 5 };

    public static TheoryData<string> EntryPoints() => new()
    {
        "FromCounts(Softmax)", "FromCounts(Sigmoid)", "FromCounts(Focal)", "FromCounts(Focal, DeferUntilEpoch)",
        "ClassBalancedSoftmaxLoss.FromCounts", "ClassBalancedSigmoidLoss.FromCounts", "ClassBalancedFocalLoss.FromCounts",
    };

    private static readonly Dictionary<string, Action> Calls = new()
    {
        ["FromCounts(Softmax)"] = () => CbLosses.FromCounts(CbLoss.Softmax, WithEmpty, 0.99).Dispose(),
        ["FromCounts(Sigmoid)"] = () => CbLosses.FromCounts(CbLoss.Sigmoid, WithEmpty, 0.99).Dispose(),
        ["FromCounts(Focal)"] = () => CbLosses.FromCounts(CbLoss.Focal, WithEmpty, 0.99).Dispose(),
        ["FromCounts(Focal, DeferUntilEpoch)"] = () =>
            CbLosses.FromCounts(CbLoss.Focal, WithEmpty, 0.99, new CbLossOptions { DeferUntilEpoch = 2 }).Dispose(),
        ["ClassBalancedSoftmaxLoss.FromCounts"] = () => ClassBalancedSoftmaxLoss.FromCounts(WithEmpty, 0.99).Dispose(),
        ["ClassBalancedSigmoidLoss.FromCounts"] = () => ClassBalancedSigmoidLoss.FromCounts(WithEmpty, 0.99).Dispose(),
        ["ClassBalancedFocalLoss.FromCounts"] = () => ClassBalancedFocalLoss.FromCounts(WithEmpty, 0.99).Dispose(),
    };

    [Theory]
    [MemberData(nameof(EntryPoints))]
    public void An_empty_class_names_the_weights_path_not_a_policy_the_call_cannot_take(string entryPoint)
    {
        var e = Assert.Throws<ArgumentException>(Calls[entryPoint]);
        Assert.Equal("counts", e.ParamName);
        Assert.Contains("Class 1 has count 0", e.Message, StringComparison.Ordinal);
        Assert.Contains("ClassBalancedWeights.Compute(counts, beta, zeroCounts: ZeroCountPolicy.ZeroWeight)", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("or pass ZeroCountPolicy", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_named_path_builds_a_loss_that_gives_the_empty_class_weight_zero()
    {
        using var scope = NewDisposeScope();
        double[] weights = ClassBalancedWeights.Compute(WithEmpty, 0.99, zeroCounts: ZeroCountPolicy.ZeroWeight);
        Assert.Equal(0.0, weights[1]);
        using var loss = CbLosses.Create(CbLoss.Focal, weights, new CbLossOptions { Device = CbDevice.Cpu });
        var value = loss.forward(TestData.ToTensor(TestData.Logits(5, 4, 3), ScalarType.Float64), tensor(new long[] { 0, 2, 2, 0 }));
        Assert.True(double.IsFinite(value.item<double>()));
    }

    [Fact]
    public void A_negative_count_before_the_zero_keeps_the_maths_message()
    {
        var e = Assert.Throws<ArgumentException>(() => ClassBalancedSoftmaxLoss.FromCounts(new long[] { -1, 0 }, 0.99).Dispose());
        Assert.Contains("Class 0", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("has count 0", e.Message, StringComparison.Ordinal);
    }
}
