using System;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace CbGen.Generators.Tests;

/// <summary>Issue 11, items 4-8: hostile-but-legal code and counts files still give generated code that compiles
/// without errors or warnings (or a CB error that explains why nothing was generated).</summary>
public sealed class GeneratedCodeRobustnessTests
{
    private const string TwoClasses = "{ [Samples(10)] A, [Samples(3)] B }";
    private const string BirdsFile = "name,count\nsparrow,900\ncrow,90\n";

    [Theory]
    [InlineData("[System.Obsolete] [ClassBalanced(Loss = CbLoss.Focal)] [ClassBalancedSweep] public enum Label " + TwoClasses)]
    [InlineData("[System.Obsolete(\"old\", true)] [ClassBalanced] [ClassBalancedSweep] public enum Label " + TwoClasses)]
    [InlineData("[System.Obsolete(\"old\", DiagnosticId = \"OLD1\")] public static class Holder { [ClassBalanced] public enum Label " + TwoClasses + " }")]
    [InlineData("[System.Diagnostics.CodeAnalysis.Experimental(\"X\")] [ClassBalanced] [ClassBalancedSweep] public enum Label " + TwoClasses)]
    [InlineData("[System.Diagnostics.CodeAnalysis.Experimental(\"X\")] public static class Holder { [System.Obsolete] [ClassBalanced] public enum Label " + TwoClasses + " }")]
    public void Obsolete_or_experimental_enums_generate_code_that_compiles_cleanly(string declarations)
    {
        CbGenRunResult run = NameClashTests.RunClean(true, default, "using CbGen;\nnamespace C\n{\n" + declarations + "\n}\n");
        Assert.NotEmpty(run.Files);
        Assert.All(run.Files.Where(f => !f.HintName.EndsWith("Sweep.g.cs", StringComparison.Ordinal) || declarations.Contains("Sweep", StringComparison.Ordinal)),
            f => Assert.True(f.Text.Contains("[global::System.ObsoleteAttribute(", StringComparison.Ordinal)
                || f.Text.Contains("[global::System.Diagnostics.CodeAnalysis.ExperimentalAttribute(", StringComparison.Ordinal), f.HintName));
    }

    [Fact]
    public void An_obsolete_dataset_class_generates_code_that_compiles_cleanly()
    {
        CbGenRunResult run = NameClashTests.RunClean(true, GeneratorHarness.Files(("birds.csv", BirdsFile)),
            "using CbGen;\nnamespace C { [System.Obsolete(\"old\", true)] [ClassBalancedDataset(\"birds.csv\")] [ClassBalancedSweep] public static partial class Birds; }");
        Assert.Equal(4, run.Files.Length);
    }

