using CbGen.TorchSharp.Internal;
using Reduction = TorchSharp.torch.nn.Reduction;

namespace CbGen.TorchSharp
{
    /// <summary>
    /// The options of a loss built by <see cref="CbLosses"/> (or <c>DeferredReweightingLoss.FromCounts</c>),
    /// each with the default the module constructors use. A variant reads the options it has and ignores the others
    /// (<see cref="Gamma"/> only matters to the focal loss, <see cref="IgnoreIndex"/> and <see cref="LabelSmoothing"/>
    /// only to the softmax loss), so one options value can build every <see cref="CbLoss"/>; losses added later get
    /// their knobs as new properties here.
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
        /// <summary>The modules' defaults: Mean over positive labels, γ = 2, ignore index −100, no smoothing,
        /// <see cref="CbDevice.Auto"/>, no finite check.</summary>
        public static CbLossOptions Default { get; } = new CbLossOptions();

        /// <summary>None, Mean (default) or Sum.</summary>
        public Reduction Reduction { get; init; } = Reduction.Mean;

        /// <summary>What <see cref="Reduction.Mean"/> divides by (default <see cref="MeanNormalizer.PositiveLabels"/>).</summary>
        public MeanNormalizer Normalizer { get; init; } = MeanNormalizer.PositiveLabels;

        /// <summary>Softmax: a label value that contributes nothing (PyTorch's default −100).</summary>
        public long IgnoreIndex { get; init; } = Validation.DefaultIgnoreIndex;

        /// <summary>Softmax: the label-smoothing ε in [0, 1] (default 0).</summary>
        public double LabelSmoothing { get; init; }

        /// <summary>Focal: the focusing parameter γ ≥ 0 (default 2).</summary>
        public double Gamma { get; init; } = 2.0;

        /// <summary>Where to keep the weights (default <see cref="CbDevice.Auto"/>).</summary>
        public CbDevice Device { get; init; } = CbDevice.Auto;

        /// <summary>Sets <see cref="ClassBalancedLoss.CheckFiniteLogits"/> on the new module (default false).</summary>
        public bool CheckFiniteLogits { get; init; }
    }
}
