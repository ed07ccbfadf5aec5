using System;
using CbGen.TorchSharp;
using TorchSharp;
using static TorchSharp.torch;
using R = CbGen.TorchSharp.Tests.RuntimeReference;

namespace CbGen.TorchSharp.Tests;

/// <summary>
/// Label checks and ignore_index on both validation paths (issue 16, gaps 3 to 5): contiguous CPU labels are read
/// on the host, other labels (GPU, strided views) by a min/max reduction; both must accept and reject the same
/// labels and count ignored ones the same way.
/// </summary>
public class LabelTests
{
    private static readonly double[] Alpha = { 0.5, 1.0, 1.5 };

    private static Tensor Labels(long[] y, bool contiguous) => contiguous ? TestData.ToTensor(y) : R.NonContiguous(y);

    public static TheoryData<CbLoss, bool> VariantsAndLayouts => new()
    {
        { CbLoss.Softmax, true }, { CbLoss.Softmax, false },
        { CbLoss.Sigmoid, true }, { CbLoss.Sigmoid, false },
        { CbLoss.Focal, true }, { CbLoss.Focal, false },
    };

    [Theory]
    [MemberData(nameof(VariantsAndLayouts))]
    public void A_label_equal_to_C_alone_is_rejected(CbLoss variant, bool contiguous)
    {
        using var scope = NewDisposeScope();
        using var loss = R.Module(variant, Alpha, MeanNormalizer.PositiveLabels);
        var z = TestData.ToTensor(TestData.Logits(1, 4, 3), ScalarType.Float32);
        var y = Labels(new long[] { 0, 1, 3, 2 }, contiguous);
        var e = Assert.Throws<ArgumentException>(() => loss.forward(z, y));
        Assert.Equal("target", e.ParamName);
        Assert.Contains("class index 3", e.Message, StringComparison.Ordinal);
        Assert.Contains("[0, 3)", e.Message, StringComparison.Ordinal);

        using var weight = TestData.ToTensor(Alpha);
        Assert.Throws<ArgumentException>(() => R.Functional(variant, z, y, weight, MeanNormalizer.PositiveLabels));
    }

