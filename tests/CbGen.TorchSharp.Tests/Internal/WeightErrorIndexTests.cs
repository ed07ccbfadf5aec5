using System;
using CbGen.TorchSharp;
using TorchSharp;
using static TorchSharp.torch;

namespace CbGen.TorchSharp.Tests;

/// <summary>A weight tensor with a bad weight names the first bad one, and a valid 0 weight before it is not the
/// one named (a mutation-testing survivor: the error path's scan treated 0 as bad).</summary>
public sealed class WeightErrorIndexTests
{
    [Theory]
    [InlineData(ScalarType.Float64, -1.0, "Class weight 2 is -1")]
    [InlineData(ScalarType.Float32, double.NaN, "Class weight 2 is NaN")]
    [InlineData(ScalarType.Int32, -3.0, "Class weight 2 is -3")]
    public void A_zero_weight_before_the_bad_one_is_not_named(ScalarType dtype, double bad, string expected)
    {
        using var scope = NewDisposeScope();
        var weights = tensor(new[] { 1.0, 0.0, bad, 0.0 }).to(dtype);
        var e = Assert.Throws<ArgumentException>(() => new ClassBalancedSoftmaxLoss(weights, device: CbDevice.Cpu));
        Assert.Equal("weight", e.ParamName);
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }
}
