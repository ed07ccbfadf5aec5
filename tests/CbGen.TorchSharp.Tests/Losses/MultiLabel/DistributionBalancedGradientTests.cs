using System;
using System.Collections.Generic;
using CbGen.TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn.functional;
using Reduction = TorchSharp.torch.nn.Reduction;

namespace CbGen.TorchSharp.Tests;

/// <summary>
/// The distribution-balanced loss computes its value and gradient in closed form inside one autograd node. These
/// tests hold it to the formula it replaced (weights, signs and shifts without a graph, then addcmul, logsigmoid and
/// a dot tracked by autograd) in float64 and float32, logits up to ±700 included, and check that second-order
/// gradients (<c>create_graph</c>) are still the true ones.
/// </summary>
public class DistributionBalancedGradientTests
{
    private static readonly long[] Counts = { 400, 120, 35, 9, 2 };

    private const long Samples = 500;

    private const int B = 6;

    private static double[,] Logits(int seed, double[] extremes)
    {
        var z = TestData.Logits(seed, B, Counts.Length);
        for (int j = 0; j < extremes.Length; j++)
        {
            z[j % B, (j * 3) % Counts.Length] = extremes[j];
        }

        return z;
    }

    /// <summary>Multi-hot targets with a row without positives (row 1).</summary>
    private static double[,] Targets(int seed)
    {
        var t = TestData.MultiHot(seed, B, Counts.Length);
        for (int k = 0; k < Counts.Length; k++)
        {
            t[1, k] = 0.0;
        }

        return t;
    }

    /// <summary>The previous implementation's maths, as tracked tensor ops on the module's buffers.</summary>
    private static Tensor Previous(DistributionBalancedLoss loss, Tensor z, Tensor t, Reduction reduction)
    {
        Tensor sign;
        Tensor shift;
        Tensor weight;
        using (no_grad())
        {
            var inverse = loss.InverseCounts.to(z.dtype);
            var bias = loss.PriorBias.to(z.dtype);
            var instance = t.mv(inverse);
            var offset = tensor(-loss.Beta * loss.Mu, dtype: z.dtype);
            weight = offset.addr(instance.reciprocal_(), inverse.mul(loss.Beta));
            weight.sigmoid_().add_(loss.Alpha);
            weight.mul_(t.mul(-(1.0 - 1.0 / loss.Lambda)).add_(-1.0 / loss.Lambda));
            sign = t.mul(1.0 + loss.Lambda).sub_(loss.Lambda);
            shift = sign.mul(bias).neg_();
        }

        var logSig = logsigmoid(addcmul(shift, z, sign, 1.0));
        return reduction switch
        {
            Reduction.None => logSig.mul(weight),
            Reduction.Sum => logSig.flatten().dot(weight.flatten()),
            _ => logSig.flatten().dot(weight.flatten()).div(t.sum().clamp_min(1.0)),
        };
    }

    private static (Tensor Value, double[,] Gradient) Run(Func<Tensor, Tensor> loss, double[,] z, ScalarType dtype,
        double[,] upstream)
    {
        var input = TestData.ToTensor(z, dtype, requiresGrad: true);
        var value = loss(input);
        if (value.dim() == 0)
        {
            value.backward();
        }
        else
        {
            value.backward(new List<Tensor> { TestData.ToTensor(upstream, dtype) });
        }

        return (value.detach(), TestData.Matrix(input.grad!));
    }

