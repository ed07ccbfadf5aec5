using System;
using CbGen.TorchSharp;
using static TorchSharp.torch;
using Reduction = TorchSharp.torch.nn.Reduction;

namespace CbGen.TorchSharp.Tests;

/// <summary>The asymmetric loss against <see cref="MultiLabelLoops.Asl"/> (value and gradient to 1e-12 in
/// float64), central finite differences, its behaviour near p = 0 and 1, and the functional twin.</summary>
public class AsymmetricLossTests
{
    private const int C = 6;

    public static TheoryData<Reduction, MeanNormalizer, double, double, double, double> Cases() => new()
    {
        { Reduction.Mean, MeanNormalizer.PositiveLabels, 0.0, 4.0, 0.05, 0.0 },
        { Reduction.Mean, MeanNormalizer.AllTerms, 1.0, 2.0, 0.2, 0.0 },
        { Reduction.Sum, MeanNormalizer.PositiveLabels, 0.5, 0.5, 0.1, 0.0 },
        { Reduction.Sum, MeanNormalizer.PositiveLabels, 2.0, 3.0, 0.0, 0.0 },
        { Reduction.Mean, MeanNormalizer.PositiveLabels, 0.0, 0.0, 0.0, 0.0 },
        { Reduction.Sum, MeanNormalizer.PositiveLabels, 1.0, 4.0, 0.05, 1e-3 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Value_and_gradient_match_the_float64_reference(
        Reduction reduction, MeanNormalizer normalizer, double gammaPos, double gammaNeg, double clip, double eps)
    {
        using var scope = NewDisposeScope();
        var z = TestData.Logits(21, 8, C, scale: 5.0);
        var t = TestData.MultiHot(21, 8, C);
        using var loss = new AsymmetricLoss(C, reduction, normalizer, gammaPos, gammaNeg, clip, eps);
        var (elements, grads) = MultiLabelLoops.Asl(z, t, gammaPos, gammaNeg, clip, eps);
        double divisor = reduction == Reduction.Mean ? MultiLabelLoops.Divisor(t, normalizer) : 1.0;

        var input = TestData.ToTensor(z, ScalarType.Float64, requiresGrad: true);
        var value = loss.forward(input, TestData.ToTensor(t, ScalarType.Float64));
        TestData.Close(MultiLabelLoops.Sum(elements) / divisor, TestData.Scalar(value), 1e-12, "loss");
        value.backward();
        TestData.Close(MultiLabelLoops.Scale(grads, 1.0 / divisor), TestData.Matrix(input.grad!), 1e-12, "∂L/∂z");
    }

    [Fact]
    public void None_gives_the_reference_element_losses_for_soft_targets()
    {
        using var scope = NewDisposeScope();
        var z = TestData.Logits(4, 5, C);
        var t = TestData.SoftTargets(4, 5, C);
        using var loss = new AsymmetricLoss(C, Reduction.None);
        var expected = MultiLabelLoops.Asl(z, t, loss.GammaPositive, loss.GammaNegative, loss.Clip, 0.0).Loss;
        var actual = loss.forward(TestData.ToTensor(z, ScalarType.Float64), TestData.ToTensor(t, ScalarType.Float64));
        TestData.Close(expected, TestData.Matrix(actual), 1e-12, "element");
    }

    [Fact]
    public void Gradients_match_central_finite_differences()
    {
        using var scope = NewDisposeScope();
        using var loss = new AsymmetricLoss(C, gammaPositive: 1.0);
        FiniteDifferences.Check(loss, TestData.Logits(6, 5, C), TestData.ToTensor(TestData.MultiHot(6, 5, C), ScalarType.Float64));
    }

    [Fact]
    public void Extreme_logits_give_finite_exact_losses_and_gradients()
    {
        using var scope = NewDisposeScope();
        // p ≈ 1 for a negative (1 − p_m ≈ m), p ≈ 0 for a positive (log p ≈ z), p below the margin for a negative.
        var z = new double[,] { { 60.0, -60.0, -3.0, 35.0 } };
        var t = new double[,] { { 0.0, 1.0, 0.0, 1.0 } };
        using var loss = new AsymmetricLoss(4, Reduction.None, gammaNegative: 0.5);
        var input = TestData.ToTensor(z, ScalarType.Float64, requiresGrad: true);
        var values = loss.forward(input, TestData.ToTensor(t, ScalarType.Float64));
        var (expected, grads) = MultiLabelLoops.Asl(z, t, 0.0, 0.5, loss.Clip, 0.0);
        TestData.Close(expected, TestData.Matrix(values), 1e-12, "element");
        Assert.Equal(60.0, TestData.Matrix(values)[0, 1], 12);                 // −log σ(−60) = 60 + log(1 + e^−60)
        values.sum().backward();
        var g = TestData.Matrix(input.grad!);
        TestData.Close(grads, g, 1e-12, "∂ℓ/∂z");
        Assert.Equal(0.0, g[0, 2]);                                             // p ≤ m: exactly 0, not NaN
        Assert.Equal(-1.0, g[0, 1], 12);                                        // exact logs keep the gradient
    }

    [Fact]
    public void The_log_floor_zeroes_the_gradient_of_a_confidently_wrong_positive_as_the_official_clamp_does()
    {
        using var scope = NewDisposeScope();
        using var loss = new AsymmetricLoss(1, Reduction.Sum, epsilon: 1e-8);
        var input = TestData.ToTensor(new double[,] { { -30.0 } }, ScalarType.Float64, requiresGrad: true);
        var value = loss.forward(input, ones(1, 1, ScalarType.Float64));
        TestData.Close(-Math.Log(1e-8), TestData.Scalar(value), 1e-12, "floored");
        value.backward();
        Assert.Equal(0.0, TestData.Matrix(input.grad!)[0, 0]);
    }

    [Fact]
    public void The_functional_form_computes_what_the_module_computes()
    {
        using var scope = NewDisposeScope();
        var z = TestData.ToTensor(TestData.Logits(9, 4, C), ScalarType.Float64);
        var t = TestData.ToTensor(TestData.MultiHot(9, 4, C), ScalarType.Float64);
        using var loss = new AsymmetricLoss(C, Reduction.None, gammaPositive: 1.0, clip: 0.1);
        var expected = TestData.Matrix(loss.forward(z, t));
        var actual = TestData.Matrix(CbFunctional.asymmetric_loss(z, t, gamma_pos: 1.0, clip: 0.1, reduction: Reduction.None));
        TestData.Close(expected, actual, 0.0, "functional");
    }
}
