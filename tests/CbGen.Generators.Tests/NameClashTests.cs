extern alias gen;

using System;
using System.Collections.Immutable;
using System.Linq;
using gen::CbGen.Generators;
using Microsoft.CodeAnalysis;

namespace CbGen.Generators.Tests;

/// <summary>Issue 11, items 1-3: hint names unique ignoring case, split partial datasets merged, and every clash of
/// generated type names (with each other, with user types and namespaces) caught by the generator itself: nothing
/// clashing is emitted, the code compiles, and CB010 reaches the build.</summary>
public sealed class NameClashTests
{
    private const string TwoClasses = "{ [Samples(10)] A, [Samples(3)] B }";
    private const string BirdsFile = "name,count\nsparrow,900\ncrow,90\n";

    [Fact]
    public void Enums_whose_names_differ_only_by_case_both_generate()
    {
        CbGenRunResult run = RunClean(false, default,
            "using CbGen;\nnamespace Zoo { [ClassBalanced] public enum Label " + TwoClasses + " [ClassBalanced] public enum label " + TwoClasses + " }");
        AssertUniqueHintNames(run);
        Assert.Contains(Types(run), t => t == "Zoo.LabelWeights");
        Assert.Contains(Types(run), t => t == "Zoo.labelWeights");
    }

    [Fact]
    public void Namespaces_that_differ_only_by_case_both_generate()
    {
        CbGenRunResult run = RunClean(true, default,
            "using CbGen;\nnamespace Data { [ClassBalanced] public enum Label " + TwoClasses + " }\nnamespace data { [ClassBalanced] public enum Label " + TwoClasses + " }");
        AssertUniqueHintNames(run);
        Assert.Equal(4, run.Files.Length);
        Assert.Contains(Types(run), t => t == "Data.LabelLoss");
        Assert.Contains(Types(run), t => t == "data.LabelLoss");
    }

    [Fact]
    public void Dataset_classes_that_differ_only_by_case_both_generate()
    {
        CbGenRunResult run = RunClean(false, GeneratorHarness.Files(("birds.csv", BirdsFile)),
            "using CbGen;\nnamespace Zoo { [ClassBalancedDataset(\"birds.csv\")] public static partial class Birds; [ClassBalancedDataset(\"birds.csv\")] public static partial class birds; }");
        AssertUniqueHintNames(run);
        Assert.Equal(4, run.Files.Length);
    }

    [Fact]
    public void A_dataset_beside_an_enum_whose_name_differs_only_by_case_both_generate()
    {
        CbGenRunResult run = RunClean(false, GeneratorHarness.Files(("birds.csv", BirdsFile)),
            "using CbGen;\nnamespace Zoo { [ClassBalancedDataset(\"birds.csv\")] public static partial class Birds; [ClassBalanced] public enum birds " + TwoClasses + " }");
        AssertUniqueHintNames(run);
        Assert.Contains(Types(run), t => t == "Zoo.BirdsWeights");
        Assert.Contains(Types(run), t => t == "Zoo.birdsWeights");
    }

    [Fact]
    public void Configs_of_one_enum_whose_names_differ_only_by_case_both_generate()
    {
        // C# is case-sensitive: FooWeights and fooWeights are two types; only their hint names need telling apart.
        CbGenRunResult run = RunClean(true, default,
            "using CbGen;\nnamespace Zoo { [ClassBalanced(Name = \"Foo\")] [ClassBalanced(Name = \"foo\", Loss = CbLoss.Focal)] public enum X { [Samples(20)] A, [Samples(10)] B } }");
        AssertUniqueHintNames(run);
        Assert.Empty(run.AnalyzerDiagnostics);
        Assert.Equal(4, run.Files.Length);
        Assert.Contains(Types(run), t => t == "Zoo.FooWeights");
        Assert.Contains(Types(run), t => t == "Zoo.fooWeights");
        Assert.Contains(Types(run), t => t == "Zoo.fooLoss");
    }

    [Fact]
    public void Configs_of_one_dataset_class_whose_names_differ_only_by_case_both_generate()
    {
        CbGenRunResult run = RunClean(false, GeneratorHarness.Files(("birds.csv", BirdsFile)),
            "using CbGen;\nnamespace Zoo { [ClassBalancedDataset(\"birds.csv\", Name = \"Foo\")] [ClassBalancedDataset(\"birds.csv\", Name = \"foo\", Loss = CbLoss.Focal)] public static partial class Birds; }");
        AssertUniqueHintNames(run);
        Assert.Empty(run.AnalyzerDiagnostics);
        Assert.Contains(Types(run), t => t == "Zoo.FooWeights");
        Assert.Contains(Types(run), t => t == "Zoo.fooWeights");
    }

