extern alias gen;

using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using gen::CbGen.Generators;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace CbGen.Generators.Tests;

/// <summary>One test per counts-file, sweep and deferred re-weighting diagnostic (CB016…): it fires at each
/// <c>[|marked|]</c> span (in the C# source or in the counts file) and nowhere else, and the fixed input is silent and
/// generates code that compiles cleanly. Also the reused CB002–CB015 rules where they apply to the new inputs.</summary>
public sealed class TrainingSetupDiagnosticTests
{
    private const string Prelude = "using CbGen;\n\nnamespace Tests;\n\n";
    private const string Dataset = "[ClassBalancedDataset(\"labels.csv\")]\npublic static partial class Labels;\n";
    private const string GoodFile = "name,count\ncat,900\ndog,90\n";

    [Fact]
    public void CB016_counts_file_not_among_AdditionalFiles()
    {
        Check(DiagnosticDescriptors.CountsFileMissing,
            "[ClassBalancedDataset([|\"labels.csv\"|])]\npublic static partial class Labels;\n", ("other.csv", GoodFile),
            Dataset, ("labels.csv", GoodFile));
        ImmutableArray<Diagnostic> found = GeneratorHarness.Run(false, GeneratorHarness.Files(("other.csv", GoodFile)), Prelude + Dataset)
            .AnalyzerDiagnostics;
        Assert.Contains("<AdditionalFiles Include=\"labels.csv\" />", found.Single().GetMessage());
    }

    [Fact]
    public void CB016_says_Include_is_the_path_from_the_project_folder()
    {
        // The attribute's "birds.counts.csv" matches data/birds.counts.csv too, so the bare name is only the right
        // Include for a file beside the project file: the message says how to write one in a subfolder.
        string bare = "[ClassBalancedDataset(\"birds.counts.csv\")]\npublic static partial class Labels;\n";
        string message = GeneratorHarness.Run(false, ImmutableArray<AdditionalText>.Empty, Prelude + bare)
            .AnalyzerDiagnostics.Single().GetMessage();
        Assert.Contains("<AdditionalFiles Include=\"birds.counts.csv\" />", message);
        Assert.Contains("Include is the file's path from the project's folder", message);
        Assert.Contains("Include=\"data/birds.counts.csv\" for a file in a data folder", message);

        // An absolute path is its own Include: no folder to add.
        string rooted = "[ClassBalancedDataset(\"/srv/birds.counts.csv\")]\npublic static partial class Labels;\n";
        string absolute = GeneratorHarness.Run(false, ImmutableArray<AdditionalText>.Empty, Prelude + rooted)
            .AnalyzerDiagnostics.Single().GetMessage();
        Assert.Contains("<AdditionalFiles Include=\"/srv/birds.counts.csv\" />", absolute);
        Assert.DoesNotContain("project's folder", absolute);
    }

    [Fact]
    public void CB016_counts_file_matches_several_AdditionalFiles()
    {
        ImmutableArray<AdditionalText> files = GeneratorHarness.Files(("/p/a/labels.csv", GoodFile), ("/p/b/labels.csv", GoodFile));
        CbGenRunResult run = GeneratorHarness.Run(false, files, Prelude + Dataset);
        Assert.Empty(run.Files);
        Diagnostic diagnostic = Assert.Single(run.AnalyzerDiagnostics);
        Assert.Equal("CB016", diagnostic.Id);
        Assert.Contains("matches several AdditionalFiles", diagnostic.GetMessage());
    }

    [Fact]
    public void CB017_malformed_rows()
    {
        Check(DiagnosticDescriptors.MalformedCountsRow, Dataset,
            ("labels.csv", "name,count\ncat,900\n[|dog,90,extra|]\n[|\"bird,5|]\n[|,7|]\n"),
            Dataset, ("labels.csv", GoodFile));
    }

    [Fact]
    public void CB018_duplicate_class_name()
    {
        Check(DiagnosticDescriptors.DuplicateClassName, Dataset, ("labels.csv", "cat,900\ndog,90\n[|cat|],9\n"),
            Dataset, ("labels.csv", "cat,900\ndog,90\nbig cat,9\n"));
    }

    [Fact]
    public void CB019_count_not_a_whole_number()
    {
        Check(DiagnosticDescriptors.InvalidCount, Dataset,
            ("labels.csv", "name,count\ncat,[|many|]\ndog,[|-3|]\nbird,[|2.5|]\nfish,[|99999999999999999999|]\n"),
            Dataset, ("labels.csv", "name,count\ncat,900\ndog,3\nbird,2\nfish,1\n"));
    }

