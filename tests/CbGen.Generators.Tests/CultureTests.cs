using System.Globalization;
using System.Linq;

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
            string[] reference = Generate(CultureInfo.InvariantCulture);
            string[] local = Generate(CultureInfo.GetCultureInfo(cultureName));
            Assert.Equal(6, reference.Length);
            Assert.Equal(reference, local);
            Assert.Contains(reference, text => text.Contains("E-", System.StringComparison.Ordinal));
        }

        private static string[] Generate(CultureInfo culture)
        {
            CultureInfo saved = CultureInfo.CurrentCulture;
            CultureInfo savedUi = CultureInfo.CurrentUICulture;
            try
            {
                CultureInfo.CurrentCulture = culture;
                CultureInfo.CurrentUICulture = culture;
                GeneratorRun run = GeneratorHarness.Run(withTorchSharp: true, Source);
                run.AssertCompilesCleanly();
                return run.Sources.Select(s => s.HintName + "\n" + s.Text).ToArray();
            }
            finally
            {
                CultureInfo.CurrentCulture = saved;
                CultureInfo.CurrentUICulture = savedUi;
            }
        }
    }
}
