using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace CbGen.Generators.Tests;

/// <summary>Counts files, sweeps and DRW configs compile under C# 7.3 (the netstandard2.0 default) and generate the
/// same text under comma-decimal, U+2212-minus and dotless-i cultures.</summary>
public sealed class TrainingSetupCompatibilityTests
{
    private const string Source = """
        using CbGen;

        namespace Compat.Check
        {
            [ClassBalancedDataset("items.csv", Beta = 0.9999, Loss = CbLoss.Focal, Gamma = 0.25, DeferUntilEpoch = 2)]
            [ClassBalancedSweep(Betas = new[] { 0.5, 0.9999 }, Gammas = new[] { 0.25, 1E-05 })]
            public static partial class Items { }

            [ClassBalanced(Beta = 0.99, DeferUntilEpoch = 7)]
            [ClassBalancedSweep]
            internal enum Tiny { [Samples(20)] A, [Samples(5)] B }
        }
        """;

    private const string File = "name,count\nIdentity,1000000000\nRare,1\nIİıi,12345\n";

    [Fact]
    public void Everything_compiles_under_CSharp_7_3()
    {
        var options = new CSharpParseOptions(LanguageVersion.CSharp7_3, DocumentationMode.Diagnose);
        ImmutableArray<AdditionalText> files = GeneratorHarness.Files(("items.csv", File));
        CSharpCompilation compilation = GeneratorHarness.CreateCompilation(true, options, Source)
            .WithOptions(new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Disable));
        CbGenRunResult run = CbGenRunner.Run(compilation, options, files);
        Assert.Equal(7, run.Files.Length);
        Assert.All(run.Files, s => Assert.DoesNotContain("#nullable", s.Text, System.StringComparison.Ordinal));
        run.AssertCompilesCleanly();
        Assert.Contains("public static ItemsSweepPoint Focal_B0_9999_G1Em05 { get; }", run.File("ItemsSweep.g.cs").Text);
    }

    [Theory]
    [InlineData("de-DE")]
    [InlineData("fi-FI")]
    [InlineData("tr-TR")]
    public void Generated_text_is_identical_under(string cultureName)
    {
        string[] reference = GeneratorHarness.AssertSameTextUnder(
            cultureName, () => GeneratorHarness.Run(true, GeneratorHarness.Files(("items.csv", File)), Source));
        Assert.Equal(7, reference.Length);
        Assert.Contains(reference, text => text.Contains("1E-05D", System.StringComparison.Ordinal));
    }
}
