using System;
using System.Collections.Generic;
using System.Linq;
using CbGen.TorchSharp;
using CbGen.TorchSharp.Internal;
using TorchSharp;
using static TorchSharp.torch;
using Reduction = TorchSharp.torch.nn.Reduction;

namespace CbGen.TorchSharp.Tests;

/// <summary>
/// The distribution-balanced loss's gradients stay bit for bit those of the op sequence below (the weight's mv, addmm
/// and tanh chain, then the closed-form kernel), which the golden values and the debtags results were computed with:
/// a faster call (buffers kept between calls, fewer reads, work at the listed positives only) must not move a single
/// bit of them, nor of the value, except a reduced value over sparse CPU targets, which is summed differently (see
/// <see cref="Sparse_targets_listed_on_the_host_keep_the_gradient_bits"/>). Compared on the same machine against this
/// copy, so the test holds on any CPU whatever libtorch's kernels round to.
/// </summary>
public class DistributionBalancedBitIdentityTests
{
    private static readonly long[] Counts = { 900, 400, 120, 35, 9, 2, 1 };

    private const long Samples = 1000;

    /// <summary>300 classes, from 900 positives down to 1.</summary>
    private static readonly long[] WideCounts = Enumerable.Range(0, 300)
        .Select(i => Math.Max(1L, (long)Math.Floor(900 * Math.Pow(0.001, i / 299.0)))).ToArray();

