using System;
using System.Collections.Generic;
using CbGen;
using CbGen.TorchSharp;
using static TorchSharp.torch;

namespace CbGen.TorchSharp.Tests;

/// <summary>Per-class data passed as a user writes it, without casts; compiled by this project (C# 14) and by
/// <see cref="OverloadBindingTests"/> at C# 12. Returns each loss's class count.</summary>
internal static class OverloadCalls
{
    internal static IEnumerable<int> Run()
    {
        double[] d = { 1.0, 2.0 };
        float[] f = { 1f, 2f };
        long[] n = { 10, 5 };
        int[] i = { 10, 5 };
        using var t = tensor(d);
        var cpu = CbDevice.Cpu;
        var losses = new List<PerClassLoss>
        {
            new ClassBalancedSoftmaxLoss(d, device: cpu),
            new ClassBalancedSigmoidLoss(d, device: cpu),
            new ClassBalancedFocalLoss(d, gamma: 2.0, device: cpu),
            new ClassBalancedSoftmaxLoss(f, device: cpu),
            new ClassBalancedSigmoidLoss(f, device: cpu),
            new ClassBalancedFocalLoss(f, device: cpu),
            new ClassBalancedSoftmaxLoss(d.AsSpan(), device: cpu),
            new ClassBalancedSigmoidLoss((ReadOnlySpan<double>)d, device: cpu),
            new ClassBalancedFocalLoss(new ReadOnlySpan<double>(d), device: cpu),
            new ClassBalancedSoftmaxLoss(t, device: cpu),
            new ClassBalancedSigmoidLoss(t, device: cpu),
            new ClassBalancedFocalLoss(t, device: cpu),
            new LdamLoss(n, weight: d, device: cpu),
            LdamLoss.FromMargins(d, device: cpu),
            LogitAdjustedLoss.FromLogPriors(d, device: cpu),
            ClassBalancedFocalLoss.FromCounts(n, 0.9, device: cpu),
            ClassBalancedSoftmaxLoss.FromCounts(i, 0.9, device: cpu),
        };
        var counts = new List<int>();
        foreach (var loss in losses)
        {
            counts.Add(loss.NumClasses);
            loss.Dispose();
        }

        return counts;
    }
}
