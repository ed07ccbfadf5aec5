using CbGen.TorchSharp.Internal;
using Reduction = TorchSharp.torch.nn.Reduction;

namespace CbGen.TorchSharp;

/// <summary>
/// The options of a loss built by <see cref="CbLosses"/> (or <c>DeferredReweightingLoss.FromCounts</c>). The
/// options that only some losses use (<see cref="Gamma"/>: focal; <see cref="LabelSmoothing"/>: softmax;
/// <see cref="IgnoreIndex"/>: softmax, logit-adjusted, LDAM and VS; <see cref="Tau"/>: logit-adjusted and VS;
/// <see cref="VsGamma"/>: VS; <see cref="MaxMargin"/> and <see cref="Scale"/>: LDAM; <see cref="Samples"/>,
/// <see cref="SmoothingAlpha"/>, <see cref="SmoothingBeta"/>, <see cref="SmoothingMu"/>, <see cref="NegativeScale"/>,
/// <see cref="BiasScale"/> and <see cref="InstancePrior"/>: distribution-balanced; <see cref="GammaPositive"/>,
/// <see cref="GammaNegative"/>, <see cref="Clip"/> and <see cref="LogEpsilon"/>: asymmetric;
/// <see cref="DeferUntilEpoch"/>: the losses with class weights and LDAM) are <c>null</c> until you set them, and null
/// means the module constructor's default. An
/// option you set for a loss that does not use it is an <see cref="System.ArgumentException"/> naming the option,
/// the loss and the losses that use it (the run-time twin of the generator's CB005 and CB030), so a value is never
/// silently ignored; unset options never trigger it. Out-of-range values are rejected when a module is built, by
/// an <see cref="System.ArgumentOutOfRangeException"/> naming the knob.
/// </summary>
/// <example>
/// <code>
/// var options = new CbLossOptions { Normalizer = MeanNormalizer.WeightSum, Device = CbDevice.Cpu };
/// foreach (CbLoss variant in new[] { CbLoss.Softmax, CbLoss.Sigmoid, CbLoss.Focal })
/// {
///     using var loss = CbLosses.FromCounts(variant, counts, beta: 0.9999,
///         variant == CbLoss.Focal ? options with { Gamma = 0.5 } : options);
/// }
/// </code>
/// </example>
public sealed record CbLossOptions
{
    /// <summary>No option set: every loss gets its module constructor's defaults (Mean over each loss's default
    /// normaliser, γ = 2, ignore index −100, no smoothing, <see cref="CbDevice.Auto"/>, no finite check, τ = 1,
    /// m_max = 0.5, s = 30, no deferred re-weighting).</summary>
    public static CbLossOptions Default { get; } = new CbLossOptions();

    /// <summary>None, Mean (default) or Sum.</summary>
    public Reduction Reduction { get; init; } = Reduction.Mean;

    /// <summary>What <see cref="Reduction.Mean"/> divides by. Null (the default) means each loss's own default, the
    /// one its official code uses and its module constructor takes: <see cref="MeanNormalizer.PositiveLabels"/>
    /// for the class-balanced losses, <see cref="MeanNormalizer.WeightSum"/> (PyTorch's weighted mean) for the
    /// logit-adjusted and LDAM losses, LDAM-DRW included.</summary>
    public MeanNormalizer? Normalizer { get; init; }

    /// <summary>Softmax, logit-adjusted and LDAM: a label value that contributes nothing (null: PyTorch's
    /// default −100).</summary>
    public long? IgnoreIndex { get; init; }

    /// <summary>Softmax: the label-smoothing ε in [0, 1] (null: 0).</summary>
    public double? LabelSmoothing { get; init; }

    /// <summary>Focal: the focusing parameter γ ≥ 0 (null: 2).</summary>
    public double? Gamma { get; init; }

    /// <summary>Where to keep the weights (default <see cref="CbDevice.Auto"/>).</summary>
    public CbDevice Device { get; init; } = CbDevice.Auto;

    /// <summary>Sets <see cref="PerClassLoss.CheckFiniteLogits"/>
    /// on the new module (default false).</summary>
    public bool CheckFiniteLogits { get; init; }

    /// <summary>Logit-adjusted and VS: τ ≥ 0, finite (null: 1, Menon et al.'s choice and the balanced softmax; 0 is
    /// plain cross-entropy).</summary>
    public double? Tau { get; init; }

    /// <summary>VS (<see cref="CbLoss.VectorScaling"/>): γ ≥ 0, finite, the exponent of the scales (n_c / n_max)^γ
    /// (null: 0.3, the official code's; 0 is the logit-adjusted loss).</summary>
    public double? VsGamma { get; init; }

    /// <summary>LDAM: m_max &gt; 0, finite, the rarest class's margin (null: 0.5, Cao et al.'s).</summary>
    public double? MaxMargin { get; init; }

    /// <summary>LDAM: the scale s &gt; 0, finite (null: 30, the official code's, which pairs it with a
    /// normalised, cosine last layer).</summary>
    public double? Scale { get; init; }

