using System;
using System.Linq;
using CbGen.Testing;
using Microsoft.CodeAnalysis;

namespace CbGen.Testing.Tests;

/// <summary>The worked example of docs/snapshot-testing.md: a user's own test that snapshots what CbGen generates for their
/// label enum. The verified files are committed in Verified/Fruit_weights_and_loss/.</summary>
public sealed class FruitSnapshotTests
{
    private const string Fruit = """
        using CbGen;

        namespace Shop
        {
            [ClassBalanced(Beta = 0.999, Loss = CbLoss.Focal, Gamma = 1.0)]
            public enum Fruit
            {
                [Samples(900)] Apple,
                [Samples(90)] Banana,
                [Samples(10)] Cherry,
            }
        }
        """;

    [Fact]
    public void Fruit_weights_and_loss()
    {
        // The test project references CbGen.TorchSharp, so the typed loss is generated too.
        CbGenRunResult run = CbGenRunner.Run(Fruit);

        Snapshot.VerifyGenerated(run, nameof(Fruit_weights_and_loss));
        run.AssertCompilesCleanly();
        Assert.Equal(new[] { "Shop.Fruit.FruitWeights.g.cs", "Shop.Fruit.FruitLoss.g.cs" }, run.Files.Select(f => f.HintName));
    }

    [Fact]
    public void Without_TorchSharp_only_the_tables_are_generated()
    {
        CbGenRunResult run = CbGenRunner.Run(CbGenRunner.CreateCompilation(new[] { Fruit }, withTorchSharp: false));

        Assert.Equal(new[] { "Shop.Fruit.FruitWeights.g.cs" }, run.Files.Select(f => f.HintName));
        // The same text as the snapshot of the run with TorchSharp: the tables do not depend on the runtime.
        Snapshot.Verify(run.File("FruitWeights.g.cs").Text, nameof(Fruit_weights_and_loss) + "/Shop.Fruit.FruitWeights", "cs");
        run.AssertCompilesCleanly();
    }

    [Fact]
    public void The_snapshotted_weights_are_the_class_balanced_weights()
    {
        // Independent of the generator: α_c ∝ (1 - β) / (1 - β^n_c), scaled to sum to C, in plain float64 loops.
        long[] counts = { 900, 90, 10 };
        const double beta = 0.999;
        double[] raw = counts.Select(n => (1 - beta) / (1 - Math.Pow(beta, n))).ToArray();
        double[] expected = raw.Select(w => w * counts.Length / raw.Sum()).ToArray();

        string weights = CbGenRunner.Run(Fruit).File("FruitWeights.g.cs").Text;
        string[] names = { "Apple", "Banana", "Cherry" };
        for (int c = 0; c < counts.Length; c++)
        {
            string line = weights.Split('\n').Single(l => l.Contains("public const double " + names[c] + "Weight = ", StringComparison.Ordinal));
            double value = double.Parse(line.Split('=')[1].Trim().TrimEnd(';').TrimEnd('D'), System.Globalization.CultureInfo.InvariantCulture);
            Assert.Equal(expected[c], value, 1e-12);
        }
    }

    [Fact]
    public void Mistakes_are_reported_as_CbGen_diagnostics()
    {
        CbGenRunResult run = CbGenRunner.Run("""
            using CbGen;

            [ClassBalanced(Beta = 0.999)]
            public enum Fruit { [Samples(900)] Apple, Banana }
            """);

        Assert.Empty(run.Files);
        Assert.Contains(run.AnalyzerDiagnostics, d => d.Id == "CB001");
        Assert.StartsWith("CB001 Error Source0.cs(4,43) 'Banana': ", run.DescribeDiagnostics(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_counts_file_is_passed_as_an_additional_file()
    {
        const string source = """
            using CbGen;

            namespace Shop
            {
                [ClassBalancedDataset("fruit.counts.csv", Beta = 0.999)]
                public static partial class Fruits;
            }
            """;
        AdditionalText counts = CbGenRunner.AdditionalFile("Data/fruit.counts.csv", "name,count\nApple,900\nBanana,90\nCherry,10\n");

        CbGenRunResult run = CbGenRunner.Run(CbGenRunner.CreateCompilation(new[] { source }, withTorchSharp: false), additionalFiles: new[] { counts });

        run.AssertCompilesCleanly();
        Assert.Empty(run.AnalyzerDiagnostics);
        Assert.Contains("public const long AppleCount = 900L;", run.File("FruitsWeights.g.cs").Text, StringComparison.Ordinal);

        // Without the file: the analyzers say so, nothing is generated for the class.
        CbGenRunResult missing = CbGenRunner.Run(CbGenRunner.CreateCompilation(new[] { source }, withTorchSharp: false));
        Assert.DoesNotContain(missing.Files, f => f.HintName.EndsWith("FruitsWeights.g.cs", StringComparison.Ordinal));
        Assert.NotEmpty(missing.AnalyzerDiagnostics.Concat(missing.GeneratorDiagnostics));
    }

    [Fact]
    public void File_names_the_generated_files_when_none_matches()
    {
        CbGenRunResult run = CbGenRunner.Run(Fruit);

        var ex = Assert.Throws<ArgumentException>(() => run.File("AppleLoss.g.cs"));
        Assert.Equal("hintNameSuffix", ex.ParamName);
        Assert.Contains("Shop.Fruit.FruitWeights.g.cs, Shop.Fruit.FruitLoss.g.cs", ex.Message, StringComparison.Ordinal);
    }
}