    [Fact]
    public void A_dataset_split_over_two_partial_declarations_generates_as_one()
    {
        ImmutableArray<AdditionalText> files = GeneratorHarness.Files(("birds.csv", BirdsFile));
        CbGenRunResult split = RunClean(false, files,
            "using CbGen;\nnamespace Zoo { [ClassBalancedDataset(\"birds.csv\")] public static partial class Birds; }",
            "using CbGen;\nnamespace Zoo { [ClassBalancedDataset(\"birds.csv\", Loss = CbLoss.Focal)] public static partial class Birds; }");
        CbGenRunResult joined = RunClean(false, files,
            "using CbGen;\nnamespace Zoo { [ClassBalancedDataset(\"birds.csv\")] [ClassBalancedDataset(\"birds.csv\", Loss = CbLoss.Focal)] public static partial class Birds; }",
            "namespace Zoo { }");
        Assert.Equal(3, joined.Files.Length);
        Assert.Equal(joined.Files.Select(f => f.HintName + "\n" + f.Text), split.Files.Select(f => f.HintName + "\n" + f.Text));
    }

    [Fact]
    public void The_two_nested_Label_enums_give_CB010_and_other_diagnostics_survive()
    {
        const string source = """
            using CbGen;
            namespace Pets
            {
                public static class Cats { [ClassBalanced] public enum Label { [Samples(10)] Tabby, [Samples(3)] Siamese } }
                public static class Dogs { [ClassBalanced] public enum Label { [Samples(10)] Beagle, [Samples(3)] Poodle } }
                [ClassBalanced] public enum Birds { [Samples(10)] Crow, Sparrow }
            }
            """;
        CbGenRunResult run = RunClean(false, default, source);
        AssertClashes(run, 2, "LabelWeights");
        Assert.Contains(run.AnalyzerDiagnostics, d => d.Id == "CB001");
        Assert.Empty(run.Files);
    }

    [Theory]
    [InlineData("[ClassBalanced(Name = \"Shared\")] public enum A " + TwoClasses + " [ClassBalanced(Name = \"Shared\")] public enum B " + TwoClasses, 2, "SharedWeights")]
    [InlineData("[ClassBalanced(Name = \"Foo\\u200B\")] public enum A " + TwoClasses + " [ClassBalanced(Name = \"Foo\")] public enum B " + TwoClasses, 2, "FooWeights")]
    [InlineData("public static class A { [ClassBalancedSweep] public enum Label " + TwoClasses + " } public static class B { [ClassBalancedSweep] public enum Label " + TwoClasses + " }", 2, "LabelSweep")]
    [InlineData("[ClassBalancedSweep] public enum Label " + TwoClasses + " public sealed class LabelSweep { }", 1, "LabelSweep")]
    [InlineData("[ClassBalancedSweep] public enum Label " + TwoClasses + " public delegate void LabelSweepPoint();", 1, "LabelSweepPoint")]
    [InlineData("[ClassBalanced] public enum Label " + TwoClasses + " public partial struct LabelWeights { }", 1, "LabelWeights")]
    [InlineData("[ClassBalanced] internal enum Label " + TwoClasses + " public static partial class LabelWeights { }", 1, "LabelWeights")]
    [InlineData("[ClassBalanced] public enum Label " + TwoClasses + " public partial class LabelWeights : System.Object { }", 1, "LabelWeights")]
    [InlineData("[ClassBalanced] public enum LabelWeights " + TwoClasses + " [ClassBalanced(Name = \"Label\")] public enum Other " + TwoClasses, 1, "LabelWeights")]
    public void Clashing_generated_types_are_not_emitted_and_get_CB010(string declarations, int expected, string type)
    {
        CbGenRunResult run = RunClean(false, default, "using CbGen;\nnamespace C\n{\n" + declarations + "\n}\n");
        AssertClashes(run, expected, type);
    }

    [Fact]
    public void A_namespace_named_like_a_generated_type_clashes()
    {
        CbGenRunResult run = RunClean(false, default,
            "using CbGen;\nnamespace C { [ClassBalanced] public enum Label " + TwoClasses + " }\nnamespace C.LabelWeights { public static class Inner { } }");
        AssertClashes(run, 1, "LabelWeights");
    }

