using System;
using System.Collections.Generic;
using CbGen.TorchSharp;

namespace CbGen.TorchSharp.Tests;

/// <summary>LDAM's m_max has one rule everywhere, the generator's CB028 included: finite and &gt; 0, with one
/// message (the maths' own).</summary>
public sealed class MaxMarginTests
{
    private static readonly long[] Counts = { 300, 40, 5 };

    [Theory]
    [InlineData(0.0)]
    [InlineData(-0.5)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Every_entry_point_rejects_a_max_margin_that_is_not_finite_and_positive(double maxMargin)
    {
        var reference = Assert.Throws<ArgumentOutOfRangeException>(() => LdamMargins.Compute(Counts, maxMargin));
        Assert.Equal("maxMargin", reference.ParamName);
        Assert.Contains("must be finite and > 0", reference.Message, StringComparison.Ordinal);
        var calls = new List<Action>
        {
            () => new LdamLoss(Counts, maxMargin: maxMargin).Dispose(),
            () => CbLosses.FromCounts(CbLoss.Ldam, Counts, 0.0, new CbLossOptions { MaxMargin = maxMargin }).Dispose(),
            () => CbLosses.FromCounts(CbLoss.Ldam, Counts, 0.9999,
                new CbLossOptions { MaxMargin = maxMargin, DeferUntilEpoch = 1 }).Dispose(),
            () => DeferredReweightingLoss.LdamDrw(Counts, 1, maxMargin: maxMargin).Dispose(),
        };
        foreach (var call in calls)
        {
            var e = Assert.Throws<ArgumentOutOfRangeException>(call);
            Assert.Equal(reference.Message, e.Message);
        }
    }

    [Fact]
    public void The_smallest_positive_max_margin_is_accepted()
    {
        Assert.Equal(double.Epsilon, LdamMargins.Compute(Counts, double.Epsilon)[2]);
        using var loss = new LdamLoss(Counts, maxMargin: 1e-3, device: CbDevice.Cpu);
        Assert.Equal(1e-3, loss.MaxMargin);
    }
}
