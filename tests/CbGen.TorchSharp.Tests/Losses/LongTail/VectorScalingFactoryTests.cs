using System;
using System.Linq;
using CbGen.TorchSharp;
using TorchSharp;
using static TorchSharp.torch;
using Reduction = TorchSharp.torch.nn.Reduction;

namespace CbGen.TorchSharp.Tests;

/// <summary><see cref="CbLosses.FromCounts(CbLoss, ClassCounts, double, CbLossOptions?)"/> for
/// <see cref="CbLoss.VectorScaling"/>, its options' defaults and every bad knob and table the VS entry points refuse.</summary>
public sealed class VectorScalingFactoryTests
{
    private static readonly long[] Counts = { 900, 90, 9, 30 };
    private static readonly double[,] Z = TestData.Logits(31, 6, 4);
    private static readonly long[] Y = { 0, 1, 2, 3, 2, 0 };

    private static double Value(Loss<Tensor, Tensor, Tensor> loss)
    {
        using var logits = TestData.ToTensor(Z, ScalarType.Float64);
        using var target = TestData.ToTensor(Y);
        using var value = loss.forward(logits, target);
        return TestData.Scalar(value);
    }

    [Fact]
    public void From_the_factory_it_is_the_module_built_directly_and_the_loop()
    {
        var options = new CbLossOptions
        {
            VsGamma = 0.15,
            Tau = 1.25,
            Reduction = Reduction.Sum,
            IgnoreIndex = 3,
            Device = CbDevice.Cpu,
            CheckFiniteLogits = true,
        };
        using var factory = CbLosses.FromCounts(CbLoss.VectorScaling, Counts, 0.99, options);
        using var direct = new VectorScalingLoss(Counts, Reduction.Sum, ignore_index: 3, gamma: 0.15, tau: 1.25,
            device: CbDevice.Cpu);
        var vs = Assert.IsType<VectorScalingLoss>(factory);
        Assert.Equal(0.15, vs.Gamma);
        Assert.Equal(1.25, vs.Tau);
        Assert.Null(vs.ClassWeights);
        Assert.True(vs.CheckFiniteLogits);
        Assert.Equal(MeanNormalizer.WeightSum, CbLossOptions.Default.NormalizerFor(CbLoss.VectorScaling));
        double expected = LongTailLoops.Reduced(LongTailLoops.VectorScaling(Z, Counts, 0.15, 1.25), Y, null, 3,
            MeanNormalizer.PositiveLabels, mean: false);
        TestData.Close(expected, Value(factory), 1e-12, "factory vs loop");
        Assert.Equal(Value(direct), Value(factory));
    }

    [Fact]
    public void The_options_defaults_are_the_constructor_defaults_and_the_official_code_s()
    {
        var ctor = typeof(VectorScalingLoss).GetConstructors().Single().GetParameters();
        Assert.Equal(CbLossOptions.Default.VsGammaValue, (double)ctor.Single(p => p.Name == "gamma").DefaultValue!);
        Assert.Equal(CbLossOptions.Default.TauValue, (double)ctor.Single(p => p.Name == "tau").DefaultValue!);
        Assert.Equal(0.3, VectorScalingTables.DefaultGamma);
    }

    public static TheoryData<string, CbLossOptions> BadKnobs() => new()
    {
        { "gamma", new CbLossOptions { VsGamma = -0.1 } },
        { "gamma", new CbLossOptions { VsGamma = double.NaN } },
        { "gamma", new CbLossOptions { VsGamma = double.PositiveInfinity } },
        { "tau", new CbLossOptions { Tau = -1 } },
        { "tau", new CbLossOptions { Tau = double.NaN } },
    };

    [Theory]
    [MemberData(nameof(BadKnobs))]
    public void Bad_knobs_throw_ArgumentOutOfRangeException_naming_them(string name, CbLossOptions options)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(
            () => CbLosses.FromCounts(CbLoss.VectorScaling, Counts, 0.99, options with { Device = CbDevice.Cpu }));
        Assert.Equal(name, e.ParamName);
        Assert.Contains("finite and ≥ 0", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void VsGamma_for_another_loss_and_DeferUntilEpoch_for_VS_are_named()
    {
        var e = Assert.Throws<ArgumentException>(
            () => CbLosses.FromCounts(CbLoss.LogitAdjusted, Counts, 0.99, new CbLossOptions { VsGamma = 0.2 }));
        Assert.Contains("VsGamma only applies to CbLoss.VectorScaling", e.Message, StringComparison.Ordinal);
        var defer = Assert.ThrowsAny<ArgumentException>(
            () => CbLosses.FromCounts(CbLoss.VectorScaling, Counts, 0.99, new CbLossOptions { DeferUntilEpoch = 2 }));
        Assert.Contains("DeferUntilEpoch", defer.Message, StringComparison.Ordinal);
        var fromWeights = Assert.Throws<ArgumentOutOfRangeException>(() => CbLosses.Create(CbLoss.VectorScaling, new[] { 1.0, 2.0 }));
        Assert.Contains("scales and log-priors", fromWeights.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_class_asks_for_a_pseudo_count()
    {
        var e = Assert.Throws<ArgumentException>(() => new VectorScalingLoss(new long[] { 10, 0, 3 }, device: CbDevice.Cpu));
        Assert.Equal("counts", e.ParamName);
        Assert.Contains("CbLoss.VectorScaling", e.Message, StringComparison.Ordinal);
        Assert.Contains("pseudo-count", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_tables_are_named()
    {
        var scales = Assert.Throws<ArgumentException>(() => VectorScalingLoss.FromTables(
            new[] { 1.0, -0.5 }, new[] { -0.1, -2.3 }, device: CbDevice.Cpu));
        Assert.Equal("scales", scales.ParamName);
        var length = Assert.Throws<ArgumentException>(() => VectorScalingLoss.FromTables(
            new[] { 1.0, 0.5 }, new[] { -0.1, -2.3, -4.0 }, device: CbDevice.Cpu));
        Assert.Equal("log_priors", length.ParamName);
        var infinite = Assert.Throws<ArgumentException>(() => VectorScalingLoss.FromTables(
            new[] { 1.0, 0.5 }, new[] { -0.1, double.NegativeInfinity }, device: CbDevice.Cpu));
        Assert.Equal("log_priors", infinite.ParamName);
    }

    [Fact]
    public void The_functional_form_names_a_bad_scales_tensor()
    {
        using var scope = NewDisposeScope();
        var logits = TestData.ToTensor(Z, ScalarType.Float64);
        var e = Assert.Throws<ArgumentException>(() => CbFunctional.vector_scaling_cross_entropy(logits,
            TestData.ToTensor(Y), tensor(new[] { 1.0, -1.0, 0.5, 0.5 }), tensor(ClassPriors.LogPriors(Counts))));
        Assert.Equal("scales", e.ParamName);
    }
}
