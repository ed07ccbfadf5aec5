namespace CbGen.Generators.Tests
{
    /// <summary>The generated text does not depend on the culture the compiler runs under (comma decimals in de-DE,
    /// U+2212 minus in fi-FI, dotless i in tr-TR).</summary>
    public sealed class CultureTests
    {
        private const string Source = """
            using CbGen;

            namespace Culture.Check
            {
                [ClassBalanced(Beta = 0.9999, Loss = CbLoss.Focal, Gamma = 0.25)]
                [ClassBalanced(Beta = 1.0, Loss = CbLoss.Sigmoid, Name = "InverseFrequency")]
                [ClassBalanced(Beta = 0.5, Loss = CbLoss.Softmax, ZeroCounts = ZeroCountPolicy.ZeroWeight, Name = "Halves")]
                public enum Item { [Samples(1000000000)] Identity, [Samples(1)] Rare, [Samples(12345)] Iİıi }
            }
            """;

        [Theory]
        [InlineData("de-DE")]
        [InlineData("fi-FI")]
        [InlineData("tr-TR")]
        public void Generated_text_is_identical_under(string cultureName)
        {
            string[] reference = GeneratorHarness.AssertSameTextUnder(cultureName, () => GeneratorHarness.Run(withTorchSharp: true, Source));
            Assert.Equal(6, reference.Length);
            Assert.Contains(reference, text => text.Contains("E-", System.StringComparison.Ordinal));
        }
    }
}