    [Fact]
    public void A_type_named_var_in_scope_does_not_break_the_dataset_file()
    {
        CbGenRunResult run = NameClashTests.RunClean(false, GeneratorHarness.Files(("birds.csv", BirdsFile)),
            "using CbGen;\nnamespace Zoo { [ClassBalanced] public enum var " + TwoClasses + " [ClassBalancedDataset(\"birds.csv\")] public static partial class Birds; }");
        Assert.Equal(3, run.Files.Length);
        Assert.DoesNotContain("var ", run.File("Birds.Label.g.cs").Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_type_named_var_in_scope_does_not_break_the_ML_NET_helpers()
    {
        // Found by the random-program property test: the by-key estimator declared a local with 'var'.
        CbGenRunResult run = MlNetReferences.Run(false,
            "using CbGen;\nnamespace Zoo { public delegate void var(); [ClassBalanced] public enum Fruit " + TwoClasses + " }");
        run.AssertCompilesCleanly();
        GeneratedFile helpers = Assert.Single(run.Files, f => f.HintName.EndsWith("MlNet.g.cs", StringComparison.Ordinal));
        Assert.DoesNotContain("var ", helpers.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("s_names")]
    [InlineData("CbGenLabelsByName")]
    [InlineData("Map")]
    public void A_dataset_class_named_like_a_former_private_member_compiles(string name)
    {
        CbGenRunResult run = NameClashTests.RunClean(false, GeneratorHarness.Files(("birds.csv", BirdsFile)),
            "using CbGen;\nnamespace Zoo { [ClassBalancedDataset(\"birds.csv\")] public static partial class " + name + "; }");
        Assert.Equal(2, run.Files.Length);
    }

    [Theory]
    [InlineData("public static partial class __CbGenNames;")]
    [InlineData("public class Base { public const int ClassCount = 1; } [ClassBalancedDataset(\"birds.csv\")] public partial class Birds : Base { }")]
    [InlineData("public class Base { public static string[] Names = new string[0]; } [ClassBalancedDataset(\"birds.csv\")] public partial class Birds : Base { }")]
    [InlineData("[ClassBalancedDataset(\"birds.csv\")] public static partial class Birds { public const int ClassCount = 2; }")]
    [InlineData("[ClassBalancedDataset(\"birds.csv\")] public static partial class Birds { public static string Names => \"x\"; }")]
    [InlineData("[ClassBalancedDataset(\"birds.csv\")] public static partial class Birds { public enum Label { A } }")]
    [InlineData("[ClassBalancedDataset(\"birds.csv\")] public static partial class Birds { private static int ClassCount() => 2; }")]
    [InlineData("[ClassBalancedDataset(\"birds.csv\")] public static partial class Birds { internal static int NameOf; }")]
    [InlineData("[ClassBalancedDataset(\"birds.csv\")] public static partial class Birds { private static int __CbGenNames; }")]
    public void What_the_dataset_members_cannot_avoid_is_CB022(string declarations)
    {
        string source = "using CbGen;\nnamespace Zoo { " + (declarations.StartsWith("public static", StringComparison.Ordinal) ? "[ClassBalancedDataset(\"birds.csv\")] " : string.Empty) + declarations + " }";
        CbGenRunResult run = NameClashTests.RunClean(false, GeneratorHarness.Files(("birds.csv", BirdsFile)), source);
        Assert.Contains(run.AnalyzerDiagnostics, d => d.Id == "CB022");
        Assert.Empty(run.Files);
    }

    [Fact]
    public void An_overload_of_a_generated_method_is_not_a_clash()
    {
        CbGenRunResult run = NameClashTests.RunClean(false, GeneratorHarness.Files(("birds.csv", BirdsFile)),
            "using CbGen;\nnamespace Zoo { [ClassBalancedDataset(\"birds.csv\")] public static partial class Birds { public static string NameOf(int index) => Names[index]; public static bool TryGetLabel(int index, out Label label) { label = (Label)index; return index >= 0 && index < ClassCount; } } }");
        Assert.Equal(2, run.Files.Length);
        Assert.DoesNotContain(run.AnalyzerDiagnostics, d => d.Id == "CB022");
    }

    [Theory]
    [InlineData("we\nird.csv")]
    [InlineData("we\rird.csv")]
    [InlineData("we\u2028ird.csv")]
    [InlineData("we\u2029ird.csv")]
    [InlineData("we\u0085ird.csv")]
    [InlineData("x.csv\nnamespace Injected { public class Code { } }\n// ")]
    public void A_counts_file_path_never_ends_a_comment(string path)
    {
        string literal = "\"" + string.Concat(path.Select(c => c < 128 && !char.IsControl(c) && c != '"' && c != '\\'
            ? c.ToString() : "\\u" + ((int)c).ToString("X4", CultureInfo.InvariantCulture))) + "\"";
        CbGenRunResult run = NameClashTests.RunClean(false, GeneratorHarness.Files(("/project/" + path, BirdsFile)),
            "using CbGen;\nnamespace Zoo { [ClassBalancedDataset(" + literal + ")] public static partial class Birds; }");
        Assert.Equal(2, run.Files.Length);
        Assert.Null(run.OutputCompilation.GetTypeByMetadataName("Injected.Code"));
        Assert.All(run.Files, f => Assert.DoesNotContain(path, f.Text, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("bell\u0007")]
    [InlineData("x</c><summary>y")]
    [InlineData("q\"/// </summary> public static int Injected = 1; ///")]
    public void A_class_name_never_breaks_a_doc_comment(string name)
    {
        string file = "name,count\n\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\",900\ncrow,90\n";
        CbGenRunResult run = NameClashTests.RunClean(false, GeneratorHarness.Files(("birds.csv", file)),
            "using CbGen;\nnamespace Zoo { [ClassBalancedDataset(\"birds.csv\")] public static partial class Birds; }");
        Assert.Equal(2, run.Files.Length);
        Assert.DoesNotContain(run.OutputCompilation.GetSymbolsWithName("Injected"), _ => true);
    }

    /// <summary>Bidi controls, zero-width and other invisible characters (Trojan Source), as UTF-16 text.</summary>
    public static TheoryData<string> HiddenCharacters() => new()
    {
        "\u202E", "\u2066", "\u2069", "\u200B", "\u200D", "\uFEFF", "\u00AD", "\u00A0", "\u3164", "\uFE0F", "\U000E0041",
    };

    [Theory]
    [MemberData(nameof(HiddenCharacters))]
    public void A_label_never_puts_a_hidden_character_raw_into_the_generated_code(string hidden)
    {
        string escaped = string.Concat(hidden.EnumerateRunes().Select(r => r.Value > 0xFFFF
            ? "\\U" + r.Value.ToString("X8", CultureInfo.InvariantCulture) : "\\u" + r.Value.ToString("X4", CultureInfo.InvariantCulture)));
        CbGenRunResult run = MlNetReferences.Run(false,
            "using CbGen;\nnamespace Zoo { [ClassBalanced] public enum Fruit { [Samples(10, Label = \"a" + escaped + "b\")] A, [Samples(3)] B } }");
        run.AssertCompilesCleanly();
        GeneratedFile helpers = Assert.Single(run.Files, f => f.HintName.EndsWith("MlNet.g.cs", StringComparison.Ordinal));
        string literal = string.Concat(hidden.EnumerateRunes().Select(r => r.Value > 0xFFFF
            ? "\\U" + r.Value.ToString("x8", CultureInfo.InvariantCulture) : "\\u" + r.Value.ToString("x4", CultureInfo.InvariantCulture)));
        Assert.Contains("\"a" + literal + "b\"", helpers.Text, StringComparison.Ordinal);
        Assert.All(run.Files, f => Assert.DoesNotContain(hidden, f.Text, StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(HiddenCharacters))]
    public void A_counts_file_name_or_path_never_puts_a_hidden_character_raw_into_the_generated_code(string hidden)
    {
        string path = "bi" + hidden + "rds.csv";
        string literal = "\"" + string.Concat(path.EnumerateRunes().Select(r => r.Value < 128
            ? r.ToString() : "\\U" + r.Value.ToString("X8", CultureInfo.InvariantCulture))) + "\"";
        CbGenRunResult run = NameClashTests.RunClean(false, GeneratorHarness.Files(("/project/" + path, "name,count\n\"spar" + hidden + "row\",900\ncrow,90\n")),
            "using CbGen;\nnamespace Zoo { [ClassBalancedDataset(" + literal + ")] public static partial class Birds; }");
        Assert.Equal(2, run.Files.Length);
        Assert.All(run.Files, f => Assert.DoesNotContain(hidden, f.Text, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("a,12abc", "12abc")]
    [InlineData("a,\" 5\"", " 5")]
    [InlineData("a,\u0665", "\u0665")]
    [InlineData("a,5.0", "5.0")]
    public void CB019_says_not_a_whole_number(string row, string count)
    {
        ImmutableArray<AdditionalText> files = GeneratorHarness.Files(("birds.csv", "name,count\ncrow,90\n" + row + "\n"));
        CbGenRunResult run = GeneratorHarness.Run(false, files,
            "using CbGen;\nnamespace Zoo { [ClassBalancedDataset(\"birds.csv\")] public static partial class Birds; }");
        Diagnostic cb019 = Assert.Single(run.GeneratorDiagnostics, d => d.Id == "CB019");
        string message = cb019.GetMessage(CultureInfo.InvariantCulture);
        Assert.Contains("'" + count + "'", message, StringComparison.Ordinal);
        Assert.Contains("is not a whole number", message, StringComparison.Ordinal);
    }

    [Fact]
    public void CB019_says_too_large_only_for_whole_numbers_beyond_long()
    {
        ImmutableArray<AdditionalText> files = GeneratorHarness.Files(("birds.csv", "name,count\ncrow,90\na,99999999999999999999\n"));
        CbGenRunResult run = GeneratorHarness.Run(false, files,
            "using CbGen;\nnamespace Zoo { [ClassBalancedDataset(\"birds.csv\")] public static partial class Birds; }");
        Diagnostic cb019 = Assert.Single(run.GeneratorDiagnostics, d => d.Id == "CB019");
        Assert.Contains("is too large", cb019.GetMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    [Fact]
    public void A_header_whose_count_column_starts_with_a_digit_is_still_a_header()
    {
        CbGenRunResult run = NameClashTests.RunClean(false, GeneratorHarness.Files(("birds.csv", "name,2019 count\nsparrow,900\ncrow,90\n")),
            "using CbGen;\nnamespace Zoo { [ClassBalancedDataset(\"birds.csv\")] public static partial class Birds; }");
        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Contains("public const int ClassCount = 2;", run.File("Birds.Label.g.cs").Text, StringComparison.Ordinal);
    }
}