    [Theory]
    [MemberData(nameof(VariantsAndLayouts))]
    public void A_negative_label_alone_is_rejected(CbLoss variant, bool contiguous)
    {
        using var scope = NewDisposeScope();
        using var loss = R.Module(variant, Alpha, MeanNormalizer.PositiveLabels);
        var z = TestData.ToTensor(TestData.Logits(1, 4, 3), ScalarType.Float32);
        var e = Assert.Throws<ArgumentException>(() => loss.forward(z, Labels(new long[] { 0, 2, -1, 1 }, contiguous)));
        Assert.Contains("class index -1", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Ignored_labels_do_not_excuse_a_bad_one(bool contiguous)
    {
        using var scope = NewDisposeScope();
        using var loss = new ClassBalancedSoftmaxLoss(Alpha, ignore_index: -100, device: CbDevice.Cpu);
        var z = TestData.ToTensor(TestData.Logits(2, 5, 3), ScalarType.Float64);
        var e = Assert.Throws<ArgumentException>(() =>
            loss.forward(z, Labels(new long[] { -100, 1, 3, 2, -100 }, contiguous)));
        Assert.Contains("class index 3", e.Message, StringComparison.Ordinal);
        Assert.Contains("or ignore_index = -100", e.Message, StringComparison.Ordinal);

        e = Assert.Throws<ArgumentException>(() =>
            loss.forward(z, Labels(new long[] { 0, -100, -5, 2, 1 }, contiguous)));
        Assert.Contains("class index -5", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true, 3L)]
    [InlineData(false, 3L)]
    [InlineData(true, -1L)]
    [InlineData(false, -1L)]
    [InlineData(true, 100L)]
    [InlineData(false, 100L)]
    public void An_ignore_index_outside_the_classes_is_accepted_at_either_extreme(bool contiguous, long ignore)
    {
        using var scope = NewDisposeScope();
        var zz = TestData.Logits(4, 5, 3);
        var y = new[] { 0, ignore, 2, 1, ignore };
        using var loss = new ClassBalancedSoftmaxLoss(Alpha, ignore_index: ignore, device: CbDevice.Cpu);
        var value = loss.forward(TestData.ToTensor(zz, ScalarType.Float64), Labels(y, contiguous));
        R.Close(R.Mean(CbLoss.Softmax, zz, y, Alpha, MeanNormalizer.PositiveLabels, ignore), value,
            ScalarType.Float64, $"ignore {ignore}");
    }

    public static TheoryData<long, MeanNormalizer, bool> IgnoreInsideTheClasses => new()
    {
        { 0L, MeanNormalizer.PositiveLabels, true }, { 0L, MeanNormalizer.PositiveLabels, false },
        { 0L, MeanNormalizer.WeightSum, true }, { 0L, MeanNormalizer.WeightSum, false },
        { 0L, MeanNormalizer.AllTerms, true }, { 0L, MeanNormalizer.AllTerms, false },
        { 2L, MeanNormalizer.PositiveLabels, true }, { 2L, MeanNormalizer.PositiveLabels, false },
        { 1L, MeanNormalizer.PositiveLabels, true }, { 1L, MeanNormalizer.PositiveLabels, false },
    };

    [Theory]
    [MemberData(nameof(IgnoreInsideTheClasses))]
    public void An_ignore_index_that_is_a_class_is_counted_on_both_paths(long ignore, MeanNormalizer n, bool contiguous)
    {
        // 64 labels, so the host path's vector prefix would run if it were (wrongly) allowed with this ignore_index.
        using var scope = NewDisposeScope();
        const int b = 64;
        var z = TestData.Logits(6, b, 3);
        var y = TestData.Labels(6, b, 3);
        y[0] = 0;
        y[1] = 2;
        using var loss = new ClassBalancedSoftmaxLoss(Alpha, normalizer: n, ignore_index: ignore, device: CbDevice.Cpu);
        var value = loss.forward(TestData.ToTensor(z, ScalarType.Float64), Labels(y, contiguous));
        R.Close(R.Mean(CbLoss.Softmax, z, y, Alpha, n, ignore), value, ScalarType.Float64, $"ignore {ignore} {n}");

        using var weight = TestData.ToTensor(Alpha);
        var functional = R.Functional(CbLoss.Softmax, TestData.ToTensor(z, ScalarType.Float64), Labels(y, contiguous),
            weight, n, ignore);
        R.Close(R.Mean(CbLoss.Softmax, z, y, Alpha, n, ignore), functional, ScalarType.Float64, "functional");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Weight_sum_with_a_zero_weight_and_ignored_labels_matches_the_reference(bool contiguous)
    {
        using var scope = NewDisposeScope();
        double[] alpha = { 0.0, 1.5, 2.0 };
        var z = TestData.Logits(8, 7, 3);
        long[] y = { 0, 1, -100, 2, 0, -100, 1 };
        using var loss = new ClassBalancedSoftmaxLoss(alpha, normalizer: MeanNormalizer.WeightSum, device: CbDevice.Cpu);
        var value = loss.forward(TestData.ToTensor(z, ScalarType.Float64), Labels(y, contiguous));
        R.Close(R.Mean(CbLoss.Softmax, z, y, alpha, MeanNormalizer.WeightSum), value, ScalarType.Float64, "module");

        var weight = TestData.ToTensor(alpha);
        var functional = R.Functional(CbLoss.Softmax, TestData.ToTensor(z, ScalarType.Float64), Labels(y, contiguous),
            weight, MeanNormalizer.WeightSum);
        R.Close(R.Mean(CbLoss.Softmax, z, y, alpha, MeanNormalizer.WeightSum), functional, ScalarType.Float64, "functional");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Weight_sum_is_zero_with_zero_gradients_when_every_applied_weight_is_zero(bool contiguous)
    {
        using var scope = NewDisposeScope();
        double[] alpha = { 0.0, 1.5, 2.0 };
        var z = TestData.ToTensor(TestData.Logits(9, 4, 3), ScalarType.Float64, requiresGrad: true);
        using var loss = new ClassBalancedSoftmaxLoss(alpha, normalizer: MeanNormalizer.WeightSum, device: CbDevice.Cpu);
        var value = loss.forward(z, Labels(new long[] { 0, -100, 0, -100 }, contiguous));
        Assert.Equal(0.0, TestData.Scalar(value));
        value.backward();
        Assert.All(TestData.Vector(z.grad!.flatten()), g => Assert.Equal(0.0, g));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Every_label_ignored_gives_zero_for_every_normalizer(bool contiguous)
    {
        using var scope = NewDisposeScope();
        var z = TestData.ToTensor(TestData.Logits(10, 3, 3), ScalarType.Float64);
        foreach (var n in new[] { MeanNormalizer.PositiveLabels, MeanNormalizer.WeightSum, MeanNormalizer.AllTerms })
        {
            using var loss = new ClassBalancedSoftmaxLoss(Alpha, normalizer: n, ignore_index: 1, device: CbDevice.Cpu);
            Assert.Equal(0.0, TestData.Scalar(loss.forward(z, Labels(new long[] { 1, 1, 1 }, contiguous))));
        }
    }
}
