using System;
using System.Collections.Generic;
using CbGen.TorchSharp;
using TorchSharp;
using static TorchSharp.torch;
using Reduction = TorchSharp.torch.nn.Reduction;

namespace CbGen.TorchSharp.Tests;

public class GradientAndStabilityTests
{
    private const int B = 4;
    private const int C = 3;

    public static TheoryData<string, MeanNormalizer, bool> GradientCases()
    {
        var data = new TheoryData<string, MeanNormalizer, bool>();
        foreach (var loss in new[] { "softmax", "softmax-smooth", "sigmoid", "focal0.5", "focal2" })
        {
            foreach (var n in new[] { MeanNormalizer.PositiveLabels, MeanNormalizer.WeightSum, MeanNormalizer.AllTerms })
            {
                data.Add(loss, n, false);
                if (!loss.StartsWith("softmax", StringComparison.Ordinal))
                {
                    data.Add(loss, n, true);
                }
            }
        }

        return data;
    }

    private static nn.Module<Tensor, Tensor, Tensor> Make(string name, double[] alpha, MeanNormalizer n) => name switch
    {
        "softmax" => new ClassBalancedSoftmaxLoss(alpha, Reduction.Mean, n, -100, 0.0, CbDevice.Cpu),
        "softmax-smooth" => new ClassBalancedSoftmaxLoss(alpha, Reduction.Mean, n, -100, 0.2, CbDevice.Cpu),
        "sigmoid" => new ClassBalancedSigmoidLoss(alpha, Reduction.Mean, n, CbDevice.Cpu),
        "focal0.5" => new ClassBalancedFocalLoss(alpha, Reduction.Mean, n, 0.5, CbDevice.Cpu),
        _ => new ClassBalancedFocalLoss(alpha, Reduction.Mean, n, 2.0, CbDevice.Cpu),
    };

    [Theory]
    [MemberData(nameof(GradientCases))]
    public void Gradients_match_central_finite_differences_in_float64(string name, MeanNormalizer n, bool soft)
    {
        var z = TestData.Logits(31, B, C);
        var alpha = TestData.Weights(31, C);
        using var scope = NewDisposeScope();
        using var loss = Make(name, alpha, n);
        var target = soft ? TestData.ToTensor(TestData.SoftTargets(31, B, C), ScalarType.Float64) : TestData.ToTensor(TestData.Labels(31, B, C));

        var input = TestData.ToTensor(z, ScalarType.Float64, requiresGrad: true);
        loss.forward(input, target).backward();
        var analytic = TestData.Matrix(input.grad!);

        const double h = 1e-6;
        for (int i = 0; i < B; i++)
        {
            for (int k = 0; k < C; k++)
            {
                double Value(double delta)
                {
                    var shifted = (double[,])z.Clone();
                    shifted[i, k] += delta;
                    using var inner = NewDisposeScope();
                    using var noGrad = no_grad();
                    return TestData.Scalar(loss.forward(TestData.ToTensor(shifted, ScalarType.Float64), target));
                }

                double numeric = (Value(h) - Value(-h)) / (2 * h);
                TestData.Close(numeric, analytic[i, k], 1e-7, $"∂L/∂z[{i},{k}]");
            }
        }
    }

    public static IEnumerable<object[]> ExtremeCases()
    {
        foreach (double magnitude in new[] { 100.0, 10_000.0 })
        {
            foreach (double gamma in new[] { 0.0, 0.5, 1.0, 2.0 })
            {
                yield return new object[] { magnitude, gamma };
            }
        }
    }

    /// <summary>Logits of ±magnitude in float32 with labels that make p_t → 1, p_t → 0 and mixed rows.</summary>
    [Theory]
    [MemberData(nameof(ExtremeCases))]
    public void Extreme_float32_logits_give_finite_losses_and_gradients(double magnitude, double gamma)
    {
        var m = (float)magnitude;
        float[] logits =
        {
            m, -m, -m,      // label 0: p_t → 1 on every term (γ < 1 is the risky case)
            -m, m, -m,      // label 0: the positive is confidently wrong
            m, m, m,        // label 2: mixed
            -m, -m, -m,     // label 1
        };
        long[] labels = { 0, 0, 2, 1 };
        var alpha = new[] { 0.5, 1.0, 2.0 };
        var targets = new List<Func<Tensor>>
        {
            () => tensor(labels),
            () => tensor(new float[] { 1, 0, 0, 1, 0, 0, 0, 0, 1, 0, 1, 0 }, new long[] { 4, 3 }),
            () => tensor(new float[] { 1, 0, 0.5f, 0.5f, 0, 1, 0.25f, 1, 0, 0, 0.75f, 0 }, new long[] { 4, 3 }),
        };

        using var scope = NewDisposeScope();
        foreach (var makeTarget in targets)
        {
            var target = makeTarget();
            foreach (var reduction in new[] { Reduction.Mean, Reduction.Sum, Reduction.None })
            {
                var modules = new List<nn.Module<Tensor, Tensor, Tensor>>
                {
                    new ClassBalancedFocalLoss(alpha, reduction, gamma: gamma, device: CbDevice.Cpu),
                    new ClassBalancedSigmoidLoss(alpha, reduction, device: CbDevice.Cpu),
                };
                if (target.dim() == 1)
                {
                    modules.Add(new ClassBalancedSoftmaxLoss(alpha, reduction, label_smoothing: 0.1, device: CbDevice.Cpu));
                }

                foreach (var loss in modules)
                {
                    var input = tensor(logits, new long[] { 4, 3 }).requires_grad_(true);
                    var value = loss.forward(input, target);
                    value.sum().backward();
                    Assert.True(value.isfinite().all().item<bool>(), $"{loss.GetType().Name} {reduction}: loss not finite");
                    Assert.True(input.grad!.isfinite().all().item<bool>(), $"{loss.GetType().Name} {reduction}: gradient not finite");
                    loss.Dispose();
                }
            }
        }
    }

    [Theory]
    [InlineData(8.0, 0.0)]
    [InlineData(30.0, 1e-15)]
    public void Focal_loss_with_gamma_one_half_and_p_t_near_one_keeps_the_right_value(double x, double absoluteTolerance)
    {
        // Label 0 with logits (x, −x): p_t = σ(x) on both terms, so each is (1 − p_t)^0.5 · log(1 + e^{−x}).
        // The value is tiny but right (not 0·∞ or NaN); BCE = (1 − t)·z − log σ(z) loses only absolute digits
        // of order ulp(x), as libtorch's binary_cross_entropy_with_logits does.
        using var scope = NewDisposeScope();
        var input = tensor(new double[] { x, -x }, new long[] { 1, 2 }, ScalarType.Float64).requires_grad_(true);
        using var loss = new ClassBalancedFocalLoss(new[] { 1.0, 1.0 }, Reduction.Sum, gamma: 0.5, device: CbDevice.Cpu);
        var value = loss.forward(input, tensor(new long[] { 0 }));
        value.backward();
        double expected = 2.0 * Math.Sqrt(1.0 / (1.0 + Math.Exp(x))) * Math.Log(1.0 + Math.Exp(-x));
        double actual = TestData.Scalar(value);
        Assert.True(Math.Abs(actual - expected) <= Math.Max(absoluteTolerance, 1e-9 * expected),
            $"expected {expected:R}, got {actual:R}");
        Assert.True(input.grad!.isfinite().all().item<bool>());
    }
}
