using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using Parquet;
using Parquet.Schema;

namespace CbGen.Cli.Tests;

/// <summary><c>cbgen count --multi-label</c>: a label-list column (CSV/TSV split at <c>--separator</c>, a Parquet string
/// column) or COCO images is one sample per row or image, each class positive once per sample, and the counts file
/// gets N as its <c># samples: N</c> line, which cbgen reads back as the generator does.</summary>
public sealed class MultiLabelCountTests : IDisposable
{
    private readonly TempDir temp = new();

    public void Dispose() => temp.Dispose();

    private static void AssertCounts(long samples, (string Name, long Count)[] classes, CliResult r)
    {
        Assert.True(r.ExitCode == 0, r.Stderr);
        (long actualSamples, (string Name, long Count)[] actual) = Json(r.Stdout);
        Assert.Equal(samples, actualSamples);
        Assert.Equal(classes, actual);
    }

    private static (long Samples, (string Name, long Count)[] Classes) Json(string json)
    {
        using JsonDocument doc = JsonDocument.Parse(json);
        return (doc.RootElement.GetProperty("samples").GetInt64(),
            doc.RootElement.GetProperty("classes").EnumerateArray()
                .Select(c => (c.GetProperty("name").GetString()!, c.GetProperty("count").GetInt64())).ToArray());
    }

