using System;
using CbGen.TorchSharp;
using TorchSharp;
using static TorchSharp.torch;
using R = CbGen.TorchSharp.Tests.RuntimeReference;

namespace CbGen.TorchSharp.Tests;

/// <summary>
/// Weight tensors (issue 16, gap 6): a valid weight of exactly 0 and every integer dtype are accepted and give the
/// same loss as the float64 weights they hold.
/// </summary>
public class WeightTensorTests
{
    public static TheoryData<CbLoss> Variants => new() { CbLoss.Softmax, CbLoss.Sigmoid, CbLoss.Focal };

    private static Loss<Tensor, Tensor, Tensor> Module(CbLoss variant, Tensor weights, MeanNormalizer n) => variant switch
    {
        CbLoss.Softmax => new ClassBalancedSoftmaxLoss(weights, normalizer: n, device: CbDevice.Cpu),
        CbLoss.Sigmoid => new ClassBalancedSigmoidLoss(weights, normalizer: n, device: CbDevice.Cpu),
        _ => new ClassBalancedFocalLoss(weights, gamma: 2.0, normalizer: n, device: CbDevice.Cpu),
    };

    [Theory]
    [MemberData(nameof(Variants))]
    public void A_weight_tensor_holding_a_zero_weight_is_valid(CbLoss variant)
    {
        using var scope = NewDisposeScope();
        double[] alpha = { 0.0, 2.0, 1.0 };
        var weights = TestData.ToTensor(alpha);
        var z = TestData.Logits(3, 6, 3);
        var y = new long[] { 0, 1, 2, 0, 2, 1 };
        foreach (var n in new[] { MeanNormalizer.PositiveLabels, MeanNormalizer.WeightSum })
        {
            using var loss = Module(variant, weights, n);
            var value = loss.forward(TestData.ToTensor(z, ScalarType.Float64), TestData.ToTensor(y));
            R.Close(R.Mean(variant, z, y, alpha, n), value, ScalarType.Float64, $"{variant}/{n} module");

            var functional = R.Functional(variant, TestData.ToTensor(z, ScalarType.Float64), TestData.ToTensor(y), weights, n);
            R.Close(R.Mean(variant, z, y, alpha, n), functional, ScalarType.Float64, $"{variant}/{n} functional");
        }
    }

    [Theory]
    [MemberData(nameof(Variants))]
    public void A_zero_weight_tensor_batch_under_weight_sum_gives_zero_not_nan(CbLoss variant)
    {
        // Only a weights check that notices the 0 (not all positive) guards the 0 / 0 of this batch.
        using var scope = NewDisposeScope();
        var weights = TestData.ToTensor(new[] { 0.0, 2.0, 1.0 });
        var z = TestData.ToTensor(TestData.Logits(4, 3, 3), ScalarType.Float64);
        var y = TestData.ToTensor(new long[] { 0, 0, 0 });
        using var loss = Module(variant, weights, MeanNormalizer.WeightSum);
        Assert.Equal(0.0, TestData.Scalar(loss.forward(z, y)));
        Assert.Equal(0.0, TestData.Scalar(R.Functional(variant, z, y, weights, MeanNormalizer.WeightSum)));
    }

    [Theory]
    [InlineData(ScalarType.Byte)]
    [InlineData(ScalarType.Int8)]
    [InlineData(ScalarType.Int16)]
    [InlineData(ScalarType.Int32)]
    [InlineData(ScalarType.Int64)]
    [InlineData(ScalarType.Float32)]
    [InlineData(ScalarType.Float16)]
    public void Integer_and_narrow_float_weight_tensors_give_the_float64_loss(ScalarType dtype)
    {
        using var scope = NewDisposeScope();
        double[] alpha = { 1.0, 3.0, 0.0, 2.0 };
        var weights = TestData.ToTensor(alpha).to(dtype);
        var z = TestData.Logits(5, 6, 4);
        var y = TestData.Labels(5, 6, 4);
        foreach (CbLoss variant in new[] { CbLoss.Softmax, CbLoss.Sigmoid, CbLoss.Focal })
        {
            using var loss = Module(variant, weights, MeanNormalizer.PositiveLabels);
            Assert.Equal(ScalarType.Float64, ((PerClassLoss)loss).ClassWeights!.dtype);
            Assert.Equal(alpha, TestData.Vector(((PerClassLoss)loss).ClassWeights!));
            var value = loss.forward(TestData.ToTensor(z, ScalarType.Float64), TestData.ToTensor(y));
            R.Close(R.Mean(variant, z, y, alpha, MeanNormalizer.PositiveLabels), value, ScalarType.Float64,
                $"{variant} {dtype}");
        }
    }

    [Theory]
    [InlineData(-1L)]
    [InlineData(-100L)]
    public void A_negative_integer_weight_is_rejected_naming_its_class(long bad)
    {
        using var scope = NewDisposeScope();
        var weights = tensor(new[] { 2L, 1L, bad }, ScalarType.Int64).to(ScalarType.Int32);
        var e = Assert.Throws<ArgumentException>(() => new ClassBalancedSoftmaxLoss(weights, device: CbDevice.Cpu));
        Assert.Equal("weight", e.ParamName);
        Assert.Contains("Class weight 2", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Complex_and_bool_weight_tensors_are_rejected_naming_the_dtype()
    {
        using var scope = NewDisposeScope();
        var complex = ones(3, ScalarType.ComplexFloat32);
        var e = Assert.Throws<ArgumentException>(() => new ClassBalancedSigmoidLoss(complex, device: CbDevice.Cpu));
        Assert.Contains("ComplexFloat32", e.Message, StringComparison.Ordinal);
        var flags = ones(3, ScalarType.Bool);
        Assert.Throws<ArgumentException>(() => new ClassBalancedSoftmaxLoss(flags, device: CbDevice.Cpu));
    }

    [Fact]
    public void Weight_arrays_with_a_zero_weight_are_valid_and_guard_the_weight_sum()
    {
        using var scope = NewDisposeScope();
        using var loss = new ClassBalancedSigmoidLoss(new[] { 0.0, 1.0 }, normalizer: MeanNormalizer.WeightSum, device: CbDevice.Cpu);
        var z = TestData.ToTensor(TestData.Logits(6, 2, 2), ScalarType.Float64);
        Assert.Equal(0.0, TestData.Scalar(loss.forward(z, TestData.ToTensor(new long[] { 0, 0 }))));
    }
}
