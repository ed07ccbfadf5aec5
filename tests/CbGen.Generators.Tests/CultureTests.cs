namespace CbGen.Generators.Tests;

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

            [ClassBalanced(Loss = CbLoss.LogitAdjusted, Tau = 0.625, Name = "Adjusted")]
            [ClassBalanced(Loss = CbLoss.Ldam, MaxMargin = 0.375, Scale = 12.5, DeferUntilEpoch = 3, Name = "Margins")]
            public enum Tail { [Samples(123456789)] Head, [Samples(7)] Rare }
        }
        """;

    [Theory]
    [InlineData("de-DE")]
    [InlineData("fi-FI")]
    [InlineData("tr-TR")]
    [InlineData("ar-SA")]
    public void Generated_text_is_identical_under(string cultureName)
    {
        string[] reference = GeneratorHarness.AssertSameTextUnder(cultureName, () => GeneratorHarness.Run(withTorchSharp: true, Source));
        Assert.Equal(10, reference.Length);
        Assert.Contains(reference, text => text.Contains("E-", System.StringComparison.Ordinal));

        // The long-tail literals: negative log-priors and fractional knobs, written with '.' and ASCII '-'.
        Assert.Contains(reference, text => text.Contains("public const double Tau = 0.625D;", System.StringComparison.Ordinal));
        Assert.Contains(reference, text => text.Contains("public const double Scale = 12.5D;", System.StringComparison.Ordinal));
        Assert.Contains(reference, text => text.Contains("D, -16.68", System.StringComparison.Ordinal));
    }
}