    [Fact]
    public void CB020_empty_counts_file()
    {
        Check(DiagnosticDescriptors.EmptyCountsFile, Dataset, ("labels.csv", "[||]# nothing yet\nname,count\n"),
            Dataset, ("labels.csv", GoodFile));
    }

    [Fact]
    public void CB021_two_names_become_the_same_identifier()
    {
        Check(DiagnosticDescriptors.IdentifierClash, Dataset, ("labels.csv", "big cat,900\n[|big-cat|],90\n"),
            Dataset, ("labels.csv", "big cat,900\nsmall cat,90\n"));
    }

    [Fact]
    public void CB022_dataset_class_not_partial_nested_or_with_two_files()
    {
        Check(DiagnosticDescriptors.InvalidDatasetClass,
            """
            [ClassBalancedDataset("labels.csv")]
            public static class [|Labels|] { }

            public static partial class Outer
            {
                [ClassBalancedDataset("labels.csv", Name = "Inner")]
                public static partial class [|Nested|];
            }

            [ClassBalancedDataset("labels.csv", Name = "Two1")]
            [ClassBalancedDataset([|"labels2.csv"|], Name = "Two2")]
            public static partial class Two;

            [[|ClassBalancedSweep|]]
            public static partial class SweepWithoutDataset;
            """, ("labels.csv", GoodFile),
            Dataset, ("labels.csv", GoodFile),
            badCompiles: false);
    }

    [Fact]
    public void CB023_empty_sweep_axis()
    {
        Check(DiagnosticDescriptors.EmptySweepAxis,
            """
            [ClassBalancedSweep([|Betas = new double[0]|], [|Gammas = new double[] { }|])]
            public enum Label { [Samples(10)] A, [Samples(3)] B }
            """, null,
            """
            [ClassBalancedSweep(Betas = new[] { 0.99 }, Gammas = new[] { 2.0 })]
            public enum Label { [Samples(10)] A, [Samples(3)] B }
            """, null);
    }

    [Fact]
    public void CB024_duplicate_sweep_value()
    {
        Check(DiagnosticDescriptors.DuplicateSweepValue,
            """
            [ClassBalancedSweep(Betas = new[] { 0.9, 0.99, [|0.9|] }, Losses = new[] { CbLoss.Focal, [|CbLoss.Focal|] }, Gammas = [1.0, [|1.0|]])]
            public enum Label { [Samples(10)] A, [Samples(3)] B }
            """, null,
            """
            [ClassBalancedSweep(Betas = new[] { 0.9, 0.99 }, Losses = new[] { CbLoss.Focal }, Gammas = [1.0, 2.0])]
            public enum Label { [Samples(10)] A, [Samples(3)] B }
            """, null);
    }

    [Fact]
    public void CB025_negative_DeferUntilEpoch()
    {
        Check(DiagnosticDescriptors.InvalidDeferUntilEpoch,
            """
            [ClassBalanced([|DeferUntilEpoch = -1|])]
            public enum Label { [Samples(10)] A, [Samples(3)] B }

            [ClassBalancedSweep(Betas = new[] { 0.9 }, [|DeferUntilEpoch = -160|])]
            public enum Other { [Samples(10)] A, [Samples(3)] B }

            [ClassBalancedDataset("labels.csv", [|DeferUntilEpoch = -2|])]
            public static partial class Labels;
            """, ("labels.csv", GoodFile),
            """
            [ClassBalanced(DeferUntilEpoch = 160)]
            public enum Label { [Samples(10)] A, [Samples(3)] B }

            [ClassBalancedSweep(Betas = new[] { 0.9 }, DeferUntilEpoch = 160)]
            public enum Other { [Samples(10)] A, [Samples(3)] B }

            [ClassBalancedDataset("labels.csv", DeferUntilEpoch = 160)]
            public static partial class Labels;
            """, ("labels.csv", GoodFile));
    }