    public static TheoryData<ScalarType, Reduction, MeanNormalizer, DbInstancePrior, double> Cases()
    {
        var data = new TheoryData<ScalarType, Reduction, MeanNormalizer, DbInstancePrior, double>();
        foreach (var dtype in new[] { ScalarType.Float32, ScalarType.Float64 })
        {
            data.Add(dtype, Reduction.Mean, MeanNormalizer.PositiveLabels, DbInstancePrior.Sum, 10.0);
            data.Add(dtype, Reduction.Mean, MeanNormalizer.AllTerms, DbInstancePrior.Mean, 10.0);
            data.Add(dtype, Reduction.Mean, MeanNormalizer.PositiveLabels, DbInstancePrior.Mean, 0.0);
            data.Add(dtype, Reduction.Sum, MeanNormalizer.PositiveLabels, DbInstancePrior.Sum, 10.0);
            data.Add(dtype, Reduction.None, MeanNormalizer.PositiveLabels, DbInstancePrior.Sum, 10.0);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Value_and_gradient_are_bit_identical_to_the_reference_ops(
        ScalarType dtype, Reduction reduction, MeanNormalizer normalizer, DbInstancePrior prior, double beta)
    {
        using var scope = NewDisposeScope();
        using var loss = new DistributionBalancedLoss(Counts, Samples, reduction, normalizer, beta: beta,
            instancePrior: prior, device: CbDevice.Cpu);
        // Odd batch sizes and a class count that is no multiple of a vector width, so the kernels' tails run too.
        foreach (int batch in new[] { 1, 5, 37 })
        {
            var (z, t) = Data(batch, dtype, seed: batch);
            AssertSameBits(loss, Counts, z, t, reduction, normalizer);
        }
    }

    /// <summary>With a few positives among 300 classes the host scan lists them: v and the gradient are changed at
    /// those positions only, and a reduced value is one dot over [B, C] plus a sum over the positives on the host.
    /// The gradients' bits must not move; a reduced value may move in its last bits only (a per-element value must
    /// not).</summary>
    [Theory]
    [MemberData(nameof(Cases))]
    public void Sparse_targets_listed_on_the_host_keep_the_gradient_bits(
        ScalarType dtype, Reduction reduction, MeanNormalizer normalizer, DbInstancePrior prior, double beta)
    {
        using var scope = NewDisposeScope();
        using var loss = new DistributionBalancedLoss(WideCounts, Samples, reduction, normalizer, beta: beta,
            instancePrior: prior, device: CbDevice.Cpu);
        foreach (int batch in new[] { 1, 37 })
        {
            var z = TestData.ToTensor(TestData.Logits(batch, batch, WideCounts.Length, scale: 6.0), dtype);
            var t = SparseTargets(batch, WideCounts.Length, dtype, seed: batch);
            Assert.True(MultiHotScan.Scan(t, out _, out var positions, out _));
            Assert.True(positions is { Count: > 0 }, "the host scan did not list the positives");
            AssertSameBits(loss, WideCounts, z, t, reduction, normalizer, HostValueTolerance(dtype, reduction));
        }
    }

    /// <summary>Without a prior bias (κ = 0) a logit of −0 makes v = −0, which the host path keeps where addcmul_ makes
    /// a negative's +0: the value and the gradients must not see the difference.</summary>
    [Theory]
    [InlineData(ScalarType.Float32)]
    [InlineData(ScalarType.Float64)]
    public void Minus_zero_logits_without_a_prior_bias_keep_the_gradient_bits(ScalarType dtype)
    {
        using var scope = NewDisposeScope();
        var logits = TestData.Logits(3, 37, WideCounts.Length, scale: 6.0);
        for (int i = 0; i < 37; i++)
        {
            for (int c = i % 3; c < WideCounts.Length; c += 3)
            {
                logits[i, c] = -0.0;
            }
        }

        var t = SparseTargets(37, WideCounts.Length, dtype, seed: 3);
        foreach (var reduction in new[] { Reduction.Mean, Reduction.None })
        {
            using var loss = new DistributionBalancedLoss(WideCounts, Samples, reduction, kappa: 0.0,
                device: CbDevice.Cpu);
            AssertSameBits(loss, WideCounts, TestData.ToTensor(logits, dtype), t, reduction,
                MeanNormalizer.PositiveLabels, HostValueTolerance(dtype, reduction));
        }
    }

    /// <summary>The module's value and gradients (twice, with a non-unit and a unit upstream gradient) and the
    /// functional value against <see cref="Reference(DistributionBalancedLoss, Tensor, Tensor, Reduction, MeanNormalizer, out Tensor)"/>.</summary>
    /// <summary>How far a reduced value summed on the host may move, relative: a few roundings of the dtype; null
    /// (the same bits) for per-element values.</summary>
    private static double? HostValueTolerance(ScalarType dtype, Reduction reduction) =>
        reduction == Reduction.None ? null : dtype == ScalarType.Float32 ? 1e-5 : 1e-13;

    private static void AssertSameBits(DistributionBalancedLoss loss, long[] counts, Tensor z, Tensor t,
        Reduction reduction, MeanNormalizer normalizer, double? valueTolerance = null)
    {
        var upstream = reduction == Reduction.None ? rand_like(z).add_(0.5) : tensor(0.75, dtype: z.dtype);

        // Called twice: the second call runs with whatever the first left behind.
        for (int call = 0; call < 2; call++)
        {
            var input = z.detach().clone().requires_grad_(true);
            var value = loss.forward(input, t);
            value.backward(new[] { upstream });
            var expected = Reference(loss, z, t, reduction, normalizer, out var gradient);
            AssertValue(expected, value.detach(), valueTolerance);
            AssertBits(gradient.mul(upstream), input.grad!, "gradient");

            var unitInput = z.detach().clone().requires_grad_(true);
            loss.forward(unitInput, t).sum().backward();
            AssertBits(gradient, unitInput.grad!, "gradient of a plain backward()");
        }

        var functional = CbFunctional.distribution_balanced_loss(z, t, counts, Samples, loss.Alpha, loss.Beta,
            loss.Mu, loss.Lambda, loss.Kappa, loss.InstancePrior, reduction, normalizer);
        AssertValue(Reference(loss, z, t, reduction, normalizer, out _), functional, valueTolerance);
    }

    private static void AssertValue(Tensor expected, Tensor actual, double? tolerance)
    {
        if (tolerance is not { } relative)
        {
            AssertBits(expected, actual, "value");
            return;
        }

        double want = expected.to(ScalarType.Float64).item<double>();
        double got = actual.to(ScalarType.Float64).item<double>();
        Assert.True(Math.Abs(got - want) <= relative * Math.Abs(want), "value " + got + ", expected " + want);
    }

    [Theory]
    [InlineData(ScalarType.Float32)]
    [InlineData(ScalarType.Float64)]
    public void Second_order_gradients_are_bit_identical_to_the_reference_ops(ScalarType dtype)
    {
        using var scope = NewDisposeScope();
        using var loss = new DistributionBalancedLoss(Counts, Samples, device: CbDevice.Cpu);
        var (z, t) = Data(9, dtype, seed: 3);
        var direction = rand_like(z);

        var input = z.detach().clone().requires_grad_(true);
        var gradient = autograd.grad(new[] { loss.forward(input, t) }, new[] { input }, create_graph: true)[0];
        var hessian = autograd.grad(new[] { gradient.mul(direction).sum() }, new[] { input })[0];

        var refInput = z.detach().clone().requires_grad_(true);
        Reference(loss, z, t, Reduction.Mean, MeanNormalizer.PositiveLabels, out _, out var weight);
        var refGradient = TrackedGradient(loss, refInput, t, weight);
        var refHessian = autograd.grad(new[] { refGradient.mul(direction).sum() }, new[] { refInput })[0];

        AssertBits(refGradient.detach(), gradient.detach(), "create_graph gradient");
        AssertBits(refHessian, hessian, "second derivative");
    }

    private static (Tensor Logits, Tensor Targets) Data(int batch, ScalarType dtype, int seed)
    {
        var z = TestData.ToTensor(TestData.Logits(seed, batch, Counts.Length, scale: 6.0), dtype);
        var targets = TestData.MultiHot(seed + 100, batch, Counts.Length);
        if (batch > 1)
        {
            for (int c = 0; c < Counts.Length; c++)
            {
                targets[1, c] = 0.0;   // a row without positives
            }
        }

        return (z, TestData.ToTensor(targets, dtype));
    }

    /// <summary>About 1 % ones, at least one in row 0 and none in row 1.</summary>
    private static Tensor SparseTargets(int batch, int classes, ScalarType dtype, int seed)
    {
        var random = new Random(seed + 7000);
        var targets = new double[batch, classes];
        for (int i = 0; i < batch; i++)
        {
            for (int c = 0; c < classes; c++)
            {
                targets[i, c] = i != 1 && random.NextDouble() < 0.01 ? 1.0 : 0.0;
            }
        }

        targets[0, random.Next(classes)] = 1.0;
        return TestData.ToTensor(targets, dtype);
    }

    private static Tensor Reference(DistributionBalancedLoss loss, Tensor z, Tensor t, Reduction reduction,
        MeanNormalizer normalizer, out Tensor gradient) =>
        Reference(loss, z, t, reduction, normalizer, out gradient, out _);

    /// <summary>The value and the gradient for a unit upstream gradient, with the ops and the order the loss used
    /// when the golden values were recorded.</summary>
    private static Tensor Reference(DistributionBalancedLoss loss, Tensor z, Tensor t, Reduction reduction,
        MeanNormalizer normalizer, out Tensor gradient, out Tensor weight)
    {
        using var guard = no_grad();
        var inverse = loss.InverseCounts.to(z.dtype, copy: true);
        var scaledBias = loss.PriorBias.to(z.dtype, copy: true).mul_(-loss.Lambda);
        var instance = t.mv(inverse);
        Tensor? positives = null;
        if (loss.InstancePrior == DbInstancePrior.Mean)
        {
            positives = t.sum(1);
            instance.div_(positives.clamp_min(1.0));
        }

        double c = 1.0;
        if (reduction == Reduction.Mean)
        {
            c = normalizer == MeanNormalizer.AllTerms
                ? 1.0 / z.numel()
                : 1.0 / (positives is null ? t.sum() : positives.sum()).to(z.dtype).clamp_min(1.0)
                    .to(ScalarType.Float64).item<double>();
        }

        var rows = (loss.Beta == 0.0 ? instance.zero_() : instance.reciprocal_().mul_(loss.Beta / 2.0)).unsqueeze(1);
        weight = zeros_like(z).addmm_(rows, inverse.unsqueeze(0), 0.0f, 1.0f)
            .add_(-loss.Beta * loss.Mu / 2.0).tanh_().mul_(c / 2.0).add_(c * (loss.Alpha + 0.5));

        double lambda = loss.Lambda;
        var v = torch.add(scaledBias, z, lambda);
        v.addcmul_(v, t, -(1.0 + lambda) / lambda);
        var sig = v.sigmoid();
        var logMax = torch.add(tensor(1.0, dtype: z.dtype), sig, -1.0);
        logMax.clamp_(sig, null).log_();
        v.relu_().sub_(logMax).mul_(weight);
        double inverseLambda = 1.0 / lambda;
        var value = reduction == Reduction.None
            ? v.mul(inverseLambda).addcmul_(v, t, 1.0 - inverseLambda)
            : v.sum().mul_(inverseLambda).add_(v.reshape(-1).dot(t.reshape(-1)), 1.0 - inverseLambda);
        gradient = sig.mul_(weight);
        gradient.addcmul_(gradient, t, -2.0);
        return value;
    }

    private static Tensor TrackedGradient(DistributionBalancedLoss loss, Tensor z, Tensor t, Tensor weight)
    {
        Tensor signedWeight;
        using (no_grad())
        {
            signedWeight = torch.addcmul(weight, weight, t, -2.0);
        }

        double lambda = loss.Lambda;
        var scaledBias = loss.PriorBias.to(z.dtype, copy: true).mul_(-lambda);
        var scaled = torch.add(scaledBias, z, lambda);
        return scaled.addcmul(scaled, t, -(1.0 + lambda) / lambda).sigmoid().mul(signedWeight);
    }

    private static void AssertBits(Tensor expected, Tensor actual, string what) => BitAssert.Same(expected, actual, what);
}