    public static TheoryData<Reduction, ScalarType> Cases()
    {
        var data = new TheoryData<Reduction, ScalarType>();
        foreach (var dtype in new[] { ScalarType.Float64, ScalarType.Float32 })
        {
            foreach (var reduction in new[] { Reduction.None, Reduction.Sum, Reduction.Mean })
            {
                data.Add(reduction, dtype);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Value_and_gradient_match_the_previous_formula(Reduction reduction, ScalarType dtype)
    {
        // float64: the rounding of a handful of operations either way (4e-16 of the larger of 1 and the value);
        // float32: a few units in the last place.
        bool f64 = dtype == ScalarType.Float64;
        double rel = f64 ? 4e-16 : 4e-7;
        double[] extremes = f64
            ? new[] { 30.0, -30.0, 100.0, -100.0, 700.0, -700.0, 17.5, -17.5 }
            : new[] { 30.0, -30.0, 100.0, -100.0, 17.5, -17.5 };
        const int seed = 41;
        var z = Logits(seed, extremes);
        var upstream = TestData.Logits(seed + 1, B, Counts.Length, scale: 1.0);
        using var scope = NewDisposeScope();
        var t = TestData.ToTensor(Targets(seed), dtype);
        using var loss = new DistributionBalancedLoss(Counts, Samples, reduction, device: CbDevice.Cpu);

        var (newValue, newGrad) = Run(x => loss.forward(x, t), z, dtype, upstream);
        var (oldValue, oldGrad) = Run(x => Previous(loss, x, t, reduction), z, dtype, upstream);
        if (reduction == Reduction.None)
        {
            TestData.Close(TestData.Matrix(oldValue), TestData.Matrix(newValue), rel, "element");
        }
        else
        {
            TestData.Close(TestData.Scalar(oldValue), TestData.Scalar(newValue), rel, "loss");
        }

        TestData.Close(oldGrad, newGrad, rel, "∂L/∂z");
    }

    /// <summary>v = a·(z − ν) is formed as λ(z − ν)·(1 − ((1 + λ)/λ)·t), so a positive's v is a difference of
    /// terms about λ times its size: with λ = 50 it still matches the formula that multiplied by a = −1 exactly.</summary>
    [Theory]
    [InlineData(ScalarType.Float64, 1e-14)]
    [InlineData(ScalarType.Float32, 4e-6)]
    public void A_large_negative_scale_keeps_the_positives_accurate(ScalarType dtype, double rel)
    {
        const int seed = 46;
        var z = Logits(seed, new[] { 12.0, -12.0 });
        var upstream = TestData.Logits(seed + 1, B, Counts.Length, scale: 1.0);
        using var scope = NewDisposeScope();
        var t = TestData.ToTensor(Targets(seed), dtype);
        using var loss = new DistributionBalancedLoss(Counts, Samples, Reduction.Sum, lambda: 50.0, device: CbDevice.Cpu);
        var (newValue, newGrad) = Run(x => loss.forward(x, t), z, dtype, upstream);
        var (oldValue, oldGrad) = Run(x => Previous(loss, x, t, Reduction.Sum), z, dtype, upstream);
        TestData.Close(TestData.Scalar(oldValue), TestData.Scalar(newValue), rel, "loss");
        TestData.Close(oldGrad, newGrad, rel, "∂L/∂z");
    }

    [Fact]
    public void A_scaled_loss_scales_the_gradient()
    {
        using var scope = NewDisposeScope();
        var z = Logits(45, new[] { 25.0, -25.0 });
        var t = TestData.ToTensor(Targets(45), ScalarType.Float64);
        using var loss = new DistributionBalancedLoss(Counts, Samples, device: CbDevice.Cpu);
        var plain = TestData.ToTensor(z, ScalarType.Float64, requiresGrad: true);
        loss.forward(plain, t).backward();
        var scaled = TestData.ToTensor(z, ScalarType.Float64, requiresGrad: true);
        loss.forward(scaled, t).mul(-2.5).backward();
        var expected = TestData.Matrix(plain.grad!.mul(-2.5));
        TestData.Close(expected, TestData.Matrix(scaled.grad!), 0.0, "∂(−2.5·L)/∂z");
    }

    [Fact]
    public void Without_a_graph_the_value_is_the_same()
    {
        using var scope = NewDisposeScope();
        var z = Logits(43, new[] { 40.0, -40.0 });
        var t = TestData.ToTensor(Targets(43), ScalarType.Float64);
        using var loss = new DistributionBalancedLoss(Counts, Samples, Reduction.None, device: CbDevice.Cpu);
        var tracked = TestData.Matrix(loss.forward(TestData.ToTensor(z, ScalarType.Float64, requiresGrad: true), t));
        var plain = TestData.Matrix(loss.forward(TestData.ToTensor(z, ScalarType.Float64), t));
        TestData.Close(tracked, plain, 0.0, "element");
    }

    [Fact]
    public void Second_order_gradients_match_finite_differences_of_the_gradient()
    {
        const int seed = 44;
        const double h = 1e-5;
        var z = TestData.Logits(seed, B, Counts.Length);
        var direction = TestData.Logits(seed + 1, B, Counts.Length, scale: 1.0);
        using var scope = NewDisposeScope();
        var t = TestData.ToTensor(Targets(seed), ScalarType.Float64);
        using var loss = new DistributionBalancedLoss(Counts, Samples, device: CbDevice.Cpu);

        var input = TestData.ToTensor(z, ScalarType.Float64, requiresGrad: true);
        var gradient = autograd.grad(new[] { loss.forward(input, t) }, new[] { input }, create_graph: true)[0];
        var v = TestData.ToTensor(direction, ScalarType.Float64);
        var hessianTimesV = TestData.Matrix(autograd.grad(new[] { gradient.mul(v).sum() }, new[] { input })[0]);

        double[,] GradientAt(double step)
        {
            var shifted = (double[,])z.Clone();
            for (int i = 0; i < B; i++)
            {
                for (int k = 0; k < Counts.Length; k++)
                {
                    shifted[i, k] += step * direction[i, k];
                }
            }

            var x = TestData.ToTensor(shifted, ScalarType.Float64, requiresGrad: true);
            loss.forward(x, t).backward();
            return TestData.Matrix(x.grad!);
        }

        var plus = GradientAt(h);
        var minus = GradientAt(-h);
        var numeric = new double[B, Counts.Length];
        for (int i = 0; i < B; i++)
        {
            for (int k = 0; k < Counts.Length; k++)
            {
                numeric[i, k] = (plus[i, k] - minus[i, k]) / (2 * h);
            }
        }

        TestData.Close(numeric, hessianTimesV, 1e-6, "H·v");
    }
}
