using System;
using System.Globalization;
using System.Linq;
using CbGen;
using CbGen.TorchSharp;
using static TorchSharp.torch;

namespace FashionMnistLongTail;

/// <summary>
/// The start-up check of the generated logit-adjusted and LDAM-DRW types (<c>FashionMnistLa*</c>,
/// <c>FashionMnistLdamDrw*</c>, <c>FashionMnistVs*</c>) against the runtime maths: knobs, log-priors, margins and weights, then a typed
/// forward against the runtime module and the generated post-hoc <c>AdjustLogits</c> against
/// <c>CbFunctional.adjust_logits</c>.
/// </summary>
internal static class GeneratedLongTail
{
    /// <exception cref="InvalidOperationException">A generated constant disagrees; the message says which.</exception>
    internal static void Verify(long[] counts)
    {
        var la = LossCatalog.Get(LossKind.LogitAdjusted);
        var drw = LossCatalog.Get(LossKind.LdamDrw);
        Require(FashionMnistLaWeights.Counts.SequenceEqual(counts) && FashionMnistLdamDrwWeights.Counts.SequenceEqual(counts),
            "FashionMnistLa/LdamDrw counts differ from the IF 100 protocol's; fix the [Samples] counts on the FashionMnist enum.");
        Require(FashionMnistLaWeights.Tau == la.Tau, Inv($"FashionMnistLaWeights.Tau is {FashionMnistLaWeights.Tau}; the run la expects {la.Tau}."));
        Require(FashionMnistLdamDrwWeights.Beta == drw.Beta && FashionMnistLdamDrwWeights.MaxMargin == drw.MaxMargin
                && FashionMnistLdamDrwWeights.Scale == drw.Scale && FashionMnistLdamDrwWeights.DeferUntilEpoch == Protocol.FirstDrop(Protocol.Epochs),
            Inv($"FashionMnistLdamDrwWeights has β={FashionMnistLdamDrwWeights.Beta}, m_max={FashionMnistLdamDrwWeights.MaxMargin}, s={FashionMnistLdamDrwWeights.Scale}, K={FashionMnistLdamDrwWeights.DeferUntilEpoch}; the run ldam-drw expects β={drw.Beta}, m_max={drw.MaxMargin}, s={drw.Scale}, K={Protocol.FirstDrop(Protocol.Epochs)}."));
        GeneratedLosses.Close("FashionMnistLaWeights.LogPriors", FashionMnistLaWeights.LogPriors, ClassPriors.LogPriors(counts));
        GeneratedLosses.Close("FashionMnistLdamDrwWeights.Margins", FashionMnistLdamDrwWeights.Margins, LdamMargins.Compute(counts, drw.MaxMargin));
        GeneratedLosses.Close("FashionMnistLdamDrwWeights.Weights", FashionMnistLdamDrwWeights.Weights, ClassBalancedWeights.Compute(counts, drw.Beta));

        FashionMnist[] labels = [FashionMnist.TShirtTop, FashionMnist.Shirt, FashionMnist.Bag, FashionMnist.AnkleBoot];
        using var scope = NewDisposeScope();
        var logits = linspace(-0.9, 0.9, 4 * counts.Length).reshape(4, counts.Length);   // cosine-range logits, as LDAM sees
        var target = tensor(labels.Select(l => (long)l).ToArray());
        using (var generated = new FashionMnistLaLoss())
        using (var runtime = new LogitAdjustedLoss(counts, tau: la.Tau))
        {
            GeneratedLosses.Same(nameof(FashionMnistLaLoss), generated.forward(logits, labels), runtime.call(logits, target));
        }

        using (var generated = new FashionMnistLdamDrwLoss())
        using (var runtime = DeferredReweightingLoss.LdamDrw(counts, Protocol.FirstDrop(Protocol.Epochs), drw.Beta,
                   maxMargin: drw.MaxMargin, scale: drw.Scale))
        {
            foreach (int epoch in new[] { 0, Protocol.FirstDrop(Protocol.Epochs) })
            {
                generated.Step(epoch);
                runtime.Step(epoch);
                GeneratedLosses.Same(nameof(FashionMnistLdamDrwLoss) + " at epoch " + epoch.ToString(CultureInfo.InvariantCulture),
                    generated.forward(logits, labels), runtime.call(logits, target));
            }
        }

        VerifyVs(counts, logits, labels, target);
        var adjusted = FashionMnistLaWeights.AdjustLogits(logits);
        using var logPriors = tensor(ClassPriors.LogPriors(counts), ScalarType.Float64);
        var reference = CbFunctional.adjust_logits(logits, logPriors, 1.0);
        Require(adjusted.allclose(reference, rtol: 1e-6, atol: 1e-6),
            "FashionMnistLaWeights.AdjustLogits differs from CbFunctional.adjust_logits on the same logits.");
    }

    private static void VerifyVs(long[] counts, Tensor logits, FashionMnist[] labels, Tensor target)
    {
        var vs = LossCatalog.Get(LossKind.VectorScaling);
        Require(FashionMnistVsWeights.Counts.SequenceEqual(counts),
            "FashionMnistVsWeights.Counts differ from the IF 100 protocol's; fix the [Samples] counts on the FashionMnist enum.");
        Require(FashionMnistVsWeights.VsGamma == vs.VsGamma && FashionMnistVsWeights.Tau == vs.Tau,
            Inv($"FashionMnistVsWeights has γ={FashionMnistVsWeights.VsGamma}, τ={FashionMnistVsWeights.Tau}; the run vs expects γ={vs.VsGamma}, τ={vs.Tau}."));
        GeneratedLosses.Close("FashionMnistVsWeights.Scales", FashionMnistVsWeights.Scales, VectorScalingTables.Scales(counts, vs.VsGamma));
        GeneratedLosses.Close("FashionMnistVsWeights.Offsets", FashionMnistVsWeights.Offsets, VectorScalingTables.Offsets(counts, vs.Tau));
        using var generated = new FashionMnistVsLoss();
        using var runtime = new VectorScalingLoss(counts, gamma: vs.VsGamma, tau: vs.Tau);
        GeneratedLosses.Same(nameof(FashionMnistVsLoss), generated.forward(logits, labels), runtime.call(logits, target));
    }

    private static void Require(bool condition, string message)
    {
        if (!condition)
        {
            throw new InvalidOperationException(message);
        }
    }

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
