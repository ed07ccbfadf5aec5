using System;
using System.Collections.Generic;
using CbGen.TorchSharp;
using TorchSharp;
using static TorchSharp.torch;
using Reduction = TorchSharp.torch.nn.Reduction;

namespace CbGen.TorchSharp.Tests;

/// <summary>
/// The class-index focal loss computes its gradient in closed form inside one autograd node. These tests hold
/// that gradient to a float64 loop over the derivative written out by hand (relative 1e-12, also for logits of
/// ±30 to ±700), and check that second-order gradients (<c>create_graph</c>) are still the true ones.
/// </summary>
public class FocalGradientTests
{
    private const int B = 5;
    private const int C = 4;

    public static TheoryData<double, Reduction> Cases()
    {
        var data = new TheoryData<double, Reduction>();
        foreach (double gamma in new[] { 0.5, 1.0, 2.0 })
        {
            foreach (var reduction in new[] { Reduction.None, Reduction.Sum, Reduction.Mean })
            {
                data.Add(gamma, reduction);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Gradient_matches_the_float64_derivative_to_1e_12(double gamma, Reduction reduction)
    {
        const int seed = 33;
        var z = TestData.Logits(seed, B, C);
        double[] extremes = { 30.0, -30.0, 100.0, -100.0, 700.0, -700.0, 17.5, -17.5 };
        for (int j = 0; j < extremes.Length; j++)
        {
            z[j % B, (j * 3) % C] = extremes[j];
        }

        var y = TestData.Labels(seed, B, C);
        var alpha = TestData.Weights(seed, C);
        var upstream = TestData.Logits(seed + 1, B, C, scale: 1.0);
        double n = reduction == Reduction.Mean ? B : 1.0;

        using var scope = NewDisposeScope();
        using var loss = new ClassBalancedFocalLoss(alpha, reduction, gamma: gamma, device: CbDevice.Cpu);
        var input = TestData.ToTensor(z, ScalarType.Float64, requiresGrad: true);
        var output = loss.forward(input, TestData.ToTensor(y));
        if (reduction == Reduction.None)
        {
            output.backward(new List<Tensor> { TestData.ToTensor(upstream, ScalarType.Float64) });
        }
        else
        {
            output.backward();
        }

        var actual = TestData.Matrix(input.grad!);
        for (int i = 0; i < B; i++)
        {
            for (int k = 0; k < C; k++)
            {
                double u = reduction == Reduction.None ? upstream[i, k] : 1.0;
                double expected = u * alpha[y[i]] / n * Derivative(z[i, k], k == y[i], gamma);
                double tolerance = 1e-12 * Math.Abs(expected) + 1e-300;
                Assert.True(Math.Abs(actual[i, k] - expected) <= tolerance,
                    $"γ = {gamma}, {reduction}, ∂L/∂z[{i},{k}] at z = {z[i, k]}: expected {expected:R}, got {actual[i, k]:R}");
            }
        }
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(1.0)]
    [InlineData(2.0)]
    public void Second_order_gradients_match_finite_differences_of_the_gradient(double gamma)
    {
        const int seed = 34;
        const double h = 1e-5;
        var z = TestData.Logits(seed, B, C);
        var direction = TestData.Logits(seed + 1, B, C, scale: 1.0);
        var y = TestData.ToTensor(TestData.Labels(seed, B, C));
        using var scope = NewDisposeScope();
        using var loss = new ClassBalancedFocalLoss(TestData.Weights(seed, C), gamma: gamma, device: CbDevice.Cpu);

        var input = TestData.ToTensor(z, ScalarType.Float64, requiresGrad: true);
        var gradient = autograd.grad(new[] { loss.forward(input, y) }, new[] { input }, create_graph: true)[0];
        var v = TestData.ToTensor(direction, ScalarType.Float64);
        var hessianTimesV = TestData.Matrix(autograd.grad(new[] { gradient.mul(v).sum() }, new[] { input })[0]);

        double[,] GradientAt(double step)
        {
            var shifted = (double[,])z.Clone();
            for (int i = 0; i < B; i++)
            {
                for (int k = 0; k < C; k++)
                {
                    shifted[i, k] += step * direction[i, k];
                }
            }

            var x = TestData.ToTensor(shifted, ScalarType.Float64, requiresGrad: true);
            loss.forward(x, y).backward();
            return TestData.Matrix(x.grad!);
        }

        var plus = GradientAt(h);
        var minus = GradientAt(-h);
        var numeric = new double[B, C];
        for (int i = 0; i < B; i++)
        {
            for (int k = 0; k < C; k++)
            {
                numeric[i, k] = (plus[i, k] - minus[i, k]) / (2 * h);
            }
        }

        TestData.Close(numeric, hessianTimesV, 1e-6, $"γ = {gamma}: H·v");
    }

    /// <summary>∂/∂z of −(1 − p_t)^γ·log p_t for one element, in double, from the textbook derivative.</summary>
    private static double Derivative(double z, bool positive, double gamma)
    {
        double s = positive ? 1.0 : -1.0;
        double q = s * z;
        double pt = Sigmoid(q);
        double oneMinusPt = Sigmoid(-q);
        double logPt = LogSigmoid(q);
        double modulator = Math.Exp(gamma * LogSigmoid(-q));
        return s * modulator * (gamma * pt * logPt - oneMinusPt);
    }

    private static double Sigmoid(double x) =>
        x >= 0 ? 1.0 / (1.0 + Math.Exp(-x)) : Math.Exp(x) / (1.0 + Math.Exp(x));

    private static double LogSigmoid(double x) =>
        x >= 0 ? -Log1p(Math.Exp(-x)) : x - Log1p(Math.Exp(x));

    /// <summary>log(1 + u) to a few ulps for u ≥ 0 (Goldberg's correction of the rounded 1 + u).</summary>
    private static double Log1p(double u)
    {
        double w = 1.0 + u;
        return w == 1.0 ? u : Math.Log(w) * u / (w - 1.0);
    }
}
