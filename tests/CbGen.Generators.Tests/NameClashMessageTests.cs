using System;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace CbGen.Generators.Tests;

/// <summary>What CB010 says took a generated name (a user class, struct or namespace, qualified by its namespace, or
/// another config), where (a namespace or the global one) and why a partial extension does not fit; and how hint
/// names that differ only by case are numbered. <see cref="NameClashTests"/> checks what is (not) emitted.</summary>
public sealed class NameClashMessageTests
{
    private const string TwoClasses = "{ [Samples(10)] A, [Samples(3)] B }";

    [Theory]
    [InlineData("namespace C { [ClassBalanced] public enum Label " + TwoClasses + " public sealed class LabelWeights { } }",
        "'LabelWeights' in namespace C is already taken by the class 'C.LabelWeights' declared in your code (only a 'static partial class' without a base type can extend the generated one);")]
    [InlineData("[ClassBalanced] public enum Label " + TwoClasses + " public partial struct LabelWeights { }",
        "'LabelWeights' in the global namespace is already taken by the struct 'LabelWeights' declared in your code (only a 'static partial class' without a base type can extend the generated one);")]
    [InlineData("namespace C { [ClassBalanced] public enum Label " + TwoClasses + " }\nnamespace C.LabelWeights { public static class Inner { } }",
        "'LabelWeights' in namespace C is already taken by the namespace 'C.LabelWeights' declared in your code;")]
    [InlineData("namespace C { [ClassBalanced] internal enum Label " + TwoClasses + " public static partial class LabelWeights { } }",
        "taken by the class 'C.LabelWeights' declared in your code (declared 'public' but the generated part is 'internal', like the enum; drop the modifier or make it 'internal');")]
    [InlineData("namespace C { [ClassBalanced] public enum Label " + TwoClasses + " internal static partial class LabelWeights { } }",
        "taken by the class 'C.LabelWeights' declared in your code (declared 'internal' but the generated part is 'public', like the enum; drop the modifier or make it 'public');")]
    public void CB010_names_what_took_the_name_and_where(string source, string expected)
    {
        CbGenRunResult run = NameClashTests.RunClean(false, default, "using CbGen;\n" + source + "\n");
        Diagnostic clash = Assert.Single(run.GeneratorDiagnostics, d => d.Id == "CB010");
        string message = clash.GetMessage(CultureInfo.InvariantCulture);
        Assert.True(message.Contains(expected, StringComparison.Ordinal), "CB010 said: " + message);
    }

    [Fact]
    public void CB010_between_configs_names_the_first_other_enum()
    {
        CbGenRunResult run = NameClashTests.RunClean(false, default, "using CbGen;\nnamespace C { [ClassBalanced(Name = \"Foo\")] public enum A "
            + TwoClasses + " [ClassBalanced(Name = \"Foo\")] public enum B " + TwoClasses + " [ClassBalanced(Name = \"Foo\")] public enum C2 " + TwoClasses + " }");
        // In source order A, B, C2: each names the first other config that claims the name.
        string[] messages = run.GeneratorDiagnostics.Where(d => d.Id == "CB010").OrderBy(d => d.Location.SourceSpan.Start)
            .Select(d => d.GetMessage(CultureInfo.InvariantCulture)).ToArray();
        Assert.Equal(3, messages.Length);
        string[] others = { "B", "A", "A" };
        for (int i = 0; i < 3; i++)
        {
            Assert.Contains("'FooWeights' in namespace C is already taken by a config of the enum 'C." + others[i] + "';", messages[i], StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_namespace_and_a_name_that_join_to_the_same_text_are_no_clash()
    {
        // N.XLabelWeights and NX.LabelWeights: the namespace and the name are kept apart when names are compared.
        CbGenRunResult run = NameClashTests.RunClean(false, default,
            "using CbGen;\nnamespace N { [ClassBalanced] public enum XLabel " + TwoClasses + " }\nnamespace NX { [ClassBalanced] public enum Label " + TwoClasses + " }");
        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Equal(2, run.Files.Length);
    }

    [Fact]
    public void Hint_names_equal_but_for_case_are_numbered_in_ordinal_order()
    {
        // Declared in another order than the ordinal one (LABEL < Label < label): the first in ordinal order keeps
        // its hint name, the next ones get .2 and .3.
        CbGenRunResult run = NameClashTests.RunClean(false, default,
            "using CbGen;\nnamespace Zoo { [ClassBalanced] public enum label " + TwoClasses + " [ClassBalanced] public enum Label "
            + TwoClasses + " [ClassBalanced] public enum LABEL " + TwoClasses + " }");
        Assert.Empty(run.GeneratorDiagnostics);
        string HintOf(string type) => Assert.Single(run.Files, f => f.Text.Contains("class " + type + "Weights", StringComparison.Ordinal)).HintName;
        string first = HintOf("LABEL");
        Assert.EndsWith(".g.cs", first, StringComparison.Ordinal);
        string stem = first.Substring(0, first.Length - ".g.cs".Length);
        Assert.DoesNotContain(".2", first, StringComparison.Ordinal);
        Assert.Equal(stem.Replace("LABEL", "Label", StringComparison.Ordinal) + ".2.g.cs", HintOf("Label"));
        Assert.Equal(stem.Replace("LABEL", "label", StringComparison.Ordinal) + ".3.g.cs", HintOf("label"));
    }
}
