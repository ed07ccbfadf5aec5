extern alias gen;

using System;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Reflection;
using System.Text;
using gen::CbGen.Generators;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace CbGen.Generators.Tests;

/// <summary>[ClassBalancedDataset]: a label set read from a counts file among the AdditionalFiles.</summary>
public sealed class CountsFileTests
{
    public const string Birds = """
        # Birds of a small long-tailed set: name, training samples
        name,count
        Passer domesticus,5000
        class,1200
        "Corvus corax, the raven",300
        2nd-year gull,120
        Émeu,50
        """;

    public const string BirdsSource = """
        using CbGen;

        namespace Zoo.Data
        {
            [ClassBalancedDataset("birds.counts.csv", Beta = 0.999, Loss = CbLoss.Softmax)]
            [ClassBalancedDataset("birds.counts.csv", Beta = 0.9999, Loss = CbLoss.Focal, Gamma = 0.5, DeferUntilEpoch = 160)]
            public static partial class Birds
            {
            }
        }
        """;

    private static readonly long[] BirdCounts = { 5000, 1200, 300, 120, 50 };

    private static readonly string[] BirdNames = { "Passer domesticus", "class", "Corvus corax, the raven", "2nd-year gull", "Émeu" };

    [Fact]
    public void A_counts_file_with_header_comments_quotes_keywords_and_unicode_generates_the_label_set()
    {
        ImmutableArray<AdditionalText> files = GeneratorHarness.Files(("birds.counts.csv", Birds));
        CbGenRunResult run = GeneratorHarness.Run(true, files, BirdsSource);
        Assert.Equal(
            new[]
            {
                "Zoo.Data.Birds.Label.g.cs",
                "Zoo.Data.Birds.BirdsSoftmaxWeights.g.cs",
                "Zoo.Data.Birds.BirdsSoftmaxLoss.g.cs",
                "Zoo.Data.Birds.BirdsFocalWeights.g.cs",
                "Zoo.Data.Birds.BirdsFocalLoss.g.cs",
            },
            run.Files.Select(s => s.HintName));
        Snapshot.VerifyGenerated(run, "Counts_file_dataset");
        run.AssertCompilesCleanly();
        Assert.Empty(run.AnalyzerDiagnostics);

        string labels = run.File("Birds.Label.g.cs").Text;
        Assert.Contains("Passer_domesticus = 0,", labels);
        Assert.Contains("@class = 1,", labels);
        Assert.Contains("Corvus_corax_the_raven = 2,", labels);
        Assert.Contains("_2nd_year_gull = 3,", labels);
        Assert.Contains("Émeu = 4,", labels);
        Assert.Contains("\"Corvus corax, the raven\",", labels);
        Assert.Contains("public const int DeferUntilEpoch = 160;", run.File("BirdsFocalWeights.g.cs").Text);
        Assert.Contains(": global::CbGen.TorchSharp.PerClassLoss<global::CbGen.TorchSharp.DeferredReweightingLoss>", run.File("BirdsFocalLoss.g.cs").Text);
    }

