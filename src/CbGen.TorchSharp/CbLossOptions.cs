using CbGen.TorchSharp.Internal;
using Reduction = TorchSharp.torch.nn.Reduction;

namespace CbGen.TorchSharp
{
    /// <summary>
    /// The options of a loss built by <see cref="CbLosses"/> (or <c>DeferredReweightingLoss.FromCounts</c>),
    /// each with the default the module constructors use. A variant reads the options it has and ignores the others
    /// (<see cref="Gamma"/> only matters to the focal loss, <see cref="IgnoreIndex"/> to the softmax, logit-adjusted
    /// and LDAM losses, <see cref="LabelSmoothing"/> only to the softmax loss, <see cref="Tau"/> to the logit-adjusted
    /// loss, <see cref="MaxMargin"/> and <see cref="Scale"/> to LDAM), so one options value can build every
    /// <see cref="CbLoss"/>; losses added later get their knobs as new properties here. Out-of-range values are
    /// rejected when a module is built, by an <see cref="System.ArgumentOutOfRangeException"/> naming the knob.
    /// </summary>
    /// <example>
    /// <code>
    /// var options = new CbLossOptions { Normalizer = MeanNormalizer.WeightSum, Gamma = 0.5, Device = CbDevice.Cpu };
    /// foreach (CbLoss variant in new[] { CbLoss.Softmax, CbLoss.Sigmoid, CbLoss.Focal })
    /// {
    ///     using var loss = CbLosses.FromCounts(variant, counts, beta: 0.9999, options);
    /// }
    /// </code>
    /// </example>
    public sealed record CbLossOptions
    {
        /// <summary>The modules' defaults: Mean over each loss's default normaliser, γ = 2, ignore index −100, no smoothing,
        /// <see cref="CbDevice.Auto"/>, no finite check, τ = 1, m_max = 0.5, s = 30, no deferred re-weighting.</summary>
        public static CbLossOptions Default { get; } = new CbLossOptions();

        /// <summary>None, Mean (default) or Sum.</summary>
        public Reduction Reduction { get; init; } = Reduction.Mean;

        /// <summary>What <see cref="Reduction.Mean"/> divides by. Null (the default) means each loss's own default, the
        /// one its official code uses and its module constructor takes: <see cref="MeanNormalizer.PositiveLabels"/>
        /// for the class-balanced losses, <see cref="MeanNormalizer.WeightSum"/> (PyTorch's weighted mean) for the
        /// logit-adjusted and LDAM losses, LDAM-DRW included.</summary>
        public MeanNormalizer? Normalizer { get; init; }

        /// <summary>Softmax: a label value that contributes nothing (PyTorch's default −100).</summary>
        public long IgnoreIndex { get; init; } = Validation.DefaultIgnoreIndex;

        /// <summary>Softmax: the label-smoothing ε in [0, 1] (default 0).</summary>
        public double LabelSmoothing { get; init; }

        /// <summary>Focal: the focusing parameter γ ≥ 0 (default 2).</summary>
        public double Gamma { get; init; } = 2.0;

        /// <summary>Where to keep the weights (default <see cref="CbDevice.Auto"/>).</summary>
        public CbDevice Device { get; init; } = CbDevice.Auto;

        /// <summary>Sets <see cref="ClassBalancedLoss.CheckFiniteLogits"/> (or <see cref="LogitShiftLoss.CheckFiniteLogits"/>)
        /// on the new module (default false).</summary>
        public bool CheckFiniteLogits { get; init; }

        /// <summary>Logit-adjusted: τ ≥ 0, finite (default 1, Menon et al.'s choice and the balanced softmax; 0 is
        /// plain cross-entropy).</summary>
        public double Tau { get; init; } = 1.0;

        /// <summary>LDAM: m_max ≥ 0, finite, the rarest class's margin (default 0.5, Cao et al.'s).</summary>
        public double MaxMargin { get; init; } = LdamMargins.DefaultMaxMargin;

        /// <summary>LDAM: the scale s &gt; 0, finite (default 30, the official code's, which pairs it with a
        /// normalised, cosine last layer).</summary>
        public double Scale { get; init; } = LdamLoss.DefaultScale;

        /// <summary>Deferred re-weighting: K ≥ 0, the first (0-based) epoch that uses the class-balanced weights, or
        /// <c>null</c> (default) for none. Set, <see cref="CbLosses.FromCounts(CbLoss, System.ReadOnlySpan{long}, double, CbLossOptions?)"/>
        /// returns a <see cref="DeferredReweightingLoss"/> (with <see cref="CbLoss.Ldam"/>: LDAM-DRW); the
        /// logit-adjusted loss has no weights to defer and rejects it.</summary>
        public int? DeferUntilEpoch { get; init; }

        /// <summary>The normaliser <paramref name="loss"/> uses under these options: <see cref="Normalizer"/>, or the
        /// loss's own default when it is null.</summary>
        /// <param name="loss">The loss being built.</param>
        /// <returns>What <see cref="Reduction.Mean"/> divides by.</returns>
        public MeanNormalizer NormalizerFor(CbLoss loss) =>
            Normalizer ?? (loss is CbLoss.LogitAdjusted or CbLoss.Ldam ? MeanNormalizer.WeightSum : MeanNormalizer.PositiveLabels);
    }
}
