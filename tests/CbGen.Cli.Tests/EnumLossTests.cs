using System;
using System.Linq;
using CbGen.Testing;

namespace CbGen.Cli.Tests;

/// <summary><c>cbgen enum --loss</c> takes every <see cref="CbLoss"/> the generator takes, and writes an enum the
/// generator accepts without a diagnostic for each of them.</summary>
public sealed class EnumLossTests
{
    /// <summary>The kebab-case spelling of a member: LogitAdjusted → logit-adjusted.</summary>
    private static string Spelling(CbLoss loss) =>
        string.Concat(loss.ToString().Select((c, i) => i > 0 && char.IsUpper(c) ? "-" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));

    public static TheoryData<CbLoss> Losses()
    {
        var data = new TheoryData<CbLoss>();
        foreach (CbLoss loss in Enum.GetValues<CbLoss>())
        {
            data.Add(loss);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Losses))]
    public void Every_loss_gives_an_enum_the_generator_accepts(CbLoss loss)
    {
        CliResult r = Cli.Run("enum", "--counts", "cat=900,dog=90,owl=9", "--name", "Pets", "--loss", Spelling(loss));

        Assert.True(r.ExitCode == 0, r.Stderr);
        Assert.Contains("Loss = CbLoss." + loss, r.Stdout);
        CbGenRunResult run = CbGenRunner.Run(CbGenRunner.CreateCompilation(new[] { r.Stdout }, withTorchSharp: false));
        Assert.True(run.GeneratorDiagnostics.IsEmpty && run.AnalyzerDiagnostics.IsEmpty && run.CompilationProblems().IsEmpty,
            run.DescribeDiagnostics() + string.Join("\n", run.CompilationProblems()) + "\n" + r.Stdout);
    }

    [Fact]
    public void The_help_and_the_error_name_every_loss()
    {
        string help = Cli.Run("enum", "--help").Stdout;
        CliResult wrong = Cli.Run("enum", "--counts", "9,1", "--name", "Pets", "--loss", "hinge");

        Assert.Equal(1, wrong.ExitCode);
        foreach (CbLoss loss in Enum.GetValues<CbLoss>())
        {
            Assert.Contains(Spelling(loss), help);
            Assert.Contains(Spelling(loss), wrong.Stderr);
        }
    }

    [Theory]
    [InlineData("logit-adjusted")]
    [InlineData("ldam")]
    [InlineData("vector-scaling")]
    public void Beta_on_a_loss_without_weights_is_refused(string loss)
    {
        CliResult r = Cli.Run("enum", "--counts", "9,1", "--name", "Pets", "--loss", loss, "--beta", "0.99");

        Assert.Equal(1, r.ExitCode);
        Assert.Contains("--beta", r.Stderr);
        Assert.Contains("CB030", r.Stderr);
    }

    [Theory]
    [InlineData("logit-adjusted", "log π_c")]
    [InlineData("ldam", "n_c^(-1/4)")]
    [InlineData("vector-scaling", "log π_c")]
    [InlineData("distribution-balanced", "1/n_c")]
    public void A_class_without_samples_is_refused_for_a_loss_that_needs_every_class(string loss, string need)
    {
        CliResult r = Cli.Run("enum", "--counts", "9,0,1", "--name", "Pets", "--loss", loss, "--zero-counts", "zero-weight");

        Assert.Equal(1, r.ExitCode);
        Assert.Contains("CB031", r.Stderr);
        Assert.Contains(need, r.Stderr);
    }

    [Fact]
    public void The_asymmetric_loss_needs_no_counts_and_takes_an_empty_class_with_zero_weight()
    {
        CliResult r = Cli.Run("enum", "--counts", "9,0,1", "--name", "Pets", "--loss", "asymmetric", "--zero-counts", "zero-weight");

        Assert.True(r.ExitCode == 0, r.Stderr);
        CbGenRunResult run = CbGenRunner.Run(CbGenRunner.CreateCompilation(new[] { r.Stdout }, withTorchSharp: false));
        Assert.True(run.GeneratorDiagnostics.IsEmpty && run.AnalyzerDiagnostics.IsEmpty, run.DescribeDiagnostics());
    }
}