    [Fact]
    public void A_user_loss_type_clashes_only_when_losses_are_generated()
    {
        const string source = "using CbGen;\nnamespace C { [ClassBalanced] public enum Label { [Samples(10)] A, [Samples(3)] B } public sealed class LabelLoss { } }";
        AssertClashes(RunClean(true, default, source), 1, "LabelLoss");
        CbGenRunResult withoutTorch = RunClean(false, default, source);
        Assert.Empty(withoutTorch.GeneratorDiagnostics);
        Assert.Single(withoutTorch.Files);
    }

    [Theory]
    [InlineData("[ClassBalancedDataset(\"birds.csv\", Name = \"Foo\")] public static partial class Birds; public sealed class FooWeights { }", 1, "FooWeights")]
    [InlineData("[ClassBalancedDataset(\"birds.csv\")] public static partial class Birds; public enum BirdsWeights { X }", 1, "BirdsWeights")]
    [InlineData("[ClassBalancedDataset(\"birds.csv\")] public static partial class Birds; public static class Holder { [ClassBalanced(Name = \"Birds\")] public enum Label " + TwoClasses + " }", 2, "BirdsWeights")]
    public void Dataset_configs_clash_with_user_types_and_enum_configs(string declarations, int expected, string type)
    {
        CbGenRunResult run = RunClean(false, GeneratorHarness.Files(("birds.csv", BirdsFile)), "using CbGen;\nnamespace C\n{\n" + declarations + "\n}\n");
        AssertClashes(run, expected, type);
        Assert.Contains(run.Files, f => f.HintName == "C.Birds.Label.g.cs");
    }

    [Fact]
    public void A_generic_user_type_of_the_same_name_is_no_clash()
    {
        CbGenRunResult run = RunClean(false, default,
            "using CbGen;\nnamespace C { [ClassBalanced] public enum Label " + TwoClasses + " public sealed class LabelWeights<T> { } }");
        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.AnalyzerDiagnostics);
        Assert.Single(run.Files);
    }

    [Fact]
    public void A_partial_extension_with_a_matching_or_no_modifier_is_no_clash()
    {
        CbGenRunResult run = RunClean(false, default,
            "using CbGen;\nnamespace C { [ClassBalanced] internal enum Label " + TwoClasses + " static partial class LabelWeights { internal const int Extra = 1; } internal static partial class LabelWeights { } }");
        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Single(run.Files);
    }

    /// <summary>Runs and checks the promise: no error anywhere and no warning in a generated file (CB errors aside).</summary>
    internal static CbGenRunResult RunClean(bool torch, ImmutableArray<AdditionalText> files, params string[] sources)
    {
        CbGenRunResult run = GeneratorHarness.Run(torch, files.IsDefault ? ImmutableArray<AdditionalText>.Empty : files, sources);
        Assert.True(run.CompilationProblems().IsEmpty,
            "Compiler problems:\n" + string.Join("\n", run.CompilationProblems()) + "\nGenerator: " + run.DescribeDiagnostics());
        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Id is "CB900" or "CS8785");
        return run;
    }

    private static void AssertClashes(CbGenRunResult run, int expected, string type)
    {
        var clashes = run.GeneratorDiagnostics.Where(d => d.Id == "CB010").ToList();
        Assert.True(clashes.Count == expected, "Expected " + expected + " CB010 on " + type + "; got:\n" + run.DescribeDiagnostics());
        Assert.All(clashes, d => Assert.Contains("'" + type + "'", d.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal));
        Assert.All(clashes, d => Assert.Equal(DiagnosticSeverity.Error, d.Severity));
        Assert.All(clashes, d => Assert.NotEqual(Location.None, d.Location));
        Assert.DoesNotContain(Types(run), t => t.EndsWith("." + type, StringComparison.Ordinal));
    }

    private static void AssertUniqueHintNames(CbGenRunResult run)
    {
        Assert.Equal(run.Files.Length, run.Files.Select(f => f.HintName).Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.Empty(run.GeneratorDiagnostics);
    }

    /// <summary>The namespace-level types the generated files declare.</summary>
    private static string[] Types(CbGenRunResult run)
    {
        var generated = run.OutputCompilation.SyntaxTrees.Except(run.InputCompilation.SyntaxTrees).ToHashSet();
        return run.OutputCompilation.GetSymbolsWithName(_ => true, SymbolFilter.Type)
            .OfType<INamedTypeSymbol>()
            .Where(t => t.ContainingType is null && t.DeclaringSyntaxReferences.Any(r => generated.Contains(r.SyntaxTree)))
            .Select(t => t.ToDisplayString())
            .ToArray();
    }
}
