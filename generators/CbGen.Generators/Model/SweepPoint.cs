namespace CbGen.Generators.Model;

/// <summary>One point of a sweep grid. <see cref="Member"/> is the static property of <c>{Prefix}Sweep</c>
/// (e.g. <c>Focal_B0_9999_G0_5</c>); the point's <c>Name</c> is the prefix followed by it.</summary>
internal sealed record SweepPoint(string Member, CbLoss Loss, double Beta, int BetaIndex, double Gamma)
{
    /// <summary>τ of a LogitAdjusted or VectorScaling point; 0 for the others. (<see cref="Gamma"/> is the focal
    /// loss's γ, or the VS loss's.)</summary>
    public double Tau { get; init; }

    /// <summary>The point's weight decay, from the sweep's weight-decay axis; 0 without one.</summary>
    public double WeightDecay { get; init; }

    /// <summary>Whether the point's loss applies the class-balanced weights of <see cref="Beta"/> (<see cref="BetaIndex"/>
    /// ≥ 0); false for LogitAdjusted, VectorScaling, the multi-label losses and plain Ldam (no DeferUntilEpoch).</summary>
    public bool UsesWeights => BetaIndex >= 0;
}
