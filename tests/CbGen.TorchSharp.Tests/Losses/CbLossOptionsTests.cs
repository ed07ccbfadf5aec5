using System;
using System.Linq;
using CbGen.TorchSharp;
using static TorchSharp.torch;

namespace CbGen.TorchSharp.Tests;

/// <summary>
/// The run-time twin of the generator's CB005/CB030: an option set on <see cref="CbLossOptions"/> for a loss that
/// does not use it is an <see cref="ArgumentException"/> naming the option, the loss and the losses that use it;
/// an option left unset never is, and unset options build exactly the modules' defaults.
/// </summary>
public sealed class CbLossOptionsTests
{
    private static readonly long[] Counts = { 900, 90, 9 };
    private const double Beta = 0.99;

    public static TheoryData<string, CbLoss, string> Misplaced() => new()
    {
        { "Gamma", CbLoss.Softmax, "CbLoss.Focal" },
        { "Gamma", CbLoss.Sigmoid, "CbLoss.Focal" },
        { "Gamma", CbLoss.LogitAdjusted, "CbLoss.Focal" },
        { "Gamma", CbLoss.Ldam, "CbLoss.Focal" },
        { "Tau", CbLoss.Softmax, "CbLoss.LogitAdjusted" },
        { "Tau", CbLoss.Ldam, "CbLoss.LogitAdjusted" },
        { "MaxMargin", CbLoss.LogitAdjusted, "CbLoss.Ldam" },
        { "MaxMargin", CbLoss.Focal, "CbLoss.Ldam" },
        { "Scale", CbLoss.Sigmoid, "CbLoss.Ldam" },
        { "LabelSmoothing", CbLoss.Focal, "CbLoss.Softmax" },
        { "LabelSmoothing", CbLoss.LogitAdjusted, "CbLoss.Softmax" },
        { "IgnoreIndex", CbLoss.Sigmoid, "CbLoss.Softmax, CbLoss.LogitAdjusted, CbLoss.Ldam and CbLoss.VectorScaling" },
        { "IgnoreIndex", CbLoss.Focal, "CbLoss.Softmax, CbLoss.LogitAdjusted, CbLoss.Ldam and CbLoss.VectorScaling" },
        { "DeferUntilEpoch", CbLoss.LogitAdjusted, "CbLoss.Softmax, CbLoss.Sigmoid, CbLoss.Focal and CbLoss.Ldam" },
        { "DeferUntilEpoch", CbLoss.VectorScaling, "CbLoss.Softmax, CbLoss.Sigmoid, CbLoss.Focal and CbLoss.Ldam" },
        { "VsGamma", CbLoss.LogitAdjusted, "CbLoss.VectorScaling" },
        { "VsGamma", CbLoss.Focal, "CbLoss.VectorScaling" },
        { "Tau", CbLoss.Focal, "CbLoss.LogitAdjusted and CbLoss.VectorScaling" },
        { "MaxMargin", CbLoss.VectorScaling, "CbLoss.Ldam" },
        { "Gamma", CbLoss.VectorScaling, "CbLoss.Focal" },
    };

    /// <summary>Each option set to its default value: setting it is what counts, not the value.</summary>
    private static CbLossOptions With(string option) => option switch
    {
        "Gamma" => new CbLossOptions { Gamma = 2.0 },
        "Tau" => new CbLossOptions { Tau = 1.0 },
        "VsGamma" => new CbLossOptions { VsGamma = 0.3 },
        "MaxMargin" => new CbLossOptions { MaxMargin = 0.5 },
        "Scale" => new CbLossOptions { Scale = 30.0 },
        "LabelSmoothing" => new CbLossOptions { LabelSmoothing = 0.0 },
        "IgnoreIndex" => new CbLossOptions { IgnoreIndex = -100 },
        _ => new CbLossOptions { DeferUntilEpoch = 0 },
    };

