extern alias gen;

using System.Globalization;
using System.Linq;
using gen::CbGen.Generators;
using Microsoft.CodeAnalysis;

namespace CbGen.Generators.Tests;

/// <summary>The data labels of the classes, <c>[Samples(n, Label = "…")]</c> or else the member name: a blank Label
/// (CB065), two classes with one label (CB064), and a Label without <c>[ClassBalanced]</c> (CB009, as any [Samples]).</summary>
public sealed partial class DiagnosticTests
{
    [Fact]
    public void CB064_two_members_with_the_same_Label()
    {
        CbGenRunResult run = Check(DiagnosticDescriptors.DuplicateLabel,
            "[ClassBalanced]\npublic enum Label { [Samples(10, Label = \"pickup truck\")] A, [Samples(3, [|Label = \"pickup truck\"|])] B, [Samples(2)] C }\n",
            "[ClassBalanced]\npublic enum Label { [Samples(10, Label = \"pickup truck\")] A, [Samples(3, Label = \"pickup_truck\")] B, [Samples(2)] C }\n");
        Assert.Equal(
            "Member 'B' has Label = \"pickup truck\", which is already the Label of member 'A'; a data label must name one class: change this Label to the class's own label in the data, or remove it",
            Message(run, "CB064"));
    }

    [Fact]
    public void CB064_a_Label_that_is_another_members_name_before_or_after_it()
    {
        // The squiggle is on the Label either way: the member names are distinct, so the Label makes the clash.
        CbGenRunResult after = Check(DiagnosticDescriptors.DuplicateLabel,
            "[ClassBalanced]\npublic enum Label { [Samples(10)] Bus, [Samples(3, [|Label = \"Bus\"|])] Car, [Samples(2)] Van }\n",
            "[ClassBalanced]\npublic enum Label { [Samples(10)] Bus, [Samples(3, Label = \"car\")] Car, [Samples(2)] Van }\n");
        Assert.Contains("Member 'Car' has Label = \"Bus\", which is already the name of member 'Bus', its label without a Label;",
            Message(after, "CB064"), System.StringComparison.Ordinal);

        CbGenRunResult before = Check(DiagnosticDescriptors.DuplicateLabel,
            "[ClassBalanced]\npublic enum Label { [Samples(10, [|Label = \"Van\"|])] Bus, [Samples(3)] Car, [Samples(2)] Van }\n",
            "[ClassBalanced]\npublic enum Label { [Samples(10, Label = \"bus\")] Bus, [Samples(3)] Car, [Samples(2)] Van }\n");
        Assert.Contains("Member 'Bus' has Label = \"Van\", which is already the name of member 'Van', its label without a Label;",
            Message(before, "CB064"), System.StringComparison.Ordinal);
    }

    [Fact]
    public void CB064_labels_are_compared_exactly_and_a_members_own_name_is_fine()
    {
        CbGenRunResult run = GeneratorHarness.Run(withTorchSharp: false, Prelude
            + "[ClassBalanced]\npublic enum Label { [Samples(10, Label = \"A\")] A, [Samples(3, Label = \"a\")] B, [Samples(2, Label = \"A \")] C }\n");
        Assert.Empty(run.AnalyzerDiagnostics);
        run.AssertCompilesCleanly();
    }

    [Fact]
    public void CB064_on_a_sweep_only_enum()
    {
        Check(DiagnosticDescriptors.DuplicateLabel,
            "[ClassBalancedSweep]\npublic enum Label { [Samples(10, Label = \"x\")] A, [Samples(3, [|Label = \"x\"|])] B }\n",
            "[ClassBalancedSweep]\npublic enum Label { [Samples(10, Label = \"x\")] A, [Samples(3, Label = \"y\")] B }\n");
    }

    [Theory]
    [InlineData("\"\"", "\"\"")]
    [InlineData("\" \"", "\" \"")]
    [InlineData("\"\\t\\n\"", "\"\\u0009\\n\"")]
    [InlineData("\"\\u00a0\"", "\"\\u00a0\"")]
    [InlineData("\"\\u200B\"", "\"\\u200b\"")]
    [InlineData("\"\\uFEFF\"", "\"\\ufeff\"")]
    [InlineData("\" \\u2066\\u2069 \"", "\" \\u2066\\u2069 \"")]
    [InlineData("\"\\U000E0041\"", "\"\\U000e0041\"")]
    public void CB065_an_empty_or_blank_Label(string literal, string shown)
    {
        CbGenRunResult run = Check(DiagnosticDescriptors.EmptyLabel,
            "[ClassBalanced]\npublic enum Label { [Samples(10)] A, [Samples(3, [|Label = " + literal + "|])] B }\n",
            "[ClassBalanced]\npublic enum Label { [Samples(10)] A, [Samples(3, Label = \"b\")] B }\n");
        Assert.Equal(
            "Member 'B' has Label = " + shown + "; a data label holds at least one visible character, not only white space or invisible characters such as U+200B or U+FEFF: write the class's label as the data has it, or remove Label to use the member name",
            Message(run, "CB065"));
    }

    [Fact]
    public void CB009_a_Label_without_ClassBalanced_is_a_Samples_like_any_other()
    {
        // Nothing is generated, so not even a blank Label is checked: CB009 alone says what is missing.
        CbGenRunResult run = Check(DiagnosticDescriptors.SamplesWithoutConfig,
            "public enum Label { [[|Samples(10, Label = \" \")|]] A, B }\n",
            "[ClassBalanced]\npublic enum Label { [Samples(10, Label = \"a\")] A, [Samples(3)] B }\n");
        Assert.Equal(new[] { "CB009" }, run.AnalyzerDiagnostics.Select(d => d.Id));
    }

    private static string Message(CbGenRunResult run, string id) =>
        run.AnalyzerDiagnostics.Single(d => d.Id == id).GetMessage(CultureInfo.InvariantCulture);
}
