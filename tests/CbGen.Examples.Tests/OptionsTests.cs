using System;
using System.Linq;
using FashionMnistLongTail;
using LongTailData.CommandLine;

namespace CbGen.Examples.Tests;

public sealed class OptionsTests
{
    [Fact]
    public void Defaults_are_the_fixed_protocol()
    {
        var o = Options.Parse([]);

        Assert.Equal([100], o.Imbalances);
        Assert.Equal(30, o.Epochs);
        Assert.Equal(2, o.Seeds);
        Assert.Equal("out", o.OutputDirectory);
        Assert.Null(o.SubsetCap);
        Assert.Null(o.DataDirectory);
        Assert.True(o.Plots);
        Assert.Equal(LossCatalog.All.Select(s => s.Kind), o.Losses);
        Assert.Equal(13, o.Losses.Count);
    }

    [Fact]
    public void Every_option_is_parsed()
    {
        var o = Options.Parse(["--data", "/d", "--imbalance", "50", "--epochs", "3", "--seeds", "1", "--out", "o",
            "--subset", "40", "--losses", "ce,cb-focal0.5", "--no-plots"]);

        Assert.Equal("/d", o.DataDirectory);
        Assert.Equal([50], o.Imbalances);
        Assert.Equal(3, o.Epochs);
        Assert.Equal(1, o.Seeds);
        Assert.Equal("o", o.OutputDirectory);
        Assert.Equal(40, o.SubsetCap);
        Assert.Equal([LossKind.CrossEntropy, LossKind.CbFocalGammaHalf], o.Losses);
        Assert.False(o.Plots);
    }

    [Fact]
    public void Search_options_are_parsed_and_checked()
    {
        var o = Options.Parse(["--search", "--search-epochs", "7", "--halving"]);
        Assert.True(o.Search);
        Assert.True(o.Halving);
        Assert.Equal(7, o.SearchEpochs);
        Assert.False(Options.Parse([]).Search);
        Assert.Equal(15, Options.Parse(["--search"]).SearchEpochs);
        Assert.Contains("goes with --search", Assert.Throws<UsageException>(() => Options.Parse(["--halving"])).Message);
        Assert.Null(o.WeightDecays);
        Assert.Equal([5e-4, 5e-3, 0.0], Options.Parse(["--search", "--weight-decays", "5e-4, 0.005,0"]).WeightDecays);
        Assert.Contains("one imbalance factor", Assert.Throws<UsageException>(() => Options.Parse(["--search", "--all"])).Message);
    }

    [Fact]
    public void All_runs_the_three_imbalance_factors()
    {
        Assert.Equal([10, 50, 100], Options.Parse(["--all"]).Imbalances);
    }

    [Theory]
    [InlineData("--imbalance 20", "10, 50 or 100")]
    [InlineData("--epochs 0", "positive whole number")]
    [InlineData("--epochs", "needs a value")]
    [InlineData("--losses ce,nope", "Unknown loss 'nope'")]
    [InlineData("--frobnicate", "Unknown option '--frobnicate'")]
    [InlineData("--all --imbalance 10", "either --all or --imbalance")]
    [InlineData("--weight-decays 5e-4,5e-3", "--weight-decays goes with --search")]
    [InlineData("--search --weight-decays 5e-4,abc", "finite numbers ≥ 0 separated by commas (e.g. 5e-4,5e-3); got 'abc'")]
    [InlineData("--search --weight-decays -1e-3", "finite numbers ≥ 0 separated by commas (e.g. 5e-4,5e-3); got '-1e-3'")]
    [InlineData("--search --weight-decays NaN", "got 'NaN'")]
    [InlineData("--search --weight-decays 5e-4,0.0005", "lists 0.0005 twice")]
    [InlineData("--search --weight-decays ,", "at least one weight decay")]
    public void Bad_command_lines_say_what_is_wrong(string line, string expected)
    {
        var e = Assert.Throws<UsageException>(() => Options.Parse(line.Split(' ')));

        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }
}
