extern alias gen;

using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Text;
using gen::CbGen.Generators;
using Microsoft.CodeAnalysis;
using static CbGen.Generators.Tests.DiagnosticText;

namespace CbGen.Generators.Tests;

/// <summary>What the checks of a <c>[ClassBalancedDataset]</c> class and its counts file say, whole message and
/// location: each reason the class cannot be a label set (CB022), the counts file's name, the class names, zero and
/// overflowing counts. (The multi-label N messages are in DatasetDiagnosticMessageTests.MultiLabel.cs.)</summary>
public sealed partial class DatasetDiagnosticMessageTests
{
    private const string Prelude = "using CbGen;\n\nnamespace Tests;\n\n";
    private const string Attribute = "[ClassBalancedDataset(\"labels.csv\")]\n";
    private const string Rows = "cat,900\ndog,10\n";

    /// <summary>The public members the generator adds, as CB022 lists them (then the two private ones).</summary>
    private const string PublicMembers = "Label, ClassCount, Names, NameOf, TryGetLabel";

    public static TheoryData<string, string, string> InvalidClasses => new()
    {
        { "public partial class Outer\n{\n    " + Attribute + "    public partial class Inner;\n}\n", "Tests.Outer.Inner",
            "it is nested in 'Tests.Outer'; declare it at namespace level" },
        { Attribute + "public partial class Names;\n", "Tests.Names",
            "its name is one of the members the generator adds to it (" + PublicMembers + ", __CbGenNames, __CbGenLabelsByName); rename the class" },
        { "public class Base { public static int Names => 0; }\n" + Attribute + "public partial class Set : Base;\n", "Tests.Set",
            "its base type 'Tests.Base' has a member 'Names' that the generated one would hide; rename that member or do not derive from it" },
        { Attribute + "public partial class Set<T>;\n", "Tests.Set<T>", "it is generic; a label set is a plain (optionally static) partial class" },
        { Attribute + "file partial class Set;\n", "Tests.Set", "it is file-local; the generated types in other files could not name it" },
        { Attribute + "public partial record Set;\n", "Tests.Set", "it is a record; a label set is a plain (optionally static) partial class" },
        { Attribute + "public class Set;\n", "Tests.Set",
            "it is not partial; declare it 'partial' so the generator can add the Label enum and the names" },
        { Attribute + "public partial class Set { public static int ClassCount => 2; }\n", "Tests.Set",
            "it declares a member 'ClassCount' that the generator adds to it (" + PublicMembers + "); rename that member" },
    };

    [Theory]
    [MemberData(nameof(InvalidClasses))]
    public void An_invalid_dataset_class_names_itself_and_the_reason_on_its_name(string declaration, string display, string reason)
    {
        CbGenRunResult run = RunDataset(declaration, Rows);
        Diagnostic invalid = Assert.Single(All(run), d => d.Id == DiagnosticDescriptors.InvalidDatasetClass.Id);
        Assert.Equal(Expected(DiagnosticDescriptors.InvalidDatasetClass, display, reason), Message(invalid));
        Assert.Equal(display.Split('<')[0].Split('.')[^1], Located(invalid));
        Assert.Empty(run.Files);
    }

