using System;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace CbGen.Generators.Tests;

/// <summary>How the <c>[Obsolete]</c> and <c>[Experimental]</c> attributes of an enum, or of the nearest containing
/// type that has one, are written onto every generated type: the exact attribute lines, and that the program still
/// compiles without warnings in the generated files.</summary>
public sealed class CopiedAttributeTests
{
    private const string Members = " { [Samples(10)] A, [Samples(3)] B }";
    private const string Obsolete = "[global::System.ObsoleteAttribute(";
    private const string Experimental = "[global::System.Diagnostics.CodeAnalysis.ExperimentalAttribute(";

    [Theory]
    [InlineData("[System.Obsolete]", Obsolete + ")]")]
    [InlineData("[System.Obsolete(\"use \\\"New\\\"\\n\")]", Obsolete + "\"use \\\"New\\\"\\n\")]")]
    [InlineData("[System.Obsolete(\"old\", true)]", Obsolete + "\"old\", true)]")]
    [InlineData("[System.Obsolete(null, false)]", Obsolete + "null, false)]")]
    [InlineData("[System.Obsolete(\"old\", DiagnosticId = \"OLD1\", UrlFormat = \"docs/{0}\")]",
        Obsolete + "\"old\", DiagnosticId = \"OLD1\", UrlFormat = \"docs/{0}\")]")]
    [InlineData("[System.Obsolete(error: false, message: \"old\")]", Obsolete + "\"old\", false)]")]
    [InlineData("[System.Diagnostics.CodeAnalysis.Experimental(\"CBX1\")]", Experimental + "\"CBX1\")]")]
    [InlineData("[System.Diagnostics.CodeAnalysis.Experimental(\"CBX1\", UrlFormat = \"docs/{0}\")]",
        Experimental + "\"CBX1\", UrlFormat = \"docs/{0}\")]")]
    public void The_attribute_of_the_enum_is_written_with_its_arguments_on_every_generated_type(string attribute, string line)
    {
        CbGenRunResult run = RunClean(attribute + " [ClassBalanced] public enum Label" + Members);
        AssertCopied(run, line);
    }

    [Theory]
    [InlineData("[System.Obsolete(\"outer\")] public static class Holder { [ClassBalanced] public enum Label" + Members + " }",
        Obsolete + "\"outer\")]")]
    [InlineData("[System.Obsolete(\"outer\")] public static class Holder { public static class Middle { [ClassBalanced] public enum Label"
        + Members + " } }", Obsolete + "\"outer\")]")]
    [InlineData("[System.Diagnostics.CodeAnalysis.Experimental(\"CBX2\")] public static class Holder { [ClassBalanced] public enum Label"
        + Members + " }", Experimental + "\"CBX2\")]")]
    public void The_attribute_of_a_containing_type_is_written_when_the_enum_has_none(string declarations, string line)
    {
        AssertCopied(RunClean(declarations), line);
    }

    [Fact]
    public void The_enums_own_attribute_wins_over_a_containing_types()
    {
        CbGenRunResult run = RunClean("[System.Obsolete(\"outer\", true)] public static class Holder { [System.Obsolete(\"inner\")] [ClassBalanced] "
            + "public enum Label" + Members + " }");
        AssertCopied(run, Obsolete + "\"inner\")]");
    }

    [Theory]
    [InlineData("[System.Obsolete(\"old\")] [System.Diagnostics.CodeAnalysis.Experimental(\"CBX3\")] [ClassBalanced] public enum Label" + Members)]
    [InlineData("[System.Diagnostics.CodeAnalysis.Experimental(\"CBX3\")] public static class Holder { [System.Obsolete(\"old\")] [ClassBalanced] "
        + "public enum Label" + Members + " }")]
    public void Obsolete_and_experimental_together_write_Obsolete_and_disable_the_experimental_id(string declarations)
    {
        // A type has one obsolete state: [Obsolete] it is, and a pragma silences the experimental diagnostic.
        AssertCopied(RunClean(declarations), "#pragma warning disable CBX3", Obsolete + "\"old\")]");
    }

