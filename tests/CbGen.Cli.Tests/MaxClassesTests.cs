using System;
using System.Globalization;
using System.Text;

namespace CbGen.Cli.Tests;

/// <summary>Issue 12 item 8: a column where (nearly) every row is its own class gets a warning, and a cap
/// (--max-classes) with a clear error past it, raised as soon as the cap is passed.</summary>
public sealed class MaxClassesTests : IDisposable
{
    private readonly TempDir temp = new();

    public void Dispose() => temp.Dispose();

    private string IdColumn(string name, int rows)
    {
        var sb = new StringBuilder("path,label\n");
        for (int i = 0; i < rows; i++)
        {
            sb.Append("img/").Append(i.ToString("D7", CultureInfo.InvariantCulture)).Append(".png,").Append(i % 3 == 0 ? "cat" : "dog").Append('\n');
        }

        return temp.File(name, sb.ToString());
    }

    [Fact]
    public void A_column_of_paths_past_the_cap_fails_at_the_first_label_past_it()
    {
        string csv = IdColumn("train.csv", 5000);

        CliResult r = Cli.Run("count", csv, "--column", "path", "--max-classes", "100");

        Assert.Equal(1, r.ExitCode);
        Assert.Equal(string.Empty, r.Stdout);
        // Header on line 1, so the 101st distinct path is on line 102: the reader stops there.
        Assert.Contains("column 'path' has more than 100 distinct labels (the cap was passed at line 102)", r.Stderr);
        Assert.Contains("not an id or a path", r.Stderr);
        Assert.Contains("--max-classes (now 100)", r.Stderr);
    }

    [Fact]
    public void The_default_cap_is_100000_distinct_labels()
    {
        string csv = IdColumn("big.csv", 100_001);

        CliResult r = Cli.Run("count", csv, "--column", "path");

        Assert.Equal(1, r.ExitCode);
        Assert.Contains("more than 100000 distinct labels (the cap was passed at line 100002)", r.Stderr);

        CliResult raised = Cli.Run("count", csv, "--column", "path", "--max-classes", "200000", "--csv");
        Assert.Equal(0, raised.ExitCode);
        Assert.Equal(100_002, raised.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length); // header + classes
    }

    [Fact]
    public void Nearly_every_row_its_own_class_is_a_warning_under_the_cap()
    {
        string csv = IdColumn("ids.csv", 40);

        CliResult r = Cli.Run("count", csv, "--column", "path");

        Assert.Equal(0, r.ExitCode);
        Assert.Contains("cbgen: warning: 40 rows gave 40 classes (column 'path'): (nearly) every row is its own class", r.Stderr);

        CliResult labels = Cli.Run("count", csv, "--column", "label");
        Assert.Equal(0, labels.ExitCode);
        Assert.DoesNotContain("warning", labels.Stderr);
    }

    [Fact]
    public void Integer_class_indices_past_the_cap_are_an_error_not_a_huge_table()
    {
        string csv = temp.File("ints.csv", "label\n0\n1\n500000\n");
        CliResult r = Cli.Run("count", csv, "--max-classes", "1000");
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("integer labels up to 500000, read as class indices 0..500000 (500001 classes)", r.Stderr);
    }

    [Fact]
    public void Folders_with_more_sub_folders_than_the_cap_are_an_error()
    {
        for (int i = 0; i < 5; i++)
        {
            temp.File("tree/c" + i + "/1.png", "x");
        }

        CliResult r = Cli.Run("count", System.IO.Path.Combine(temp.Path, "tree"), "--max-classes", "4");
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("5 classes is more than --max-classes (4)", r.Stderr);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("1")]
    [InlineData("ten")]
    [InlineData("-5")]
    public void A_bad_max_classes_is_a_usage_error(string value)
    {
        string csv = temp.File("t.csv", "label\na\nb\n");
        CliResult r = Cli.Run("count", csv, "--max-classes", value);
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("--max-classes must be a whole number ≥ 2", r.Stderr);
    }
}
