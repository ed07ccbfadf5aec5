using System;
using System.Globalization;
using System.Text.RegularExpressions;
using CbGen.TorchSharp;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace CbGen.TorchSharp.Tests;

/// <summary>
/// Input on which <see cref="ClassifierNorms"/> would give NaN or a silent wrong answer: a classifier whose logits are
/// not finite, a τ whose scale ‖w_c‖^τ the weight's dtype cannot hold, and a MaxNorm bound that underflows in it.
/// Each is an <see cref="ArgumentException"/> naming the value and the fix.
/// </summary>
public class ClassifierNormsInputTests
{
    [Theory]
    [InlineData(float.NaN)]
    [InlineData(float.PositiveInfinity)]
    public void Selecting_tau_for_a_classifier_with_a_non_finite_weight_is_refused_naming_the_class(float value)
    {
        using var head = nn.Linear(2, 3);
        using (no_grad())
        {
            head.weight![1, 0] = tensor(value);
        }

        using var x = randn(6, 2);
        using var y = tensor(new long[] { 0, 1, 2, 0, 1, 2 });

        var e = Assert.Throws<ArgumentException>(() => ClassifierNorms.SelectTau(head, x, y));

        Assert.Equal("head", e.ParamName);
        Assert.Contains("At τ = 0 the τ-normalised logits hold a non-finite value", e.Message, StringComparison.Ordinal);
        Assert.Contains("column 1", e.Message, StringComparison.Ordinal);
        Assert.Contains("check class 1's row of the trained head", e.Message, StringComparison.Ordinal);
    }

    /// <summary>A head whose rows have the norms <paramref name="norms"/> (each row along one axis plus a little of
    /// another, so no norm is exactly 1).</summary>
    private static Linear HeadWithNorms(ScalarType dtype, params double[] norms)
    {
        var head = nn.Linear(3, norms.Length);
        head.to(dtype);
        using (no_grad())
        {
            for (int c = 0; c < norms.Length; c++)
            {
                using var row = tensor(new[] { 0.6, 0.8, 0.0 }, dtype: dtype).mul(norms[c]);
                head.weight![c].copy_(row);
            }
        }

        return head;
    }

    /// <summary>The "largest τ this classifier allows" a message names.</summary>
    private static double LargestTau(string message)
    {
        var match = Regex.Match(message, "The largest τ this classifier allows is about ([0-9.E+-]+);");
        Assert.True(match.Success, "no largest τ in: " + message);
        return double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
    }

    [Theory]
    [InlineData(ScalarType.Float32, 1e4, 1, "^τ underflows to 0 in Float32")]       // 0.46^τ < 2^-149
    [InlineData(ScalarType.Float32, 120.0, 1, "^(1 − τ) overflows Float32")]         // 0.46^-119 > 3.4e38
    [InlineData(ScalarType.Float32, 50.0, 2, "^τ overflows Float32")]                 // 7^50 > 3.4e38
    [InlineData(ScalarType.Float64, 1e4, 1, "^τ underflows to 0 in Float64")]
    [InlineData(ScalarType.Float16, 10.0, 2, "^τ overflows Float16")]                 // 7^10 > 65504
    public void A_tau_whose_scale_the_dtype_cannot_hold_is_refused_naming_the_row_and_the_largest_usable_tau(
        ScalarType dtype, double tau, int row, string how)
    {
        using var head = HeadWithNorms(dtype, 0.0, 0.46, 7.0, 1.3);
        using var x = randn(5, 3).to(dtype);

        var logits = Assert.Throws<ArgumentOutOfRangeException>(() => ClassifierNorms.TauNormalizedLogits(head, x, tau));
        var weight = Assert.Throws<ArgumentOutOfRangeException>(() => ClassifierNorms.TauNormalize(head.weight!, tau));
        var grid = Assert.Throws<ArgumentOutOfRangeException>(() =>
            ClassifierNorms.SelectTau(head, x, tensor(new long[] { 0, 1, 2, 3, 0 }), new[] { 1.0, tau }));

        Assert.Equal("tau", logits.ParamName);
        Assert.Equal("tau", weight.ParamName);
        Assert.Equal("taus", grid.ParamName);
        Assert.Equal(logits.Message, weight.Message);
        Assert.Contains("row " + row + " has norm", logits.Message, StringComparison.Ordinal);
        Assert.Contains(how, logits.Message, StringComparison.Ordinal);
        double largest = LargestTau(logits.Message);
        Assert.InRange(largest, 1.0, tau);
        using var normalised = ClassifierNorms.TauNormalize(head.weight!, largest);
        Assert.True(normalised.isfinite().all().item<bool>(), "the largest usable τ " + largest + " gave a non-finite row");
        Assert.True(normalised[1..].ne(0.0).any(1).all().item<bool>(), "the largest usable τ " + largest + " zeroed a row");
        using var atLargest = ClassifierNorms.TauNormalizedLogits(head, x, largest);     // and, on these features, logits
        Assert.True(atLargest.isfinite().all().item<bool>(), "the largest usable τ " + largest + " gave non-finite logits");
    }

