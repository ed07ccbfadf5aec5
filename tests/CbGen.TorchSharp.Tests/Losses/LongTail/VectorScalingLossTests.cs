using System;
using CbGen.TorchSharp;
using TorchSharp;
using static TorchSharp.torch;
using Reduction = TorchSharp.torch.nn.Reduction;

namespace CbGen.TorchSharp.Tests;

/// <summary>The VS loss against float64 loops written from Kini et al.'s formula (value and gradient), central finite
/// differences, and its special cases γ = 0 (the logit-adjusted loss) and τ = 0 (scales alone).</summary>
public sealed class VectorScalingLossTests
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
                            data.Add(dtype, r, n, weighted, r == Reduction.Sum ? 0.0 : 1.5);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Module_and_functional_match_the_float64_loop_reference(
        ScalarType dtype, Reduction reduction, MeanNormalizer normalizer, bool weighted, double tau)
    {
        const double gamma = 0.2;
        var z = TestData.Logits(5, B, C);
        var y = TestData.Labels(5, B, C);
        y[2] = -100;                                                    // one ignored sample
        double[]? alpha = weighted ? TestData.Weights(5, C) : null;
        var transformed = LongTailLoops.VectorScaling(z, Counts, gamma, tau);

        using var scope = NewDisposeScope();
        using var loss = new VectorScalingLoss(Counts, reduction, normalizer, gamma: gamma, tau: tau,
            weight: alpha ?? Array.Empty<double>(), device: CbDevice.Cpu);
        var input = TestData.ToTensor(z, dtype);
        var target = TestData.ToTensor(y);
        var fromModule = loss.forward(input, target);
        var fromFunction = CbFunctional.vector_scaling_cross_entropy(input, target,
            tensor(VectorScalingTables.Scales(Counts, gamma)), tensor(ClassPriors.LogPriors(Counts)), tau,
            weighted ? TestData.ToTensor(alpha!) : null, reduction, normalizer);
        Assert.Equal(dtype, fromModule.dtype);

        double tol = dtype == ScalarType.Float64 ? 1e-12 : TestData.Tolerance(dtype);
        if (reduction == Reduction.None)
        {
            var expected = Reference.SoftmaxPerSample(transformed, y, alpha ?? LongTailLoops.Ones(C), -100, 0.0);
            TestData.Close(expected, TestData.Vector(fromModule), tol, "module");
            TestData.Close(expected, TestData.Vector(fromFunction), tol, "functional");
        }
        else
        {
            double expected = LongTailLoops.Reduced(transformed, y, alpha, -100, normalizer, reduction == Reduction.Mean);
            TestData.Close(expected, TestData.Scalar(fromModule), tol, "module");
            TestData.Close(expected, TestData.Scalar(fromFunction), tol, "functional");
        }
    }

    [Theory]
    [InlineData(false, true)]
    [InlineData(true, true)]
    [InlineData(true, false)]
    public void Gradient_matches_the_chain_rule_loop_to_1e_12(bool weighted, bool mean)
    {
        const double gamma = 0.3, tau = 1.25;
        var z = TestData.Logits(13, B, C);
        var y = TestData.Labels(13, B, C);
        y[4] = -100;
        double[]? alpha = weighted ? TestData.Weights(13, C) : null;
        using var scope = NewDisposeScope();
        using var loss = new VectorScalingLoss(Counts, mean ? Reduction.Mean : Reduction.Sum, gamma: gamma, tau: tau,
            weight: alpha ?? Array.Empty<double>(), device: CbDevice.Cpu);
        var input = TestData.ToTensor(z, ScalarType.Float64, requiresGrad: true);
        loss.forward(input, TestData.ToTensor(y)).backward();
        var expected = LongTailLoops.VectorScalingGradient(z, y, Counts, gamma, tau, alpha, -100, mean);
        var actual = TestData.Matrix(input.grad!);
        for (int i = 0; i < B; i++)
            for (int k = 0; k < C; k++)
                Assert.True(Math.Abs(actual[i, k] - expected[i, k]) <= 1e-12,
                    $"[{i},{k}]: {actual[i, k]:R} vs {expected[i, k]:R}");
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
        using var loss = new VectorScalingLoss(counts, Reduction.Mean, normalizer, gamma: 0.5, tau: 0.7, weight: alpha,
            device: CbDevice.Cpu);
        FiniteDifferences.Check(loss, z, TestData.ToTensor(y));
    }

    [Theory]
    [InlineData(ScalarType.Float64, 1.0)]
    [InlineData(ScalarType.Float64, 0.7)]
    [InlineData(ScalarType.Float32, 1.0)]
    [InlineData(ScalarType.Float32, 0.7)]
    public void Gamma_zero_is_the_logit_adjusted_loss_bit_for_bit(ScalarType dtype, double tau)
    {
        var z = TestData.Logits(21, B, C);
        var y = TestData.Labels(21, B, C);
        y[1] = -100;
        using var scope = NewDisposeScope();
        using var vs = new VectorScalingLoss(Counts, Reduction.None, gamma: 0.0, tau: tau, device: CbDevice.Cpu);
        using var la = new LogitAdjustedLoss(Counts, Reduction.None, tau: tau, device: CbDevice.Cpu);
        var a = TestData.ToTensor(z, dtype, requiresGrad: true);
        var b = TestData.ToTensor(z, dtype, requiresGrad: true);
        var fromVs = vs.forward(a, TestData.ToTensor(y));
        var fromLa = la.forward(b, TestData.ToTensor(y));
        Assert.Equal(TestData.Vector(fromLa), TestData.Vector(fromVs));
        fromVs.sum().backward();
        fromLa.sum().backward();
        Assert.Equal(TestData.Matrix(b.grad!), TestData.Matrix(a.grad!));
    }

    /// <summary>Pins the loss to the form it has always had, CE(ι + z·Δ) with one fused <c>addcmul</c>, rebuilt
    /// from the module's own buffers as <c>forward</c> caches them: a faster rewrite of <c>forward</c> must give the
    /// same bits, in float32 too (where a separate multiply and add can round differently from the fused op).</summary>
    [Theory]
    [InlineData(ScalarType.Float32, Reduction.Mean)]
    [InlineData(ScalarType.Float32, Reduction.None)]
    [InlineData(ScalarType.Float64, Reduction.Mean)]
    [InlineData(ScalarType.Float64, Reduction.Sum)]
    public void Value_and_gradient_are_cross_entropy_of_the_fused_addcmul_bit_for_bit(ScalarType dtype, Reduction reduction)
    {
        const int batch = 64;
        const int classes = 37;                                         // several SIMD widths and a remainder
        const double tau = 0.8;
        var counts = new long[classes];
        for (int k = 0; k < classes; k++)
            counts[k] = 3000L >> (k % 11);
        var z = TestData.Logits(24, batch, classes);
        var y = TestData.Labels(24, batch, classes);
        y[3] = -100;
        using var scope = NewDisposeScope();
        using var loss = new VectorScalingLoss(counts, reduction, gamma: 0.3, tau: tau, device: CbDevice.Cpu);
        var a = TestData.ToTensor(z, dtype, requiresGrad: true);
        var b = TestData.ToTensor(z, dtype, requiresGrad: true);
        var target = TestData.ToTensor(y);
        var actual = loss.forward(a, target);
        var scales = loss.Scales.to(dtype);
        var offsets = loss.LogPriors.to(dtype).mul(tau);
        var expected = nn.functional.cross_entropy(offsets.addcmul(b, scales, 1.0), target, reduction: reduction);
        Assert.Equal(TestData.Vector(expected.reshape(-1)), TestData.Vector(actual.reshape(-1)));
        actual.sum().backward();
        expected.sum().backward();
        Assert.Equal(TestData.Matrix(b.grad!), TestData.Matrix(a.grad!));
    }

    [Fact]
    public void Tau_zero_scales_the_logits_only()
    {
        const double gamma = 0.4;
        var z = TestData.Logits(22, B, C);
        var y = TestData.Labels(22, B, C);
        var scaled = (double[,])z.Clone();
        var delta = LongTailLoops.VsScales(Counts, gamma);
        for (int i = 0; i < B; i++)
            for (int k = 0; k < C; k++)
                scaled[i, k] *= delta[k];                               // CE(Δ ⊙ z): no additive term at all

        using var scope = NewDisposeScope();
        using var loss = new VectorScalingLoss(Counts, Reduction.None, gamma: gamma, tau: 0.0, device: CbDevice.Cpu);
        var actual = TestData.Vector(loss.forward(TestData.ToTensor(z, ScalarType.Float64), TestData.ToTensor(y)));
        TestData.Close(Reference.SoftmaxPerSample(scaled, y, LongTailLoops.Ones(C), -100, 0.0), actual, 1e-12, "CE(Δ ⊙ z)");
    }

    [Fact]
    public void The_tables_are_the_formula_with_the_head_class_scaled_by_exactly_one()
    {
        var scales = VectorScalingTables.Scales(Counts, 0.2);
        var offsets = VectorScalingTables.Offsets(Counts, 1.5);
        var delta = LongTailLoops.VsScales(Counts, 0.2);
        for (int k = 0; k < C; k++)
        {
            TestData.Close(delta[k], scales[k], 1e-15, "Δ");
            TestData.Close(1.5 * Math.Log(Counts[k] / 5155.0), offsets[k], 1e-15, "ι");
        }

        Assert.Equal(1.0, scales[0]);
        Assert.All(VectorScalingTables.Scales(Counts, 0.0), s => Assert.Equal(1.0, s));
        Assert.All(VectorScalingTables.Offsets(Counts, 0.0), o => Assert.Equal(0.0, o));
    }

    [Fact]
    public void From_tables_matches_the_counts_constructor()
    {
        var z = TestData.Logits(23, B, C);
        var y = TestData.Labels(23, B, C);
        using var scope = NewDisposeScope();
        using var fromCounts = new VectorScalingLoss(Counts, gamma: 0.25, tau: 0.5, device: CbDevice.Cpu);
        using var fromTables = VectorScalingLoss.FromTables(VectorScalingTables.Scales(Counts, 0.25),
            ClassPriors.LogPriors(Counts), tau: 0.5, device: CbDevice.Cpu);
        var input = TestData.ToTensor(z, ScalarType.Float64);
        Assert.Equal(TestData.Scalar(fromCounts.forward(input, TestData.ToTensor(y))),
            TestData.Scalar(fromTables.forward(input, TestData.ToTensor(y))));
        Assert.Equal(0.25, fromCounts.Gamma);
        Assert.True(double.IsNaN(fromTables.Gamma));
        Assert.Equal(0.5, fromTables.Tau);
    }
}