    [Fact]
    public void An_experimental_id_that_is_no_identifier_gets_no_pragma()
    {
        // "#pragma warning disable CB-X" would not parse; the obsolete type's uses of the enum are exempt anyway.
        CbGenRunResult run = CbGenRunner.Run(GeneratorHarness.CreateCompilation(true, Source(
            "[System.Obsolete(\"old\")] [System.Diagnostics.CodeAnalysis.Experimental(\"CB-X 1\")] [ClassBalanced] public enum Label" + Members)));
        Assert.Empty(run.GeneratorDiagnostics);
        AssertCopied(run, Obsolete + "\"old\")]");
    }

    [Fact]
    public void An_experimental_attribute_without_its_id_copies_only_Obsolete()
    {
        // The compiler reports the missing argument (CS7036); the generator neither fails nor invents an id.
        CbGenRunResult run = CbGenRunner.Run(GeneratorHarness.CreateCompilation(true, Source(
            "[System.Obsolete(\"old\")] [System.Diagnostics.CodeAnalysis.Experimental] [ClassBalanced] public enum Label" + Members)));
        Assert.Contains(run.OutputCompilation.GetDiagnostics(), d => d.Id == "CS7036");
        Assert.Empty(run.GeneratorDiagnostics);
        AssertCopied(run, Obsolete + "\"old\")]");
    }

    [Theory]
    [InlineData("[System.Obsolete(Missing)]", "CS0103")]
    [InlineData("[System.Obsolete(Missing, true)]", "CS0103")]
    [InlineData("[System.Obsolete(1)]", "CS1503")]
    [InlineData("[System.Diagnostics.CodeAnalysis.Experimental]", "CS7036")]
    [InlineData("[System.Diagnostics.CodeAnalysis.Experimental(Missing)]", "CS0103")]
    public void An_attribute_that_does_not_bind_is_not_copied(string attribute, string error)
    {
        // The compiler reports the user's error and binds no constructor: the enum is not obsolete (or experimental)
        // for it. A copy without the arguments ([Obsolete()], [Experimental()]) would make every use of the generated
        // types warn CS0612 where the enum's uses do not, or repeat the error in each generated file.
        CbGenRunResult run = RunWithUse(attribute + " [ClassBalanced] public enum Label" + Members);
        Assert.Equal(new[] { error }, Problems(run).Select(d => d.Id).Distinct());
        Assert.All(Problems(run), d => Assert.Equal("Source0.cs", d.Location.SourceTree?.FilePath));
        Assert.Empty(run.GeneratorDiagnostics);
        AssertCopied(run);
    }

    [Fact]
    public void An_attribute_that_does_not_bind_leaves_the_containing_types_in_effect()
    {
        // The enum is obsolete through its containing type, so the generated types (at namespace level) copy that one.
        CbGenRunResult run = CbGenRunner.Run(GeneratorHarness.CreateCompilation(true, Source(
            "[System.Obsolete(\"outer\")] public static class Holder { [System.Obsolete(Missing)] [ClassBalanced] public enum Label" + Members + " }")));
        Assert.Equal(new[] { "CS0103" }, Problems(run).Select(d => d.Id));
        AssertCopied(run, Obsolete + "\"outer\")]");
    }

