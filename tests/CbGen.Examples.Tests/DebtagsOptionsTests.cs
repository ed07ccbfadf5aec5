using System;
using System.IO;
using System.Linq;
using DebtagsLongTail;
using LongTailData.CommandLine;
using LongTailData.Debtags;

namespace CbGen.Examples.Tests;

/// <summary>
/// The debtags benchmark's command line (<see cref="BenchmarkOptions"/>): the glyph benchmark's rules and messages
/// (LongTailData's <see cref="OptionReader"/>), checked before the Packages list is read.
/// </summary>
public sealed class DebtagsOptionsTests
{
    [Fact]
    public void Defaults_are_the_committed_tables()
    {
        BenchmarkOptions o = BenchmarkOptions.Parse([]);

        Assert.Equal(3, o.Seeds);
        Assert.Equal(new TrainSettings(), o.Settings);
        Assert.Equal(LossRows.All, o.Rows);
        Assert.Null(o.Packages);
        Assert.False(o.Help);
    }

    [Fact]
    public void The_results_go_to_out_debtags_unless_told_otherwise_like_the_other_demos()
    {
        Assert.Equal("out/debtags", BenchmarkOptions.Parse([]).OutputDirectory);
        Assert.Equal("docs/results/debtags", BenchmarkOptions.Parse(["--out", "docs/results/debtags"]).OutputDirectory);
        Assert.Contains("--out DIR           write results.json and results.md into DIR after each row (default out/debtags)",
            BenchmarkOptions.Usage, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_option_is_read()
    {
        BenchmarkOptions o = BenchmarkOptions.Parse(["--packages", "P", "--seeds", "2", "--epochs", "4", "--rows", "ASL, BCE", "--out", "o"]);

        Assert.Equal("P", o.Packages);
        Assert.Equal(2, o.Seeds);
        Assert.Equal(new TrainSettings() with { Epochs = 4 }, o.Settings);
        Assert.Equal(["BCE", "ASL"], o.Rows.Select(r => r.Name));
        Assert.Equal("o", o.OutputDirectory);
        Assert.True(BenchmarkOptions.Parse(["--help"]).Help);
    }

    [Theory]
    [InlineData("--seeds 0", "--seeds needs a positive whole number; got '0'.")]
    [InlineData("--seeds -2", "--seeds needs a positive whole number; got '-2'.")]
    [InlineData("--seeds abc", "--seeds needs a positive whole number; got 'abc'.")]
    [InlineData("--epochs 0", "--epochs needs a positive whole number; got '0'.")]
    [InlineData("--epochs", "--epochs needs a value.")]
    [InlineData("--rows ,", "--rows needs at least one row; the rows are BCE, CB sigmoid, CB focal, DB, ASL.")]
    [InlineData("--rows BCE,Focal", "unknown row 'Focal' in --rows")]
    [InlineData("--out --seeds 1", "--out needs a value.")]
    [InlineData("--frobnicate 1", "Unknown option '--frobnicate'.")]
    public void Bad_command_lines_say_which_option_is_wrong(string line, string expected)
    {
        var e = Assert.Throws<UsageException>(() => BenchmarkOptions.Parse(line.Split(' ')));

        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_pipeline_refuses_zero_seeds_and_zero_epochs_instead_of_reporting_nothing()
    {
        var data = DebtagsDataset.Build(Path.Combine(AppContext.BaseDirectory, "Fixtures", "debtags", "Packages"), new DebtagsOptions(3));
        var settings = new TrainSettings(Buckets: 256, Epochs: 1, BatchSize: 2);
        long[][] features = Benchmark.Featurise(data, settings);

        Assert.Throws<ArgumentOutOfRangeException>(() => Benchmark.Run(data, features, seeds: 0, settings));
        Assert.Throws<ArgumentOutOfRangeException>(() => Benchmark.Run(data, features, seeds: 1, settings with { Epochs = 0 }));
    }
}
