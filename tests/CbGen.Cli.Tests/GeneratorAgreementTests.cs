using System;
using System.IO;
using System.Linq;
using System.Reflection;
using CbGen.Testing;
using Microsoft.CodeAnalysis;

namespace CbGen.Cli.Tests;

/// <summary>Issue 12 item 9: cbgen enum and weights refuse what the generator rejects (CB008), warn where it warns
/// (CB011, with the suggested β), and name classes as the generator's counts-file mode does.</summary>
public sealed class GeneratorAgreementTests : IDisposable
{
    private readonly TempDir temp = new();

    public void Dispose() => temp.Dispose();

    private static string[] EnumMembers(string source, string typeName) =>
        EnumCompiler.Compile(source, typeName).GetFields(BindingFlags.Public | BindingFlags.Static)
            .OrderBy(f => (int)f.GetRawConstantValue()!)
            .Select(f => f.Name)
            .ToArray();

    [Fact]
    public void The_digit_led_label_0_gets_the_same_member_name_in_cbgen_enum_and_in_counts_file_mode()
    {
        string idx = temp.Gzip("train-labels-idx1-ubyte.gz", Idx.Labels(new byte[] { 0, 1, 1, 2, 2, 2 }));
        CliResult enumRun = Cli.Run("enum", idx, "--name", "Digits");
        Assert.True(enumRun.ExitCode == 0, enumRun.Stderr);
        CliResult countsRun = Cli.Run("enum", idx, "--counts-file");
        Assert.True(countsRun.ExitCode == 0, countsRun.Stderr);

        string[] generated = GeneratorSide.LabelMembers(GeneratorSide.Dataset(countsRun.Stdout)).Select(m => m.Name).ToArray();

        Assert.Equal(new[] { "_0", "_1", "_2" }, generated);
        Assert.Equal(generated, EnumMembers(enumRun.Stdout, "Digits"));
    }

    [Fact]
    public void Verbatim_naming_gives_the_generators_counts_file_member_names()
    {
        string[] names =
        {
            "class", "pickup truck", "x<y & z", "  spaced  ", "2nd-year gull", "Corvus corax, the raven", "e\u0301cole", "über",
            "t-shirt/top", "a--b", "_private", "ünïcödé_ok", "Ω", "42", "value__",
        };
        string counts = "name,count\n" + string.Concat(names.Select((n, i) => "\"" + n.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"," + (i + 1) + "\n"));
        string file = temp.File("counts.csv", counts);

        CliResult r = Cli.Run("enum", file, "--name", "Labels", "--naming", "verbatim");
        Assert.True(r.ExitCode == 0, r.Stderr);

        string[] generated = GeneratorSide.LabelMembers(GeneratorSide.Dataset(counts)).Select(m => m.Name).ToArray();
        Assert.Equal(names.Length, generated.Length);
        Assert.Equal(generated, EnumMembers(r.Stdout, "Labels"));
    }

    [Theory]
    [InlineData("count")]
    [InlineData("enum")]
    public void A_counts_file_the_generator_rejects_for_clashing_members_gets_a_CB021_warning(string command)
    {
        string csv = temp.File("l.csv", "label\na-b\na_b\nc\n");
        CliResult r = command == "count" ? Cli.Run("count", csv, "--csv") : Cli.Run("enum", csv, "--counts-file");

        Assert.Equal(0, r.ExitCode);
        Assert.Contains("cbgen: warning: the classes 'a-b' and 'a_b' both become the member a_b in [ClassBalancedDataset], "
            + "which rejects this counts file (CB021)", r.Stderr);
        CbGenRunResult run = GeneratorSide.Dataset(r.Stdout);
        Assert.Contains(run.GeneratorDiagnostics.Concat(run.AnalyzerDiagnostics), d => d.Id == "CB021");
        Assert.DoesNotContain("warning", Cli.Run("count", csv).Stderr); // only where a counts file is written
    }

    [Theory]
    [InlineData("enum")]
    [InlineData("weights")]
    public void One_class_is_refused_as_the_generator_refuses_it_with_CB008(string command)
    {
        string csv = temp.File("one.csv", "label\ncat\ncat\ncat\n");
        string[] args = command == "enum" ? new[] { "enum", csv, "--name", "Pets" } : new[] { "weights", "--beta", "0.99", csv };

        CliResult r = Cli.Run(args);

        Assert.Equal(1, r.ExitCode);
        Assert.Equal(string.Empty, r.Stdout);
        Assert.Contains("1 class; a class-balanced loss needs at least 2 classes (the generator rejects this with CB008)", r.Stderr);

        // The generator does reject it: CB008 on the counts file the tool would have written.
        CbGenRunResult run = GeneratorSide.Dataset("name,count\ncat,3\n");
        Assert.Contains(run.GeneratorDiagnostics.Concat(run.AnalyzerDiagnostics), d => d.Id == "CB008");
    }

    [Fact]
    public void Inline_single_count_is_refused_too()
    {
        CliResult r = Cli.Run("weights", "--beta", "0.9", "--counts", "5");
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("CB008", r.Stderr);
    }

    [Theory]
    [InlineData("enum")]
    [InlineData("weights")]
    public void A_beta_that_flattens_the_weights_warns_as_CB011_does_with_the_suggested_beta(string command)
    {
        string[] args = command == "enum"
            ? new[] { "enum", "--counts", "1000,10", "--name", "E", "--beta", "0.5" }
            : new[] { "weights", "--counts", "1000,10", "--beta", "0.5" };

        CliResult r = Cli.Run(args);

        Assert.Equal(0, r.ExitCode);
        CbGenRunResult run = CbGenRunner.Run(CbGenRunner.CreateCompilation(new[]
        {
            "using CbGen; [ClassBalanced(Beta = 0.5)] public enum E { [Samples(1000)] A, [Samples(10)] B }",
        }, withTorchSharp: false));
        Diagnostic cb011 = Assert.Single(run.AnalyzerDiagnostics.Concat(run.GeneratorDiagnostics), d => d.Id == "CB011");
        string message = cb011.GetMessage(System.Globalization.CultureInfo.InvariantCulture);
        int from = message.IndexOf("the largest weight", StringComparison.Ordinal);
        int to = message.IndexOf("effective number", StringComparison.Ordinal) + "effective number".Length;
        string shared = message.Substring(from, to - from);
        Assert.Contains("β = (N-1)/N ≈ 0.999 with N = 1000", shared);
        Assert.Contains("cbgen: warning: with β = 0.5 " + shared + " (the generator warns CB011; e.g. --beta 0.999)", r.Stderr);
    }

    [Fact]
    public void No_CB011_warning_where_the_generator_gives_none()
    {
        Assert.DoesNotContain("warning", Cli.Run("weights", "--counts", "1000,10", "--beta", "0.999").Stderr);
        Assert.DoesNotContain("warning", Cli.Run("weights", "--counts", "1000,10", "--beta", "0").Stderr);
        Assert.DoesNotContain("warning", Cli.Run("weights", "--counts", "100,90", "--beta", "0.5").Stderr);
    }
}
