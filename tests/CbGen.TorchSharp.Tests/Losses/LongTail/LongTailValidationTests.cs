using System;
using CbGen.TorchSharp;
using TorchSharp;
using static TorchSharp.torch;
using Reduction = TorchSharp.torch.nn.Reduction;

namespace CbGen.TorchSharp.Tests;

/// <summary>Bad inputs to the logit-adjusted and LDAM losses are ArgumentExceptions naming the problem, thrown
/// before libtorch sees them.</summary>
public sealed class LongTailValidationTests
{
    private static readonly long[] Counts = { 300, 40, 5 };

    private static Tensor Labels() => tensor(new long[] { 0, 2 });

    [Theory]
    [InlineData(-0.5)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Bad_tau_is_rejected_everywhere(double tau)
    {
        using var scope = NewDisposeScope();
        var logits = zeros(2, 3);
        Assert.Equal("tau", Assert.Throws<ArgumentOutOfRangeException>(() => new LogitAdjustedLoss(Counts, tau: tau)).ParamName);
        Assert.Equal("tau", Assert.Throws<ArgumentOutOfRangeException>(() => LogitAdjustedLoss.FromLogPriors(new[] { -1.0, -2.0 }, tau: tau)).ParamName);
        Assert.Equal("tau", Assert.Throws<ArgumentOutOfRangeException>(() => CbFunctional.adjust_logits(logits, Counts, tau)).ParamName);
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() =>
            CbFunctional.logit_adjusted_cross_entropy(logits, tensor(new long[] { 0, 1 }), zeros(3), tau));
        Assert.Contains("τ must be finite and ≥ 0", ex.Message);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-30.0)]
    [InlineData(double.NaN)]
    public void Bad_scale_is_rejected(double scale)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new LdamLoss(Counts, scale: scale));
        Assert.Equal("scale", ex.ParamName);
        Assert.Contains("s must be finite and > 0", ex.Message);
        Assert.Equal("scale", Assert.Throws<ArgumentOutOfRangeException>(() => LdamLoss.FromMargins(new[] { 0.1 }, scale: scale)).ParamName);
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(double.NaN)]
    public void Bad_max_margin_is_rejected(double maxMargin)
    {
        Assert.Equal("maxMargin", Assert.Throws<ArgumentOutOfRangeException>(() => new LdamLoss(Counts, maxMargin: maxMargin)).ParamName);
    }

    [Fact]
    public void Zero_counts_are_rejected_with_the_reason_and_the_fix()
    {
        var la = Assert.Throws<ArgumentException>(() => new LogitAdjustedLoss(new long[] { 10, 0 }));
        Assert.Contains("pseudo-count (e.g. 1)", la.Message);
        var ldam = Assert.Throws<ArgumentException>(() => new LdamLoss(new long[] { 10, 0 }));
        Assert.Contains("ZeroCountPolicy.ZeroWeight", ldam.Message);
        // The opt-in margins (0 for the empty class) are usable through FromMargins.
        using var fromMargins = LdamLoss.FromMargins(LdamMargins.Compute(new long[] { 10, 0 }, 0.5, ZeroCountPolicy.ZeroWeight),
            device: CbDevice.Cpu);
        Assert.Equal(2, fromMargins.NumClasses);
        // The opt-in log-priors (−∞) are not.
        var inf = Assert.Throws<ArgumentException>(() =>
            LogitAdjustedLoss.FromLogPriors(ClassPriors.LogPriors(new long[] { 10, 0 }, ZeroCountPolicy.ZeroWeight)));
        Assert.Equal("log_priors", inf.ParamName);
        Assert.Contains("class 1 is -Infinity", inf.Message);
    }

    [Fact]
    public void Class_weights_must_be_one_per_class_finite_and_non_negative()
    {
        var count = Assert.Throws<ArgumentException>(() => new LdamLoss(Counts, weight: new[] { 1.0, 2.0 }));
        Assert.Equal("weight", count.ParamName);
        Assert.Contains("2 class weights for 3 classes", count.Message);
        var negative = Assert.Throws<ArgumentException>(() => new LogitAdjustedLoss(Counts, weight: new[] { 1.0, -2.0, 1.0 }));
        Assert.Contains("Class weight 1 is -2", negative.Message);
        Assert.Throws<ArgumentException>(() => LdamLoss.FromMargins(new[] { 0.1, -0.2 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new LdamLoss(Counts, reduction: (Reduction)9));
        Assert.Throws<ArgumentOutOfRangeException>(() => new LogitAdjustedLoss(Counts, normalizer: (MeanNormalizer)9));
    }

    [Fact]
    public void Forward_rejects_bad_logits_and_labels_naming_the_parameter()
    {
        using var scope = NewDisposeScope();
        using var la = new LogitAdjustedLoss(Counts, device: CbDevice.Cpu);
        using var ldam = new LdamLoss(Counts, device: CbDevice.Cpu);
        foreach (nn.Module<Tensor, Tensor, Tensor> loss in new nn.Module<Tensor, Tensor, Tensor>[] { la, ldam })
        {
            var columns = Assert.Throws<ArgumentException>(() => loss.forward(zeros(2, 4), tensor(new long[] { 0, 1 })));
            Assert.Equal("logits", columns.ParamName);
            var label = Assert.Throws<ArgumentException>(() => loss.forward(zeros(2, 3), tensor(new long[] { 0, 3 })));
            Assert.Equal("target", label.ParamName);
            Assert.Contains("class index 3", label.Message);
            var dtype = Assert.Throws<ArgumentException>(() => loss.forward(zeros(2, 3), tensor(new int[] { 0, 1 })));
            Assert.Contains("Int64", dtype.Message);
            Assert.Throws<ArgumentException>(() => loss.forward(zeros(2, 3, ScalarType.Int64), tensor(new long[] { 0, 1 })));
        }
    }

    [Fact]
    public void A_disposed_module_throws_ObjectDisposedException_naming_it()
    {
        using var scope = NewDisposeScope();
        var la = new LogitAdjustedLoss(Counts, device: CbDevice.Cpu);
        var ldam = new LdamLoss(Counts, weight: new[] { 1.0, 2.0, 3.0 }, device: CbDevice.Cpu);
        la.Dispose();
        ldam.Dispose();
        var first = Assert.Throws<ObjectDisposedException>(() => la.forward(zeros(2, 3), tensor(new long[] { 0, 1 })));
        Assert.Contains("LogitAdjustedLoss", first.Message);
        var second = Assert.Throws<ObjectDisposedException>(() => ldam.forward(zeros(2, 3), tensor(new long[] { 0, 1 })));
        Assert.Contains("LdamLoss", second.Message);
    }

    [Fact]
    public void Functional_forms_check_their_per_class_tensors()
    {
        using var scope = NewDisposeScope();
        var logits = zeros(2, 3);
        var labels = tensor(new long[] { 0, 1 });
        var shape = Assert.Throws<ArgumentException>(() =>
            CbFunctional.logit_adjusted_cross_entropy(logits, labels, zeros(3, 1)));
        Assert.Equal("log_priors", shape.ParamName);
        Assert.Contains("rank-1 tensor of 3 log-priors", shape.Message);

        // A well-formed table sets C: logits of another width are named with both counts.
        var width = Assert.Throws<ArgumentException>(() =>
            CbFunctional.logit_adjusted_cross_entropy(logits, labels, zeros(4)));
        Assert.Equal("logits", width.ParamName);
        Assert.Contains("C = 4 columns (as many as the log-priors in 'log_priors'), got 3", width.Message);
        var infinite = Assert.Throws<ArgumentException>(() =>
            CbFunctional.adjust_logits(logits, tensor(new[] { 0.0, double.NegativeInfinity, -1.0 })));
        Assert.Contains("finite", infinite.Message);
        var negative = Assert.Throws<ArgumentException>(() =>
            CbFunctional.ldam_cross_entropy(logits, labels, tensor(new[] { 0.1, -0.1, 0.2 })));
        Assert.Equal("margins", negative.ParamName);
        Assert.Contains("≥ 0", negative.Message);
        var weight = Assert.Throws<ArgumentException>(() =>
            CbFunctional.ldam_cross_entropy(logits, labels, zeros(3), weight: ones(2)));
        Assert.Equal("weight", weight.ParamName);
        Assert.Equal("logits", Assert.Throws<ArgumentException>(() =>
            CbFunctional.adjust_logits(zeros(3), new[] { 0.0, 0.0, 0.0 })).ParamName);
    }

    [Fact]
    public void Forward_rejects_a_null_target_and_a_soft_target_naming_class_indices_only()
    {
        using var scope = NewDisposeScope();
        using var la = new LogitAdjustedLoss(Counts, device: CbDevice.Cpu);
        using var ldam = new LdamLoss(Counts, device: CbDevice.Cpu);
        foreach (nn.Module<Tensor, Tensor, Tensor> loss in new nn.Module<Tensor, Tensor, Tensor>[] { la, ldam })
        {
            Assert.Equal("target", Assert.Throws<ArgumentNullException>(() => loss.forward(zeros(2, 3), null!)).ParamName);
            var soft = Assert.Throws<ArgumentException>(() => loss.forward(zeros(2, 3), full(2, 3, 1.0 / 3)));
            Assert.Equal("target", soft.ParamName);
            Assert.Contains("Int64 class indices of shape [2]", soft.Message);
            Assert.DoesNotContain("floating", soft.Message);
        }
    }

    [Fact]
    public void Factory_methods_check_their_options_and_per_class_values()
    {
        Assert.Equal("reduction", Assert.Throws<ArgumentOutOfRangeException>(() =>
            LdamLoss.FromMargins(new[] { 0.1 }, reduction: (Reduction)9)).ParamName);
        Assert.Equal("normalizer", Assert.Throws<ArgumentOutOfRangeException>(() =>
            LdamLoss.FromMargins(new[] { 0.1 }, normalizer: (MeanNormalizer)9)).ParamName);
        Assert.Equal("reduction", Assert.Throws<ArgumentOutOfRangeException>(() =>
            LogitAdjustedLoss.FromLogPriors(new[] { -1.0 }, reduction: (Reduction)9)).ParamName);
        Assert.Equal("normalizer", Assert.Throws<ArgumentOutOfRangeException>(() =>
            LogitAdjustedLoss.FromLogPriors(new[] { -1.0 }, normalizer: (MeanNormalizer)9)).ParamName);

        Assert.Contains("margins are empty", Assert.Throws<ArgumentException>(() =>
            LdamLoss.FromMargins(Array.Empty<double>())).Message);
        Assert.Contains("log-priors are empty", Assert.Throws<ArgumentException>(() =>
            LogitAdjustedLoss.FromLogPriors(Array.Empty<double>())).Message);
        var infinite = Assert.Throws<ArgumentException>(() =>
            LdamLoss.FromMargins(new[] { 0.1, double.PositiveInfinity }));
        Assert.Equal("margins", infinite.ParamName);
        Assert.Contains("class 1 is Infinity", infinite.Message);
    }

    [Fact]
    public void LDAM_DRW_rejects_a_negative_K_before_any_module_is_built()
    {
        var statistics = DisposeScopeManager.Statistics.TensorStatistics;
        long live = statistics.ThreadTotalLiveCount;
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() =>
            DeferredReweightingLoss.LdamDrw(Counts, deferUntilEpoch: -1, device: CbDevice.Cpu));
        Assert.Equal("deferUntilEpoch", ex.ParamName);
        Assert.Equal(live, statistics.ThreadTotalLiveCount);
    }
}
