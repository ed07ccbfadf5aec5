using System.Linq;

namespace CbGen.Generators.Tests;

/// <summary>Snapshots of every generated file (one per hint name) and of the diagnostics, per case. Each case also
/// checks that the generated code compiles without errors or warnings.</summary>
public sealed class SnapshotTests
{
    public const string Cifar10Lt = """
        using CbGen;

        namespace Vision.Data
        {
            [ClassBalanced(Beta = 0.9999, Loss = CbLoss.Focal, Gamma = 1.0, Device = CbDevice.Auto)]
            [ClassBalanced(Beta = 0.999, Loss = CbLoss.Softmax, Name = "Cifar10LtSoftmax")]
            public enum Cifar10Lt
            {
                [Samples(5000)] Airplane,
                [Samples(2997)] Automobile,
                [Samples(1796)] Bird,
                [Samples(1077)] Cat,
                [Samples(645)] Deer,
                [Samples(387)] Dog,
                [Samples(232)] Frog,
                [Samples(139)] Horse,
                [Samples(83)] Ship,
                [Samples(50)] Truck,
            }
        }
        """;

    [Fact]
    public void Simple_enum_without_TorchSharp_gets_the_tables_only()
    {
        const string source = """
            using CbGen;

            namespace Shop;

            [ClassBalanced]
            public enum Fruit
            {
                [Samples(900)] Apple,
                [Samples(90)] Banana,
                [Samples(10)] Cherry,
            }
            """;
        CbGenRunResult run = Verify(nameof(Simple_enum_without_TorchSharp_gets_the_tables_only), withTorchSharp: false, source);
        Assert.Equal(new[] { "Shop.Fruit.FruitWeights.g.cs" }, run.Files.Select(s => s.HintName));
    }

    [Fact]
    public void Several_configs_with_TorchSharp()
    {
        CbGenRunResult run = Verify(nameof(Several_configs_with_TorchSharp), withTorchSharp: true, Cifar10Lt);
        Assert.Equal(
            new[]
            {
                "Vision.Data.Cifar10Lt.Cifar10LtFocalWeights.g.cs",
                "Vision.Data.Cifar10Lt.Cifar10LtFocalLoss.g.cs",
                "Vision.Data.Cifar10Lt.Cifar10LtSoftmaxWeights.g.cs",
                "Vision.Data.Cifar10Lt.Cifar10LtSoftmaxLoss.g.cs",
            },
            run.Files.Select(s => s.HintName));
    }

    /// <summary>Each loss variant on a three-class enum (the focal case with an empty class, dropped by ZeroWeight).</summary>
    [Theory]
    [InlineData("Softmax_loss", "Beta = 0.99, Loss = CbLoss.Softmax, Normalizer = MeanNormalizer.WeightSum, Device = CbDevice.Cpu",
        "[Samples(400)] Speech, [Samples(40)] Music, [Samples(4)] Siren")]
    [InlineData("Sigmoid_loss", "Beta = 0.999, Loss = CbLoss.Sigmoid, Normalizer = MeanNormalizer.AllTerms",
        "[Samples(400)] Speech, [Samples(40)] Music, [Samples(4)] Siren")]
    [InlineData("Focal_loss_with_zero_count_class",
        "Beta = 0.9999, Loss = CbLoss.Focal, Gamma = 0.5, Device = CbDevice.Cuda, ZeroCounts = ZeroCountPolicy.ZeroWeight",
        "[Samples(400)] Speech, [Samples(40)] Music, [Samples(0)] Siren, [Samples(4)] Alarm")]
    public void Loss_variant(string name, string config, string members)
    {
        string source = "using CbGen;\n\nnamespace Audio\n{\n"
            + "    [ClassBalanced(" + config + ")]\n"
            + "    public enum Sound { " + members + " }\n"
            + "}";
        Verify(name, withTorchSharp: true, source);
    }

    [Fact]
    public void Global_namespace_and_nested_enum()
    {
        const string source = """
            using CbGen;

            public static class Dataset
            {
                public static class Labels
                {
                    [ClassBalanced(Beta = 0.99, Loss = CbLoss.Sigmoid)]
                    public enum Digit { [Samples(100)] Zero, [Samples(50)] One, [Samples(25)] Two }
                }
            }
            """;
        CbGenRunResult run = Verify(nameof(Global_namespace_and_nested_enum), withTorchSharp: true, source);
        Assert.Contains("Dataset.Labels.Digit.DigitWeights.g.cs", run.Files.Select(s => s.HintName));
    }