    [Fact]
    public void A_private_base_member_is_not_hidden_and_a_base_without_one_is_fine()
    {
        // Only a member the derived class could see clashes with the generated one.
        foreach (string baseType in new[] { "public class Base { private static int Names => 0; }\n", "public class Base { public static int Other => 0; }\n" })
        {
            CbGenRunResult run = RunDataset(baseType + Attribute + "public partial class Set : Base;\n", Rows);
            Assert.Empty(All(run));
            Assert.Contains(run.Files, f => f.HintName.EndsWith("Set.Label.g.cs", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Configs_naming_different_counts_files_name_both_on_the_second_and_generate_nothing()
    {
        CbGenRunResult run = RunDataset(
            Attribute + "[ClassBalancedDataset(\"other.csv\", Name = \"Other\")]\npublic partial class Set;\n", Rows, ("other.csv", Rows));
        Diagnostic invalid = Assert.Single(All(run));
        Assert.Equal(Expected(DiagnosticDescriptors.InvalidDatasetClass, "Tests.Set",
            "its configs name different counts files ('labels.csv' and 'other.csv'); one class is one label set: use one file, or one class per file"),
            Message(invalid));
        Assert.Equal("\"other.csv\"", Located(invalid));
        // The whole class is invalid, not only the second config.
        Assert.Empty(run.Files);
    }

    [Fact]
    public void A_config_without_a_readable_file_name_is_not_a_second_file()
    {
        CbGenRunResult run = RunDataset(Attribute + "[ClassBalancedDataset(null, Name = \"Other\")]\npublic partial class Set;\n", Rows);
        Assert.DoesNotContain(All(run), d => d.Id == DiagnosticDescriptors.InvalidDatasetClass.Id);
    }

    [Fact]
    public void An_empty_counts_file_name_names_the_fix_on_the_argument()
    {
        CbGenRunResult run = RunDataset("[ClassBalancedDataset(\"\")]\npublic partial class Set;\n", Rows);
        Diagnostic invalid = Assert.Single(All(run));
        Assert.Equal(Expected(DiagnosticDescriptors.InvalidDatasetClass, "Tests.Set",
            "the counts file name is empty; name the file passed as <AdditionalFiles>"), Message(invalid));
        Assert.Equal("\"\"", Located(invalid));
        Assert.Empty(run.Files);
    }

    [Fact]
    public void A_file_with_one_class_names_the_label_enum_and_the_file()
    {
        Diagnostic few = Assert.Single(All(RunDataset(Attribute + "public partial class Set;\n", "cat,900\n")));
        Assert.Equal(Expected(DiagnosticDescriptors.TooFewClasses, "Set.Label (labels.csv)", "1"), Message(few));
        Assert.Equal(0, Line(few));
    }

    [Fact]
    public void A_class_name_too_long_for_its_weight_property_names_the_line()
    {
        // {Name}Weight is 1,024 bytes; the name alone (1,018) would fit.
        string name = "A" + new string('x', 1017);
        CbGenRunResult run = RunDataset(Attribute + "public partial class Set;\n", "cat,900\n" + name + ",10\n");
        Assert.Empty(run.Files);
        Diagnostic named = Assert.Single(All(run));
        string weight = name + "Weight";
        Assert.Equal(Expected(DiagnosticDescriptors.NameTooLong, weight.Substring(0, 24) + "…" + weight.Substring(weight.Length - 24),
            Encoding.UTF8.GetByteCount(weight).ToString(CultureInfo.InvariantCulture), "the class name on line 2"), Message(named));
        Assert.Equal(1, Line(named));
    }

    [Fact]
    public void Zero_counts_are_reported_once_per_row_with_the_fix_of_a_loss_that_needs_every_class()
    {
        // Two configs keep ZeroCountPolicy.Throw: each empty row once; the fix is the long-tail one's, not the first's.
        CbGenRunResult run = RunDataset(Attribute + "[ClassBalancedDataset(\"labels.csv\", Name = \"Lt\", Loss = CbLoss.LogitAdjusted)]\n"
            + "public partial class Set;\n", "cat,900\ndog,0\nemu,0\n");
        string fix = "CbLoss.LogitAdjusted needs the log-prior log π_c of every class, which is infinite for a count of 0 even with "
            + "ZeroCounts = ZeroCountPolicy.ZeroWeight: " + DiagnosticDescriptors.PseudoCountFix;
        Assert.Equal(
            new[]
            {
                Expected(DiagnosticDescriptors.NonPositiveCount, "dog (line 2 of labels.csv)", "0", fix) + " @ 1",
                Expected(DiagnosticDescriptors.NonPositiveCount, "emu (line 3 of labels.csv)", "0", fix) + " @ 2",
            },
            All(run).Select(d => Message(d) + " @ " + Line(d)));

        // A single-label config alone: ZeroWeight is the fix.
        Diagnostic plain = Assert.Single(All(RunDataset(Attribute + "public partial class Set;\n", "cat,900\ndog,0\n")));
        Assert.Equal(Expected(DiagnosticDescriptors.NonPositiveCount, "dog (line 2 of labels.csv)", "0",
            "0 is allowed only with ZeroCounts = ZeroCountPolicy.ZeroWeight, which gives the class weight 0"), Message(plain));
    }

    [Fact]
    public void A_zero_count_under_a_long_tail_ZeroWeight_config_names_the_first_empty_row_and_drops_that_config()
    {
        CbGenRunResult run = RunDataset(
            "[ClassBalancedDataset(\"labels.csv\", Name = \"Lt\", Loss = CbLoss.LogitAdjusted, ZeroCounts = ZeroCountPolicy.ZeroWeight)]\n"
            + "public partial class Set;\n", "cat,900\ndog,0\nemu,0\n");
        Diagnostic zero = Assert.Single(All(run));
        Assert.Equal(Expected(DiagnosticDescriptors.ZeroCountLongTail, "dog (line 2 of labels.csv)", "CbLoss.LogitAdjusted (config Lt)",
            "the log-prior log π_c"), Message(zero));
        Assert.Equal(1, Line(zero));
        Assert.DoesNotContain(run.Files, f => f.HintName.EndsWith("LtWeights.g.cs", StringComparison.Ordinal));
    }

    [Fact]
    public void All_zero_counts_name_the_label_enum_and_the_file()
    {
        CbGenRunResult run = RunDataset("[ClassBalancedDataset(\"labels.csv\", ZeroCounts = ZeroCountPolicy.ZeroWeight)]\n"
            + "public partial class Set;\n", "cat,0\ndog,0\n");
        Diagnostic zero = Assert.Single(All(run));
        Assert.Equal(Expected(DiagnosticDescriptors.AllCountsZero, "Set.Label (labels.csv)"), Message(zero));
        Assert.Equal(0, Line(zero));
        Assert.DoesNotContain(run.Files, f => f.HintName.EndsWith("SetWeights.g.cs", StringComparison.Ordinal));
    }

    [Fact]
    public void A_sweep_over_zero_counts_reports_each_empty_row_when_no_config_did()
    {
        CbGenRunResult run = RunDataset("[ClassBalancedDataset(\"labels.csv\", ZeroCounts = ZeroCountPolicy.ZeroWeight)]\n"
            + "[ClassBalancedSweep]\npublic partial class Set;\n", "cat,900\ndog,0\n");
        Diagnostic zero = Assert.Single(All(run));
        // The sweep has no ZeroCounts: the fix is the pseudo-count (EmptyClassMessageTests has the other sweeps).
        Assert.Equal(Expected(DiagnosticDescriptors.NonPositiveCount, "dog (line 2 of labels.csv)", "0",
            "a [ClassBalancedSweep] has no ZeroCounts option, so every class needs at least 1 sample: " + DiagnosticDescriptors.PseudoCountFix),
            Message(zero));
        Assert.Equal(1, Line(zero));
    }

    [Fact]
    public void Counts_summing_past_Int64_name_the_label_enum_and_the_config_or_sweep_on_the_overflowing_row()
    {
        const string Overflowing = "cat,9223372036854775807\ndog,1\n";
        CbGenRunResult run = RunDataset("[ClassBalancedDataset(\"labels.csv\", Name = \"Lt\", Loss = CbLoss.LogitAdjusted)]\n"
            + "public partial class Set;\n", Overflowing);
        Diagnostic total = Assert.Single(All(run));
        Assert.Equal(Expected(DiagnosticDescriptors.CountTotalTooLarge, "Set.Label (labels.csv)", "CbLoss.LogitAdjusted (config Lt)"), Message(total));
        Assert.Equal(1, Line(total));

        CbGenRunResult sweep = RunDataset(Attribute + "[ClassBalancedSweep(Losses = new[] { CbLoss.Softmax, CbLoss.Ldam })]\n"
            + "public partial class Set;\n", Overflowing);
        Diagnostic swept = Assert.Single(All(sweep));
        Assert.Equal(Expected(DiagnosticDescriptors.CountTotalTooLarge, "Set.Label (labels.csv)", "the CbLoss.Ldam points of [ClassBalancedSweep]"),
            Message(swept));
        Assert.Equal(1, Line(swept));
    }

    [Fact]
    public void Attributes_on_two_declarations_of_one_class_generate_it_once_in_one_file_or_two()
    {
        // The generator reads every attribute at the declaration holding the first; the other declaration gives nothing.
        // In two files both declarations start at the same offset, so only the trees tell them apart.
        const string First = Attribute + "public partial class Set;\n";
        const string Second = "[ClassBalancedDataset(\"labels.csv\", Name = \"Other\")]\npublic partial class Set;\n";
        ImmutableArray<AdditionalText> files = GeneratorHarness.Files(("labels.csv", Rows));
        foreach (CbGenRunResult run in new[]
        {
            GeneratorHarness.Run(false, files, Prelude + First + Second),
            GeneratorHarness.Run(false, files, Prelude + First, Prelude + Second),
        })
        {
            Assert.Empty(All(run));
            Assert.Equal(
                new[] { "Tests.Set.Label.g.cs", "Tests.Set.OtherWeights.g.cs", "Tests.Set.SetSoftmaxWeights.g.cs" },
                run.Files.Select(f => f.HintName).OrderBy(n => n, StringComparer.Ordinal));
        }
    }

    /// <summary>Runs <paramref name="declaration"/> with labels.csv holding <paramref name="rows"/> (and <paramref name="more"/>).</summary>
    private static CbGenRunResult RunDataset(string declaration, string rows, params (string Name, string Text)[] more) =>
        GeneratorHarness.Run(false, GeneratorHarness.Files(new[] { ("labels.csv", rows) }.Concat(more).ToArray()), Prelude + declaration);

    /// <summary>The 0-based line of a diagnostic in labels.csv.</summary>
    private static int Line(Diagnostic diagnostic)
    {
        Assert.Equal(GeneratorHarness.DataFolder + "labels.csv", diagnostic.Location.GetLineSpan().Path);
        return diagnostic.Location.GetLineSpan().StartLinePosition.Line;
    }
}