    [Theory]
    [MemberData(nameof(Misplaced))]
    public void An_option_set_for_a_loss_that_ignores_it_is_an_ArgumentException_naming_both(
        string option, CbLoss loss, string usedBy)
    {
        var e = Assert.Throws<ArgumentException>(() => CbLosses.FromCounts(loss, Counts, Beta, With(option)).Dispose());
        Assert.Equal("options", e.ParamName);
        Assert.Contains("CbLossOptions." + option + " is set but the loss is CbLoss." + loss, e.Message, StringComparison.Ordinal);
        Assert.Contains(option + " only applies to " + usedBy, e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(CbLoss.Softmax, "Gamma")]
    [InlineData(CbLoss.Sigmoid, "LabelSmoothing")]
    [InlineData(CbLoss.Focal, "Tau")]
    [InlineData(CbLoss.Focal, "DeferUntilEpoch")]
    public void The_weights_factory_and_the_DRW_factory_apply_the_same_rule(CbLoss loss, string option)
    {
        var create = Assert.Throws<ArgumentException>(() => CbLosses.Create(loss, new[] { 1.0, 2.0, 3.0 }, With(option)).Dispose());
        Assert.Contains("CbLossOptions." + option + " is set", create.Message, StringComparison.Ordinal);
        if (option != "DeferUntilEpoch")
        {
            var drw = Assert.Throws<ArgumentException>(() =>
                DeferredReweightingLoss.FromCounts(loss, Counts, Beta, 1, With(option)).Dispose());
            Assert.Contains("CbLossOptions." + option + " is set", drw.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_DRW_factory_refuses_an_options_deferral_that_disagrees_with_its_own()
    {
        var e = Assert.Throws<ArgumentException>(() => DeferredReweightingLoss.FromCounts(
            CbLoss.Softmax, Counts, Beta, 5, new CbLossOptions { DeferUntilEpoch = 3, Device = CbDevice.Cpu }).Dispose());
        Assert.Equal("options", e.ParamName);
        Assert.Contains("CbLossOptions.DeferUntilEpoch is 3 but deferUntilEpoch is 5", e.Message, StringComparison.Ordinal);
        using var same = DeferredReweightingLoss.FromCounts(
            CbLoss.Softmax, Counts, Beta, 5, new CbLossOptions { DeferUntilEpoch = 5, Device = CbDevice.Cpu });
        Assert.Equal(5, same.DeferUntilEpoch);
    }

    [Fact]
    public void Unset_options_never_trigger_the_rule_and_give_the_constructor_defaults()
    {
        using var scope = NewDisposeScope();
        var options = new CbLossOptions { Device = CbDevice.Cpu };
        foreach (CbLoss loss in Enum.GetValues<CbLoss>())
        {
            // N is not an option with a default: the distribution-balanced loss needs it (MultiLabelFactoryTests).
            long? samples = loss == CbLoss.DistributionBalanced ? 1000 : null;
            CbLosses.FromCounts(loss, Counts, Beta, options with { Samples = samples }).Dispose();
            CbLosses.FromCounts(loss, Counts, Beta, CbLossOptions.Default with { Device = CbDevice.Cpu, Samples = samples }).Dispose();
        }

        using var focal = (ClassBalancedFocalLoss)CbLosses.FromCounts(CbLoss.Focal, Counts, Beta, options);
        using var softmax = (ClassBalancedSoftmaxLoss)CbLosses.FromCounts(CbLoss.Softmax, Counts, Beta, options);
        using var la = (LogitAdjustedLoss)CbLosses.FromCounts(CbLoss.LogitAdjusted, Counts, Beta, options);
        using var ldam = (LdamLoss)CbLosses.FromCounts(CbLoss.Ldam, Counts, Beta, options);
        using var focalDefault = new ClassBalancedFocalLoss(new[] { 1.0 }, device: CbDevice.Cpu);
        using var softmaxDefault = new ClassBalancedSoftmaxLoss(new[] { 1.0 }, device: CbDevice.Cpu);
        using var laDefault = new LogitAdjustedLoss(Counts, device: CbDevice.Cpu);
        using var ldamDefault = new LdamLoss(Counts, device: CbDevice.Cpu);
        Assert.Equal(focalDefault.Gamma, focal.Gamma);
        Assert.Equal(softmaxDefault.IgnoreIndex, softmax.IgnoreIndex);
        Assert.Equal(softmaxDefault.LabelSmoothing, softmax.LabelSmoothing);
        Assert.Equal(laDefault.Tau, la.Tau);
        Assert.Equal(laDefault.IgnoreIndex, la.IgnoreIndex);
        Assert.Equal(ldamDefault.MaxMargin, ldam.MaxMargin);
        Assert.Equal(ldamDefault.Scale, ldam.Scale);
        Assert.Equal(TestData.Vector(ldamDefault.Margins), TestData.Vector(ldam.Margins));
    }

    [Fact]
    public void Every_option_a_loss_uses_is_accepted_for_it()
    {
        using var scope = NewDisposeScope();
        var all = new (CbLoss Loss, CbLossOptions Options)[]
        {
            (CbLoss.Softmax, new CbLossOptions { IgnoreIndex = -1, LabelSmoothing = 0.1, DeferUntilEpoch = 1 }),
            (CbLoss.Sigmoid, new CbLossOptions { DeferUntilEpoch = 1 }),
            (CbLoss.Focal, new CbLossOptions { Gamma = 0.5, DeferUntilEpoch = 1 }),
            (CbLoss.LogitAdjusted, new CbLossOptions { IgnoreIndex = -1, Tau = 0.5 }),
            (CbLoss.VectorScaling, new CbLossOptions { IgnoreIndex = -1, Tau = 0.5, VsGamma = 0.2 }),
            (CbLoss.Ldam, new CbLossOptions { IgnoreIndex = -1, MaxMargin = 0.3, Scale = 10, DeferUntilEpoch = 1 }),
            (CbLoss.DistributionBalanced, new CbLossOptions
            {
                Samples = 1000, SmoothingAlpha = 0.2, SmoothingBeta = 5, SmoothingMu = 0.1, NegativeScale = 2, BiasScale = 0.1,
                InstancePrior = DbInstancePrior.Mean,
            }),
            (CbLoss.Asymmetric, new CbLossOptions { GammaPositive = 1, GammaNegative = 2, Clip = 0.1, LogEpsilon = 1e-8 }),
        };
        Assert.Equal(Enum.GetValues<CbLoss>().Length, all.Select(a => a.Loss).Distinct().Count());
        foreach (var (loss, options) in all)
        {
            CbLosses.FromCounts(loss, Counts, Beta, options with { Device = CbDevice.Cpu }).Dispose();
        }
    }
}
