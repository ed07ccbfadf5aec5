using System;
using System.Globalization;
using System.Linq;
using CbGen;
using CbGen.TorchSharp;
using FashionMnistLongTail;
using static TorchSharp.torch;

namespace GlyphsLongTail;

/// <summary>
/// The compile-time path at 137 classes: the loss types the generator made from <c>glyphs.counts.csv</c>
/// (<see cref="GlyphRadicals"/>), used whenever the run's counts are the file's, and the start-up check that the
/// file is what the data-set builder gives and that the generated tables equal the runtime maths.
/// </summary>
public static class GlyphLosses
{
    /// <summary>Whether <paramref name="counts"/> are exactly the counts file's.</summary>
    public static bool Matches(ReadOnlySpan<long> counts) => counts.SequenceEqual(GlyphSoftmaxWeights.Counts);

    /// <summary>
    /// The loss of <paramref name="spec"/>: the generated <c>Glyph*Loss</c> when <paramref name="counts"/> are the
    /// counts file's (LDAM-DRW only when its K is the first lr drop of <paramref name="epochs"/>), otherwise the
    /// demo's <see cref="LossCatalog.Create"/> (the runtime factory, e.g. with <c>--classes</c>).
    /// </summary>
    public static LossInstance Create(LossSpec spec, long[] counts, int epochs)
    {
        ArgumentNullException.ThrowIfNull(spec);
        spec = LossCatalog.TrainingOf(spec);
        nn.Module<Tensor, Tensor, Tensor>? generated = !Matches(counts) ? null : spec.Kind switch
        {
            LossKind.CbSoftmax => new GlyphSoftmaxLoss(),
            LossKind.CbSigmoid => new GlyphSigmoidLoss(),
            LossKind.CbFocalGamma1 => new GlyphFocal1Loss(),
            LossKind.CbFocalGammaHalf => new GlyphFocalHalfLoss(),
            LossKind.LogitAdjusted => new GlyphLaLoss(),
            LossKind.LdamDrw when GlyphLdamDrwWeights.DeferUntilEpoch == Protocol.FirstDrop(epochs) => new GlyphLdamDrwLoss(),
            _ => null,
        };
        if (generated is null)
        {
            return LossCatalog.Create(spec, counts, epochs);
        }

        double[] weights = spec.IsClassBalanced ? ClassBalancedWeights.Compute(counts, spec.Beta) : Enumerable.Repeat(1.0, counts.Length).ToArray();
        return new LossInstance(generated, "generated", weights);
    }

    /// <summary>
    /// Checks that the counts file holds the builder's training counts under the builder's class keys, that each
    /// generated config has the β, γ, τ, m_max, s and K of its row, and that its weights, log-priors and margins
    /// equal the runtime maths (relative 1e-12).
    /// </summary>
    /// <exception cref="InvalidOperationException">Something differs; the message says what and how to fix it.</exception>
    public static void Verify(long[] builderCounts, string[] builderKeys)
    {
        ArgumentNullException.ThrowIfNull(builderCounts);
        ArgumentNullException.ThrowIfNull(builderKeys);
        string[] fileKeys = GlyphRadicals.Names.ToArray();
        if (!Matches(builderCounts) || !fileKeys.SequenceEqual(builderKeys, StringComparer.Ordinal))
        {
            int c = Enumerable.Range(0, Math.Max(fileKeys.Length, builderKeys.Length)).First(i =>
                i >= fileKeys.Length || i >= builderKeys.Length || fileKeys[i] != builderKeys[i] || GlyphSoftmaxWeights.Counts[i] != builderCounts[i]);
            throw new InvalidOperationException(string.Format(CultureInfo.InvariantCulture,
                "examples/GlyphsLongTail/glyphs.counts.csv ({0} classes) differs from the data-set builder's training split ({1} classes) "
                + "first at class {2}. Rewrite it with `./build.sh run --glyphs --update-counts` and rebuild.",
                fileKeys.Length, builderKeys.Length, c));
        }

        Check(LossKind.CbSoftmax, GlyphSoftmaxWeights.Beta, double.NaN, GlyphSoftmaxWeights.Weights);
        Check(LossKind.CbSigmoid, GlyphSigmoidWeights.Beta, double.NaN, GlyphSigmoidWeights.Weights);
        Check(LossKind.CbFocalGamma1, GlyphFocal1Weights.Beta, GlyphFocal1Weights.Gamma, GlyphFocal1Weights.Weights);
        Check(LossKind.CbFocalGammaHalf, GlyphFocalHalfWeights.Beta, GlyphFocalHalfWeights.Gamma, GlyphFocalHalfWeights.Weights);
        var la = LossCatalog.Get(LossKind.LogitAdjusted);
        var drw = LossCatalog.Get(LossKind.LdamDrw);
        Require(GlyphLaWeights.Tau == la.Tau, "GlyphLaWeights.Tau differs from the la row's τ.");
        Require(GlyphLdamDrwWeights.Beta == drw.Beta && GlyphLdamDrwWeights.MaxMargin == drw.MaxMargin && GlyphLdamDrwWeights.Scale == drw.Scale
                && GlyphLdamDrwWeights.DeferUntilEpoch == Protocol.FirstDrop(GlyphProtocol.Epochs),
            "GlyphLdamDrwWeights' β, m_max, s or K differ from the ldam-drw row's (K must be the first lr drop of GlyphProtocol.Epochs).");
        GeneratedLosses.Close("GlyphLaWeights.LogPriors", GlyphLaWeights.LogPriors, ClassPriors.LogPriors(builderCounts));
        GeneratedLosses.Close("GlyphLdamDrwWeights.Margins", GlyphLdamDrwWeights.Margins, LdamMargins.Compute(builderCounts, drw.MaxMargin));
        GeneratedLosses.Close("GlyphLdamDrwWeights.Weights", GlyphLdamDrwWeights.Weights, ClassBalancedWeights.Compute(builderCounts, drw.Beta));
    }

    private static void Check(LossKind kind, double beta, double gamma, ReadOnlySpan<double> weights)
    {
        var spec = LossCatalog.Get(kind);
        Require(beta == spec.Beta && (double.IsNaN(gamma) || gamma == spec.Gamma),
            FormattableString.Invariant($"The generated config of {spec.Key} has β={beta}, γ={gamma}; the row expects β={spec.Beta}, γ={spec.Gamma}."));
        GeneratedLosses.Close("Glyph weights of " + spec.Key, weights, ClassBalancedWeights.Compute(GlyphSoftmaxWeights.Counts, spec.Beta));
    }

    private static void Require(bool condition, string message)
    {
        if (!condition)
        {
            throw new InvalidOperationException(message);
        }
    }
}
