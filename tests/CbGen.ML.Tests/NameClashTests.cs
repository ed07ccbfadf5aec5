using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using CbGen.Testing;
using Microsoft.CodeAnalysis;
using Microsoft.ML;
using Microsoft.ML.Transforms;

namespace CbGen.ML.Tests;

/// <summary>Issue 11, item 3 for the ML.NET helper type <c>{Type}WeightsMlNet</c>: a clash gives CB010 from the
/// generator and no duplicate declaration, like the other generated types.</summary>
public class NameClashTests
{
    private const string Counts = "{ [Samples(900)] Apple, [Samples(10)] Cherry }";

    [Theory]
    [InlineData("public static class FruitWeightsMlNet { }")]
    [InlineData("public enum FruitWeightsMlNet { A }")]
    [InlineData("public static partial class FruitWeightsMlNet { }")]
    public void A_user_type_named_like_the_ML_NET_helper_gives_CB010(string user)
    {
        AssertCb010(Run("using CbGen;\nnamespace Shop { [ClassBalanced] public enum Fruit " + Counts + " " + user + " }"));
    }

    [Fact]
    public void A_namespace_named_like_the_ML_NET_helper_gives_CB010()
    {
        AssertCb010(Run("using CbGen;\nnamespace Shop { [ClassBalanced] public enum Fruit " + Counts + " }\nnamespace Shop.FruitWeightsMlNet { }"));
    }

    [Fact]
    public void A_generic_user_type_of_that_name_does_not_clash()
    {
        CbGenRunResult run = Run("using CbGen;\nnamespace Shop { [ClassBalanced] public enum Fruit " + Counts + " public static class FruitWeightsMlNet<T> { } }");
        run.AssertCompilesCleanly();
        Assert.NotNull(run.OutputCompilation.GetTypeByMetadataName("Shop.FruitWeightsMlNet"));
    }

    private static void AssertCb010(CbGenRunResult run)
    {
        Diagnostic cb010 = Assert.Single(run.GeneratorDiagnostics, d => d.Id == "CB010");
        Assert.Contains("'FruitWeightsMlNet'", cb010.GetMessage(CultureInfo.InvariantCulture), System.StringComparison.Ordinal);
        Assert.DoesNotContain(run.CompilationProblems(), d => d.Id.StartsWith("CS", System.StringComparison.Ordinal));
        Assert.DoesNotContain(run.Files, f => f.HintName.Contains("Fruit", System.StringComparison.Ordinal));
    }

    private static CbGenRunResult Run(string source) =>
        CbGenRunner.Run(CbGenRunner.CreateCompilation(new[] { source }, withTorchSharp: false, MlNetReferences()));

    private static IEnumerable<MetadataReference> MlNetReferences() =>
        new[] { typeof(MLContext), typeof(TransformsCatalog), typeof(ValueMappingEstimator), typeof(IDataView), typeof(IEstimator<>) }
            .Select(t => t.Assembly.Location)
            .Distinct()
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path));
}
