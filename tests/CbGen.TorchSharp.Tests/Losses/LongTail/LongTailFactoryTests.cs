using System;
using System.Collections.Generic;
using System.Linq;
using CbGen.TorchSharp;
using TorchSharp;
using static TorchSharp.torch;
using Reduction = TorchSharp.torch.nn.Reduction;

namespace CbGen.TorchSharp.Tests;

/// <summary>
/// <see cref="CbLosses.FromCounts(CbLoss, ReadOnlySpan{long}, double, CbLossOptions?)"/> for
/// <see cref="CbLoss.LogitAdjusted"/> and <see cref="CbLoss.Ldam"/> (with and without deferred re-weighting): each
/// factory path gives the module built directly, on the same batch, and the float64 loops of
/// <see cref="LongTailLoops"/>; bad options are named.
/// </summary>
public class LongTailFactoryTests
{
    private static readonly long[] Counts = { 900, 90, 9, 30 };
    private const double Beta = 0.99;

    private static readonly double[,] Z = TestData.Logits(11, 6, 4);
    private static readonly long[] Y = { 0, 1, 2, 3, 2, 0 };

    private static double Value(Loss<Tensor, Tensor, Tensor> loss, double[,] z, long[] y)
    {
        using var logits = TestData.ToTensor(z, ScalarType.Float64);
        using var target = TestData.ToTensor(y);
        using var value = loss.forward(logits, target);
        return TestData.Scalar(value);
    }

    [Fact]
    public void Logit_adjusted_from_the_factory_is_the_module_built_directly_and_ignores_beta()
    {
        var options = new CbLossOptions
        {
            Tau = 0.5,
            Reduction = Reduction.Sum,
            IgnoreIndex = 3,
            Device = CbDevice.Cpu,
            CheckFiniteLogits = true,
        };
        using var factory = CbLosses.FromCounts(CbLoss.LogitAdjusted, Counts, Beta, options);
        using var other = CbLosses.FromCounts(CbLoss.LogitAdjusted, Counts, 0.0, options);
        using var direct = new LogitAdjustedLoss(Counts, Reduction.Sum, ignore_index: 3, tau: 0.5, device: CbDevice.Cpu);
        var la = Assert.IsType<LogitAdjustedLoss>(factory);
        Assert.Equal(0.5, la.Tau);
        Assert.Null(la.ClassWeights);
        Assert.True(la.CheckFiniteLogits);

        double expected = LongTailLoops.Reduced(LongTailLoops.LogitAdjusted(Z, Counts, 0.5), Y, null, 3,
            MeanNormalizer.PositiveLabels, mean: false);
        TestData.Close(expected, Value(factory, Z, Y), 1e-12, "factory vs loop");
        Assert.Equal(Value(direct, Z, Y), Value(factory, Z, Y));
        Assert.Equal(Value(factory, Z, Y), Value(other, Z, Y));     // β is not used
    }

    [Fact]
    public void Ldam_from_the_factory_without_deferral_is_the_unweighted_module()
    {
        var options = new CbLossOptions { MaxMargin = 0.3, Scale = 10, Normalizer = MeanNormalizer.AllTerms, Device = CbDevice.Cpu };
        using var factory = CbLosses.FromCounts(CbLoss.Ldam, Counts, Beta, options);
        using var direct = new LdamLoss(Counts, Reduction.Mean, MeanNormalizer.AllTerms, maxMargin: 0.3, scale: 10,
            device: CbDevice.Cpu);
        var ldam = Assert.IsType<LdamLoss>(factory);
        Assert.Null(ldam.ClassWeights);
        Assert.Equal(10.0, ldam.Scale);
        Assert.Equal(0.3, ldam.MaxMargin, 15);

        double expected = LongTailLoops.Reduced(
            LongTailLoops.Ldam(Z, Y, LongTailLoops.Margins(Counts, 0.3), 10), Y, null, -100, MeanNormalizer.AllTerms, mean: true);
        TestData.Close(expected, Value(factory, Z, Y), 1e-12, "factory vs loop");
        Assert.Equal(Value(direct, Z, Y), Value(factory, Z, Y));
    }

