using System;
using CbGen.TorchSharp;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn.functional;
using Reduction = TorchSharp.torch.nn.Reduction;

namespace CbGen.TorchSharp.Tests;

/// <summary>The LDAM loss against float64 loops, its special case m_max = 0 and s = 1, gradients and extreme logits.</summary>
public sealed class LdamLossTests
{
    private const int B = 7;
    private const int C = 5;
    private static readonly long[] Counts = { 4000, 900, 200, 45, 10 };

    public static TheoryData<ScalarType, Reduction, MeanNormalizer, bool> Cases()
    {
        var data = new TheoryData<ScalarType, Reduction, MeanNormalizer, bool>();
        foreach (var dtype in new[] { ScalarType.Float64, ScalarType.Float32 })
            foreach (var r in new[] { Reduction.None, Reduction.Sum, Reduction.Mean })
                foreach (var n in new[] { MeanNormalizer.WeightSum, MeanNormalizer.PositiveLabels, MeanNormalizer.AllTerms })
                    foreach (bool weighted in new[] { false, true })
                        if (r == Reduction.Mean || n == MeanNormalizer.WeightSum)
                            data.Add(dtype, r, n, weighted);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Module_and_functional_match_the_float64_loop_reference(
        ScalarType dtype, Reduction reduction, MeanNormalizer normalizer, bool weighted)
    {
        var z = TestData.Logits(21, B, C, scale: 1.0);
        var y = TestData.Labels(21, B, C);
        y[4] = -100;
        double[]? alpha = weighted ? TestData.Weights(21, C) : null;
        var margins = LongTailLoops.Margins(Counts, 0.5);
        var shifted = LongTailLoops.Ldam(z, y, margins, 30.0);

        using var scope = NewDisposeScope();
        using var loss = new LdamLoss(Counts, weight: alpha ?? Array.Empty<double>(), reduction: reduction,
            normalizer: normalizer, device: CbDevice.Cpu);
        var input = TestData.ToTensor(z, dtype);
        var target = TestData.ToTensor(y);
        var fromModule = loss.forward(input, target);
        var fromFunction = CbFunctional.ldam_cross_entropy(input, target, tensor(LdamMargins.Compute(Counts)),
            30.0, weighted ? TestData.ToTensor(alpha!) : null, reduction, normalizer);

        // s = 30 multiplies the logits' rounding: float32 gets 30× its usual tolerance.
        double tol = dtype == ScalarType.Float64 ? 1e-9 : 3e-5;
        if (reduction == Reduction.None)
        {
            var expected = Reference.SoftmaxPerSample(shifted, y, alpha ?? LongTailLoops.Ones(C), -100, 0.0);
            TestData.Close(expected, TestData.Vector(fromModule), tol, "module");
            TestData.Close(expected, TestData.Vector(fromFunction), tol, "functional");
        }
        else
        {
            double expected = LongTailLoops.Reduced(shifted, y, alpha, -100, normalizer, reduction == Reduction.Mean);
            TestData.Close(expected, TestData.Scalar(fromModule), tol, "module");
            TestData.Close(expected, TestData.Scalar(fromFunction), tol, "functional");
        }
    }

    [Fact]
    public void Zero_margin_and_unit_scale_is_plain_cross_entropy()
    {
        var z = TestData.Logits(22, B, C);
        var y = TestData.Labels(22, B, C);
        using var scope = NewDisposeScope();
        // m_max must be > 0 (as CB028 says), so all-zero margins come through FromMargins.
        using var loss = LdamLoss.FromMargins(new double[Counts.Length], scale: 1.0, device: CbDevice.Cpu);
        var input = TestData.ToTensor(z, ScalarType.Float64);
        var target = TestData.ToTensor(y);
        Assert.Equal(TestData.Scalar(cross_entropy(input, target)), TestData.Scalar(loss.forward(input, target)));
    }

    [Fact]
    public void Only_the_true_class_logit_is_lowered_by_its_margin()
    {
        // Two samples of the rarest class (margin 0.5) and one of the head (margin 0.5 / 16^(1/4) = 0.25), s = 1:
        // the per-sample loss is CE of the logits with just the label's entry lowered.
        long[] counts = { 160, 10 };
        using var scope = NewDisposeScope();
        using var loss = new LdamLoss(counts, scale: 1.0, reduction: Reduction.None, device: CbDevice.Cpu);
        var value = loss.forward(tensor(new double[] { 0, 0, 0, 0 }, new long[] { 2, 2 }), tensor(new long[] { 1, 0 }));
        double rare = Math.Log(1 + Math.Exp(0.5));    // −log softmax of (0, −0.5) at index 1
        double head = Math.Log(1 + Math.Exp(0.25));
        TestData.Close(new[] { rare, head }, TestData.Vector(value), 1e-15, "per-sample");
        Assert.Equal(new[] { 0.25, 0.5 }, TestData.Vector(loss.Margins));
    }

    [Theory]
    [InlineData(false, MeanNormalizer.WeightSum)]
    [InlineData(true, MeanNormalizer.WeightSum)]
    [InlineData(true, MeanNormalizer.PositiveLabels)]
    [InlineData(true, MeanNormalizer.AllTerms)]
    public void Gradients_match_central_finite_differences_in_float64(bool weighted, MeanNormalizer normalizer)
    {
        var z = TestData.Logits(23, 4, 3, scale: 0.2);
        var y = new long[] { 0, 2, -100, 1 };
        double[] alpha = weighted ? TestData.Weights(23, 3) : Array.Empty<double>();
        using var scope = NewDisposeScope();
        using var loss = new LdamLoss(new long[] { 100, 10, 1 }, Reduction.Mean, normalizer, maxMargin: 0.5, scale: 30.0,
            weight: alpha, device: CbDevice.Cpu);
        FiniteDifferences.Check(loss, z, TestData.ToTensor(y), h: 1e-7, rel: 1e-6);
    }

    [Theory]
    [InlineData(100.0, ScalarType.Float32)]
    [InlineData(10_000.0, ScalarType.Float32)]
    [InlineData(10_000.0, ScalarType.Float64)]
    public void Extreme_logits_at_scale_30_give_finite_exact_losses_and_gradients(double m, ScalarType dtype)
    {
        var z = new double[,] { { m, -m, -m }, { -m, m, -m }, { m, m, m }, { -m, -m, -m } };
        var y = new long[] { 0, 0, 2, 1 };
        var counts = new long[] { 1000, 30, 1 };
        using var scope = NewDisposeScope();
        using var loss = new LdamLoss(counts, reduction: Reduction.None, device: CbDevice.Cpu);
        var input = TestData.ToTensor(z, dtype, requiresGrad: true);
        var value = loss.forward(input, TestData.ToTensor(y));
        value.sum().backward();
        Assert.True(value.isfinite().all().item<bool>());
        Assert.True(input.grad!.isfinite().all().item<bool>());
        var expected = Reference.SoftmaxPerSample(
            LongTailLoops.Ldam(z, y, LongTailLoops.Margins(counts, 0.5), 30.0), y, LongTailLoops.Ones(3), -100, 0.0);
        // The shifted logits themselves round to ulp(s·m) in either dtype: the loss is exact up to a few of
        // those, as PyTorch's is.
        double ulps = 4 * 30.0 * m * Math.Pow(2, dtype == ScalarType.Float64 ? -52 : -23);
        var actual = TestData.Vector(value);
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.True(Math.Abs(actual[i] - expected[i]) <= ulps, $"sample {i}: {actual[i]:R} vs {expected[i]:R}");
        }
    }
}