    [Fact]
    public void A_label_list_column_counted_without_multi_label_gets_a_warning_naming_the_option()
    {
        string file = temp.File("lists.csv", "package,tags\nzsh,a;b\nvim,b\ngimp,c;a\n");
        CliResult r = Cli.Run("count", file, "--column", "tags");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("2 rows of column 'tags' hold ';' (e.g. 'a;b'), each counted as one label. If the column holds "
            + "label lists, count it with --multi-label", r.Stderr, StringComparison.Ordinal);

        // One row: "holds".
        CliResult one = Cli.Run("count", temp.File("one.csv", "package,tags\nzsh,a;b\nvim,b\n"), "--column", "tags");
        Assert.Contains("1 row of column 'tags' holds ';' (e.g. 'a;b')", one.Stderr, StringComparison.Ordinal);

        // With --multi-label the lists are split, and nothing is said.
        CliResult lists = Cli.Run("count", file, "--column", "tags", "--multi-label");
        Assert.Equal(0, lists.ExitCode);
        Assert.DoesNotContain("hold ';'", lists.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_csv_label_list_column_counts_each_class_once_per_row_and_writes_N()
    {
        // 5 samples: a repeated label counts once, an empty list is a sample without labels.
        string file = temp.File("packages.csv", "package,tags\nzsh,a;b\nvim, b \nnothing,\ngimp,c;a;a\nemacs,b;c\n");
        CliResult r = Cli.Run("count", file, "--column", "tags", "--multi-label", "--csv");
        Assert.Equal(0, r.ExitCode);
        Assert.Equal("# samples: 5\nname,count\na,2\nb,3\nc,2\n", r.Stdout);

        // Read back: the samples line is N again, as [ClassBalancedDataset] reads it.
        string counts = temp.File("tags.counts.csv", r.Stdout);
        CliResult back = Cli.Run("count", counts, "--json");
        AssertCounts(5, new[] { ("a", 2L), ("b", 3L), ("c", 2L) }, back);

        // The table shows each class's share of the samples, not of the labels.
        CliResult table = Cli.Run("count", file, "--column", "tags", "--multi-label");
        Assert.Contains("7 labels on 5 samples", table.Stdout, StringComparison.Ordinal);

        // So do weights on the counts file: its sum is 7 labels, not 7 samples.
        CliResult weights = Cli.Run("weights", counts, "--beta", "0.99");
        Assert.True(weights.ExitCode == 0, weights.Stderr);
        Assert.Contains("3 classes, 7 labels on 5 samples; β = ", weights.Stdout, StringComparison.Ordinal);
        Assert.Contains("60.00%", table.Stdout, StringComparison.Ordinal);
        Assert.Contains("1 without labels", table.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void The_separator_option_splits_the_lists()
    {
        string file = temp.File("tags.tsv", "name\ttags\np1\tgame::strategy|use::gameplaying\np2\tuse::gameplaying\n");
        CliResult r = Cli.Run("count", file, "--column", "tags", "--multi-label", "--separator", "|", "--json");
        AssertCounts(2, new[] { ("game::strategy", 1L), ("use::gameplaying", 2L) }, r);
    }

    [Fact]
    public async Task A_parquet_string_column_of_label_lists()
    {
        var name = new DataField<string>("package");
        var tags = new DataField<string>("tags", true);
        string file = Path.Combine(temp.Path, "packages.parquet");
        using (FileStream stream = File.Create(file))
        {
            ParquetWriter writer = await ParquetWriter.CreateAsync(new ParquetSchema(name, tags), stream);
            using (ParquetRowGroupWriter g = writer.CreateRowGroup())
            {
                await g.WriteAsync(name, new[] { "zsh", "vim", "none", "gimp" });
                await g.WriteAsync(tags, new[] { "a;b", "b", null!, "b;c" });
            }

            await writer.DisposeAsync();
        }

        CliResult r = Cli.Run("count", file, "--column", "tags", "--multi-label", "--json");
        AssertCounts(4, new[] { ("a", 1L), ("b", 3L), ("c", 1L) }, r);
    }

    private const string Coco = """
        {"images": [{"id": 10}, {"id": 11}, {"id": 12}, {"id": 13}],
         "categories": [{"id": 1, "name": "person"}, {"id": 2, "name": "dog"}, {"id": 3, "name": "kite"}],
         "annotations": [
           {"image_id": 10, "category_id": 1}, {"image_id": 10, "category_id": 1}, {"image_id": 10, "category_id": 2},
           {"image_id": 11, "category_id": 1}, {"image_id": 13, "category_id": 3}, {"image_id": 13, "category_id": 1}]}
        """;

    [Fact]
    public void Coco_images_are_the_samples_and_a_category_counts_once_per_image()
    {
        string file = temp.File("instances.json", Coco);
        CliResult r = Cli.Run("count", file, "--multi-label", "--json");
        // Image 12 has no annotation: a sample negative for every class. Image 10's two persons count once.
        AssertCounts(4, new[] { ("person", 3L), ("dog", 1L), ("kite", 1L) }, r);

        // Without --multi-label every annotation is a sample, as before.
        CliResult single = Cli.Run("count", file, "--json");
        Assert.Contains("\"count\": 4", single.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("\"samples\"", single.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"categories\": [{\"id\": 1, \"name\": \"a\"}], \"annotations\": [{\"image_id\": 1, \"category_id\": 1}]}", "no \"images\" array")]
    [InlineData("{\"images\": [{\"id\": 1}], \"categories\": [{\"id\": 1, \"name\": \"a\"}], \"annotations\": [{\"category_id\": 1}]}", "annotations[0] has no image_id")]
    [InlineData("{\"images\": [{\"id\": 1}], \"categories\": [{\"id\": 1, \"name\": \"a\"}], \"annotations\": [{\"image_id\": 2, \"category_id\": 1}]}", "image_id 2, which no image has")]
    [InlineData("{\"images\": [{\"id\": 1}, {\"id\": 1}], \"categories\": [{\"id\": 1, \"name\": \"a\"}], \"annotations\": []}", "images[1] repeats the id 1")]
    public void Coco_without_what_multi_label_needs_is_bad_input(string json, string expected)
    {
        CliResult r = Cli.Run("count", temp.File("bad.json", json), "--multi-label");
        Assert.Equal(1, r.ExitCode);
        Assert.Contains(expected, r.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Sources_without_label_lists_and_bad_options_name_the_fix()
    {
        temp.File("train/cat/a.png", "x");
        temp.File("train/dog/b.png", "x");
        CliResult folder = Cli.Run("count", Path.Combine(temp.Path, "train"), "--multi-label");
        Assert.Equal(1, folder.ExitCode);
        Assert.Contains("Drop --multi-label", folder.Stderr, StringComparison.Ordinal);

        string csv = temp.File("tags.csv", "tags\na;b\n");
        CliResult noFlag = Cli.Run("count", csv, "--separator", "|");
        Assert.Equal(1, noFlag.ExitCode);
        Assert.Contains("add --multi-label", noFlag.Stderr, StringComparison.Ordinal);
        CliResult wide = Cli.Run("count", csv, "--multi-label", "--separator", "||");
        Assert.Equal(1, wide.ExitCode);
        Assert.Contains("one character", wide.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("# samples: ten\nname,count\na,1\nb,2\n", ".csv:1:", "is not a whole number")]
    [InlineData("# samples: 10\n# samples: 12\nname,count\na,1\nb,2\n", ".csv:2:", "a second samples line")]
    public void A_counts_file_with_a_bad_samples_line_is_bad_input_naming_the_line(string text, string line, string expected)
    {
        CliResult r = Cli.Run("count", temp.File("bad.counts.csv", text));
        Assert.Equal(1, r.ExitCode);
        Assert.Contains(line, r.Stderr, StringComparison.Ordinal);
        Assert.Contains(expected, r.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_count_above_N_is_bad_input_at_the_class_row_naming_the_samples_line()
    {
        // As the generator's CB052: the error sits on the row to correct (line 4), and names the line that gives N.
        CliResult r = Cli.Run("count", temp.File("over.counts.csv", "# samples: 10\nname,count\nb,2\na,11\nc,12\n"));
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("over.counts.csv:4: the class 'a' has 11 positives but line 1 gives N = 10;", r.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain(".csv:1:", r.Stderr, StringComparison.Ordinal);
    }
}