    [Fact]
    public void Ldam_with_DeferUntilEpoch_is_LDAM_DRW_with_the_class_balanced_weights_of_beta()
    {
        var options = new CbLossOptions
        {
            DeferUntilEpoch = 2,
            Normalizer = MeanNormalizer.WeightSum,
            Device = CbDevice.Cpu,
            CheckFiniteLogits = true,
        };
        using var factory = CbLosses.FromCounts(CbLoss.Ldam, new[] { 900, 90, 9, 30 }, Beta, options);
        using var direct = DeferredReweightingLoss.LdamDrw(Counts, 2, Beta, device: CbDevice.Cpu);
        var drw = Assert.IsType<DeferredReweightingLoss>(factory);
        Assert.Equal(2, drw.DeferUntilEpoch);
        Assert.True(drw.CheckFiniteLogits);
        var weighted = Assert.IsType<LdamLoss>(drw.Weighted);
        TestData.Close(ClassBalancedWeights.Compute(Counts, Beta), TestData.Vector(weighted.ClassWeights!), 1e-12, "weights");

        var margins = LongTailLoops.Margins(Counts, 0.5);
        var shifted = LongTailLoops.Ldam(Z, Y, margins, 30);
        foreach (int epoch in new[] { 0, 1, 2, 5 })
        {
            drw.Step(epoch);
            direct.Step(epoch);
            double[]? alpha = epoch >= 2 ? ClassBalancedWeights.Compute(Counts, Beta) : null;
            double expected = LongTailLoops.Reduced(shifted, Y, alpha, -100, MeanNormalizer.WeightSum, mean: true);
            TestData.Close(expected, Value(drw, Z, Y), 1e-12, "epoch " + epoch);
            Assert.Equal(Value(direct, Z, Y), Value(drw, Z, Y));
        }
    }

    [Fact]
    public void Without_a_Normalizer_each_loss_gets_its_official_mean_as_the_generated_losses_do()
    {
        // LDAM-DRW's official code divides by Σ α_{y_i} (cross_entropy(weight=…)); the CB losses by B.
        var options = new CbLossOptions { DeferUntilEpoch = 0, Device = CbDevice.Cpu };
        using var ldamDrw = CbLosses.FromCounts(CbLoss.Ldam, Counts, Beta, options);
        double[] alpha = ClassBalancedWeights.Compute(Counts, Beta);
        var shifted = LongTailLoops.Ldam(Z, Y, LongTailLoops.Margins(Counts, 0.5), 30);
        TestData.Close(LongTailLoops.Reduced(shifted, Y, alpha, -100, MeanNormalizer.WeightSum, mean: true),
            Value(ldamDrw, Z, Y), 1e-12, "LDAM-DRW");
        Assert.Equal(MeanNormalizer.WeightSum, Assert.IsType<LdamLoss>(((DeferredReweightingLoss)ldamDrw).Weighted).Normalizer);
        Assert.Equal(MeanNormalizer.WeightSum, CbLossOptions.Default.NormalizerFor(CbLoss.LogitAdjusted));
        Assert.Equal(MeanNormalizer.PositiveLabels, CbLossOptions.Default.NormalizerFor(CbLoss.Softmax));
        Assert.Equal(MeanNormalizer.AllTerms, new CbLossOptions { Normalizer = MeanNormalizer.AllTerms }.NormalizerFor(CbLoss.Ldam));
    }

    [Fact]
    public void A_class_balanced_variant_with_DeferUntilEpoch_is_the_DRW_wrapper()
    {
        var options = new CbLossOptions { DeferUntilEpoch = 1, Gamma = 0.5, Device = CbDevice.Cpu };
        using var factory = CbLosses.FromCounts(CbLoss.Focal, Counts, Beta, options);
        using var direct = DeferredReweightingLoss.FromCounts(CbLoss.Focal, Counts, Beta, 1, options);
        var drw = Assert.IsType<DeferredReweightingLoss>(factory);
        Assert.Equal(CbLoss.Focal, drw.Variant);
        foreach (int epoch in new[] { 0, 1 })
        {
            drw.Step(epoch);
            direct.Step(epoch);
            Assert.Equal(Value(direct, Z, Y), Value(drw, Z, Y));
        }
    }

