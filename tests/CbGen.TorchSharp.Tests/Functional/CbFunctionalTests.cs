using System;
using System.Collections.Generic;
using CbGen.TorchSharp;
using TorchSharp;
using static TorchSharp.torch;
using Reduction = TorchSharp.torch.nn.Reduction;

namespace CbGen.TorchSharp.Tests;

/// <summary>
/// <see cref="CbFunctional"/>: the class-balanced forms against the float64 references with the weight tensor
/// from weights or from counts and β, and the options, arguments and per-class tensors every form checks.
/// </summary>
public sealed class CbFunctionalTests
{
    private static readonly long[] Counts = { 900, 90, 9, 30 };

    private const double Beta = 0.99;

    private static Tensor Labels() => tensor(new long[] { 0, 2 });

    private static double[] HandWeights(long[] counts, double beta) => CbLossesTests.HandWeights(counts, beta);

    // ---- the functional forms: one weight tensor, as torch.nn.functional ------------------------------------

    [Fact]
    public void The_functional_forms_take_a_weight_tensor_from_weights_or_from_counts_and_beta()
    {
        var alpha = HandWeights(Counts, Beta);
        var z = TestData.Logits(11, 5, 4);
        var y = new long[] { 3, 1, 2, 0, 2 };
        using var logits = TestData.ToTensor(z, ScalarType.Float32);
        using var target = TestData.ToTensor(y);
        using var weight = tensor(alpha);
        using var fromCounts = tensor(ClassBalancedWeights.Compute(Counts, Beta));
        var (t, w) = Reference.IndexTargets(y, alpha, 4);

        double softmax = Reference.SoftmaxMean(z, y, alpha, -100, 0.05, MeanNormalizer.WeightSum);
        double sigmoid = Reference.Sum(Reference.SigmoidElements(z, t, w));
        double focal = Reference.Sum(Reference.FocalElements(z, t, w, 0.5)) / 5.0;
        var results = new List<(string What, double Expected, Tensor Actual)>();
        foreach (var (source, alphaTensor) in new[] { ("weights", weight), ("counts", fromCounts) })
        {
            results.Add(("softmax " + source, softmax, CbFunctional.cb_softmax_cross_entropy(logits, target, alphaTensor,
                normalizer: MeanNormalizer.WeightSum, label_smoothing: 0.05)));
            results.Add(("sigmoid " + source, sigmoid, CbFunctional.cb_sigmoid_cross_entropy(logits, target, alphaTensor,
                Reduction.Sum)));
            results.Add(("focal " + source, focal, CbFunctional.cb_focal_loss(logits, target, alphaTensor, gamma: 0.5)));
        }

        foreach (var (what, expected, actual) in results)
        {
            using (actual)
            {
                Assert.Equal(ScalarType.Float32, actual.dtype);
                TestData.Close(expected, TestData.Scalar(actual), 1e-5, what);
            }
        }
    }

    [Fact]
    public void Functional_weights_are_validated_by_name()
    {
        using var logits = randn(4, 3);
        using var target = tensor(new long[] { 0, 1, 2, 0 });
        using var nan = tensor(new[] { 1.0, double.NaN, 1.0 });
        var bad = Assert.Throws<ArgumentException>(() => CbFunctional.cb_softmax_cross_entropy(logits, target, nan));
        Assert.Equal("weight", bad.ParamName);
        using var two = tensor(new[] { 1.0, 2.0 });
        var wrongC = Assert.Throws<ArgumentException>(() => CbFunctional.cb_focal_loss(logits, target, two));
        Assert.Equal("logits", wrongC.ParamName);
        Assert.Contains("C = 2", wrongC.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(double.NaN)]
    public void The_functional_LDAM_checks_the_scale(double scale)
    {
        using var scope = NewDisposeScope();
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() =>
            CbFunctional.ldam_cross_entropy(zeros(2, 3), Labels(), zeros(3), scale));
        Assert.Equal("scale", ex.ParamName);
    }

    [Fact]
    public void The_functional_forms_check_their_options()
    {
        using var scope = NewDisposeScope();
        var logits = zeros(2, 3);
        Func<Reduction, MeanNormalizer, Tensor>[] forms =
        {
            (r, n) => CbFunctional.logit_adjusted_cross_entropy(logits, Labels(), zeros(3), reduction: r, normalizer: n),
            (r, n) => CbFunctional.ldam_cross_entropy(logits, Labels(), zeros(3), reduction: r, normalizer: n),
        };
        foreach (var form in forms)
        {
            Assert.Equal("reduction", Assert.Throws<ArgumentOutOfRangeException>(() =>
                form((Reduction)9, MeanNormalizer.WeightSum)).ParamName);
            Assert.Equal("normalizer", Assert.Throws<ArgumentOutOfRangeException>(() =>
                form(Reduction.Mean, (MeanNormalizer)9)).ParamName);
        }
    }

