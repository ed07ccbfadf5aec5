using System;
using System.CommandLine;
using System.Linq;
using CbGen.Cli.Arguments;

namespace CbGen.Cli.Tests;

/// <summary>cbgen's command line is System.CommandLine's: its help layout (Description, Usage, Arguments, Options),
/// its -h/-?/--help and --version, its parse errors on standard error, and its exit code 1 for every error.</summary>
public sealed class HelpAndArgumentTests
{
    [Theory]
    [InlineData("count", "cbgen count [<PATH>] [options]")]
    [InlineData("weights", "cbgen weights [<PATH>] [options]")]
    [InlineData("enum", "cbgen enum [<PATH>] [options]")]
    [InlineData("doctor", "cbgen doctor [options]")]
    public void Every_command_has_help(string command, string usage)
    {
        foreach (string flag in new[] { "--help", "-h", "-?" })
        {
            CliResult r = Cli.Run(command, flag);
            Assert.Equal(0, r.ExitCode);
            Assert.StartsWith("Description:\n", r.Stdout, StringComparison.Ordinal);
            Assert.Contains("Usage:\n  " + usage + "\n", r.Stdout, StringComparison.Ordinal);
            Assert.Contains("Options:\n", r.Stdout, StringComparison.Ordinal);
            Assert.Equal(string.Empty, r.Stderr);
        }

        // Help wins over otherwise wrong arguments, and 'cbgen help COMMAND' works too.
        CliResult withBogus = Cli.Run(command, "--bogus", "--help");
        Assert.Equal(0, withBogus.ExitCode);
        Assert.Contains(usage, withBogus.Stdout, StringComparison.Ordinal);
        Assert.Equal(Cli.Run(command, "--help").Stdout, Cli.Run("help", command).Stdout);
    }

    [Theory]
    [InlineData("count", "--json", "--csv", "--column", "--header", "--no-header", "--as", "--max-classes", "--output")]
    [InlineData("weights", "--beta", "--counts", "--normalization", "--zero-counts", "--json", "--output", "--column")]
    [InlineData("enum", "--name", "--namespace", "--beta", "--loss", "--gamma", "--zero-counts", "--naming", "--counts-file", "--counts", "--output")]
    [InlineData("doctor", "--libstdcxx", "--nuget-packages", "--tool-dir")]
    public void Every_option_is_listed_with_a_description(string command, params string[] options)
    {
        string help = Cli.Run(command, "--help").Stdout;
        string listed = help.Substring(help.IndexOf("Options:\n", StringComparison.Ordinal));
        foreach (string option in options)
        {
            // An option's line starts with it (or with its alias): "  --beta <B>  β in [0, 1] …", "  -o, --output <FILE>  …".
            string line = listed.Split('\n').Single(l => System.Text.RegularExpressions.Regex.IsMatch(l, @"^  (-\w, )?" + option + "[ <]"));
            Assert.True(line.Trim().Length > option.Length + 12, command + " " + option + " has no description: " + line);
        }
    }

    [Fact]
    public void Tool_help_lists_every_command()
    {
        CliResult r = Cli.Run("--help");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("Usage:\n  cbgen [command] [options]\n", r.Stdout, StringComparison.Ordinal);
        foreach (string command in new[] { "count <PATH>", "weights <PATH>", "enum <PATH>", "doctor" })
        {
            Assert.Contains("  " + command + " ", r.Stdout, StringComparison.Ordinal);
        }

        Assert.Equal(r.Stdout, Cli.Run("-h").Stdout);
        Assert.Equal(r.Stdout, Cli.Run("help").Stdout);
    }

    /// <summary>What <c>cbgen count</c> reads, as the input section of its help lists it.</summary>
    private static readonly string[] InputFormats = { "folder", "CSV/TSV", "IDX", "counts file", "COCO-style JSON", "Parquet" };

    [Fact]
    public void The_count_summaries_name_every_input_format()
    {
        string tool = Cli.Run("--help").Stdout;
        int start = tool.IndexOf("  count <PATH>", StringComparison.Ordinal);
        string toolLine = tool.Substring(start, tool.IndexOf("  weights <PATH>", start, StringComparison.Ordinal) - start);
        string count = Cli.Run("count", "--help").Stdout;
        string countSummary = count.Substring(0, count.IndexOf("Usage:", StringComparison.Ordinal));
        string inputSection = count.Substring(count.IndexOf("Input (PATH):", StringComparison.Ordinal));

        foreach (string format in InputFormats)
        {
            Assert.Contains(format, inputSection, StringComparison.Ordinal);
            Assert.Contains(format, OneLine(toolLine), StringComparison.Ordinal);
            Assert.Contains(format, OneLine(countSummary), StringComparison.Ordinal);
        }
    }

    private static string OneLine(string text) => System.Text.RegularExpressions.Regex.Replace(text, @"\s+", " ");