    [Fact]
    public void The_tables_and_names_are_right_when_compiled_and_loaded()
    {
        const string probe = """
            using System.Linq;

            namespace Zoo.Data
            {
                public static class Probe
                {
                    public static double[] Weights() => BirdsSoftmaxWeights.Weights.ToArray();
                    public static double[] FocalWeights() => BirdsFocalWeights.Weights.ToArray();
                    public static long[] Counts() => BirdsSoftmaxWeights.Counts.ToArray();
                    public static string[] Names() => Birds.Names.ToArray();
                    public static string NameOf(int i) => Birds.NameOf((Birds.Label)i);
                    public static int Lookup(string name) => Birds.TryGetLabel(name, out Birds.Label label) ? (int)label : -1;
                    public static int ClassCount() => Birds.ClassCount;
                    public static double WeightOfEmeu() => BirdsSoftmaxWeights.WeightOf(Birds.Label.Émeu);
                }
            }
            """;
        ImmutableArray<AdditionalText> files = GeneratorHarness.Files(("birds.counts.csv", Birds));
        CbGenRunResult run = GeneratorHarness.Run(false, files, BirdsSource, probe);
        run.AssertCompilesCleanly();
        Assembly assembly = GeneratorHarness.Load(run.OutputCompilation);

        Assert.Equal(ClassBalancedWeights.Compute(BirdCounts, 0.999), (double[])GeneratorHarness.Call(assembly, "Zoo.Data.Probe", "Weights")!);
        Assert.Equal(ClassBalancedWeights.Compute(BirdCounts, 0.9999), (double[])GeneratorHarness.Call(assembly, "Zoo.Data.Probe", "FocalWeights")!);
        Assert.Equal(BirdCounts, (long[])GeneratorHarness.Call(assembly, "Zoo.Data.Probe", "Counts")!);
        Assert.Equal(BirdNames, (string[])GeneratorHarness.Call(assembly, "Zoo.Data.Probe", "Names")!);
        Assert.Equal("Corvus corax, the raven", GeneratorHarness.Call(assembly, "Zoo.Data.Probe", "NameOf", 2));
        Assert.Equal(3, GeneratorHarness.Call(assembly, "Zoo.Data.Probe", "Lookup", "2nd-year gull"));
        Assert.Equal(-1, GeneratorHarness.Call(assembly, "Zoo.Data.Probe", "Lookup", "2nd year gull"));
        Assert.Equal(5, GeneratorHarness.Call(assembly, "Zoo.Data.Probe", "ClassCount"));
        Assert.Equal(ClassBalancedWeights.Compute(BirdCounts, 0.999)[4], GeneratorHarness.Call(assembly, "Zoo.Data.Probe", "WeightOfEmeu"));
        var outOfRange = Assert.Throws<TargetInvocationException>(() => GeneratorHarness.Call(assembly, "Zoo.Data.Probe", "NameOf", 5));
        Assert.IsType<ArgumentOutOfRangeException>(outOfRange.InnerException);
    }

    [Fact]
    public void A_TSV_file_without_header_and_a_path_suffix_match()
    {
        const string source = """
            using CbGen;

            [ClassBalancedDataset("data/pets.tsv")]
            internal partial class Pets;
            """;
        ImmutableArray<AdditionalText> files = GeneratorHarness.Files(
            ("/project/data/pets.tsv", "dog\t900\ncat\t90\r\nhamster\t9\n"),
            ("/project/other/pets.tsv", "unrelated\tx\n"));
        CbGenRunResult run = GeneratorHarness.Run(false, files, source);
        run.AssertCompilesCleanly();
        Assert.Empty(run.AnalyzerDiagnostics);
        Assert.Contains("public const long hamsterCount = 9L;", run.File("PetsWeights.g.cs").Text);
        Assert.Contains("internal static partial class PetsWeights", run.File("PetsWeights.g.cs").Text);
        // The label set names the file that matched, not the path as the attribute wrote it.
        Assert.Contains("// Generated by CbGen from the counts file \"pets.tsv\" of Pets: 3 classes.", run.File("Pets.Label.g.cs").Text);
    }

