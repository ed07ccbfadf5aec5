using System;
using System.Linq;
using CbGen.TorchSharp;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn.functional;
using Reduction = TorchSharp.torch.nn.Reduction;

namespace CbGen.TorchSharp.Tests;

/// <summary>The logit-adjusted loss against float64 loops, its special cases τ = 0 and τ = 1, and post-hoc
/// adjustment.</summary>
public sealed class LogitAdjustedLossTests
{
    private const int B = 7;
    private const int C = 5;
    private static readonly long[] Counts = { 4000, 900, 200, 45, 10 };

    public static TheoryData<ScalarType, Reduction, MeanNormalizer, bool, double> Cases()
    {
        var data = new TheoryData<ScalarType, Reduction, MeanNormalizer, bool, double>();
        foreach (var dtype in new[] { ScalarType.Float64, ScalarType.Float32 })
            foreach (var r in new[] { Reduction.None, Reduction.Sum, Reduction.Mean })
                foreach (var n in new[] { MeanNormalizer.WeightSum, MeanNormalizer.PositiveLabels, MeanNormalizer.AllTerms })
                    foreach (bool weighted in new[] { false, true })
                        if (r == Reduction.Mean || n == MeanNormalizer.WeightSum)
                            data.Add(dtype, r, n, weighted, r == Reduction.Sum ? 0.5 : 1.0);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Module_and_functional_match_the_float64_loop_reference(
        ScalarType dtype, Reduction reduction, MeanNormalizer normalizer, bool weighted, double tau)
    {
        var z = TestData.Logits(5, B, C);
        var y = TestData.Labels(5, B, C);
        y[2] = -100;                                                    // one ignored sample
        double[]? alpha = weighted ? TestData.Weights(5, C) : null;
        var shifted = LongTailLoops.LogitAdjusted(z, Counts, tau);

        using var scope = NewDisposeScope();
        using var loss = new LogitAdjustedLoss(Counts, reduction, normalizer, tau: tau,
            weight: alpha ?? Array.Empty<double>(), device: CbDevice.Cpu);
        var input = TestData.ToTensor(z, dtype);
        var target = TestData.ToTensor(y);
        var fromModule = loss.forward(input, target);
        var fromFunction = CbFunctional.logit_adjusted_cross_entropy(input, target,
            tensor(ClassPriors.LogPriors(Counts)), tau, weighted ? TestData.ToTensor(alpha!) : null, reduction,
            normalizer);
        Assert.Equal(dtype, fromModule.dtype);

        double tol = TestData.Tolerance(dtype);
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
    public void Tau_zero_is_plain_cross_entropy()
    {
        var z = TestData.Logits(8, B, C);
        var y = TestData.Labels(8, B, C);
        using var scope = NewDisposeScope();
        using var loss = new LogitAdjustedLoss(Counts, tau: 0.0, device: CbDevice.Cpu);
        var input = TestData.ToTensor(z, ScalarType.Float64);
        var target = TestData.ToTensor(y);
        double expected = TestData.Scalar(cross_entropy(input, target));
        Assert.Equal(expected, TestData.Scalar(loss.forward(input, target)));
        TestData.Close(Reference.SoftmaxMean(z, y, LongTailLoops.Ones(C), -100, 0.0, MeanNormalizer.PositiveLabels),
            expected, 1e-12, "loop");
    }

    [Fact]
    public void Tau_one_is_the_balanced_softmax_CE_of_z_plus_log_n()
    {
        var z = TestData.Logits(9, B, C);
        var y = TestData.Labels(9, B, C);
        var plusLogN = (double[,])z.Clone();
        for (int i = 0; i < B; i++)
            for (int k = 0; k < C; k++)
                plusLogN[i, k] += Math.Log(Counts[k]);                  // no division by Σn: it cancels

        using var scope = NewDisposeScope();
        using var loss = new LogitAdjustedLoss(Counts, reduction: Reduction.None, device: CbDevice.Cpu);
        var actual = TestData.Vector(loss.forward(TestData.ToTensor(z, ScalarType.Float64), TestData.ToTensor(y)));
        TestData.Close(Reference.SoftmaxPerSample(plusLogN, y, LongTailLoops.Ones(C), -100, 0.0), actual, 1e-12, "CE(z + log n)");
    }

    [Theory]
    [InlineData(false, MeanNormalizer.WeightSum)]
    [InlineData(true, MeanNormalizer.WeightSum)]
    [InlineData(true, MeanNormalizer.PositiveLabels)]
    [InlineData(true, MeanNormalizer.AllTerms)]
    public void Gradients_match_central_finite_differences_in_float64(bool weighted, MeanNormalizer normalizer)
    {
        var z = TestData.Logits(11, 4, 3);
        var y = new long[] { 0, 2, -100, 1 };
        var counts = new long[] { 100, 10, 1 };
        double[] alpha = weighted ? TestData.Weights(11, 3) : Array.Empty<double>();
        using var scope = NewDisposeScope();
        using var loss = new LogitAdjustedLoss(counts, Reduction.Mean, normalizer, tau: 0.7, weight: alpha,
            device: CbDevice.Cpu);
        FiniteDifferences.Check(loss, z, TestData.ToTensor(y));
    }

    [Fact]
    public void Post_hoc_adjustment_has_one_form_so_a_counts_array_is_a_clear_error_not_an_ambiguous_call()
    {
        // adjust_logits once had Tensor, span and counts overloads: a long[] converted to two of them (CS0121).
        using var logits = zeros(2, 3);
        var e = Assert.Throws<ArgumentException>(() => CbFunctional.adjust_logits(logits, new long[] { 900, 90, 9 }));
        Assert.Equal("log_priors", e.ParamName);
        Assert.Contains("floating rank-1 tensor of 3 log-priors", e.Message, StringComparison.Ordinal);
        Assert.Single(typeof(CbFunctional).GetMethods(), m => m.Name == nameof(CbFunctional.adjust_logits));
    }

    [Fact]
    public void Post_hoc_adjustment_with_tau_zero_is_the_identity_and_has_no_graph()
    {
        using var scope = NewDisposeScope();
        var logits = TestData.ToTensor(TestData.Logits(12, B, C), ScalarType.Float32, requiresGrad: true);
        var adjusted = CbFunctional.adjust_logits(logits, tensor(ClassPriors.LogPriors(Counts)), tau: 0.0);
        Assert.Equal(TestData.Matrix(logits.detach()), TestData.Matrix(adjusted));
        Assert.False(adjusted.requires_grad);
        Assert.False(ReferenceEquals(adjusted, logits));
    }

    [Fact]
    public void Post_hoc_adjustment_subtracts_tau_log_prior_and_flips_the_argmax_toward_the_rare_class()
    {
        // A CE-trained model slightly prefers the head class 0 (z0 = 1.0 vs z1 = 0.5); class 1 is 100× rarer,
        // so z − log π adds log 100 ≈ 4.6 more to class 1 than to class 0 and the prediction flips to it.
        long[] counts = { 10_000, 100 };
        using var scope = NewDisposeScope();
        var logits = tensor(new double[] { 1.0, 0.5, 3.0, -3.0 }, new long[] { 2, 2 }, ScalarType.Float64);
        Assert.Equal(new long[] { 0, 0 }, logits.argmax(1).data<long>().ToArray());
        var adjusted = CbFunctional.adjust_logits(logits, tensor(ClassPriors.LogPriors(counts)));
        Assert.Equal(new long[] { 1, 0 }, adjusted.argmax(1).data<long>().ToArray());   // a large gap stays put

        double total = 10_100;
        var expected = new[,] { { 1.0 - Math.Log(10_000 / total), 0.5 - Math.Log(100 / total) },
                                { 3.0 - Math.Log(10_000 / total), -3.0 - Math.Log(100 / total) } };
        TestData.Close(expected, TestData.Matrix(adjusted), 1e-14, "z − log π");
        var half = CbFunctional.adjust_logits(logits, tensor(ClassPriors.LogPriors(counts)), 0.5);
        TestData.Close(0.5 - 0.5 * Math.Log(100 / total), TestData.Matrix(half)[0, 1], 1e-14, "τ = 0.5");
    }

    [Theory]
    [InlineData(100.0, ScalarType.Float32)]
    [InlineData(10_000.0, ScalarType.Float32)]
    [InlineData(10_000.0, ScalarType.Float64)]
    public void Extreme_logits_give_finite_exact_losses_and_gradients(double m, ScalarType dtype)
    {
        var z = new double[,] { { m, -m, -m }, { -m, m, -m }, { m, m, m }, { -m, -m, -m } };
        var y = new long[] { 0, 0, 2, 1 };
        var counts = new long[] { 1000, 30, 1 };
        using var scope = NewDisposeScope();
        using var loss = new LogitAdjustedLoss(counts, reduction: Reduction.None, device: CbDevice.Cpu);
        var input = TestData.ToTensor(z, dtype, requiresGrad: true);
        var value = loss.forward(input, TestData.ToTensor(y));
        value.sum().backward();
        Assert.True(value.isfinite().all().item<bool>());
        Assert.True(input.grad!.isfinite().all().item<bool>());
        var expected = Reference.SoftmaxPerSample(LongTailLoops.LogitAdjusted(z, counts, 1.0), y, LongTailLoops.Ones(3), -100, 0.0);
        // The shifted logits themselves round to ulp(s·m) in either dtype: the loss is exact up to a few of
        // those, as PyTorch's is.
        double ulps = 4 * 1.0 * m * Math.Pow(2, dtype == ScalarType.Float64 ? -52 : -23);
        var actual = TestData.Vector(value);
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.True(Math.Abs(actual[i] - expected[i]) <= ulps, $"sample {i}: {actual[i]:R} vs {expected[i]:R}");
        }
    }
}
