using System;
using System.IO;
using LongTailData.Glyphs;
using LongTailData.Splits;

namespace LongTailData.Tests;

public sealed class DatasetSummaryTests
{
    private static readonly SplitOptions Small = new(MinPerClass: 3, TestPerClass: 1);

    [Fact]
    public void Summary_names_the_largest_and_smallest_classes_and_the_imbalance()
    {
        DatasetSummary s = DatasetSummary.Of(GlyphDataset.Build(FixtureFiles.Unifont, FixtureFiles.Unihan, Small));

        Assert.Equal(3, s.ClassCount);
        Assert.Equal(13, s.Samples);
        Assert.Equal(("1 \u2F00", 5L), s.Largest); // ties go to the first class
        Assert.Equal(("120 \u2F77", 3L), s.Smallest);
        Assert.Equal(5.0 / 3.0, s.Imbalance, 12);
        Assert.Equal(3.0, s.TrainImbalance, 12);
        Assert.Equal(13, s.Train + s.Validation + s.Test);
    }

    [Fact]
    public void The_console_prints_the_summary_and_exits_zero()
    {
        var output = new StringWriter();
        var error = new StringWriter();

        int code = Cli.Run(["glyphs", "--unifont", FixtureFiles.Unifont, "--unihan", FixtureFiles.Unihan, "--min", "3", "--test", "1"], output, error);

        Assert.Equal(0, code);
        Assert.Contains("glyphs: 3 classes, 13 samples", output.ToString(), StringComparison.Ordinal);
        Assert.Equal(string.Empty, error.ToString());
    }

    [Fact]
    public void The_console_reports_a_data_error_with_exit_code_one()
    {
        var error = new StringWriter();

        int code = Cli.Run(["wordnet", "--dir", "/nonexistent-wordnet"], new StringWriter(), error);

        Assert.Equal(1, code);
        Assert.Contains("/nonexistent-wordnet/data.noun: the file does not exist", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("apt-get install wordnet-base", error.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("fonts")]
    [InlineData("glyphs", "--min")]
    [InlineData("glyphs", "--min", "x")]
    [InlineData("glyphs", "--min", "5", "--test", "10")]
    [InlineData("glyphs", "--unifnot", "x.hex")]
    [InlineData("wordnet", "--unifont", "x.hex")]
    [InlineData("glyphs", "--nouns")]
    public void The_console_rejects_bad_arguments_with_usage(params string[] args)
    {
        var error = new StringWriter();

        Assert.Equal(2, Cli.Run(args, new StringWriter(), error));
        Assert.Contains("usage: LongTailData", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_misspelt_option_is_named_not_ignored()
    {
        var error = new StringWriter();

        Cli.Run(["glyphs", "--unifnot", FixtureFiles.Unifont], new StringWriter(), error);

        Assert.StartsWith("error: unknown option '--unifnot' for glyphs", error.ToString(), StringComparison.Ordinal);
    }
}
