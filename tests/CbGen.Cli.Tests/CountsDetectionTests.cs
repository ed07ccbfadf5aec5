using System;
using System.Collections.Generic;
using System.Text.Json;

namespace CbGen.Cli.Tests;

/// <summary>Issue 12 item 7: a counts file is told from a label file as the generator reads counts files, and a file
/// that could be either is refused with a message naming --as counts.</summary>
public sealed class CountsDetectionTests : IDisposable
{
    private readonly TempDir temp = new();

    public void Dispose() => temp.Dispose();

    private static List<(string Name, long Count)> ClassesOf(string json)
    {
        using JsonDocument doc = JsonDocument.Parse(json);
        var result = new List<(string, long)>();
        foreach (JsonElement c in doc.RootElement.GetProperty("classes").EnumerateArray())
        {
            result.Add((c.GetProperty("name").GetString()!, c.GetProperty("count").GetInt64()));
        }

        return result;
    }

    [Fact]
    public void Headerless_counts_file_is_refused_naming_as_counts_not_read_as_901_classes()
    {
        string file = temp.File("counts.csv", "cat,900\ndog,90\n");

        CliResult r = Cli.Run("count", file);

        Assert.Equal(1, r.ExitCode);
        Assert.Equal(string.Empty, r.Stdout);
        Assert.Contains("--as counts", r.Stderr);
        Assert.Contains("--as labels", r.Stderr);
        Assert.DoesNotContain("901", r.Stderr);
    }

    [Fact]
    public void Headerless_counts_file_with_as_counts_gives_the_generators_classes()
    {
        string file = temp.File("counts.csv", "# two classes\ncat,900\ndog,90\n");
        CliResult r = Cli.Run("count", file, "--as", "counts", "--json");
        Assert.True(r.ExitCode == 0, r.Stderr);
        Assert.Equal(new[] { ("cat", 900L), ("dog", 90L) }, ClassesOf(r.Stdout));
    }

    [Theory]
    [InlineData("name,2019 count\ncat,900\ndog,90\n")]
    [InlineData("species,images\ncat,900\ndog,90\n")]
    public void A_header_whose_count_is_not_a_whole_number_is_a_header_as_in_the_generator(string text)
    {
        string file = temp.File("counts.csv", text);

        // Auto-detection cannot tell these from 'path,class index' label files: it asks.
        CliResult auto = Cli.Run("count", file);
        Assert.Equal(1, auto.ExitCode);
        Assert.Contains("--as counts", auto.Stderr);

        CliResult r = Cli.Run("count", file, "--as", "counts", "--json");
        Assert.True(r.ExitCode == 0, r.Stderr);
        Assert.Equal(new[] { ("cat", 900L), ("dog", 90L) }, ClassesOf(r.Stdout));
    }

    [Fact]
    public void Comment_lines_are_skipped_and_a_quoted_hash_name_is_a_class_as_in_the_generator()
    {
        string file = temp.File("counts.csv", "# written by hand\nname,count\n  # indented comment\n\"#hash\",3\ncat,4\n");
        CliResult r = Cli.Run("count", file, "--json");
        Assert.True(r.ExitCode == 0, r.Stderr);
        Assert.Equal(new[] { ("#hash", 3L), ("cat", 4L) }, ClassesOf(r.Stdout));
    }

    [Fact]
    public void A_name_count_header_is_still_detected()
    {
        string file = temp.File("counts.csv", "name,count\ncat,900\ndog,90\n");
        CliResult r = Cli.Run("count", file, "--json");
        Assert.True(r.ExitCode == 0, r.Stderr);
        Assert.Equal(new[] { ("cat", 900L), ("dog", 90L) }, ClassesOf(r.Stdout));
    }

    [Theory]
    [InlineData("path,label\na.png,1\nb.png,0\nc.png,1\n")]
    [InlineData("a.png,1\nb.png,0\nc.png,1\na.png,1\n")] // a repeated first column: not a counts file
    public void Label_files_with_integer_labels_stay_label_files(string text)
    {
        string file = temp.File("labels.csv", text);
        CliResult r = Cli.Run("count", file, "--json");
        Assert.True(r.ExitCode == 0, r.Stderr);
        Assert.Equal(("0", 1L), ClassesOf(r.Stdout)[0]);
        Assert.Equal(2, ClassesOf(r.Stdout).Count);
    }

    [Fact]
    public void Column_or_as_labels_reads_an_ambiguous_file_as_labels()
    {
        string file = temp.File("labels.csv", "a.png,1\nb.png,0\nc.png,1\n");
        foreach (string[] extra in new[] { new[] { "--as", "labels" }, new[] { "--column", "1" }, new[] { "--no-header" } })
        {
            var args = new List<string> { "count", file, "--json" };
            args.AddRange(extra);
            CliResult r = Cli.Run(args.ToArray());
            Assert.True(r.ExitCode == 0, string.Join(" ", extra) + ": " + r.Stderr);
            Assert.Equal(new[] { ("0", 1L), ("1", 2L) }, ClassesOf(r.Stdout));
        }
    }

    [Fact]
    public void Weights_and_enum_refuse_the_ambiguous_file_too()
    {
        string file = temp.File("counts.csv", "cat,900\ndog,90\n");
        Assert.Contains("--as counts", Cli.Run("weights", "--beta", "0.99", file).Stderr);
        Assert.Contains("--as counts", Cli.Run("enum", file, "--name", "Pets").Stderr);
    }
}
