using System.Collections.Generic;
using System.Linq;
using CbGen.Testing;
using Microsoft.CodeAnalysis;
using Microsoft.ML;
using Microsoft.ML.Transforms;

namespace CbGen.ML.Tests;

/// <summary>Snapshots of the generated ML.NET helpers (Verified/…), and nothing new without Microsoft.ML.</summary>
public class SnapshotTests
{
    private const string Fruit = """
        using CbGen;

        namespace Shop
        {
            [ClassBalanced(Beta = 0.999)]
            [ClassBalanced(Beta = 0.9999, Loss = CbLoss.Focal, Gamma = 0.5, Name = "FruitFocal")]
            public enum Fruit { [Samples(900)] Apple, [Samples(90, Label = "banana \"split\"")] Banana, [Samples(10)] @class }
        }
        """;

    private const string Weather = """
        using CbGen;

        namespace Sky
        {
            [ClassBalancedDataset("weather.counts.csv", Beta = 0.99)]
            internal static partial class Weather;
        }
        """;

    private const string WeatherCounts = "weather,count\nclear sky,900\nlight \"rain\",90\nhail,9\n";

    [Fact]
    public void Enum_with_Microsoft_ML_gets_the_helpers()
    {
        CbGenRunResult run = CbGenRunner.Run(CbGenRunner.CreateCompilation(new[] { Fruit }, withTorchSharp: false, MlNetReferences()));
        run.AssertCompilesCleanly();
        Assert.Equal(
            new[] { "Shop.Fruit.FruitFocalMlNet.g.cs", "Shop.Fruit.FruitFocalWeights.g.cs", "Shop.Fruit.FruitSoftmaxMlNet.g.cs", "Shop.Fruit.FruitSoftmaxWeights.g.cs" },
            run.Files.Select(f => f.HintName).OrderBy(n => n, System.StringComparer.Ordinal));
        Snapshot.VerifyGenerated(run, nameof(Enum_with_Microsoft_ML_gets_the_helpers));
    }

    [Fact]
    public void Counts_file_dataset_with_Microsoft_ML_gets_the_helpers_with_the_files_names()
    {
        CbGenRunResult run = CbGenRunner.Run(
            CbGenRunner.CreateCompilation(new[] { Weather }, withTorchSharp: false, MlNetReferences()),
            additionalFiles: new[] { CbGenRunner.AdditionalFile("weather.counts.csv", WeatherCounts) });
        run.AssertCompilesCleanly();
        Snapshot.VerifyGenerated(run, nameof(Counts_file_dataset_with_Microsoft_ML_gets_the_helpers_with_the_files_names));
    }

    [Fact]
    public void The_helpers_compile_in_a_CSharp_7_3_project_without_nullable()
    {
        // netstandard2.0 projects default to C# 7.3: the ByKey estimator must use nothing newer.
        var parseOptions = CbGenRunner.DefaultParseOptions.WithLanguageVersion(Microsoft.CodeAnalysis.CSharp.LanguageVersion.CSharp7_3);
        var compilation = CbGenRunner.CreateCompilation(new[] { Fruit }, withTorchSharp: false, MlNetReferences());
        compilation = compilation
            .RemoveAllSyntaxTrees()
            .AddSyntaxTrees(compilation.SyntaxTrees.Select(t => t.WithRootAndOptions(t.GetRoot(), parseOptions)))
            .WithOptions(compilation.Options.WithNullableContextOptions(NullableContextOptions.Disable));
        CbGenRunResult run = CbGenRunner.Run(compilation, parseOptions);
        Assert.DoesNotContain("#nullable", run.File("FruitSoftmaxMlNet.g.cs").Text, System.StringComparison.Ordinal);
        run.AssertCompilesCleanly();
    }

    [Fact]
    public void Without_Microsoft_ML_nothing_changes()
    {
        CbGenRunResult run = CbGenRunner.Run(CbGenRunner.CreateCompilation(new[] { Fruit }, withTorchSharp: false));
        run.AssertCompilesCleanly();
        Assert.Equal(
            new[] { "Shop.Fruit.FruitFocalWeights.g.cs", "Shop.Fruit.FruitSoftmaxWeights.g.cs" },
            run.Files.Select(f => f.HintName).OrderBy(n => n, System.StringComparer.Ordinal));
    }

    /// <summary>The ML.NET assemblies the helpers compile against (the ones this test project loads).</summary>
    private static IEnumerable<MetadataReference> MlNetReferences() =>
        new[] { typeof(MLContext), typeof(TransformsCatalog), typeof(ValueMappingEstimator), typeof(IDataView), typeof(IEstimator<>) }
            .Select(t => t.Assembly.Location)
            .Distinct()
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path));
}