    [Fact]
    public void An_8142_row_file_builds_and_its_tables_are_right()
    {
        const int ClassCount = 8142;
        var text = new StringBuilder("species,count\n");
        var counts = new long[ClassCount];
        var names = new string[ClassCount];
        for (int c = 0; c < ClassCount; c++)
        {
            // A long tail, deterministic: iNaturalist 2018 has 8,142 classes with 2 to 1,000 images each.
            counts[c] = 2 + (long)Math.Floor(998.0 * Math.Pow(c + 1, -0.9)) + (c * 7919 % 5);
            names[c] = "Species " + c.ToString("D4", CultureInfo.InvariantCulture) + (c % 3 == 0 ? " (genus)" : string.Empty);
            text.Append(names[c].Contains(' ') && c % 2 == 0 ? "\"" + names[c] + "\"" : names[c]).Append(',').Append(counts[c]).Append('\n');
        }

        const string source = """
            using CbGen;
            using System.Linq;

            namespace INat
            {
                [ClassBalancedDataset("inat2018.counts.csv", Beta = 0.999, Loss = CbLoss.Focal, Gamma = 0.5)]
                public static partial class INat2018;

                public static class Probe
                {
                    public static double[] Weights() => INat2018Weights.Weights.ToArray();
                    public static string[] Names() => INat2018.Names.ToArray();
                    public static string Last() => INat2018.NameOf(INat2018.Label.Species_8141);
                }
            }
            """;
        ImmutableArray<AdditionalText> files = GeneratorHarness.Files(("inat2018.counts.csv", text.ToString()));
        CbGenRunResult run = GeneratorHarness.Run(true, files, source);
        Assert.Equal(3, run.Files.Length);
        run.AssertCompilesCleanly();
        Assert.Empty(run.AnalyzerDiagnostics);
        Assert.Contains("public const int ClassCount = 8142;", run.File("INat2018Weights.g.cs").Text);
        Assert.Contains("Species_0000_genus = 0,", run.File("INat2018.Label.g.cs").Text);
        Assert.Contains("public sealed class INat2018Loss : global::CbGen.TorchSharp.PerClassLoss<global::CbGen.TorchSharp.ClassBalancedFocalLoss>", run.File("INat2018Loss.g.cs").Text);

        // Without TorchSharp the same file compiles to an assembly this test can load (no native libraries needed).
        CbGenRunResult tablesOnly = GeneratorHarness.Run(false, files, source);
        Assembly assembly = GeneratorHarness.Load(tablesOnly.OutputCompilation);
        double[] weights = (double[])GeneratorHarness.Call(assembly, "INat.Probe", "Weights")!;
        Assert.Equal(ClassBalancedWeights.Compute(counts, 0.999), weights);
        Assert.Equal(names, (string[])GeneratorHarness.Call(assembly, "INat.Probe", "Names")!);
        Assert.Equal("Species 8141", GeneratorHarness.Call(assembly, "INat.Probe", "Last"));
    }

    [Theory]
    [InlineData("Aedes aegypti", "Aedes_aegypti")]
    [InlineData("  spaced -- out  ", "spaced_out")]
    [InlineData("2018", "_2018")]
    [InlineData("class", "@class")]
    [InlineData("???", "_")]
    [InlineData(" cat", "cat")]
    [InlineData("a -- b!", "a_b")]
    [InlineData("naïve café", "naïve_café")]
    [InlineData("value__", "value___")]
    [InlineData("a.b/c", "a_b_c")]
    public void Names_become_identifiers(string name, string expected)
    {
        ImmutableArray<AdditionalText> files = GeneratorHarness.Files(("names.csv", "\"" + name + "\",10\nzzz,5\n"));
        CbGenRunResult run = GeneratorHarness.Run(false, files, "using CbGen;\n[ClassBalancedDataset(\"names.csv\")]\npublic partial class Words;\n");
        run.AssertCompilesCleanly();
        Assert.Contains("\n        " + expected + " = 0,\n", run.File("Words.Label.g.cs").Text);
        Assert.Contains(SyntaxFactory.Literal(name).Text + ",", run.File("Words.Label.g.cs").Text);
    }

    [Theory]
    [InlineData("/p/data/x.csv", "x.csv", true)]
    [InlineData("/p/data/x.csv", "data/x.csv", true)]
    [InlineData("C:\\p\\data\\x.csv", "data/x.csv", true)]
    [InlineData("/p/data/x.csv", "./data/x.csv", true)]
    [InlineData("/p/data/ax.csv", "x.csv", false)]
    [InlineData("/p/data/x.csv", "X.csv", false)]
    public void File_names_match_the_end_of_the_path_at_a_folder_boundary(string path, string requested, bool expected)
    {
        ImmutableArray<AdditionalText> files = GeneratorHarness.Files((path, "a,10\nb,5\n"));
        string source = "using CbGen;\n[ClassBalancedDataset(\"" + requested + "\")]\npublic partial class Set;\n";
        CbGenRunResult run = GeneratorHarness.Run(false, files, source);
        Assert.Equal(expected, run.Files.Any(s => s.HintName == "Set.Label.g.cs"));
        Assert.Equal(!expected, run.AnalyzerDiagnostics.Any(d => d.Id == "CB016"));
    }
}
