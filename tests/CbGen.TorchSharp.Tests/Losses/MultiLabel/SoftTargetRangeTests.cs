using System;
using System.Collections.Generic;
using CbGen.TorchSharp;
using TorchSharp;
using static TorchSharp.torch;
using Reduction = TorchSharp.torch.nn.Reduction;

namespace CbGen.TorchSharp.Tests;

/// <summary>
/// Float targets of the class-balanced sigmoid and focal losses and of the asymmetric loss are probabilities: a value
/// outside [0, 1] (which made an element loss negative) or a NaN or infinity is refused, naming the value, its sample
/// and class and the fix, on the host scan (contiguous Float32/Float64 CPU targets) and on the libtorch path (another
/// layout or dtype) alike; soft targets in [0, 1] stay valid.
/// </summary>
public class SoftTargetRangeTests
{
    private static readonly long[] Counts = { 50, 10, 1 };

    public static TheoryData<string, double, ScalarType> BadValues()
    {
        var data = new TheoryData<string, double, ScalarType>();
        foreach (string loss in new[] { "sigmoid", "focal", "asymmetric", "cb_sigmoid_cross_entropy", "cb_focal_loss", "asymmetric_loss" })
        {
            foreach (var dtype in new[] { ScalarType.Float32, ScalarType.Float64 })
            {
                foreach (double bad in new[] { 2.0, -1.0, double.NaN, double.PositiveInfinity, double.NegativeInfinity, -1e-30, 1.0000001 })
                {
                    data.Add(loss, bad, dtype);
                }
            }
        }

        return data;
    }

    /// <summary>Each loss as a call on logits and targets, with Reduction.None.</summary>
    private static Func<Tensor, Tensor, Tensor> Loss(string name, List<IDisposable> owned)
    {
        using var weight = tensor(ClassBalancedWeights.Compute(Counts, 0.99));
        var w = weight.clone();
        owned.Add(w);
        switch (name)
        {
            case "sigmoid":
                var sigmoid = ClassBalancedSigmoidLoss.FromCounts(Counts, 0.99, Reduction.None, device: CbDevice.Cpu);
                owned.Add(sigmoid);
                return sigmoid.forward;
            case "focal":
                var focal = ClassBalancedFocalLoss.FromCounts(Counts, 0.99, Reduction.None, gamma: 2.0, device: CbDevice.Cpu);
                owned.Add(focal);
                return focal.forward;
            case "asymmetric":
                var asl = new AsymmetricLoss(3, Reduction.None);
                owned.Add(asl);
                return asl.forward;
            case "cb_sigmoid_cross_entropy":
                return (z, t) => CbFunctional.cb_sigmoid_cross_entropy(z, t, w, Reduction.None);
            case "cb_focal_loss":
                return (z, t) => CbFunctional.cb_focal_loss(z, t, w, Reduction.None, gamma: 2.0);
            default:
                return (z, t) => CbFunctional.asymmetric_loss(z, t, reduction: Reduction.None);
        }
    }

    [Theory]
    [MemberData(nameof(BadValues))]
    public void A_target_outside_0_1_or_not_finite_is_refused_with_its_position(string loss, double bad, ScalarType dtype)
    {
        using var scope = NewDisposeScope();
        var owned = new List<IDisposable>();
        try
        {
            var forward = Loss(loss, owned);
            var t = tensor(new[] { 1.0, 0.0, 0.25, 0.0, 1.0, 1.0 }).reshape(2, 3).to(dtype);
            t[1, 1] = tensor(bad, dtype: dtype);

            // Contiguous targets are checked on the host, a transposed copy (the same values, not contiguous) and a
            // Float16 copy by libtorch.
            var layouts = new List<Tensor> { t, t.t().contiguous().t() };
            var half = t.to(ScalarType.Float16);
            double rounded = half[1, 1].to(ScalarType.Float64).item<double>();
            if (!(rounded >= 0.0 && rounded <= 1.0))
            {
                layouts.Add(half);      // unless Float16 rounds the value into [0, 1] (−1e-30 to −0, 1.0000001 to 1)
            }

            foreach (var layout in layouts)
            {
                var logits = zeros(2, 3, layout.dtype == ScalarType.Float16 ? ScalarType.Float32 : dtype);
                var e = Assert.Throws<ArgumentException>(() => forward(logits, layout));
                Assert.Equal("target", e.ParamName);
                Assert.Contains("(every value in [0, 1])", e.Message, StringComparison.Ordinal);
                Assert.Contains(" at sample 1, class 1", e.Message, StringComparison.Ordinal);
                Assert.Contains(double.IsFinite(bad) ? "Clamp" : "missing or corrupt labels", e.Message,
                    StringComparison.Ordinal);

                // The same targets with the value in range are accepted.
                var fixedTargets = layout.clone();
                fixedTargets[1, 1] = tensor(0.5, dtype: layout.dtype);
                if (layout.is_contiguous() == false)
                {
                    fixedTargets = fixedTargets.t().contiguous().t();
                }

                Assert.True(forward(logits, fixedTargets).isfinite().all().item<bool>());
            }
        }
        finally
        {
            owned.ForEach(o => o.Dispose());
        }
    }

