using System;
using CbGen.TorchSharp;
using TorchSharp;
using static TorchSharp.torch;
using Reduction = TorchSharp.torch.nn.Reduction;

namespace CbGen.TorchSharp.Tests;

public class SigmoidFocalLossTests
{
    private const int B = 6;
    private const int C = 4;

    public enum TargetKind
    {
        ClassIndex,
        MultiHot,
        Soft,
    }

    public static TheoryData<ScalarType, MeanNormalizer, TargetKind, double> Cases()
    {
        var data = new TheoryData<ScalarType, MeanNormalizer, TargetKind, double>();
        foreach (var dtype in new[] { ScalarType.Float64, ScalarType.Float32 })
        {
            foreach (var n in new[] { MeanNormalizer.PositiveLabels, MeanNormalizer.WeightSum, MeanNormalizer.AllTerms })
            {
                foreach (var kind in new[] { TargetKind.ClassIndex, TargetKind.MultiHot, TargetKind.Soft })
                {
                    // γ = -1 marks the sigmoid loss; the others are focal.
                    foreach (double gamma in new[] { -1.0, 0.0, 0.5, 2.0 })
                    {
                        data.Add(dtype, n, kind, gamma);
                    }
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Every_reduction_matches_the_loop_reference(ScalarType dtype, MeanNormalizer n, TargetKind kind, double gamma)
    {
        const int seed = 21;
        var z = TestData.Logits(seed, B, C);
        var alpha = TestData.Weights(seed, C);
        long[]? y = null;
        double[,] t;
        double[,] w;
        if (kind == TargetKind.ClassIndex)
        {
            y = TestData.Labels(seed, B, C);
            (t, w) = Reference.IndexTargets(y, alpha, C);
        }
        else
        {
            t = kind == TargetKind.MultiHot ? TestData.MultiHot(seed, B, C) : TestData.SoftTargets(seed, B, C);
            w = Reference.SoftWeights(B, alpha);
        }

        var elements = gamma < 0 ? Reference.SigmoidElements(z, t, w) : Reference.FocalElements(z, t, w, gamma);
        double sum = Reference.Sum(elements);
        double mean = sum / Reference.SigmoidDenominator(t, alpha, y, n);
        double tol = TestData.Tolerance(dtype);

        using var scope = NewDisposeScope();
        var input = TestData.ToTensor(z, dtype);
        var target = y is null ? TestData.ToTensor(t, dtype) : TestData.ToTensor(y);
        var weight = TestData.ToTensor(alpha);
        foreach (var reduction in new[] { Reduction.None, Reduction.Sum, Reduction.Mean })
        {
            using nn.Module<Tensor, Tensor, Tensor> loss = gamma < 0
                ? new ClassBalancedSigmoidLoss(alpha, reduction, n, CbDevice.Cpu)
                : new ClassBalancedFocalLoss(alpha, reduction, n, gamma, CbDevice.Cpu);
            var fromModule = loss.forward(input, target);
            var fromFunction = gamma < 0
                ? CbFunctional.cb_sigmoid_cross_entropy(input, target, weight, reduction, n)
                : CbFunctional.cb_focal_loss(input, target, weight, reduction, n, gamma);
            Assert.Equal(dtype, fromModule.dtype);
            switch (reduction)
            {
                case Reduction.None:
                    Assert.Equal(new long[] { B, C }, fromModule.shape);
                    TestData.Close(elements, TestData.Matrix(fromModule), tol, "None");
                    TestData.Close(elements, TestData.Matrix(fromFunction), tol, "None (functional)");
                    break;
                case Reduction.Sum:
                    TestData.Close(sum, TestData.Scalar(fromModule), tol, "Sum");
                    TestData.Close(sum, TestData.Scalar(fromFunction), tol, "Sum (functional)");
                    break;
                default:
                    TestData.Close(mean, TestData.Scalar(fromModule), tol, "Mean");
                    TestData.Close(mean, TestData.Scalar(fromFunction), tol, "Mean (functional)");
                    break;
            }
        }
    }

    [Fact]
    public void Class_index_targets_weigh_all_terms_of_a_sample_by_its_label_weight()
    {
        // One sample of class 1: both binary terms carry α_1 = 3 (the official code), not α_0 for the negative.
        using var scope = NewDisposeScope();
        var input = tensor(new double[] { 0.5, -0.25 }, new long[] { 1, 2 }, ScalarType.Float64);
        using var loss = new ClassBalancedSigmoidLoss(new[] { 0.5, 3.0 }, Reduction.None, device: CbDevice.Cpu);
        var elements = TestData.Matrix(loss.forward(input, tensor(new long[] { 1 })));
        TestData.Close(3.0 * Reference.Bce(0.5, 0.0), elements[0, 0], 1e-12);
        TestData.Close(3.0 * Reference.Bce(-0.25, 1.0), elements[0, 1], 1e-12);

        // The same label as a float one-hot row: element (i, c) weighs α_c (documented choice).
        var soft = TestData.Matrix(loss.forward(input, tensor(new double[] { 0.0, 1.0 }, new long[] { 1, 2 }, ScalarType.Float64)));
        TestData.Close(0.5 * Reference.Bce(0.5, 0.0), soft[0, 0], 1e-12);
        TestData.Close(3.0 * Reference.Bce(-0.25, 1.0), soft[0, 1], 1e-12);
    }

    [Fact]
    public void Focal_loss_with_gamma_zero_equals_the_sigmoid_loss()
    {
        using var scope = NewDisposeScope();
        var alpha = TestData.Weights(4, C);
        var input = TestData.ToTensor(TestData.Logits(4, B, C, scale: 50.0), ScalarType.Float32);
        var labels = TestData.ToTensor(TestData.Labels(4, B, C));
        var soft = TestData.ToTensor(TestData.SoftTargets(4, B, C), ScalarType.Float32);
        foreach (var target in new[] { labels, soft })
        {
            foreach (var n in new[] { MeanNormalizer.PositiveLabels, MeanNormalizer.WeightSum, MeanNormalizer.AllTerms })
            {
                using var focal = new ClassBalancedFocalLoss(alpha, Reduction.Mean, n, 0.0, CbDevice.Cpu);
                using var sigmoid = new ClassBalancedSigmoidLoss(alpha, Reduction.Mean, n, CbDevice.Cpu);
                Assert.Equal(TestData.Scalar(sigmoid.forward(input, target)), TestData.Scalar(focal.forward(input, target)));
            }
        }
    }

    [Fact]
    public void Focal_loss_with_unit_weights_matches_the_official_formula_by_sum_over_positives()
    {
        // The official focal_loss: Σ α·modulator·BCE / Σ labels.
        var z = TestData.Logits(8, B, C);
        var y = TestData.Labels(8, B, C);
        var ones = new double[C];
        Array.Fill(ones, 1.0);
        var (t, w) = Reference.IndexTargets(y, ones, C);
        double expected = Reference.Sum(Reference.FocalElements(z, t, w, 2.0)) / Reference.Sum(t);
        using var scope = NewDisposeScope();
        using var loss = new ClassBalancedFocalLoss(ones, device: CbDevice.Cpu);
        Assert.Equal(2.0, loss.Gamma);
        TestData.Close(expected, TestData.Scalar(loss.forward(TestData.ToTensor(z, ScalarType.Float64), TestData.ToTensor(y))), 1e-12);
    }

    [Fact]
    public void Multi_hot_rows_without_positives_do_not_divide_by_zero()
    {
        using var scope = NewDisposeScope();
        var z = TestData.Logits(9, 2, C);
        var input = TestData.ToTensor(z, ScalarType.Float64);
        var target = zeros(2, C, ScalarType.Float64);
        var alpha = TestData.Weights(9, C);
        double sum = Reference.Sum(Reference.SigmoidElements(z, new double[2, C], Reference.SoftWeights(2, alpha)));
        foreach (var n in new[] { MeanNormalizer.PositiveLabels, MeanNormalizer.WeightSum })
        {
            using var loss = new ClassBalancedSigmoidLoss(alpha, normalizer: n, device: CbDevice.Cpu);
            TestData.Close(sum, TestData.Scalar(loss.forward(input, target)), 1e-12, n.ToString());
        }
    }

    [Fact]
    public void Soft_targets_of_another_float_dtype_are_converted_to_the_logits_dtype()
    {
        using var scope = NewDisposeScope();
        var z = TestData.Logits(10, B, C);
        var t = TestData.SoftTargets(10, B, C);
        var alpha = TestData.Weights(10, C);
        using var loss = new ClassBalancedFocalLoss(alpha, gamma: 1.0, device: CbDevice.Cpu);
        var result = loss.forward(TestData.ToTensor(z, ScalarType.Float32), TestData.ToTensor(t, ScalarType.Float64));
        Assert.Equal(ScalarType.Float32, result.dtype);
        double expected = Reference.Sum(Reference.FocalElements(z, t, Reference.SoftWeights(B, alpha), 1.0))
            / Reference.SigmoidDenominator(t, alpha, null, MeanNormalizer.PositiveLabels);
        TestData.Close(expected, TestData.Scalar(result), 1e-5);
    }

    [Theory]
    [InlineData(-1.0)]
    [InlineData(0.5)]
    [InlineData(2.0)]
    public void Many_classes_take_the_scatter_one_hot_path_and_still_match(double gamma)
    {
        // Modules gather one-hot rows from a cached identity up to 1,024 classes and scatter above; check both.
        foreach (int classes in new[] { 1024, 1500 })
        {
            var z = TestData.Logits(12, 3, classes);
            var y = new long[] { 0, classes - 1, classes / 2 };
            var alpha = TestData.Weights(12, classes);
            var (t, w) = Reference.IndexTargets(y, alpha, classes);
            var elements = gamma < 0 ? Reference.SigmoidElements(z, t, w) : Reference.FocalElements(z, t, w, gamma);
            double expected = Reference.Sum(elements) / 3;
            using var scope = NewDisposeScope();
            using nn.Module<Tensor, Tensor, Tensor> loss = gamma < 0
                ? new ClassBalancedSigmoidLoss(alpha, device: CbDevice.Cpu)
                : new ClassBalancedFocalLoss(alpha, gamma: gamma, device: CbDevice.Cpu);
            var input = TestData.ToTensor(z, ScalarType.Float64);
            TestData.Close(expected, TestData.Scalar(loss.forward(input, TestData.ToTensor(y))), 1e-9, $"C = {classes}");
            TestData.Close(expected, TestData.Scalar(loss.forward(input, TestData.ToTensor(y))), 1e-9, $"C = {classes}, cached");
        }
    }

    [Fact]
    public void FromCounts_uses_the_class_balanced_weights()
    {
        long[] counts = { 1000, 100, 10 };
        var expected = ClassBalancedWeights.Compute(counts, 0.99);
        using var sigmoid = ClassBalancedSigmoidLoss.FromCounts(counts, 0.99, device: CbDevice.Cpu);
        using var focal = ClassBalancedFocalLoss.FromCounts(counts, 0.99, Reduction.Sum, MeanNormalizer.AllTerms, 0.5, CbDevice.Cpu);
        TestData.Close(expected, TestData.Vector(sigmoid.ClassWeights!), 1e-15);
        TestData.Close(expected, TestData.Vector(focal.ClassWeights!), 1e-15);
        Assert.Equal(0.5, focal.Gamma);
        Assert.Equal(MeanNormalizer.AllTerms, focal.Normalizer);
        Assert.Equal(Reduction.Sum, focal.reduction);
        Assert.Equal(3, sigmoid.NumClasses);
    }
}