    /// <summary>Deferred re-weighting: K ≥ 0, the first (0-based) epoch that uses the class-balanced weights, or
    /// <c>null</c> (default) for none. Set, <see cref="CbLosses.FromCounts(CbLoss, ClassCounts, double, CbLossOptions?)"/>
    /// returns a <see cref="DeferredReweightingLoss"/> (with <see cref="CbLoss.Ldam"/>: LDAM-DRW); the
    /// logit-adjusted loss has no weights to defer, so setting it for that loss is an error like any option a loss
    /// does not use.</summary>
    public int? DeferUntilEpoch { get; init; }

    /// <summary>Distribution-balanced: N, the number of training samples the positives per class are counted out of
    /// (no default: the loss needs it; positives are per class, so N is not their sum).</summary>
    public long? Samples { get; init; }

    /// <summary>Distribution-balanced: the smoothing floor α ≥ 0 of r̂ = α + σ(β·(r − μ)) (null: 0.1).</summary>
    public double? SmoothingAlpha { get; init; }

    /// <summary>Distribution-balanced: the smoothing slope β ≥ 0 (null: 10). Not the class-balanced β of
    /// <see cref="CbLosses.FromCounts(CbLoss, ClassCounts, double, CbLossOptions?)"/>, which this loss checks and ignores.</summary>
    public double? SmoothingBeta { get; init; }

    /// <summary>Distribution-balanced: the smoothing centre μ, finite (null: 0.3).</summary>
    public double? SmoothingMu { get; init; }

    /// <summary>Distribution-balanced: the negative-tolerant scale λ &gt; 0 of the negatives' logits (null: 5).</summary>
    public double? NegativeScale { get; init; }

    /// <summary>Distribution-balanced: κ, the scale of the class-prior bias ν_c = κ·(−log(1/p_c − 1)) (null: 0.05;
    /// 0 turns the bias off, a negative κ flips its sign).</summary>
    public double? BiasScale { get; init; }

    /// <summary>Distribution-balanced: how P^I(x) is normalised (null: <see cref="DbInstancePrior.Sum"/>, the paper's).</summary>
    public DbInstancePrior? InstancePrior { get; init; }

    /// <summary>Asymmetric: γ+ ≥ 0, the positives' focusing parameter (null: 0).</summary>
    public double? GammaPositive { get; init; }

    /// <summary>Asymmetric: γ− ≥ 0, the negatives' focusing parameter (null: 4).</summary>
    public double? GammaNegative { get; init; }

    /// <summary>Asymmetric: the probability margin m in [0, 1) of p_m = max(p − m, 0) (null: 0.05).</summary>
    public double? Clip { get; init; }

    /// <summary>Asymmetric: the log floor ε in [0, 1) (null: 0, exact logs; 1e-8 is the official code's clamp).</summary>
    public double? LogEpsilon { get; init; }

    /// <summary>The normaliser <paramref name="loss"/> uses under these options: <see cref="Normalizer"/>, or the
    /// loss's own default when it is null.</summary>
    /// <param name="loss">The loss being built.</param>
    /// <returns>What <see cref="Reduction.Mean"/> divides by.</returns>
    public MeanNormalizer NormalizerFor(CbLoss loss) =>
        Normalizer ?? (loss is CbLoss.LogitAdjusted or CbLoss.Ldam or CbLoss.VectorScaling ? MeanNormalizer.WeightSum : MeanNormalizer.PositiveLabels);

    // The defaults of the nullable options, applied here only (each equals its module constructor's default).
    internal long IgnoreIndexValue => IgnoreIndex ?? Validation.DefaultIgnoreIndex;

    internal double LabelSmoothingValue => LabelSmoothing ?? 0.0;

    internal double GammaValue => Gamma ?? CbDefaults.Gamma;

    internal double TauValue => Tau ?? CbDefaults.Tau;

    internal double VsGammaValue => VsGamma ?? VectorScalingTables.DefaultGamma;

    internal double MaxMarginValue => MaxMargin ?? LdamMargins.DefaultMaxMargin;

    internal double ScaleValue => Scale ?? LdamLoss.DefaultScale;

    internal double SmoothingAlphaValue => SmoothingAlpha ?? CbDefaults.DbAlpha;

    internal double SmoothingBetaValue => SmoothingBeta ?? CbDefaults.DbBeta;

    internal double SmoothingMuValue => SmoothingMu ?? CbDefaults.DbMu;

    internal double NegativeScaleValue => NegativeScale ?? CbDefaults.DbLambda;

    internal double BiasScaleValue => BiasScale ?? CbDefaults.DbKappa;

    internal DbInstancePrior InstancePriorValue => InstancePrior ?? DbInstancePrior.Sum;

    internal double GammaPositiveValue => GammaPositive ?? CbDefaults.AslGammaPositive;

    internal double GammaNegativeValue => GammaNegative ?? CbDefaults.AslGammaNegative;

    internal double ClipValue => Clip ?? CbDefaults.AslClip;

    internal double LogEpsilonValue => LogEpsilon ?? 0.0;
}
