using System;
using System.Collections.Generic;
using CbGen.TorchSharp;
using static TorchSharp.torch;

namespace CbGen.TorchSharp.Tests;

/// <summary>An empty class under the logit-adjusted or LDAM loss: every run-time entry point gives the one rule the
/// generator's CB031 gives (a pseudo-count, e.g. 1), never a fix that the entry point does not take.</summary>
public sealed class LongTailZeroCountTests
{
    private static readonly long[] WithEmpty = { 100, 0, 5 };

    public static TheoryData<string, string> EntryPoints() => new()
    {
        { "FromCounts(LogitAdjusted)", "CbLoss.LogitAdjusted" },
        { "new LogitAdjustedLoss", "CbLoss.LogitAdjusted" },
        { "FromCounts(Ldam)", "CbLoss.Ldam" },
        { "FromCounts(Ldam, DeferUntilEpoch)", "CbLoss.Ldam" },
        { "new LdamLoss", "CbLoss.Ldam" },
        { "LdamDrw", "CbLoss.Ldam" },
        { "DeferredReweightingLoss.FromCounts(Ldam)", "CbLoss.Ldam" },
    };

    private static readonly Dictionary<string, Action> Calls = new()
    {
        ["FromCounts(LogitAdjusted)"] = () => CbLosses.FromCounts(CbLoss.LogitAdjusted, WithEmpty, 0.0).Dispose(),
        ["new LogitAdjustedLoss"] = () => new LogitAdjustedLoss(WithEmpty).Dispose(),
        ["FromCounts(Ldam)"] = () => CbLosses.FromCounts(CbLoss.Ldam, WithEmpty, 0.0).Dispose(),
        ["FromCounts(Ldam, DeferUntilEpoch)"] = () =>
            CbLosses.FromCounts(CbLoss.Ldam, WithEmpty, 0.9999, new CbLossOptions { DeferUntilEpoch = 2 }).Dispose(),
        ["new LdamLoss"] = () => new LdamLoss(WithEmpty).Dispose(),
        ["LdamDrw"] = () => DeferredReweightingLoss.LdamDrw(WithEmpty, 2).Dispose(),
        ["DeferredReweightingLoss.FromCounts(Ldam)"] = () =>
            DeferredReweightingLoss.FromCounts(CbLoss.Ldam, WithEmpty, 0.9999, 2).Dispose(),
    };

    [Theory]
    [MemberData(nameof(EntryPoints))]
    public void An_empty_class_gets_the_pseudo_count_rule_and_no_policy_the_call_cannot_take(string entryPoint, string loss)
    {
        var e = Assert.Throws<ArgumentException>(Calls[entryPoint]);
        Assert.Equal("counts", e.ParamName);
        Assert.Contains("Class 1 has count 0", e.Message, StringComparison.Ordinal);
        Assert.Contains(loss, e.Message, StringComparison.Ordinal);
        Assert.Contains("give the class a pseudo-count (e.g. 1) or remove it", e.Message, StringComparison.Ordinal);
        if (loss == "CbLoss.Ldam")
        {
            // The one alternative named is a path that takes the policy: margins built with it, then FromMargins.
            Assert.Contains("LdamLoss.FromMargins(LdamMargins.Compute(counts, maxMargin, ZeroCountPolicy.ZeroWeight)",
                e.Message, StringComparison.Ordinal);
        }
        else
        {
            Assert.DoesNotContain("ZeroCountPolicy", e.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_named_LDAM_path_builds_a_loss_that_keeps_the_other_classes_margins()
    {
        using var scope = NewDisposeScope();
        using var fromMargins = LdamLoss.FromMargins(
            LdamMargins.Compute(WithEmpty, LdamMargins.DefaultMaxMargin, ZeroCountPolicy.ZeroWeight), device: CbDevice.Cpu);
        using var withoutEmpty = new LdamLoss(new long[] { 100, 5 }, device: CbDevice.Cpu);
        double[] margins = TestData.Vector(fromMargins.Margins);
        double[] reference = TestData.Vector(withoutEmpty.Margins);
        Assert.Equal(new[] { reference[0], 0.0, reference[1] }, margins);
        var value = fromMargins.forward(TestData.ToTensor(TestData.Logits(5, 4, 3), ScalarType.Float64),
            tensor(new long[] { 0, 2, 2, 0 }));
        Assert.True(double.IsFinite(value.item<double>()));
    }

    [Fact]
    public void The_fix_the_message_names_works_a_pseudo_count_of_one_builds_every_entry_point()
    {
        long[] pseudo = { 100, 1, 5 };
        using var scope = NewDisposeScope();
        using var la = CbLosses.FromCounts(CbLoss.LogitAdjusted, pseudo, 0.0, new CbLossOptions { Device = CbDevice.Cpu });
        using var ldam = CbLosses.FromCounts(CbLoss.Ldam, pseudo, 0.0, new CbLossOptions { Device = CbDevice.Cpu });
        Assert.Equal(3, la.NumClasses);
        Assert.Equal(3, ldam.NumClasses);
    }
}