    [Fact]
    public void No_arguments_is_an_error_with_exit_1()
    {
        CliResult r = Cli.Run();
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("Required command was not provided.", r.Stderr, StringComparison.Ordinal);
        Assert.Contains("Usage:\n  cbgen [command] [options]", r.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("weigths", "'weights'")]
    [InlineData("cuont", "'count'")]
    [InlineData("emun", "'enum'")]
    [InlineData("docter", "'doctor'")]
    public void A_mistyped_command_is_one_line_naming_the_closest_command(string typed, string closest)
    {
        CliResult r = Cli.Run(typed, "--beta", "0.9");
        Assert.Equal(1, r.ExitCode);
        Assert.Equal(string.Empty, r.Stdout);
        string line = Assert.Single(r.Stderr.TrimEnd('\n').Split('\n'));
        Assert.StartsWith("cbgen: error: unknown command '" + typed + "'", line, StringComparison.Ordinal);
        Assert.Contains("did you mean " + closest + "?", line, StringComparison.Ordinal);
        Assert.EndsWith("Run 'cbgen --help' for usage.", line, StringComparison.Ordinal);
    }

    [Fact]
    public void A_command_nothing_like_any_other_is_one_line_without_a_guess()
    {
        CliResult r = Cli.Run("frobnicate");
        Assert.Equal(1, r.ExitCode);
        Assert.Equal(string.Empty, r.Stdout);
        Assert.Equal("cbgen: error: unknown command 'frobnicate'. Run 'cbgen --help' for usage.\n", r.Stderr);
    }

    [Fact]
    public void Unknown_options_are_errors_with_hints()
    {
        CliResult option = Cli.Run("weights", "--bta", "0.9", "--counts", "1,2");
        Assert.Equal(1, option.ExitCode);
        Assert.Contains("unknown option '--bta' (did you mean --beta?)", option.Stderr, StringComparison.Ordinal);
        Assert.Contains("Run 'cbgen weights --help'", option.Stderr, StringComparison.Ordinal);

        CliResult afterPath = Cli.Run("count", "in.csv", "--jsn");
        Assert.Equal(1, afterPath.ExitCode);
        Assert.Contains("unknown option '--jsn' (did you mean --json?)", afterPath.Stderr, StringComparison.Ordinal);
        Assert.Equal(string.Empty, afterPath.Stdout);

        CliResult atRoot = Cli.Run("--bogus");
        Assert.Equal(1, atRoot.ExitCode);
        Assert.Equal("cbgen: error: unknown option '--bogus'. Run 'cbgen --help' for usage.\n", atRoot.Stderr);
    }

    [Theory]
    [InlineData("count")]
    [InlineData("weights")]
    [InlineData("enum")]
    public void A_second_path_is_an_error_naming_both(string command)
    {
        CliResult r = Cli.Run(command, "a.csv", "b.csv");
        Assert.Equal(1, r.ExitCode);
        Assert.Equal(string.Empty, r.Stdout);
        Assert.Contains("cbgen: error: " + command + " takes one PATH but got 2: a.csv b.csv.", r.Stderr, StringComparison.Ordinal);
        Assert.Contains("Run 'cbgen " + command + " --help' for usage.", r.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Version_is_printed()
    {
        CliResult r = Cli.Run("--version");
        Assert.Equal(0, r.ExitCode);
        Assert.Matches(@"^\d+\.\d+\.\d+", r.Stdout);
    }

    private static readonly OptionSpec[] Specs =
    {
        new("--beta", "B", "β"), new("--json", null, "JSON output"), new("--column", "COLUMN", "the column"), new("--output", "FILE", "the file", "-o"),
    };

    private static ParsedArgs Parse(params string[] args)
    {
        var tree = new CommandTree("t", "a test command", Specs, "the inputs");
        ParseResult result = tree.Command.Parse(args);
        Assert.Empty(result.Errors);
        return tree.Read(result);
    }

    [Fact]
    public void Parser_handles_equals_aliases_negative_values_and_double_dash()
    {
        ParsedArgs a = Parse("--beta=0.9", "--column", "-1", "-o", "out", "--json", "--", "--weird");
        Assert.Equal("0.9", a.Get("--beta"));
        Assert.Equal("-1", a.Get("--column"));
        Assert.Equal("out", a.Get("--output"));
        Assert.True(a.Has("--json"));
        Assert.False(a.Has("--beta2"));
        Assert.Equal("--weird", a.Path);
    }

    [Theory]
    [InlineData("Required argument missing for option: '--beta'.", "--beta")]
    [InlineData("Option '--beta' expects a single argument but 2 were provided.", "--beta", "1", "--beta", "2")]
    public void Parser_errors_are_System_CommandLines(string message, params string[] args)
    {
        var tree = new CommandTree("t", "a test command", Specs, "the inputs");
        Assert.Contains(message, tree.Command.Parse(args).Errors.Select(e => e.Message));
    }

    [Fact]
    public void An_unknown_option_is_not_taken_for_a_path()
    {
        var tree = new CommandTree("t", "a test command", Specs, "the inputs");
        UsageException e = Assert.Throws<UsageException>(() => tree.Read(tree.Command.Parse(new[] { "in.csv", "--nope" })));
        Assert.Contains("unknown option '--nope'", e.Message, StringComparison.Ordinal);
        Assert.Equal("t", e.Command);
    }
}
