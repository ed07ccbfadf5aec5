using System;
using System.IO;

namespace LongTailData.Tests;

/// <summary>
/// <c>./build.sh data glyphs|wordnet|debtags [options]</c> (<see cref="Cli"/>): a bad value names its option and what it
/// accepts, with the usage and exit code 2, before any file is read (the files given here do not exist: reading one
/// would be a data error, exit code 1).
/// </summary>
public sealed class CliOptionsTests
{
    [Theory]
    [InlineData("glyphs --min abc", "--min needs a positive whole number; got 'abc'.")]
    [InlineData("glyphs --min 0", "--min needs a positive whole number; got '0'.")]
    [InlineData("glyphs --min", "--min needs a value.")]
    [InlineData("glyphs --test -1", "--test needs a positive whole number; got '-1'.")]
    [InlineData("glyphs --validation abc", "--validation needs a number strictly between 0 and 1 (e.g. 0.1); got 'abc'.")]
    [InlineData("glyphs --validation 1", "--validation needs a number strictly between 0 and 1 (e.g. 0.1); got '1'.")]
    [InlineData("glyphs --seed -1", "--seed needs a whole number ≥ 0; got '-1'.")]
    [InlineData("glyphs --min 5 --test 10", "--min needs to be at least --test + 2 = 12 (a kept class needs its test samples plus 1 validation and 1 training sample); got '5'. Raise --min or lower --test.")]
    [InlineData("wordnet --seed 2.5", "--seed needs a whole number ≥ 0; got '2.5'.")]
    [InlineData("wordnet --test x", "--test needs a positive whole number; got 'x'.")]
    [InlineData("debtags --min abc", "--min needs a positive whole number; got 'abc'.")]
    [InlineData("debtags --test-fraction 0", "--test-fraction needs a number strictly between 0 and 1 (e.g. 0.2); got '0'.")]
    [InlineData("debtags --test-fraction NaN", "--test-fraction needs a number strictly between 0 and 1 (e.g. 0.2); got 'NaN'.")]
    [InlineData("debtags --seed 99999999999999999999999", "--seed needs a whole number ≥ 0; got '99999999999999999999999'.")]
    public void A_bad_value_names_its_option_and_what_it_accepts_before_any_file_is_read(string line, string expected)
    {
        string[] args = line.Split(' ');
        string[] files = args[0] switch
        {
            "glyphs" => ["--unifont", "/nonexistent/unifont.hex", "--unihan", "/nonexistent/Unihan.bz2"],
            "wordnet" => ["--dir", "/nonexistent-wordnet"],
            _ => ["--packages", "/nonexistent/Packages"],
        };
        var output = new StringWriter();
        var error = new StringWriter();

        int code = Cli.Run([args[0], .. files, .. args[1..]], output, error);

        Assert.Equal(2, code);
        Assert.Equal("error: " + expected + Environment.NewLine + Cli.Usage + Environment.NewLine, error.ToString());
        Assert.Equal(string.Empty, output.ToString());
    }

    [Fact]
    public void Good_values_are_read()
    {
        var output = new StringWriter();
        var error = new StringWriter();

        int code = Cli.Run(["glyphs", "--unifont", FixtureFiles.Unifont, "--unihan", FixtureFiles.Unihan, "--min", "3", "--test", "1",
            "--validation", "0.25", "--seed", "0"], output, error);

        Assert.Equal(string.Empty, error.ToString());
        Assert.Equal(0, code);
        Assert.Contains("glyphs: 3 classes, 13 samples", output.ToString(), StringComparison.Ordinal);
    }
}
