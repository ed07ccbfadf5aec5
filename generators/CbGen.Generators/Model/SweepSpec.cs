using CbGen.Generators.Helpers;

namespace CbGen.Generators.Model;

/// <summary>A valid <c>[ClassBalancedSweep]</c>, expanded.</summary>
internal sealed record SweepSpec(
    string Prefix,
    EquatableArray<double> Betas,
    EquatableArray<double> Gammas,
    EquatableArray<SweepPoint> Points,
    CbDevice Device,
    MeanNormalizer Normalizer,
    int DeferUntilEpoch,
    LocationInfo? Location = null)
{
    /// <summary>The τ axis (LogitAdjusted and VectorScaling points only; empty without them).</summary>
    public EquatableArray<double> Taus { get; init; } = EquatableArray<double>.Empty;

    /// <summary>The VS γ axis (VectorScaling points only; empty without them).</summary>
    public EquatableArray<double> VsGammas { get; init; } = EquatableArray<double>.Empty;

    /// <summary>The weight-decay axis (empty without one: then the points have no weight decay).</summary>
    public EquatableArray<double> WeightDecays { get; init; } = EquatableArray<double>.Empty;

    /// <summary>N, the number of samples, for the DistributionBalanced points (0 without them).</summary>
    public long Samples { get; init; }

    /// <summary>This sweep without its <see cref="Location"/>: what the emitters read.</summary>
    public SweepSpec WithoutLocation() => Location is null ? this : this with { Location = null };
}