    [Fact]
    public void Sweep_grids_reuse_the_beta_gamma_and_option_rules()
    {
        Check(DiagnosticDescriptors.BetaOutOfRange,
            "[ClassBalancedSweep(Betas = new[] { 0.9, [|1.5|] })]\npublic enum Label { [Samples(10)] A, [Samples(3)] B }\n", null,
            "[ClassBalancedSweep(Betas = new[] { 0.9, 0.99 })]\npublic enum Label { [Samples(10)] A, [Samples(3)] B }\n", null);
        Check(DiagnosticDescriptors.GammaOutOfRange,
            "[ClassBalancedSweep(Gammas = new[] { [|-1.0|], 2.0 })]\npublic enum Label { [Samples(10)] A, [Samples(3)] B }\n", null,
            "[ClassBalancedSweep(Gammas = new[] { 1.0, 2.0 })]\npublic enum Label { [Samples(10)] A, [Samples(3)] B }\n", null);
        Check(DiagnosticDescriptors.GammaIgnored,
            "[ClassBalancedSweep(Losses = new[] { CbLoss.Softmax }, [|Gammas = new[] { 1.0 }|])]\npublic enum Label { [Samples(10)] A, [Samples(3)] B }\n", null,
            "[ClassBalancedSweep(Losses = new[] { CbLoss.Softmax })]\npublic enum Label { [Samples(10)] A, [Samples(3)] B }\n", null,
            badGenerates: true);
        Check(DiagnosticDescriptors.UnknownOption,
            "[ClassBalancedSweep(Losses = new[] { CbLoss.Softmax, [|(CbLoss)99|] })]\npublic enum Label { [Samples(10)] A, [Samples(3)] B }\n", null,
            "[ClassBalancedSweep(Losses = new[] { CbLoss.Softmax })]\npublic enum Label { [Samples(10)] A, [Samples(3)] B }\n", null);
    }

    [Fact]
    public void Dataset_configs_reuse_the_config_rules_and_zero_counts_point_into_the_file()
    {
        Check(DiagnosticDescriptors.BetaOutOfRange,
            "[ClassBalancedDataset(\"labels.csv\", [|Beta = 2.0|])]\npublic static partial class Labels;\n", ("labels.csv", GoodFile),
            Dataset, ("labels.csv", GoodFile));
        Check(DiagnosticDescriptors.NonPositiveCount, Dataset, ("labels.csv", "cat,900\ndog,[|0|]\n"),
            "[ClassBalancedDataset(\"labels.csv\", ZeroCounts = ZeroCountPolicy.ZeroWeight)]\npublic static partial class Labels;\n",
            ("labels.csv", "cat,900\ndog,0\n"));
        Check(DiagnosticDescriptors.TooFewClasses, Dataset, ("labels.csv", "cat,[|900|]\n"),
            Dataset, ("labels.csv", GoodFile));
    }

    [Fact]
    public void A_zero_count_is_reported_for_a_sweep_beside_ZeroWeight_configs()
    {
        Check(DiagnosticDescriptors.NonPositiveCount,
            "[ClassBalanced(ZeroCounts = ZeroCountPolicy.ZeroWeight)]\n[ClassBalancedSweep]\npublic enum Label { [Samples(10)] A, [Samples([|0|])] B, [Samples(3)] C }\n", null,
            "[ClassBalanced(ZeroCounts = ZeroCountPolicy.ZeroWeight)]\n[ClassBalancedSweep]\npublic enum Label { [Samples(10)] A, [Samples(1)] B, [Samples(3)] C }\n", null,
            badGenerates: true);
    }

    [Fact]
    public void A_dataset_config_name_taken_by_an_enum_config()
    {
        Check(DiagnosticDescriptors.DuplicateName,
            "[ClassBalanced([|Name = \"Pets\"|])]\npublic enum Animal { [Samples(10)] A, [Samples(3)] B }\n\n[ClassBalancedDataset(\"labels.csv\", [|Name = \"Pets\"|])]\npublic static partial class Labels;\n",
            ("labels.csv", GoodFile),
            "[ClassBalanced(Name = \"Pets\")]\npublic enum Animal { [Samples(10)] A, [Samples(3)] B }\n\n[ClassBalancedDataset(\"labels.csv\", Name = \"LabelSet\")]\npublic static partial class Labels;\n",
            ("labels.csv", GoodFile),
            badGenerates: true,
            badCompiles: true);
    }

    [Fact]
    public void A_record_cannot_be_a_dataset()
    {
        Check(DiagnosticDescriptors.InvalidDatasetClass,
            "[ClassBalancedDataset(\"labels.csv\")]\npublic partial record [|Labels|];\n", ("labels.csv", GoodFile),
            Dataset, ("labels.csv", GoodFile));
    }

    [Fact]
    public void A_sweep_only_enum_gets_the_member_rules_and_no_CB009()
    {
        Check(DiagnosticDescriptors.MissingSamples,
            "[ClassBalancedSweep]\npublic enum Label { [Samples(10)] A, [|B|] }\n", null,
            "[ClassBalancedSweep]\npublic enum Label { [Samples(10)] A, [Samples(3)] B }\n", null);
    }