    [Fact]
    public void The_options_defaults_are_the_long_tail_constructor_defaults()
    {
        var o = CbLossOptions.Default;
        var la = typeof(LogitAdjustedLoss).GetConstructors().Single().GetParameters();
        var ldam = typeof(LdamLoss).GetConstructors().Single().GetParameters();
        Assert.Equal(o.TauValue, (double)la.Single(p => p.Name == "tau").DefaultValue!);
        Assert.Equal(o.MaxMarginValue, (double)ldam.Single(p => p.Name == "maxMargin").DefaultValue!);
        Assert.Equal(o.ScaleValue, (double)ldam.Single(p => p.Name == "scale").DefaultValue!);
        Assert.Null(o.DeferUntilEpoch);
    }

    public static TheoryData<string, CbLoss, CbLossOptions, double> BadOptions() => new()
    {
        { "tau", CbLoss.LogitAdjusted, new CbLossOptions { Tau = -0.5 }, Beta },
        { "tau", CbLoss.LogitAdjusted, new CbLossOptions { Tau = double.NaN }, Beta },
        { "maxMargin", CbLoss.Ldam, new CbLossOptions { MaxMargin = double.NaN }, Beta },
        { "maxMargin", CbLoss.Ldam, new CbLossOptions { MaxMargin = -1 }, Beta },
        { "scale", CbLoss.Ldam, new CbLossOptions { Scale = 0 }, Beta },
        { "scale", CbLoss.Ldam, new CbLossOptions { Scale = double.PositiveInfinity, DeferUntilEpoch = 3 }, Beta },
        { "deferUntilEpoch", CbLoss.Ldam, new CbLossOptions { DeferUntilEpoch = -1 }, Beta },
        { "deferUntilEpoch", CbLoss.Softmax, new CbLossOptions { DeferUntilEpoch = -1 }, Beta },
        { "beta", CbLoss.LogitAdjusted, CbLossOptions.Default, double.NaN },
        { "beta", CbLoss.Ldam, CbLossOptions.Default, 1.5 },
    };

    [Theory]
    [MemberData(nameof(BadOptions))]
    public void Bad_options_throw_ArgumentOutOfRangeException_naming_them(
        string name, CbLoss loss, CbLossOptions options, double beta)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => CbLosses.FromCounts(loss, Counts, beta, options));
        Assert.Equal(name, e.ParamName);
    }

    [Theory]
    [InlineData(CbLoss.LogitAdjusted, "log-priors")]
    [InlineData(CbLoss.Ldam, "margins")]
    public void Create_from_weights_points_the_long_tail_losses_to_FromCounts(CbLoss loss, string what)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => CbLosses.Create(loss, new[] { 1.0, 2.0 }));
        Assert.Equal("loss", e.ParamName);
        Assert.Contains(what, e.Message, StringComparison.Ordinal);
        Assert.Contains("CbLosses.FromCounts", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DRW_FromCounts_rejects_the_logit_adjusted_loss_and_builds_LDAM_DRW()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(
            () => DeferredReweightingLoss.FromCounts(CbLoss.LogitAdjusted, Counts, Beta, 2));
        Assert.Equal("loss", e.ParamName);
        Assert.Contains("no class weights", e.Message, StringComparison.Ordinal);
        using var drw = DeferredReweightingLoss.FromCounts(CbLoss.Ldam, Counts, Beta, 2,
            new CbLossOptions { Scale = 5, Device = CbDevice.Cpu });
        Assert.Equal(5.0, Assert.IsType<LdamLoss>(drw.Weighted).Scale);
        Assert.Equal(5.0, Assert.IsType<LdamLoss>(drw.Unweighted).Scale);
    }

    [Theory]
    [InlineData(CbLoss.LogitAdjusted)]
    [InlineData(CbLoss.Ldam)]
    public void CheckFiniteLogits_reaches_the_long_tail_modules(CbLoss loss)
    {
        var z = (double[,])Z.Clone();
        z[4, 1] = double.NaN;
        using var checking = CbLosses.FromCounts(loss, Counts, Beta,
            new CbLossOptions { CheckFiniteLogits = true, Device = CbDevice.Cpu });
        var e = Assert.Throws<ArgumentException>(() => Value(checking, z, Y));
        Assert.Contains("row 4", e.Message, StringComparison.Ordinal);
        using var silent = CbLosses.FromCounts(loss, Counts, Beta, new CbLossOptions { Device = CbDevice.Cpu });
        Assert.True(double.IsNaN(Value(silent, z, Y)));
    }
}