    [Fact]
    public void The_functional_forms_name_a_null_or_misshapen_argument()
    {
        using var scope = NewDisposeScope();
        var logits = zeros(2, 3);
        Assert.Equal("logits", Assert.Throws<ArgumentNullException>(() =>
            CbFunctional.logit_adjusted_cross_entropy(null!, Labels(), zeros(3))).ParamName);
        Assert.Equal("log_priors", Assert.Throws<ArgumentNullException>(() =>
            CbFunctional.logit_adjusted_cross_entropy(logits, Labels(), null!)).ParamName);
        Assert.Equal("target", Assert.Throws<ArgumentNullException>(() =>
            CbFunctional.ldam_cross_entropy(logits, null!, zeros(3))).ParamName);

        var rank1 = Assert.Throws<ArgumentException>(() =>
            CbFunctional.ldam_cross_entropy(zeros(3), Labels(), zeros(3)));
        Assert.Equal("logits", rank1.ParamName);
        Assert.Equal("logits", Assert.Throws<ArgumentException>(() =>
            CbFunctional.adjust_logits(zeros(3), zeros(3))).ParamName);

        Assert.Contains("rank-1 tensor of 3 margins", Assert.Throws<ArgumentException>(() =>
            CbFunctional.ldam_cross_entropy(logits, Labels(), zeros(4, 1))).Message);
        Assert.Contains("rank-1 tensor of 3 log-priors", Assert.Throws<ArgumentException>(() =>
            CbFunctional.adjust_logits(logits, zeros(2, ScalarType.Int64))).Message);
    }

    /// <summary>A per-class table of the right form sets C, as class weights and counts do: logits of another width
    /// are named, with their column count and the table's (the generated <c>AdjustLogits</c> passes its own table,
    /// which its caller never sees).</summary>
    [Fact]
    public void Logits_of_another_width_than_the_per_class_table_are_named_with_both_counts()
    {
        using var scope = NewDisposeScope();
        var logits = zeros(4, 3);
        var adjust = Assert.Throws<ArgumentException>(() => CbFunctional.adjust_logits(logits, zeros(2)));
        Assert.Equal("logits", adjust.ParamName);
        Assert.Equal(
            "Expected 'logits' to have C = 2 columns (as many as the log-priors in 'log_priors'), got 3 (shape [4, 3]). "
            + "(Parameter 'logits')",
            adjust.Message);
        var ldam = Assert.Throws<ArgumentException>(() => CbFunctional.ldam_cross_entropy(logits, zeros(4, ScalarType.Int64), zeros(4)));
        Assert.Equal("logits", ldam.ParamName);
        Assert.Contains("C = 4 columns (as many as the margins in 'margins'), got 3", ldam.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NaN)]
    public void A_non_finite_largest_per_class_value_is_rejected(double bad)
    {
        using var scope = NewDisposeScope();
        var logits = zeros(2, 3);
        var values = tensor(new[] { 0.1, bad, 0.2 });
        Assert.Equal("margins", Assert.Throws<ArgumentException>(() =>
            CbFunctional.ldam_cross_entropy(logits, Labels(), values)).ParamName);
        Assert.Equal("log_priors", Assert.Throws<ArgumentException>(() =>
            CbFunctional.adjust_logits(logits, values)).ParamName);
        Assert.Equal("log_priors", Assert.Throws<ArgumentException>(() =>
            CbFunctional.adjust_logits(logits, new[] { 0.1, bad, 0.2 })).ParamName);
    }

    /// <summary>adjust_logits cannot tell log-priors (single-label) from prior logits (a multi-label
    /// <c>AdjustLogits</c>), so its τ error fits both: no cross-entropy, no balanced error of a softmax.</summary>
    [Fact]
    public void The_tau_error_fits_single_and_multi_label_adjustment()
    {
        using var scope = NewDisposeScope();
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => CbFunctional.adjust_logits(zeros(2, 3), zeros(3), double.NaN));
        Assert.Equal(
            "τ must be finite and ≥ 0; it scales the shift by the class priors: 1 (the default) shifts by the whole prior "
            + "term, 0 leaves the logits unchanged; got NaN. (Parameter 'tau')",
            e.Message);
    }

    [Theory]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    public void Post_hoc_adjustment_checks_tau_in_every_overload(double tau)
    {
        using var scope = NewDisposeScope();
        var logits = zeros(2, 3);
        Assert.Equal("tau", Assert.Throws<ArgumentOutOfRangeException>(() =>
            CbFunctional.adjust_logits(logits, zeros(3), tau)).ParamName);
        Assert.Equal("tau", Assert.Throws<ArgumentOutOfRangeException>(() =>
            CbFunctional.adjust_logits(logits, new[] { 0.0, 0.0, 0.0 }, tau)).ParamName);
    }
}
