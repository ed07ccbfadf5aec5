using System;
using CbGen.TorchSharp;
using TorchSharp;
using static TorchSharp.torch;
using Reduction = TorchSharp.torch.nn.Reduction;

namespace CbGen.TorchSharp.Tests;

public class SoftmaxLossTests
{
    private const int B = 7;
    private const int C = 5;

    public static TheoryData<ScalarType, MeanNormalizer, long, double> Cases()
    {
        var data = new TheoryData<ScalarType, MeanNormalizer, long, double>();
        foreach (var dtype in new[] { ScalarType.Float64, ScalarType.Float32 })
        {
            foreach (var n in new[] { MeanNormalizer.PositiveLabels, MeanNormalizer.WeightSum, MeanNormalizer.AllTerms })
            {
                data.Add(dtype, n, -100L, 0.0);     // no ignored labels, no smoothing
                data.Add(dtype, n, -1L, 0.0);       // two labels set to ignore_index
                data.Add(dtype, n, -100L, 0.2);     // label smoothing
                data.Add(dtype, n, 2L, 0.1);        // an in-range ignore_index plus smoothing
            }
        }

        return data;
    }

    private static long[] LabelsWithIgnored(int seed, long ignoreIndex)
    {
        var y = TestData.Labels(seed, B, C);
        if (ignoreIndex == -1)
        {
            y[1] = -1;
            y[4] = -1;
        }

        return y;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Every_reduction_matches_the_loop_reference(ScalarType dtype, MeanNormalizer n, long ignoreIndex, double eps)
    {
        var z = TestData.Logits(11, B, C);
        var y = LabelsWithIgnored(11, ignoreIndex);
        var w = TestData.Weights(11, C);
        double tol = TestData.Tolerance(dtype);
        var perSample = Reference.SoftmaxPerSample(z, y, w, ignoreIndex, eps);

        using var scope = NewDisposeScope();
        var input = TestData.ToTensor(z, dtype);
        var target = TestData.ToTensor(y);
        foreach (var reduction in new[] { Reduction.None, Reduction.Sum, Reduction.Mean })
        {
            using var loss = new ClassBalancedSoftmaxLoss(w, reduction, n, ignoreIndex, eps, CbDevice.Cpu);
            var fromModule = loss.forward(input, target);
            var fromFunction = CbFunctional.cb_softmax_cross_entropy(input, target, TestData.ToTensor(w), reduction, n,
                ignoreIndex, eps);
            Assert.Equal(dtype, fromModule.dtype);
            switch (reduction)
            {
                case Reduction.None:
                    Assert.Equal(new long[] { B }, fromModule.shape);
                    TestData.Close(perSample, TestData.Vector(fromModule), tol, "None");
                    TestData.Close(perSample, TestData.Vector(fromFunction), tol, "None (functional)");
                    break;
                case Reduction.Sum:
                    TestData.Close(Reference.Sum(perSample), TestData.Scalar(fromModule), tol, "Sum");
                    TestData.Close(Reference.Sum(perSample), TestData.Scalar(fromFunction), tol, "Sum (functional)");
                    break;
                default:
                    double expected = Reference.SoftmaxMean(z, y, w, ignoreIndex, eps, n);
                    TestData.Close(expected, TestData.Scalar(fromModule), tol, "Mean");
                    TestData.Close(expected, TestData.Scalar(fromFunction), tol, "Mean (functional)");
                    break;
            }
        }
    }

    [Fact]
    public void The_default_normalizer_divides_by_the_batch_size_as_the_official_code()
    {
        var z = TestData.Logits(3, B, C);
        var y = TestData.Labels(3, B, C);
        var w = TestData.Weights(3, C);
        using var scope = NewDisposeScope();
        using var loss = new ClassBalancedSoftmaxLoss(w, device: CbDevice.Cpu);
        Assert.Equal(MeanNormalizer.PositiveLabels, loss.Normalizer);
        Assert.Equal(C, loss.NumClasses);
        double actual = TestData.Scalar(loss.forward(TestData.ToTensor(z, ScalarType.Float64), TestData.ToTensor(y)));
        double expected = Reference.Sum(Reference.SoftmaxPerSample(z, y, w, -100, 0.0)) / B;
        TestData.Close(expected, actual, 1e-12);
    }

    public static TheoryData<long, double> PyTorchCases() => new()
    {
        { -100L, 0.0 },
        { -1L, 0.0 },
        { -100L, 0.3 },
        { -1L, 0.25 },
        { 3L, 0.1 },
    };

    [Theory]
    [MemberData(nameof(PyTorchCases))]
    public void With_unit_weights_and_WeightSum_it_equals_cross_entropy(long ignoreIndex, double eps)
    {
        var z = TestData.Logits(5, B, C);
        var y = LabelsWithIgnored(5, ignoreIndex);
        var ones = new double[C];
        Array.Fill(ones, 1.0);
        using var scope = NewDisposeScope();
        var input = TestData.ToTensor(z, ScalarType.Float64);
        var target = TestData.ToTensor(y);
        foreach (var reduction in new[] { Reduction.None, Reduction.Sum, Reduction.Mean })
        {
            using var loss = new ClassBalancedSoftmaxLoss(ones, reduction, MeanNormalizer.WeightSum, ignoreIndex, eps,
                CbDevice.Cpu);
            var ours = loss.forward(input, target);
            var theirs = nn.functional.cross_entropy(input, target, null, ignoreIndex, reduction, eps);
            if (reduction == Reduction.None)
            {
                TestData.Close(TestData.Vector(theirs), TestData.Vector(ours), 1e-12, "None");
            }
            else
            {
                TestData.Close(TestData.Scalar(theirs), TestData.Scalar(ours), 1e-12, reduction.ToString());
            }
        }
    }

    [Fact]
    public void With_weights_and_WeightSum_it_equals_weighted_cross_entropy()
    {
        var z = TestData.Logits(6, B, C);
        var y = LabelsWithIgnored(6, -1);
        var w = TestData.Weights(6, C);
        using var scope = NewDisposeScope();
        var input = TestData.ToTensor(z, ScalarType.Float64);
        var target = TestData.ToTensor(y);
        var ours = CbFunctional.cb_softmax_cross_entropy(input, target, TestData.ToTensor(w), Reduction.Mean,
            MeanNormalizer.WeightSum, -1, 0.15);
        var theirs = nn.functional.cross_entropy(input, target, TestData.ToTensor(w), -1, Reduction.Mean, 0.15);
        TestData.Close(TestData.Scalar(theirs), TestData.Scalar(ours), 1e-12);
    }

    [Theory]
    [InlineData(MeanNormalizer.PositiveLabels)]
    [InlineData(MeanNormalizer.WeightSum)]
    [InlineData(MeanNormalizer.AllTerms)]
    public void A_batch_of_only_ignored_labels_gives_zero_not_NaN(MeanNormalizer n)
    {
        using var scope = NewDisposeScope();
        var input = TestData.ToTensor(TestData.Logits(1, 3, C), ScalarType.Float32, requiresGrad: true);
        var target = tensor(new long[] { -100, -100, -100 });
        using var loss = new ClassBalancedSoftmaxLoss(TestData.Weights(1, C), normalizer: n, device: CbDevice.Cpu);
        var value = loss.forward(input, target);
        value.backward();
        Assert.Equal(0.0, TestData.Scalar(value));
        Assert.All(TestData.Vector(input.grad!.flatten()), g => Assert.Equal(0.0, g));
    }

    [Fact]
    public void WeightSum_with_only_zero_weight_classes_in_the_batch_gives_zero_not_NaN()
    {
        using var scope = NewDisposeScope();
        var input = TestData.ToTensor(TestData.Logits(2, 3, 3), ScalarType.Float64);
        var target = tensor(new long[] { 0, 0, 0 });
        using var loss = new ClassBalancedSoftmaxLoss(new[] { 0.0, 1.5, 1.5 }, normalizer: MeanNormalizer.WeightSum,
            device: CbDevice.Cpu);
        Assert.Equal(0.0, TestData.Scalar(loss.forward(input, target)));

        // And a mixed batch divides by the applied weights only.
        var mixed = tensor(new long[] { 0, 1, 2 });
        var z = TestData.Logits(2, 3, 3);
        double expected = Reference.SoftmaxMean(z, new long[] { 0, 1, 2 }, new[] { 0.0, 1.5, 1.5 }, -100, 0.0,
            MeanNormalizer.WeightSum);
        TestData.Close(expected, TestData.Scalar(loss.forward(input, mixed)), 1e-12);
    }

    [Fact]
    public void FromCounts_uses_the_class_balanced_weights()
    {
        long[] counts = { 5000, 500, 50, 5 };
        double beta = 0.999;
        var expected = ClassBalancedWeights.Compute(counts, beta);
        using var loss = ClassBalancedSoftmaxLoss.FromCounts(counts, beta, Reduction.Sum, device: CbDevice.Cpu);
        TestData.Close(expected, TestData.Vector(loss.ClassWeights!), 1e-15, "weights");
        Assert.Equal(Reduction.Sum, loss.reduction);
        Assert.Equal(4, loss.NumClasses);
    }
}
