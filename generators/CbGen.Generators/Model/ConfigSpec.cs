namespace CbGen.Generators.Model
{
    /// <summary>One valid <c>[ClassBalanced]</c> config: the values that decide the generated text, nothing else.</summary>
    internal sealed record ConfigSpec(
        string TypeName,
        CbLoss Loss,
        double Beta,
        double Gamma,
        CbDevice Device,
        MeanNormalizer Normalizer,
        ZeroCountPolicy ZeroCounts);
}
