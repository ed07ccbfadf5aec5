namespace CbGen.Generators.Model
{
    /// <summary>One valid <c>[ClassBalanced]</c> config: the values that decide the generated text, nothing else.
    /// <see cref="DeferUntilEpoch"/> K ≥ 1 makes the loss a deferred re-weighting loss; 0 means none. <see cref="Location"/>
    /// (its <c>Name</c> argument, else the attribute) is where a name clash is reported.</summary>
    internal sealed record ConfigSpec(
        string TypeName,
        CbLoss Loss,
        double Beta,
        double Gamma,
        CbDevice Device,
        MeanNormalizer Normalizer,
        ZeroCountPolicy ZeroCounts,
        int DeferUntilEpoch = 0,
        LocationInfo? Location = null);
}
