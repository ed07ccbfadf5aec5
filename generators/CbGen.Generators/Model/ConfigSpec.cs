namespace CbGen.Generators.Model
{
    /// <summary>One valid <c>[ClassBalanced]</c> config: the values that decide the generated text, nothing else.
    /// <see cref="DeferUntilEpoch"/> K ≥ 1 makes the loss a deferred re-weighting loss; 0 means none.</summary>
    internal sealed record ConfigSpec(
        string TypeName,
        CbLoss Loss,
        double Beta,
        double Gamma,
        CbDevice Device,
        MeanNormalizer Normalizer,
        ZeroCountPolicy ZeroCounts,
        int DeferUntilEpoch = 0);
}
