using System;
using CbGen.TorchSharp;
using static TorchSharp.torch;
using Reduction = TorchSharp.torch.nn.Reduction;

namespace CbGen.TorchSharp.Tests;

/// <summary>Bad input to the distribution-balanced and asymmetric losses is an exception naming the problem and
/// the fix, never a NaN or a native error.</summary>
public class MultiLabelInputTests
{
    private static readonly long[] Counts = { 50, 10, 1 };

    [Theory]
    [InlineData(new long[] { 50, 0, 1 }, 100L, "pseudo-count")]
    [InlineData(new long[] { 50, 120, 1 }, 100L, "more positives than there are samples")]
    [InlineData(new long[] { 50, 100, 1 }, 100L, "set kappa to 0")]
    public void Impossible_counts_are_refused_with_the_fix(long[] counts, long samples, string fix)
    {
        var e = Assert.Throws<ArgumentException>(() => new DistributionBalancedLoss(counts, samples, device: CbDevice.Cpu));
        Assert.Equal("counts", e.ParamName);
        Assert.Contains(fix, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_class_in_every_sample_under_the_prior_bias_names_kappa_and_its_DSL_name_BiasScale()
    {
        var e = Assert.Throws<ArgumentException>(() => new DistributionBalancedLoss(new long[] { 50, 100, 1 }, 100, device: CbDevice.Cpu));
        Assert.Equal(
            "Class 1 is positive in all N = 100 samples, so its prior is 1 and its bias −log(1/p − 1) is +∞; set kappa to 0 "
            + "(BiasScale = 0 in the DSL: no prior bias) or check the counts. (Parameter 'counts')",
            e.Message);
    }

    [Fact]
    public void A_class_in_every_sample_is_accepted_without_the_prior_bias()
    {
        using var loss = new DistributionBalancedLoss(new long[] { 100, 3 }, 100, kappa: 0.0, device: CbDevice.Cpu);
        Assert.Equal(new[] { 0.0, 0.0 }, TestData.Vector(loss.PriorBias));
    }

    [Theory]
    [InlineData(0L, "samples")]
    [InlineData(-5L, "samples")]
    public void N_must_be_positive(long samples, string param)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new DistributionBalancedLoss(Counts, samples, device: CbDevice.Cpu));
        Assert.Equal(param, e.ParamName);
    }