    [Fact]
    public void Every_training_setup_descriptor_has_a_test_and_a_documented_section()
    {
        // CB016–CB025: the counts-file, sweep and deferred re-weighting diagnostics.
        var ids = DiagnosticDescriptors.All.Select(d => d.Id)
            .Where(id => string.CompareOrdinal(id, "CB016") >= 0 && string.CompareOrdinal(id, "CB025") <= 0)
            .ToList();
        Assert.Equal(10, ids.Count);
        string tests = string.Join(" ", typeof(TrainingSetupDiagnosticTests).GetMethods().Select(m => m.Name));
        string docs = System.IO.File.ReadAllText(System.IO.Path.Combine(RepositoryRoot(), "docs", "diagnostics.md"));
        string releases = System.IO.File.ReadAllText(System.IO.Path.Combine(RepositoryRoot(), "generators", "CbGen.Generators", "AnalyzerReleases.Unshipped.md"));
        foreach (string id in ids)
        {
            DiagnosticTests.AssertDocumented(id, docs);
            Assert.Contains(id + "_", tests);
            Assert.Contains(id + " | CbGen |", releases);
        }
    }

    private static string RepositoryRoot([System.Runtime.CompilerServices.CallerFilePath] string file = "") =>
        System.IO.Path.GetFullPath(System.IO.Path.Combine(System.IO.Path.GetDirectoryName(file)!, "..", ".."));

    /// <summary>The marked spans are in the C# source, or in the counts file when the file has markers.</summary>
    internal static CbGenRunResult Check(
        DiagnosticDescriptor descriptor,
        string bad,
        (string Name, string Text)? badFile,
        string fixedSource,
        (string Name, string Text)? fixedFile,
        bool badGenerates = false,
        bool badCompiles = true)
    {
        (string badSource, List<TextSpan> sourceSpans) = GeneratorHarness.ParseMarkers(Prelude + bad);
        List<TextSpan> fileSpans = new();
        ImmutableArray<AdditionalText> badFiles = ImmutableArray<AdditionalText>.Empty;
        string? badPath = null;
        if (badFile is { } f)
        {
            (string text, fileSpans) = GeneratorHarness.ParseMarkers(f.Text);
            badFiles = GeneratorHarness.Files((f.Name, text));
            badPath = badFiles[0].Path;
        }

        bool inFile = fileSpans.Count > 0;
        List<TextSpan> expected = inFile ? fileSpans : sourceSpans;
        Assert.NotEmpty(expected);

        CbGenRunResult badRun = GeneratorHarness.Run(false, badFiles, badSource);
        var all = badRun.GeneratorDiagnostics.Concat(badRun.AnalyzerDiagnostics).ToList();
        var actual = all.Where(d => d.Id == descriptor.Id).ToList();
        Assert.True(
            actual.Select(d => d.Location.SourceSpan).OrderBy(s => s.Start).SequenceEqual(expected.OrderBy(s => s.Start)),
            "Expected " + descriptor.Id + " at " + string.Join(", ", expected) + (inFile ? " in the file" : " in:\n" + badSource)
            + "\nGot:\n" + GeneratorHarness.Describe(all, badFiles));
        Assert.All(actual, d => Assert.Equal(descriptor.DefaultSeverity, d.Severity));
        Assert.All(actual, d => Assert.Equal(inFile ? badPath : "Source0.cs", d.Location.GetLineSpan().Path));
        if (inFile)
        {
            Assert.All(actual, d => Assert.Equal(LocationKind.ExternalFile, d.Location.Kind));
        }

        // Neither the generator nor an analyzer may fail (AD0001: an analyzer threw, e.g. reporting an id it does not support).
        Assert.DoesNotContain(all, d => d.Id is "CB900" or "AD0001");
        if (badGenerates)
        {
            Assert.NotEmpty(badRun.Files);
        }

        if (badCompiles)
        {
            Assert.DoesNotContain(badRun.OutputCompilation.GetDiagnostics(),
                d => d.Severity == DiagnosticSeverity.Error && d.Location.SourceTree?.FilePath != "Source0.cs");
        }

        ImmutableArray<AdditionalText> fixedFiles = fixedFile is { } g ? GeneratorHarness.Files((g.Name, g.Text)) : ImmutableArray<AdditionalText>.Empty;
        CbGenRunResult fixedRun = GeneratorHarness.Run(false, fixedFiles, Prelude + fixedSource);
        ImmutableArray<Diagnostic> fixedDiagnostics = fixedRun.AnalyzerDiagnostics;
        Assert.True(fixedDiagnostics.IsEmpty, "The fixed code still reports:\n" + GeneratorHarness.Describe(fixedDiagnostics, fixedFiles));
        Assert.NotEmpty(fixedRun.Files);
        fixedRun.AssertCompilesCleanly();
        return badRun;
    }
}
