namespace CbGen.Generators.Model;

/// <summary>One valid <c>[ClassBalanced]</c> config: the values that decide the generated text, nothing else.
/// <see cref="DeferUntilEpoch"/> K ≥ 1 makes the loss a deferred re-weighting loss; 0 means none. <see cref="Location"/>
/// (its <c>Name</c> argument, else the attribute) is where a name clash is reported. Records compare by value, so the
/// long-tail knobs below take part in the pipeline's caching.</summary>
internal sealed record ConfigSpec(
    string TypeName,
    CbLoss Loss,
    double Beta,
    double Gamma,
    CbDevice Device,
    MeanNormalizer Normalizer,
    ZeroCountPolicy ZeroCounts,
    int DeferUntilEpoch = 0,
    LocationInfo? Location = null)
{
    /// <summary>τ of a <see cref="CbLoss.LogitAdjusted"/> or <see cref="CbLoss.VectorScaling"/> config; 0 for the other losses.</summary>
    public double Tau { get; init; }

    /// <summary>γ of a <see cref="CbLoss.VectorScaling"/> config; 0 for the other losses.</summary>
    public double VsGamma { get; init; }

    /// <summary>q of the generated sampling probabilities p_c ∝ n_c^q when the config asks for them; −1 for none.</summary>
    public double SamplingPower { get; init; } = -1.0;

    /// <summary>Whether the config asks for the sampling probabilities.</summary>
    public bool HasSamplingPower => SamplingPower >= 0.0;

    /// <summary>m_max of a <see cref="CbLoss.Ldam"/> config; 0 for the other losses.</summary>
    public double MaxMargin { get; init; }

    /// <summary>s of a <see cref="CbLoss.Ldam"/> config; 0 for the other losses.</summary>
    public double Scale { get; init; }

    /// <summary>The knobs of a <see cref="CbLoss.DistributionBalanced"/> or <see cref="CbLoss.Asymmetric"/> config (the
    /// other loss's and the "set" flags zeroed); <see cref="Model.MultiLabelKnobs.None"/> for the other losses.</summary>
    public MultiLabelKnobs MultiLabelKnobs { get; init; }

    /// <summary>Whether the config has multi-label counts (Samples written, MultiLabel = true, or a counts file with N).</summary>
    public bool MultiLabel { get; init; }

    /// <summary>N, the number of samples of a multi-label config (each count n_c being its positives); 0 when single-label
    /// or not yet known (a counts file's N is joined in when the file is read).</summary>
    public long SampleCount { get; init; }

    /// <summary>Whether the loss is LogitAdjusted, Ldam or VectorScaling.</summary>
    public bool IsLongTail => Loss is CbLoss.LogitAdjusted or CbLoss.Ldam or CbLoss.VectorScaling;

    /// <summary>Whether the loss needs a finite per-class value of every class (CB031 for an empty class): the long-tail
    /// losses and DistributionBalanced (1/n_c).</summary>
    public bool NeedsEveryClass => NeedsEveryClassFor(Loss);

    /// <summary>Whether the loss is DistributionBalanced or Asymmetric.</summary>
    public bool IsMultiLabelLoss => Loss == CbLoss.DistributionBalanced || Loss == CbLoss.Asymmetric;

    /// <summary>Whether the loss applies the class-balanced weights (the CB losses, and LDAM-DRW); <see cref="Beta"/>
    /// is 0 when it does not.</summary>
    public bool UsesWeights => (!IsLongTail && !IsMultiLabelLoss) || (Loss == CbLoss.Ldam && DeferUntilEpoch > 0);

    /// <summary>Whether <paramref name="loss"/> needs a finite per-class value of every class: LogitAdjusted, Ldam,
    /// VectorScaling (log π_c, n_c^(-1/4)) and DistributionBalanced (1/n_c). The one home of the rule, for configs and
    /// sweep points alike.</summary>
    public static bool NeedsEveryClassFor(CbLoss loss) =>
        loss is CbLoss.LogitAdjusted or CbLoss.Ldam or CbLoss.VectorScaling or CbLoss.DistributionBalanced;

    /// <summary>This config without its <see cref="Location"/>: what the emitters read.</summary>
    public ConfigSpec WithoutLocation() => Location is null ? this : this with { Location = null };
}
