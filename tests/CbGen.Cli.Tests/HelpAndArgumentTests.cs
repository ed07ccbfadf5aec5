using System;
using System.Collections.Generic;
using CbGen.Cli.Arguments;

namespace CbGen.Cli.Tests;

public sealed class HelpAndArgumentTests
{
    [Theory]
    [InlineData("count", "Usage: cbgen count PATH")]
    [InlineData("weights", "Usage: cbgen weights --beta B")]
    [InlineData("enum", "Usage: cbgen enum (PATH | --counts")]
    [InlineData("doctor", "Usage: cbgen doctor")]
    public void Every_command_has_help(string command, string usage)
    {
        foreach (string flag in new[] { "--help", "-h" })
        {
            CliResult r = Cli.Run(command, flag);
            Assert.Equal(0, r.ExitCode);
            Assert.StartsWith(usage, r.Stdout, StringComparison.Ordinal);
            Assert.Equal(string.Empty, r.Stderr);
        }

        // Help wins over otherwise wrong arguments, and 'cbgen help COMMAND' works too.
        CliResult withBogus = Cli.Run(command, "--bogus", "--help");
        Assert.Equal(0, withBogus.ExitCode);
        Assert.StartsWith(usage, withBogus.Stdout, StringComparison.Ordinal);
        Assert.StartsWith(usage, Cli.Run("help", command).Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Tool_help_lists_every_command()
    {
        CliResult r = Cli.Run("--help");
        Assert.Equal(0, r.ExitCode);
        foreach (string command in new[] { "count PATH", "weights --beta", "enum PATH", "doctor" })
        {
            Assert.Contains("  " + command, r.Stdout);
        }

        Assert.Equal(r.Stdout, Cli.Run("-h").Stdout);
    }

    /// <summary>What <c>cbgen count</c> reads, as the input section of its help lists it.</summary>
    private static readonly string[] InputFormats = { "folder", "CSV/TSV", "IDX", "counts file", "COCO-style JSON", "Parquet" };

    [Fact]
    public void The_count_summaries_name_every_input_format()
    {
        string tool = Cli.Run("--help").Stdout;
        int start = tool.IndexOf("  count PATH", StringComparison.Ordinal);
        string toolLine = tool.Substring(start, tool.IndexOf("  weights", start, StringComparison.Ordinal) - start);
        string count = Cli.Run("count", "--help").Stdout;
        string countSummary = count.Substring(0, count.IndexOf("Input (PATH):", StringComparison.Ordinal));

        foreach (string format in InputFormats)
        {
            Assert.Contains(format, count.Substring(countSummary.Length), StringComparison.Ordinal);
            Assert.Contains(format, OneLine(toolLine), StringComparison.Ordinal);
            Assert.Contains(format, OneLine(countSummary), StringComparison.Ordinal);
        }
    }

    private static string OneLine(string text) => System.Text.RegularExpressions.Regex.Replace(text, @"\s+", " ");

    [Fact]
    public void No_arguments_prints_help_to_stderr_with_exit_2()
    {
        CliResult r = Cli.Run();
        Assert.Equal(2, r.ExitCode);
        Assert.Equal(string.Empty, r.Stdout);
        Assert.Contains("Usage: cbgen COMMAND", r.Stderr);
    }

    [Fact]
    public void Unknown_command_and_option_are_usage_errors_with_hints()
    {
        CliResult command = Cli.Run("weigths");
        Assert.Equal(2, command.ExitCode);
        Assert.Contains("unknown command 'weigths'", command.Stderr);
        Assert.Contains("Run 'cbgen --help'", command.Stderr);

        CliResult option = Cli.Run("weights", "--bta", "0.9", "--counts", "1,2");
        Assert.Equal(2, option.ExitCode);
        Assert.Contains("unknown option '--bta' (did you mean --beta?)", option.Stderr);
        Assert.Contains("Run 'cbgen weights --help'", option.Stderr);
    }

    [Fact]
    public void Version_is_printed()
    {
        CliResult r = Cli.Run("--version");
        Assert.Equal(0, r.ExitCode);
        Assert.Matches(@"^cbgen \d+\.\d+\.\d+", r.Stdout);
    }

    private static readonly OptionSpec[] Specs =
    {
        new("--beta", true), new("--json", false), new("--column", true), new("--output", true, "-o"),
    };

    [Fact]
    public void Parser_handles_equals_aliases_negative_values_and_double_dash()
    {
        ParsedArgs a = ParsedArgs.Parse("t", new List<string> { "in.csv", "--beta=0.9", "--column", "-1", "-o", "out", "--json", "--", "--weird" }, Specs);
        Assert.Equal("0.9", a.Get("--beta"));
        Assert.Equal("-1", a.Get("--column"));
        Assert.Equal("out", a.Get("--output"));
        Assert.True(a.Has("--json"));
        Assert.Equal(new[] { "in.csv", "--weird" }, a.Positionals);
        Assert.False(a.HelpRequested);
    }

    [Theory]
    [InlineData("--beta", "needs a value")]
    [InlineData("--json=1", "is a switch and takes no value")]
    [InlineData("--nope", "unknown option '--nope'")]
    public void Parser_errors(string arg, string message)
    {
        UsageException e = Assert.Throws<UsageException>(() => ParsedArgs.Parse("t", new List<string> { arg }, Specs));
        Assert.Contains(message, e.Message);
        Assert.Equal("t", e.Command);
    }

    [Fact]
    public void Option_given_twice_is_an_error()
    {
        UsageException e = Assert.Throws<UsageException>(() => ParsedArgs.Parse("t", new List<string> { "--beta", "1", "--beta", "2" }, Specs));
        Assert.Contains("given twice", e.Message);
    }
}