    [Theory]
    [InlineData("alpha")]
    [InlineData("beta")]
    [InlineData("mu")]
    [InlineData("lambda")]
    [InlineData("kappa")]
    public void Each_hyper_parameter_is_checked_by_name(string knob)
    {
        double bad = knob == "lambda" ? 0.0 : knob is "alpha" or "beta" ? -1.0 : double.NaN;
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new DistributionBalancedLoss(Counts, 100,
            alpha: knob == "alpha" ? bad : 0.1, beta: knob == "beta" ? bad : 10, mu: knob == "mu" ? bad : 0.3,
            lambda: knob == "lambda" ? bad : 5, kappa: knob == "kappa" ? bad : 0.05, device: CbDevice.Cpu));
        Assert.Equal(knob, e.ParamName);
    }

    [Fact]
    public void WeightSum_is_refused_because_the_losses_have_no_class_weights()
    {
        var db = Assert.Throws<ArgumentOutOfRangeException>(() =>
            new DistributionBalancedLoss(Counts, 100, normalizer: MeanNormalizer.WeightSum, device: CbDevice.Cpu));
        Assert.Contains("no class weights", db.Message, StringComparison.Ordinal);
        var asl = Assert.Throws<ArgumentOutOfRangeException>(() => new AsymmetricLoss(3, normalizer: MeanNormalizer.WeightSum));
        Assert.Equal("normalizer", asl.ParamName);
    }

    [Theory]
    [InlineData(-0.1, 0.0)]
    [InlineData(1.0, 0.0)]
    [InlineData(double.NaN, 0.0)]
    [InlineData(0.05, -1e-8)]
    [InlineData(0.05, 1.0)]
    public void The_margin_and_the_log_floor_are_checked(double clip, double eps)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new AsymmetricLoss(3, clip: clip, epsilon: eps));
        Assert.Equal(clip is >= 0.0 and < 1.0 ? "epsilon" : "clip", e.ParamName);
    }

    [Fact]
    public void Soft_targets_are_refused_by_the_distribution_balanced_loss()
    {
        using var scope = NewDisposeScope();
        using var loss = new DistributionBalancedLoss(Counts, 100, device: CbDevice.Cpu);
        var t = tensor(new[] { 1.0, 0.5, 0.0 }).reshape(1, 3);
        var e = Assert.Throws<ArgumentException>(() => loss.forward(zeros(1, 3, ScalarType.Float64), t));
        Assert.Equal("target", e.ParamName);
        Assert.Contains("multi-hot", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_NaN_target_is_named_with_its_position_and_where_it_comes_from()
    {
        using var scope = NewDisposeScope();
        var t = tensor(new[] { 1.0f, 0.0f, float.NaN, 0.0f, 1.0f, 1.0f }).reshape(2, 3);
        var e = Assert.Throws<ArgumentException>(() => CbFunctional.distribution_balanced_loss(zeros(2, 3), t,
            Counts, 100));
        Assert.Equal(
            "Expected 'target' to be multi-hot (every value 0 or 1), got NaN at sample 0, class 2: a target must be 0 "
            + "or 1; check what produced the targets (a NaN or infinity usually comes from missing or corrupt labels). "
            + "(Parameter 'target')",
            e.Message);
    }

    [Theory]
    [InlineData(0.5, ScalarType.Float64)]
    [InlineData(double.NaN, ScalarType.Float64)]
    [InlineData(double.PositiveInfinity, ScalarType.Float64)]
    [InlineData(double.NegativeInfinity, ScalarType.Float64)]
    [InlineData(2.0, ScalarType.Float64)]
    [InlineData(-1.0, ScalarType.Float64)]
    [InlineData(1e-300, ScalarType.Float64)]
    [InlineData(1.0 - 1.1102230246251565e-16, ScalarType.Float64)]
    [InlineData(1e20, ScalarType.Float32)]
    [InlineData(1e-30, ScalarType.Float32)]
    [InlineData(1e-45, ScalarType.Float32)]
    [InlineData(1.0 - 5.9604644775390625e-8, ScalarType.Float32)]
    [InlineData(1.0 + 1.1920928955078125e-7, ScalarType.Float32)]
    public void Any_target_value_but_0_and_1_is_refused_by_the_distribution_balanced_loss(double bad, ScalarType dtype)
    {
        using var scope = NewDisposeScope();
        using var loss = new DistributionBalancedLoss(Counts, 100, device: CbDevice.Cpu);
        var t = tensor(new[] { 1.0, 0.0, 0.0, 0.0, 1.0, 1.0 }).reshape(2, 3).to(dtype);
        t[1, 1] = tensor(bad, dtype: dtype);

        // Contiguous targets are checked on the host, a transposed copy (the same values, not contiguous) by libtorch.
        foreach (var layout in new[] { t, t.t().contiguous().t() })
        {
            var e = Assert.Throws<ArgumentException>(() => loss.forward(zeros(2, 3, dtype), layout));
            Assert.Equal("target", e.ParamName);
            Assert.Contains("multi-hot", e.Message, StringComparison.Ordinal);

            // It names the value, where it is, and a fix that fits it.
            Assert.Contains(" at sample 1, class 1", e.Message, StringComparison.Ordinal);
            Assert.Contains(double.IsFinite(bad) ? "Round or threshold" : "missing or corrupt labels", e.Message,
                StringComparison.Ordinal);
            layout[1, 1] = tensor(0.0, dtype: dtype);
            Assert.True(double.IsFinite(loss.forward(zeros(2, 3, dtype), layout).to(ScalarType.Float64).item<double>()));
            layout[1, 1] = tensor(bad, dtype: dtype);
        }
    }

    [Fact]
    public void Class_indices_are_refused_with_how_to_one_hot_them()
    {
        using var scope = NewDisposeScope();
        using var db = new DistributionBalancedLoss(Counts, 100, device: CbDevice.Cpu);
        using var asl = new AsymmetricLoss(3);
        var labels = tensor(new long[] { 0, 2 });
        var logits = zeros(2, 3, ScalarType.Float64);
        foreach (PerClassLoss loss in new PerClassLoss[] { db, asl })
        {
            var e = Assert.Throws<ArgumentException>(() => loss.forward(logits, labels));
            Assert.Contains("one_hot", e.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_target_of_the_wrong_shape_or_the_logits_of_the_wrong_width_are_named()
    {
        using var scope = NewDisposeScope();
        using var loss = new AsymmetricLoss(3);
        var e = Assert.Throws<ArgumentException>(() => loss.forward(zeros(2, 3), zeros(2, 4)));
        Assert.Equal("target", e.ParamName);
        var f = Assert.Throws<ArgumentException>(() => loss.forward(zeros(2, 4), zeros(2, 4)));
        Assert.Equal("logits", f.ParamName);
    }

    /// <summary>Neither loss has class weights: a logits-width error says where C comes from (the module's counts or
    /// numClasses, the functional form's counts), and a short 'counts' is named as C's source.</summary>
    [Fact]
    public void Logits_of_the_wrong_width_name_where_C_comes_from()
    {
        using var scope = NewDisposeScope();
        using var db = new DistributionBalancedLoss(Counts, 100, device: CbDevice.Cpu);
        using var asl = new AsymmetricLoss(3);
        var dbError = Assert.Throws<ArgumentException>(() => db.forward(zeros(2, 4), zeros(2, 4)));
        Assert.Equal(
            "Expected 'logits' to have C = 3 columns (one per class of the loss's counts), got 4 (shape [2, 4]). "
            + "(Parameter 'logits')",
            dbError.Message);
        var aslError = Assert.Throws<ArgumentException>(() => asl.forward(zeros(2, 4), zeros(2, 4)));
        Assert.Equal(
            "Expected 'logits' to have C = 3 columns (the loss's numClasses), got 4 (shape [2, 4]). (Parameter 'logits')",
            aslError.Message);
        var functional = Assert.Throws<ArgumentException>(() => CbFunctional.distribution_balanced_loss(
            zeros(2, 3), zeros(2, 3), new long[] { 10, 3 }, 100));
        Assert.Equal(
            "Expected 'logits' to have C = 2 columns (one per class in 'counts'), got 3 (shape [2, 3]). "
            + "(Parameter 'logits')",
            functional.Message);
    }

    /// <summary>The hyper-parameter errors name each default from CbDefaults and claim nothing about the papers' values
    /// (μ and λ are not verified against the distribution-balanced paper; 0.5, 1 and 2 are the focal loss's γ, not the
    /// asymmetric loss's).</summary>
    [Fact]
    public void Hyper_parameter_errors_name_the_default_and_no_unverified_paper_value()
    {
        var mu = Assert.Throws<ArgumentOutOfRangeException>(() => new DistributionBalancedLoss(Counts, 100, mu: double.NaN, device: CbDevice.Cpu));
        Assert.Equal("The smoothing centre μ must be finite; the default is 0.3; got NaN. (Parameter 'mu')", mu.Message);
        var gammaNegative = Assert.Throws<ArgumentOutOfRangeException>(() => new AsymmetricLoss(3, gammaNegative: -1));
        Assert.Equal(
            "The asymmetric loss's focusing parameter γ− must be finite and ≥ 0; use the default 4, or 0 for no focusing; "
            + "got -1. (Parameter 'gammaNegative')",
            gammaNegative.Message);
        var gammaPositive = Assert.Throws<ArgumentOutOfRangeException>(() => new AsymmetricLoss(3, gammaPositive: double.PositiveInfinity));
        Assert.Equal(
            "The asymmetric loss's focusing parameter γ+ must be finite and ≥ 0; use the default 0 (no focusing); "
            + "got Infinity. (Parameter 'gammaPositive')",
            gammaPositive.Message);

        foreach (string knob in new[] { "alpha", "beta", "mu", "lambda", "kappa" })
        {
            var e = Assert.Throws<ArgumentOutOfRangeException>(() => new DistributionBalancedLoss(Counts, 100,
                alpha: knob == "alpha" ? -1 : 0.1, beta: knob == "beta" ? -1 : 10, mu: knob == "mu" ? double.NaN : 0.3,
                lambda: knob == "lambda" ? 0 : 5, kappa: knob == "kappa" ? double.NaN : 0.05, device: CbDevice.Cpu));
            Assert.DoesNotContain("paper", e.Message, StringComparison.Ordinal);
            Assert.Contains("the default is ", e.Message, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("paper", Assert.Throws<ArgumentOutOfRangeException>(() => new AsymmetricLoss(3, clip: 2)).Message,
            StringComparison.Ordinal);
    }

    [Fact]
    public void A_disposed_module_says_so()
    {
        var loss = new DistributionBalancedLoss(Counts, 100, device: CbDevice.Cpu);
        loss.Dispose();
        Assert.Throws<ObjectDisposedException>(() => loss.forward(zeros(1, 3), zeros(1, 3)));
    }
}
