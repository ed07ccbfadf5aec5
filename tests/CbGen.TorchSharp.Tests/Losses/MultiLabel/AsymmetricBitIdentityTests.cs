using System;
using CbGen.TorchSharp;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn.functional;
using Reduction = TorchSharp.torch.nn.Reduction;

namespace CbGen.TorchSharp.Tests;

/// <summary>
/// The asymmetric loss's value, gradient and second derivative stay bit for bit those of the op sequence below, which
/// the debtags results were computed with: a faster call (fewer passes, a shared sigmoid) must not move a bit. Compared
/// on the same machine against this copy, so the test holds whatever libtorch's kernels round to.
/// </summary>
public class AsymmetricBitIdentityTests
{
    private const int C = 13;

    public static TheoryData<ScalarType, Reduction, double, double, double, double> Cases()
    {
        var data = new TheoryData<ScalarType, Reduction, double, double, double, double>();
        foreach (var dtype in new[] { ScalarType.Float32, ScalarType.Float64 })
        {
            data.Add(dtype, Reduction.Mean, 0.0, 4.0, 0.05, 0.0);    // the defaults
            data.Add(dtype, Reduction.Sum, 1.0, 4.0, 0.05, 1e-8);
            data.Add(dtype, Reduction.None, 0.0, 4.0, 0.2, 0.0);
            data.Add(dtype, Reduction.Mean, 2.0, 3.0, 0.0, 0.0);
            data.Add(dtype, Reduction.Mean, 0.0, 0.0, 0.0, 1e-3);
            data.Add(dtype, Reduction.Sum, 0.0, 0.0, 0.1, 0.0);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Value_and_gradient_are_bit_identical_to_the_reference_ops(
        ScalarType dtype, Reduction reduction, double gammaPos, double gammaNeg, double clip, double eps)
    {
        using var scope = NewDisposeScope();
        using var loss = new AsymmetricLoss(C, reduction, MeanNormalizer.PositiveLabels, gammaPos, gammaNeg, clip, eps);
        foreach (int batch in new[] { 1, 5, 37 })
        {
            var (z, t) = Data(batch, dtype, seed: batch);
            var input = z.detach().clone().requires_grad_(true);
            var value = loss.forward(input, t);
            var refInput = z.detach().clone().requires_grad_(true);
            var refValue = Reference(refInput, t, reduction, gammaPos, gammaNeg, clip, eps);
            BitAssert.Same(refValue.detach(), value.detach(), "value");
            var upstream = rand_like(value).add_(0.5);
            value.backward(new[] { upstream });
            refValue.backward(new[] { upstream });
            BitAssert.Same(refInput.grad!, input.grad!, "gradient");
        }
    }

    [Theory]
    [InlineData(ScalarType.Float32, 0.05)]
    [InlineData(ScalarType.Float64, 0.05)]
    [InlineData(ScalarType.Float64, 0.0)]
    public void Second_order_gradients_are_bit_identical_to_the_reference_ops(ScalarType dtype, double clip)
    {
        using var scope = NewDisposeScope();
        using var loss = new AsymmetricLoss(C, gammaPositive: 1.0, clip: clip);
        var (z, t) = Data(9, dtype, seed: 3);
        var direction = rand_like(z);
        // retain_graph: TorchSharp does not default it to create_graph as PyTorch does, and the second derivative
        // reads the first graph's saved tensors (pow's input).

        var input = z.detach().clone().requires_grad_(true);
        var gradient = autograd.grad(new[] { loss.forward(input, t) }, new[] { input }, retain_graph: true, create_graph: true)[0];
        var hessian = autograd.grad(new[] { gradient.mul(direction).sum() }, new[] { input })[0];

        var refInput = z.detach().clone().requires_grad_(true);
        var refValue = Reference(refInput, t, Reduction.Mean, 1.0, loss.GammaNegative, clip, 0.0);
        var refGradient = autograd.grad(new[] { refValue }, new[] { refInput }, retain_graph: true, create_graph: true)[0];
        var refHessian = autograd.grad(new[] { refGradient.mul(direction).sum() }, new[] { refInput })[0];

        BitAssert.Same(refGradient.detach(), gradient.detach(), "create_graph gradient");
        BitAssert.Same(refHessian, hessian, "second derivative");
    }

    private static (Tensor Logits, Tensor Targets) Data(int batch, ScalarType dtype, int seed)
    {
        // Scale 8: some p ≤ m (the clipped negatives) and some log σ near the ε floor.
        var z = TestData.ToTensor(TestData.Logits(seed, batch, C, scale: 8.0), dtype);
        return (z, TestData.ToTensor(TestData.MultiHot(seed + 100, batch, C), dtype));
    }

    /// <summary>The loss with the ops and the order it used when the debtags results were recorded (PositiveLabels
    /// divisor for Mean).</summary>
    private static Tensor Reference(
        Tensor input, Tensor t, Reduction reduction, double gammaPos, double gammaNeg, double clip, double eps)
    {
        // Explicit Scalars, disposed at the end: an implicit double → Scalar temporary can be finalised while the
        // native call still reads it.
        using var logEps = (eps > 0.0 ? Math.Log(eps) : double.NegativeInfinity).ToScalar();
        using var gPos = gammaPos.ToScalar();
        using var gNeg = gammaNeg.ToScalar();
        using var m = clip.ToScalar();
        using var half = 0.5.ToScalar();
        using var zero = 0.0.ToScalar();
        using var one = 1.0.ToScalar();
        var logP = logsigmoid(input);
        var negInput = input.neg();
        var logQ = logsigmoid(negInput);
        var posLog = eps > 0.0 ? logP.clamp_min(logEps) : logP;
        var pos = gammaPos == 0.0 ? posLog.neg() : logQ.mul(gPos).exp_().mul(posLog).neg_();
        Tensor neg;
        if (clip == 0.0)
        {
            var negLog = eps > 0.0 ? logQ.clamp_min(logEps) : logQ;
            neg = gammaNeg == 0.0 ? negLog.neg() : logP.mul(gNeg).exp_().mul(negLog).neg_();
        }
        else
        {
            Tensor inactive;
            using (no_grad())
            {
                inactive = input.sigmoid().le(m);
            }

            var shifted = input.sigmoid().sub(m).masked_fill(inactive, half);
            var oneMinus = negInput.sigmoid().add(m).masked_fill(inactive, half);
            var negLog = oneMinus.log();
            if (eps > 0.0)
            {
                negLog = negLog.clamp_min(logEps);
            }

            var focused = gammaNeg == 0.0 ? negLog.neg() : shifted.pow(gNeg).mul(negLog).neg_();
            neg = focused.masked_fill(inactive, zero);
        }

        var elements = addcmul(neg, t, pos.sub(neg), one);
        if (reduction == Reduction.None)
        {
            return elements;
        }

        if (reduction == Reduction.Sum)
        {
            return elements.sum();
        }

        Tensor divisor;
        using (no_grad())
        {
            divisor = t.sum().to(input.dtype).clamp_min(one);
        }

        return elements.sum().div(divisor);
    }
}
