using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using Parquet;
using Parquet.Serialization;
using Parquet.Serialization.Attributes;

namespace CbGen.Cli.Tests;

/// <summary><c>cbgen count --multi-label</c> on a Parquet list column (LIST&lt;string&gt;, LIST&lt;integer&gt;, a
/// repeated field): each row's list is one sample's labels, counted by the same rule as a CSV label-list column.
/// The files are written here by Parquet.Net's serializer, two rows per row group.</summary>
public sealed class ParquetListColumnTests : IDisposable
{
    private readonly TempDir temp = new();

    public void Dispose() => temp.Dispose();

    /// <summary>One row of a test file: a name and its label lists in each column shape.</summary>
    public sealed class Row
    {
        public string Name { get; set; } = string.Empty;

        public List<string?>? Tags { get; set; }

        public List<int?>? Ids { get; set; }

        [ParquetSimpleRepeatable]
        public long[]? Codes { get; set; }

        public int Single { get; set; }
    }

    private async Task<string> WriteAsync(string name, params Row[] rows)
    {
        string file = Path.Combine(temp.Path, name);
        await ParquetSerializer.SerializeAsync(rows, file, new ParquetOptions { RowGroupSize = 2 });
        return file;
    }

    /// <summary>Five packages: a repeated label in one list, an empty list, lists across row groups.</summary>
    private Task<string> PackagesAsync() => WriteAsync("packages.parquet",
        new Row { Name = "zsh", Tags = new() { "shell", "admin" }, Ids = new() { 0, 2 }, Codes = new long[] { 7, 3 } },
        new Row { Name = "vim", Tags = new() { "editor", "editor" }, Ids = new() { 1, 1 }, Codes = new long[] { 3, 3 } },
        new Row { Name = "tzdata", Tags = new(), Ids = new(), Codes = Array.Empty<long>() },
        new Row { Name = "emacs", Tags = new() { "editor", "admin", "shell" }, Ids = new() { 2, 1, 0 }, Codes = new long[] { 0 } },
        new Row { Name = "bash", Tags = new() { "shell" }, Ids = new() { 0 }, Codes = new long[] { 3 } });

    private static (long Samples, (string Name, long Count)[] Classes) Json(CliResult r)
    {
        Assert.True(r.ExitCode == 0, r.Stderr);
        using JsonDocument doc = JsonDocument.Parse(r.Stdout);
        return (doc.RootElement.GetProperty("samples").GetInt64(),
            doc.RootElement.GetProperty("classes").EnumerateArray()
                .Select(c => (c.GetProperty("name").GetString()!, c.GetProperty("count").GetInt64())).ToArray());
    }