    [Fact]
    public void Internal_enum_nested_in_a_namespace_type_gives_internal_types()
    {
        const string source = """
            using CbGen;

            namespace Med.Imaging
            {
                public partial class Scanner
                {
                    [ClassBalanced(Beta = 0.999, Loss = CbLoss.Focal)]
                    internal enum Finding { [Samples(1000)] Healthy = 0, [Samples(30)] Tumour = 1 }
                }
            }
            """;
        CbGenRunResult run = Verify(nameof(Internal_enum_nested_in_a_namespace_type_gives_internal_types), withTorchSharp: true, source);
        Assert.Contains("internal static partial class FindingWeights", run.File("FindingWeights.g.cs").Text);
        Assert.Contains("internal sealed class FindingLoss", run.File("FindingLoss.g.cs").Text);
    }

    [Fact]
    public void Keyword_member_names()
    {
        const string source = """
            using CbGen;

            namespace @namespace
            {
                [ClassBalanced(Beta = 0.9, Loss = CbLoss.Softmax)]
                public enum @event { [Samples(30)] @class, [Samples(20)] @int, [Samples(10)] Class, [Samples(5)] @return }
            }
            """;
        CbGenRunResult run = Verify(nameof(Keyword_member_names), withTorchSharp: true, source);
        Assert.Contains("public const long classCount = 30L;", run.File("eventWeights.g.cs").Text);
    }

    [Fact]
    public void Target_without_CreateSpan_caches_tables_in_static_arrays()
    {
        // A source-declared RuntimeHelpers without CreateSpan stands in for a pre-.NET 7 target.
        const string source = """
            using CbGen;

            namespace System.Runtime.CompilerServices
            {
                internal static class RuntimeHelpers { }
            }

            namespace Legacy
            {
                [ClassBalanced(Beta = 0.99)]
                public enum Label { [Samples(100)] A, [Samples(10)] B }
            }
            """;
        CbGenRunResult run = Verify(nameof(Target_without_CreateSpan_caches_tables_in_static_arrays), withTorchSharp: false, source);
        Assert.Contains("private static readonly double[] s_weights", run.File("LabelWeights.g.cs").Text);
    }

    [Fact]
    public void Warnings_are_snapshotted_and_the_config_still_generates()
    {
        const string source = """
            using CbGen;

            namespace Noisy
            {
                [ClassBalanced(Beta = 0.9, Loss = CbLoss.Sigmoid, Gamma = 0.5)]
                public enum Label { [Samples(5000)] Head, [Samples(50)] Tail }

                public enum Unconfigured { [Samples(3)] A, B }
            }
            """;
        CbGenRunResult run = Verify(nameof(Warnings_are_snapshotted_and_the_config_still_generates), withTorchSharp: false, source);
        Assert.Single(run.Files);
    }

    [Fact]
    public void CSharp_7_3_project_gets_no_nullable_directive_and_compiles()
    {
        // netstandard2.0 projects default to C# 7.3, which rejects #nullable.
        var parseOptions = GeneratorHarness.ParseOptions.WithLanguageVersion(Microsoft.CodeAnalysis.CSharp.LanguageVersion.CSharp7_3);
        const string source = """
            using CbGen;

            namespace Old
            {
                [ClassBalanced(Beta = 0.99, Loss = CbLoss.Focal)]
                public enum Label { [Samples(100)] A, [Samples(10)] @B }
            }
            """;
        var compilation = GeneratorHarness.CreateCompilation(false, parseOptions, source)
            .WithOptions(new Microsoft.CodeAnalysis.CSharp.CSharpCompilationOptions(
                Microsoft.CodeAnalysis.OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: Microsoft.CodeAnalysis.NullableContextOptions.Disable));
        CbGenRunResult run = CbGenRunner.Run(compilation, parseOptions);
        string text = run.File("LabelWeights.g.cs").Text;
        Assert.DoesNotContain("#nullable", text);
        Assert.StartsWith("// <auto-generated/>", text);
        run.AssertCompilesCleanly();
    }

    private static CbGenRunResult Verify(string name, bool withTorchSharp, string source)
    {
        CbGenRunResult run = GeneratorHarness.Run(withTorchSharp, source);
        Assert.NotEmpty(run.Files);
        Snapshot.VerifyGenerated(run, name);
        run.AssertCompilesCleanly();
        return run;
    }
}