    [Fact]
    public void A_row_whose_norm_is_not_finite_is_refused_naming_the_row()
    {
        using var w = ones(3, 2);
        w[1, 0] = tensor(float.PositiveInfinity);

        var e = Assert.Throws<ArgumentException>(() => ClassifierNorms.TauNormalize(w, 1.0));

        Assert.Equal("weight", e.ParamName);
        Assert.Contains("Row 1 of the classifier weight has L2 norm Infinity", e.Message, StringComparison.Ordinal);
        using var unchanged = ClassifierNorms.TauNormalize(w, 0.0);          // τ = 0 divides by 1: the input as it is
        Assert.True(unchanged.eq(w).all().item<bool>());
        w[1, 0] = tensor(float.NaN);
        Assert.Contains("Row 1 of the classifier weight has L2 norm NaN",
            Assert.Throws<ArgumentException>(() => ClassifierNorms.TauNormalize(w, 1.0)).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(ScalarType.Float32)]
    [InlineData(ScalarType.Float64)]
    [InlineData(ScalarType.Float16)]                  // the 1e-3 row's ‖w‖^2 is subnormal there: finite, so accepted
    public void Ordinary_taus_give_the_bits_of_the_plain_op_sequence(ScalarType dtype)
    {
        using var head = HeadWithNorms(dtype, 1.3, 0.46, 7.0, 0.0, 1e-3, 40.0);
        using var sizes = head.weight!.detach().norm(1, keepdim: true, p: 2);
        using var weight = head.weight!.detach().clone().add_(randn(6, 3).to(dtype).mul(0.1).mul(sizes));   // norms kept within ~10 %
        using var x = randn(9, 3).to(dtype);
        for (int i = 0; i <= 20; i++)
        {
            double tau = i / 10.0;
            using var scope = NewDisposeScope();
            // The expression TauNormalize had before the scale check: weight / where(‖w‖ > 0, ‖w‖, 1)^τ.
            var norms = weight.norm(1, keepdim: true, p: 2);
            var expected = weight.div(where(norms.gt(0.0), norms, ones_like(norms)).pow(tau));
            BitAssert.Same(expected.to(ScalarType.Float64), ClassifierNorms.TauNormalize(weight, tau).to(ScalarType.Float64),
                "TauNormalize at τ = " + tau);
            using (no_grad())
            {
                head.weight!.copy_(weight);
            }

            BitAssert.Same(x.matmul(expected.t()).to(ScalarType.Float64),
                ClassifierNorms.TauNormalizedLogits(head, x, tau).to(ScalarType.Float64), "logits at τ = " + tau);
        }
    }

    [Theory]
    [InlineData(ScalarType.Float32, 1e-300, "1.1754943508222875E-38")]
    [InlineData(ScalarType.Float32, 1e-39, "1.1754943508222875E-38")]    // subnormal in float32
    [InlineData(ScalarType.Float64, 1e-310, "2.2250738585072014E-308")]  // subnormal in float64
    [InlineData(ScalarType.Float16, 1e-5, "6.103515625E-05")]
    public void A_MaxNorm_bound_below_the_dtypes_smallest_normal_is_refused_naming_it(ScalarType dtype, double bound, string smallest)
    {
        using var w = ones(3, 2).to(dtype);

        var e = Assert.Throws<ArgumentOutOfRangeException>(() => ClassifierNorms.ProjectMaxNorm(w, bound));

        Assert.Equal("maxNorm", e.ParamName);
        Assert.Contains(dtype + "'s smallest normal value " + smallest, e.Message, StringComparison.Ordinal);
        Assert.True(w.eq(1.0).all().item<bool>(), "a refused projection must leave the weight alone");

        using var head = nn.Linear(2, 2);
        head.to(dtype);
        using var before = head.weight!.detach().clone();
        using var x = ones(4, 2).to(dtype);
        using var y = tensor(new long[] { 0, 1, 0, 1 });
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            ClassifierRetraining.Retrain(head, x, y, new ClassifierRetrainingOptions { MaxNorm = bound }));
        Assert.True(head.weight!.eq(before).all().item<bool>(), "a refused re-training must leave the head alone");
    }

    [Fact]
    public void The_smallest_normal_bound_is_accepted_and_keeps_every_row_nonzero()
    {
        using var w = ones(3, 2);

        ClassifierNorms.ProjectMaxNorm(w, 1.1754943508222875E-38);

        Assert.True(w.gt(0.0).all().item<bool>(), "a bound the dtype holds must not zero a row");
    }
}