    [Fact]
    public async Task A_list_of_strings_counts_each_class_once_per_row_out_of_N_rows()
    {
        string file = await PackagesAsync();

        (long samples, (string, long)[] classes) = Json(Cli.Run("count", file, "--column", "tags", "--multi-label", "--json"));

        Assert.Equal(5, samples);
        Assert.Equal(new[] { ("admin", 2L), ("editor", 2L), ("shell", 3L) }, classes);
        CliResult table = Cli.Run("count", file, "--column", "Tags", "--multi-label");
        Assert.Contains("column 'Tags' (list of strings) of a Parquet file, multi-label (one list per row): 5 samples, 1 without labels, "
            + "1 repeated label counted once", table.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_list_of_integers_is_class_indices_and_a_repeated_field_counts_the_same_way()
    {
        string file = await PackagesAsync();

        (long samples, (string, long)[] classes) = Json(Cli.Run("count", file, "--column", "Ids", "--multi-label", "--json"));
        Assert.Equal(5, samples);
        Assert.Equal(new[] { ("0", 3L), ("1", 2L), ("2", 2L) }, classes);

        // A repeated int64 field (no LIST wrapper): class 3 in three rows (twice in one), 0 and 7 once, 1..6 never.
        (long codeSamples, (string, long)[] codes) = Json(Cli.Run("count", file, "--column", "Codes", "--multi-label", "--json"));
        Assert.Equal(5, codeSamples);
        Assert.Equal(new[] { ("0", 1L), ("1", 0L), ("2", 0L), ("3", 3L), ("4", 0L), ("5", 0L), ("6", 0L), ("7", 1L) }, codes);
    }

    [Fact]
    public async Task Hugging_Face_sequence_of_class_label_metadata_names_a_list_of_integers()
    {
        string file = Path.Combine(temp.Path, "hf.parquet");
        var metadata = new Dictionary<string, string>
        {
            ["huggingface"] = "{\"info\": {\"features\": {\"Ids\": {\"feature\": {\"names\": [\"person\", \"dog\", \"kite\", \"boat\"], "
                + "\"_type\": \"ClassLabel\"}, \"_type\": \"Sequence\"}}}}",
        };
        await ParquetSerializer.SerializeAsync(new[]
        {
            new Row { Name = "a", Ids = new() { 0, 2 } },
            new Row { Name = "b", Ids = new() { 1, 1 } },
            new Row { Name = "c", Ids = new() { 2, 1, 0 } },
        }, file, new ParquetOptions(), metadata);

        CliResult r = Cli.Run("count", file, "--column", "Ids", "--multi-label", "--json");

        (long samples, (string, long)[] classes) = Json(r);
        Assert.Equal(3, samples);
        Assert.Equal(new[] { ("person", 2L), ("dog", 2L), ("kite", 2L), ("boat", 0L) }, classes);
        Assert.Contains("class names from the file's Hugging Face ClassLabel metadata", r.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_list_column_and_a_csv_label_list_column_give_the_same_counts_file()
    {
        string parquet = await PackagesAsync();
        string csv = temp.File("packages.csv", "name,tags\nzsh,shell;admin\nvim,editor;editor\ntzdata,\nemacs,editor;admin;shell\nbash,shell\n");

        CliResult fromParquet = Cli.Run("count", parquet, "--column", "Tags", "--multi-label", "--csv");
        CliResult fromCsv = Cli.Run("count", csv, "--column", "tags", "--multi-label", "--csv");

        Assert.True(fromParquet.ExitCode == 0, fromParquet.Stderr);
        Assert.StartsWith("# samples: 5\n", fromParquet.Stdout, StringComparison.Ordinal);
        Assert.Equal(fromCsv.Stdout, fromParquet.Stdout);
    }

    [Fact]
    public async Task A_null_element_is_an_error_naming_the_row_and_the_fix()
    {
        string file = await WriteAsync("nulls.parquet",
            new Row { Name = "a", Tags = new() { "x" }, Ids = new() { 0 } },
            new Row { Name = "b", Tags = new() { "y" }, Ids = new() { 1 } },
            new Row { Name = "c", Tags = new() { "x", null }, Ids = new() { null, 2 } });

        CliResult strings = Cli.Run("count", file, "--column", "Tags", "--multi-label");
        Assert.Equal(1, strings.ExitCode);
        Assert.Contains(file + ": row 3: element 2 of the list in column 'Tags' is null", strings.Stderr, StringComparison.Ordinal);
        Assert.Contains("drop the nulls from the lists", strings.Stderr, StringComparison.Ordinal);

        CliResult integers = Cli.Run("count", file, "--column", "Ids", "--multi-label");
        Assert.Equal(1, integers.ExitCode);
        Assert.Contains(file + ": row 3: element 1 of the list in column 'Ids' is null", integers.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_null_list_is_an_error_naming_the_row_and_the_fix()
    {
        string file = await WriteAsync("nulls.parquet",
            new Row { Name = "a", Tags = new() { "x" } },
            new Row { Name = "b", Tags = null });

        CliResult r = Cli.Run("count", file, "--column", "Tags", "--multi-label");

        Assert.Equal(1, r.ExitCode);
        Assert.Contains(file + ": row 2 has no list (column 'Tags' is null); write an empty list for a sample without labels, or drop the row.",
            r.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lists_without_any_label_are_an_error()
    {
        string file = await WriteAsync("empty.parquet", new Row { Name = "a", Tags = new() }, new Row { Name = "b", Tags = new() });

        CliResult r = Cli.Run("count", file, "--column", "Tags", "--multi-label");

        Assert.Equal(1, r.ExitCode);
        Assert.Contains("no sample carries a label (every label list in column 'Tags' is empty)", r.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_negative_class_index_in_a_list_is_an_error_naming_the_row()
    {
        string file = await WriteAsync("negative.parquet", new Row { Name = "a", Ids = new() { 0 } }, new Row { Name = "b", Ids = new() { 1, -1 } });

        CliResult r = Cli.Run("count", file, "--column", "Ids", "--multi-label");

        Assert.Equal(1, r.ExitCode);
        Assert.Contains(file + ": row 2: the label -1 is negative", r.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_column_of_single_values_under_multi_label_and_a_list_without_it_name_the_fix()
    {
        string file = await PackagesAsync();

        CliResult single = Cli.Run("count", file, "--column", "Single", "--multi-label");
        Assert.Equal(1, single.ExitCode);
        Assert.Contains(file + ": column 'Single' holds single Int32 values, not label lists", single.Stderr, StringComparison.Ordinal);
        Assert.Contains("a list column (a list of strings or of integers)", single.Stderr, StringComparison.Ordinal);

        CliResult list = Cli.Run("count", file, "--column", "Tags");
        Assert.Equal(1, list.ExitCode);
        Assert.Contains(file + ": column 'Tags' is a list (several labels per row); add --multi-label", list.Stderr, StringComparison.Ordinal);
    }
}
