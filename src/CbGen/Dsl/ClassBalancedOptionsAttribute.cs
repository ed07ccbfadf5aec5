using System;

namespace CbGen;

/// <summary>
/// The options one class-balanced config takes, shared by <see cref="ClassBalancedAttribute"/> (on an enum) and
/// <see cref="ClassBalancedDatasetAttribute"/> (on a class, read from a counts file): one definition, so the two
/// cannot drift. Not applied directly; the generator reads either attribute.
/// </summary>
public abstract class ClassBalancedOptionsAttribute : Attribute
{
    /// <summary>Only the two config attributes derive from this.</summary>
    private protected ClassBalancedOptionsAttribute()
    {
    }

    /// <summary>β in [0, 1] of the effective number E_n = (1 - β^n) / (1 - β). Default 0.999; for LDAM-DRW
    /// (<see cref="CbLoss.Ldam"/> with <c>DeferUntilEpoch</c>) the official code's 0.9999. A plain
    /// <see cref="CbLoss.LogitAdjusted"/>, <see cref="CbLoss.VectorScaling"/> or <see cref="CbLoss.Ldam"/> config applies no class weights and has no β
    /// (setting it is warning CB030).</summary>
    public double Beta { get; set; } = CbDefaults.Beta;

    /// <summary>The loss variant. Default <see cref="CbLoss.Softmax"/>.</summary>
    public CbLoss Loss { get; set; } = CbLoss.Softmax;

    /// <summary>The focal loss's γ ≥ 0 (focal configs only). Default 2.0, the focal loss paper's default.</summary>
    public double Gamma { get; set; } = CbDefaults.Gamma;

    /// <summary>The logit adjustment's τ ≥ 0 (<see cref="CbLoss.LogitAdjusted"/> and <see cref="CbLoss.VectorScaling"/>
    /// configs only). Default 1.0 (the balanced softmax); 0 is plain cross-entropy, or for VS the scales alone.</summary>
    public double Tau { get; set; } = CbDefaults.Tau;

    /// <summary>The VS loss's γ ≥ 0, the exponent of the scales Δ_c = (n_c / n_max)^γ (<see cref="CbLoss.VectorScaling"/>
    /// configs only). Default 0.3, the official code's; 0 is the logit-adjusted loss.</summary>
    public double VsGamma { get; set; } = CbDefaults.VsGamma;

    /// <summary>Asks for the per-class sampling probabilities p_c ∝ n_c^q as constants (<c>{Name}Weights.SamplingProbabilities</c>),
    /// computed as <c>CbGen.Sampling.SamplingProbabilities.Power(Counts, q)</c> is: q ≥ 0, 0 class-balanced, 0.5
    /// square-root, 1 instance-balanced. Not set (the default): no table.</summary>
    public double SamplingPower { get; set; } = double.NaN;

    /// <summary>LDAM's largest margin m_max &gt; 0, given to the rarest class (<see cref="CbLoss.Ldam"/> configs
    /// only). Default 0.5, the official code's.</summary>
    public double MaxMargin { get; set; } = CbDefaults.MaxMargin;

    /// <summary>LDAM's logit scale s &gt; 0 (<see cref="CbLoss.Ldam"/> configs only). Default 30, the official
    /// code's.</summary>
    public double Scale { get; set; } = CbDefaults.Scale;

    /// <summary>The asymmetric loss's positive focusing parameter γ+ ≥ 0 (<see cref="CbLoss.Asymmetric"/> configs only).
    /// Default 0, Ridnik et al.'s.</summary>
    public double GammaPositive { get; set; } = CbDefaults.AslGammaPositive;

    /// <summary>The asymmetric loss's negative focusing parameter γ− ≥ 0 (<see cref="CbLoss.Asymmetric"/> configs only).
    /// Default 4, Ridnik et al.'s.</summary>
    public double GammaNegative { get; set; } = CbDefaults.AslGammaNegative;

    /// <summary>The asymmetric loss's probability margin m in [0, 1), p_m = max(p − m, 0) (<see cref="CbLoss.Asymmetric"/>
    /// configs only). Default 0.05, Ridnik et al.'s; 0 turns the shift off.</summary>
    public double Clip { get; set; } = CbDefaults.AslClip;

