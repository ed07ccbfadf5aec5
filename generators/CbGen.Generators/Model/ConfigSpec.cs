namespace CbGen.Generators.Model
{
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
        /// <summary>τ of a <see cref="CbLoss.LogitAdjusted"/> config; 0 for the other losses.</summary>
        public double Tau { get; init; }

        /// <summary>m_max of a <see cref="CbLoss.Ldam"/> config; 0 for the other losses.</summary>
        public double MaxMargin { get; init; }

        /// <summary>s of a <see cref="CbLoss.Ldam"/> config; 0 for the other losses.</summary>
        public double Scale { get; init; }

        /// <summary>Whether the config is multi-label (Samples written, MultiLabel = true, or a counts file with N).</summary>
        public bool MultiLabel { get; init; }

        /// <summary>N, the number of samples of a multi-label config (each count n_c being its positives); 0 when single-label
        /// or not yet known (a counts file's N is joined in when the file is read).</summary>
        public long SampleCount { get; init; }

        /// <summary>Whether the loss is LogitAdjusted or Ldam.</summary>
        public bool IsLongTail => Loss == CbLoss.LogitAdjusted || Loss == CbLoss.Ldam;

        /// <summary>Whether the loss applies the class-balanced weights (the CB losses, and LDAM-DRW); <see cref="Beta"/>
        /// is 0 when it does not.</summary>
        public bool UsesWeights => !IsLongTail || (Loss == CbLoss.Ldam && DeferUntilEpoch > 0);

        /// <summary>This config without its <see cref="Location"/>: what the emitters read.</summary>
        public ConfigSpec WithoutLocation() => Location is null ? this : this with { Location = null };
    }
}