    [Theory]
    [InlineData("typeof(int)")]
    [InlineData("System.DayOfWeek.Monday")]
    [InlineData("2")]
    [InlineData("new[] { \"a\", \"b\" }")]
    public void An_experimental_polyfill_whose_argument_cannot_be_written_back_is_suppressed_in_the_generated_files(string argument)
    {
        // A project's own ExperimentalAttribute (a polyfill) may take a type, an enum, a number or an array, which the
        // generator does not write back (an array's Value throws). The compiler then reports each use of the enum as
        // CS9204, an error the generated files suppress so that the program still builds.
        const string Polyfill = "namespace System.Diagnostics.CodeAnalysis\n{\n    [System.AttributeUsage(System.AttributeTargets.All)]\n"
            + "    public sealed class ExperimentalAttribute : System.Attribute\n    {\n"
            + "        public ExperimentalAttribute(System.Type type) { }\n        public ExperimentalAttribute(System.DayOfWeek day) { }\n"
            + "        public ExperimentalAttribute(int level) { }\n        public ExperimentalAttribute(string[] tags) { }\n    }\n}\n";
        CbGenRunResult run = CbGenRunner.Run(GeneratorHarness.CreateCompilation(true, Source(
            "[System.Diagnostics.CodeAnalysis.Experimental(" + argument + ")] [ClassBalanced] public enum Label" + Members) + Polyfill));
        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.AnalyzerDiagnostics);
        Assert.DoesNotContain(run.OutputCompilation.GetDiagnostics(), d => d.Severity == DiagnosticSeverity.Error);
        Assert.All(run.Files, file => Assert.Contains("#pragma warning disable CS9204", file.Text.Split('\n').Select(l => l.Trim())));
        Assert.All(run.Files, file => Assert.DoesNotContain(Experimental, file.Text, StringComparison.Ordinal));
    }

    [Fact]
    public void An_experimental_polyfill_with_an_id_and_an_argument_that_cannot_be_written_back_suppresses_its_id()
    {
        // The id is a string the compiler reads (its diagnostics carry it); a Type-valued named argument keeps the
        // attribute from being copied, so the generated files suppress that id, next to a copied [Obsolete].
        const string Polyfill = "namespace System.Diagnostics.CodeAnalysis\n{\n    [System.AttributeUsage(System.AttributeTargets.All)]\n"
            + "    public sealed class ExperimentalAttribute : System.Attribute\n    {\n"
            + "        public ExperimentalAttribute(string diagnosticId) { }\n        public System.Type? Kind { get; set; }\n    }\n}\n";
        CbGenRunResult run = CbGenRunner.Run(GeneratorHarness.CreateCompilation(true, Source(
            "[System.Obsolete(\"old\")] [System.Diagnostics.CodeAnalysis.Experimental(\"X1\", Kind = typeof(int))] [ClassBalanced] public enum Label"
            + Members) + Polyfill));
        Assert.Empty(run.GeneratorDiagnostics);
        Assert.DoesNotContain(run.OutputCompilation.GetDiagnostics(), d => d.Severity == DiagnosticSeverity.Error);
        Assert.All(run.Files, file => Assert.Equal(new[] { "#pragma warning disable X1", Obsolete + "\"old\")]" },
            file.Text.Split('\n').Select(l => l.Trim())
                .Where(l => l.StartsWith("#pragma warning disable", StringComparison.Ordinal) && !l.Contains("CS", StringComparison.Ordinal)
                    || l.StartsWith(Obsolete, StringComparison.Ordinal) || l.StartsWith(Experimental, StringComparison.Ordinal))));
    }

    private static string Source(string declarations) => "using CbGen;\nnamespace C\n{\n" + declarations + "\n}\n";

    private static CbGenRunResult RunClean(string declarations)
    {
        CbGenRunResult run = CbGenRunner.Run(GeneratorHarness.CreateCompilation(true, Source(declarations)));
        run.AssertCompilesCleanly();
        return run;
    }

    /// <summary>Runs <paramref name="declarations"/> with a class that uses the enum and its generated weights, outside
    /// any obsolete context, so that a generated type the enum's state does not make obsolete shows as a warning.</summary>
    private static CbGenRunResult RunWithUse(string declarations) =>
        CbGenRunner.Run(GeneratorHarness.CreateCompilation(true, Source(declarations
            + "\npublic static class User { public static double W() => LabelWeights.AWeight; }")));

    /// <summary>The errors and warnings of the program, except the test compilation's own (references, XML docs).</summary>
    private static Diagnostic[] Problems(CbGenRunResult run) =>
        run.OutputCompilation.GetDiagnostics()
            .Where(d => d.Severity >= DiagnosticSeverity.Warning && d.Id is not ("CS1701" or "CS1591"))
            .ToArray();

    /// <summary>Asserts that each generated type (the weights and the loss) is preceded by exactly <paramref name="lines"/>
    /// of copied attributes and pragmas.</summary>
    private static void AssertCopied(CbGenRunResult run, params string[] lines)
    {
        Assert.Equal(new[] { "LabelLoss.g.cs", "LabelWeights.g.cs" },
            run.Files.Select(f => f.HintName.Split('.')[^3] + ".g.cs").OrderBy(n => n, StringComparer.Ordinal));
        Assert.All(run.Files, file => Assert.Equal(lines, file.Text.Split('\n').Select(l => l.Trim())
            .Where(l => l.StartsWith("#pragma warning disable CB", StringComparison.Ordinal)
                || l.StartsWith(Obsolete, StringComparison.Ordinal) || l.StartsWith(Experimental, StringComparison.Ordinal))));
    }
}