    /// <summary>The distribution-balanced loss's smoothing floor α ≥ 0 of r̂ = α + σ(β·(r − μ))
    /// (<see cref="CbLoss.DistributionBalanced"/> configs only). Default 0.1.</summary>
    public double SmoothingAlpha { get; set; } = CbDefaults.DbAlpha;

    /// <summary>The distribution-balanced loss's smoothing slope β ≥ 0 (<see cref="CbLoss.DistributionBalanced"/> configs
    /// only; not the class-balanced <see cref="Beta"/>). Default 10.</summary>
    public double SmoothingBeta { get; set; } = CbDefaults.DbBeta;

    /// <summary>The distribution-balanced loss's smoothing centre μ, finite (<see cref="CbLoss.DistributionBalanced"/>
    /// configs only). Default 0.3.</summary>
    public double SmoothingMu { get; set; } = CbDefaults.DbMu;

    /// <summary>The distribution-balanced loss's negative-tolerant scale λ &gt; 0 (<see cref="CbLoss.DistributionBalanced"/>
    /// configs only). Default 5.</summary>
    public double NegativeScale { get; set; } = CbDefaults.DbLambda;

    /// <summary>The distribution-balanced loss's prior-bias scale κ, finite: ν_c = κ·(−log(1/p_c − 1))
    /// (<see cref="CbLoss.DistributionBalanced"/> configs only). Default 0.05; 0 turns the bias off, which a class positive
    /// in every sample (n_c = N, an infinite bias) needs (CB061).</summary>
    public double BiasScale { get; set; } = CbDefaults.DbKappa;

    /// <summary>Where the generated loss keeps its weights. Default <see cref="CbDevice.Auto"/>.</summary>
    public CbDevice Device { get; set; } = CbDevice.Auto;

    /// <summary>What <c>Reduction.Mean</c> divides by. Default <see cref="MeanNormalizer.PositiveLabels"/> (the official code); for
    /// <see cref="CbLoss.LogitAdjusted"/>, <see cref="CbLoss.VectorScaling"/> and <see cref="CbLoss.Ldam"/> <see cref="MeanNormalizer.WeightSum"/>, PyTorch's
    /// weighted mean as in their official code.</summary>
    public MeanNormalizer Normalizer { get; set; } = MeanNormalizer.PositiveLabels;

    /// <summary>What to do with a class of count 0. Default <see cref="ZeroCountPolicy.Throw"/> (a compile error).</summary>
    public ZeroCountPolicy ZeroCounts { get; set; } = ZeroCountPolicy.Throw;

    /// <summary>The name of the generated types. Default: the annotated enum's or class's name, plus the loss name
    /// when it has several configs.</summary>
    public string? Name { get; set; }

    /// <summary>Multi-label data: the number of training samples N, of which each class's count n_c carry the class
    /// (its positives; N − n_c are its negatives). Setting it makes the config multi-label: the generated weights class
    /// gains <c>SampleCount</c>, <c>NegativeCounts</c> and <c>MultiLabelPriors</c> (n_c / N, which its <c>Priors</c> and
    /// <c>LogPriors</c> then hold too, instead of n_c / Σn), and the loss must be
    /// <see cref="CbLoss.Sigmoid"/> or <see cref="CbLoss.Focal"/> (CB054). N ≥ 1 (CB051) and N ≥ every count
    /// (CB052; N &gt; every count under the distribution-balanced loss's prior bias, CB061). A
    /// <see cref="ClassBalancedDatasetAttribute"/> may instead read N from its counts file's <c># samples: N</c> line.
    /// Default 0: single-label data, no N.</summary>
    public long Samples { get; set; }

    /// <summary>Asks for multi-label counts: the config needs N, from <see cref="Samples"/> or (for a counts file) a
    /// <c># samples: N</c> line, and reports CB050 when neither gives it. Optional when <see cref="Samples"/> is set;
    /// write it to have the compiler catch a counts file that lost its N. Default false.</summary>
    public bool MultiLabel { get; set; }

    /// <summary>Deferred re-weighting (Cao et al. 2019): K ≥ 1 makes the generated loss a
    /// <c>DeferredReweightingLoss</c> that trains unweighted for the 0-based epochs 0..K-1 and with these weights
    /// from epoch K on (the LDAM-DRW recipe: 160 of 200 epochs with β = 0.9999). Default 0: always weighted.</summary>
    public int DeferUntilEpoch { get; set; }
}