    [Fact]
    public void The_new_users_case_names_the_value_the_position_and_the_fix()
    {
        using var scope = NewDisposeScope();
        using var loss = ClassBalancedSigmoidLoss.FromCounts(Counts, 0.99, Reduction.None, device: CbDevice.Cpu);
        var logits = tensor(new float[] { 5, 5, 5 }).reshape(1, 3);
        var t = tensor(new float[] { 0, 1, 2 }).reshape(1, 3);
        var e = Assert.Throws<ArgumentException>(() => loss.forward(logits, t));
        Assert.Equal(
            "Expected 'target' to be multi-hot or soft targets (every value in [0, 1]), got 2 at sample 0, class 2: "
            + "CbLoss.Sigmoid reads each target as the probability that the class is positive, and a value outside "
            + "[0, 1] makes the loss negative. Clamp the targets to [0, 1], and map a label marker such as −1 "
            + "(unknown) to 0 or 1. (Parameter 'target')",
            e.Message);

        using var asl = new AsymmetricLoss(3, Reduction.None);
        var n = tensor(new float[] { 0, float.NaN, 1 }).reshape(1, 3);
        var f = Assert.Throws<ArgumentException>(() => asl.forward(logits, n));
        Assert.Equal(
            "Expected 'target' to be multi-hot or soft targets (every value in [0, 1]), got NaN at sample 0, class 1: a "
            + "target must lie in [0, 1]; check what produced the targets (a NaN or infinity usually comes from missing "
            + "or corrupt labels). (Parameter 'target')",
            f.Message);
    }

    [Theory]
    [InlineData(ScalarType.Float32)]
    [InlineData(ScalarType.Float64)]
    public void Soft_targets_in_0_1_and_both_zeros_stay_valid(ScalarType dtype)
    {
        using var scope = NewDisposeScope();
        using var sigmoid = ClassBalancedSigmoidLoss.FromCounts(Counts, 0.99, device: CbDevice.Cpu);
        using var focal = ClassBalancedFocalLoss.FromCounts(Counts, 0.99, gamma: 0.5, device: CbDevice.Cpu);
        using var asl = new AsymmetricLoss(3);
        var logits = randn(40, 3, dtype);

        // Every edge of [0, 1]: ±0, the smallest subnormal, 1 and the largest value below it, across the vectorised
        // body and the tail of the scan.
        var t = rand(40, 3, dtype);
        t[0, 0] = tensor(-0.0, dtype: dtype);
        t[0, 1] = tensor(double.Epsilon, dtype: dtype);
        t[0, 2] = tensor(1.0, dtype: dtype);
        t[39, 2] = tensor(dtype == ScalarType.Float32 ? 1.0 - 5.9604644775390625e-8 : 1.0 - 1.1102230246251565e-16, dtype: dtype);
        foreach (var layout in new[] { t, t.t().contiguous().t() })
        {
            foreach (PerClassLoss loss in new PerClassLoss[] { sigmoid, focal, asl })
            {
                Assert.True(double.IsFinite(loss.forward(logits, layout).to(ScalarType.Float64).item<double>()));
            }
        }
    }
}
