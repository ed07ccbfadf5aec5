using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using Parquet;
using Parquet.Schema;

namespace CbGen.Cli.Tests;

/// <summary>Issue 12 item 10: Parquet label columns (string and integer), files written by Parquet.Net here.</summary>
public sealed class ParquetTests : IDisposable
{
    private static readonly string[] Species = { "owl", "crow", "gull", "Émeu" };

    private readonly TempDir temp = new();

    public void Dispose() => temp.Dispose();

    /// <summary>path (string), species (string), species_id (int32): three row groups, species i on (i+1)² rows.</summary>
    private async Task<(string Path, long[] Counts)> WriteAsync(string name, bool nullable = false, string? nullAt = null)
    {
        var rows = new List<int>();
        for (int s = 0; s < Species.Length; s++)
        {
            rows.AddRange(Enumerable.Repeat(s, (s + 1) * (s + 1)));
        }

        var random = new Random(7);
        rows = rows.OrderBy(_ => random.Next()).ToList();
        var path = new DataField<string>("path");
        var species = new DataField<string>("species", nullable);
        var id = new DataField<int>("species_id");
        string file = Path.Combine(temp.Path, name);
        using (FileStream stream = File.Create(file))
        {
            ParquetWriter writer = await ParquetWriter.CreateAsync(new ParquetSchema(path, species, id), stream);
            int offset = 0;
            foreach (int[] group in rows.Chunk(11))
            {
                using ParquetRowGroupWriter g = writer.CreateRowGroup();
                await g.WriteAsync(path, group.Select((s, i) => "img/" + (offset + i) + ".jpg").ToArray());
                await g.WriteAsync(species, group.Select((s, i) => nullAt is not null && i == 3 ? null! : Species[s]).ToArray());
                await g.WriteAsync(id, new ReadOnlyMemory<int>(group));
                offset += group.Length;
            }

            await writer.DisposeAsync();
        }

        long[] counts = Enumerable.Range(0, Species.Length).Select(s => (long)rows.Count(r => r == s)).ToArray();
        return (file, counts);
    }

    private static List<(string Name, long Count)> ClassesOf(string json)
    {
        using JsonDocument doc = JsonDocument.Parse(json);
        return doc.RootElement.GetProperty("classes").EnumerateArray()
            .Select(c => (c.GetProperty("name").GetString()!, c.GetProperty("count").GetInt64())).ToList();
    }

    [Fact]
    public async Task A_string_label_column_gives_classes_sorted_by_name()
    {
        (string file, long[] counts) = await WriteAsync("train.parquet");

        CliResult r = Cli.Run("count", file, "--column", "species", "--json");

        Assert.True(r.ExitCode == 0, r.Stderr);
        Assert.Equal(new[] { ("crow", counts[1]), ("gull", counts[2]), ("owl", counts[0]), ("Émeu", counts[3]) }, ClassesOf(r.Stdout));
        Assert.Equal(new[] { 1L, 4, 9, 16 }, counts);
    }

    [Fact]
    public async Task An_integer_label_column_is_class_indices_and_the_default_is_the_last_column()
    {
        (string file, long[] counts) = await WriteAsync("train.parquet");

        CliResult r = Cli.Run("count", file, "--json");

        Assert.True(r.ExitCode == 0, r.Stderr);
        Assert.Equal(new[] { ("0", counts[0]), ("1", counts[1]), ("2", counts[2]), ("3", counts[3]) }, ClassesOf(r.Stdout));
        using JsonDocument doc = JsonDocument.Parse(r.Stdout);
        Assert.Equal("parquet", doc.RootElement.GetProperty("kind").GetString());
        Assert.Contains("column 'species_id' (int32) of a Parquet file", Cli.Run("count", file).Stdout);
    }

    [Fact]
    public async Task The_counts_file_from_parquet_compiles_in_ClassBalancedDataset()
    {
        (string file, long[] counts) = await WriteAsync("train.parquet");

        CliResult r = Cli.Run("count", file, "--column", "1", "--csv");

        Assert.True(r.ExitCode == 0, r.Stderr);
        Assert.Equal(new[] { ("crow", counts[1]), ("gull", counts[2]), ("owl", counts[0]), ("Émeu", counts[3]) },
            GeneratorSide.LabelMembers(GeneratorSide.Dataset(r.Stdout)));
    }

    [Fact]
    public async Task A_path_column_warns_and_a_missing_column_lists_the_columns()
    {
        (string file, _) = await WriteAsync("train.parquet");

        CliResult paths = Cli.Run("count", file, "--column", "path");
        Assert.Equal(0, paths.ExitCode);
        Assert.Contains("cbgen: warning: 30 rows gave 30 classes (column 'path')", paths.Stderr);

        CliResult capped = Cli.Run("count", file, "--column", "path", "--max-classes", "5");
        Assert.Equal(1, capped.ExitCode);
        Assert.Contains("column 'path' has more than 5 distinct labels (the cap was passed at row 6)", capped.Stderr);

        CliResult missing = Cli.Run("count", file, "--column", "label");
        Assert.Equal(1, missing.ExitCode);
        Assert.Contains("no column is named 'label'; the file has: 'path', 'species', 'species_id'", missing.Stderr);
    }

    [Fact]
    public async Task A_null_label_is_an_error_naming_the_row()
    {
        (string file, _) = await WriteAsync("nulls.parquet", nullable: true, nullAt: "yes");
        CliResult r = Cli.Run("count", file, "--column", "species");
        Assert.Equal(1, r.ExitCode);
        Assert.Contains(file + ": row 4 has no label (column 'species' is null)", r.Stderr);
    }

    [Fact]
    public async Task Hugging_Face_class_label_metadata_names_an_integer_column()
    {
        var image = new DataField<string>("image_path");
        var label = new DataField<long>("label");
        string file = Path.Combine(temp.Path, "hf.parquet");
        long[] labels = { 0, 2, 2, 0, 2 };
        using (FileStream stream = File.Create(file))
        {
            ParquetWriter writer = await ParquetWriter.CreateAsync(new ParquetSchema(image, label), stream);
            writer.CustomMetadata = new Dictionary<string, string>
            {
                ["huggingface"] = "{\"info\": {\"features\": {\"image_path\": {\"dtype\": \"string\", \"_type\": \"Value\"}, "
                    + "\"label\": {\"names\": [\"airplane\", \"automobile\", \"bird\"], \"_type\": \"ClassLabel\"}}}}",
            };
            using (ParquetRowGroupWriter g = writer.CreateRowGroup())
            {
                await g.WriteAsync(image, labels.Select((_, i) => "i" + i + ".png").ToArray());
                await g.WriteAsync(label, new ReadOnlyMemory<long>(labels));
            }

            await writer.DisposeAsync();
        }

        CliResult r = Cli.Run("count", file, "--json");

        Assert.True(r.ExitCode == 0, r.Stderr);
        Assert.Equal(new[] { ("airplane", 2L), ("automobile", 0L), ("bird", 3L) }, ClassesOf(r.Stdout));
        Assert.Contains("class names from the file's Hugging Face ClassLabel metadata; 1 class has no rows", r.Stderr);
    }

    [Fact]
    public void A_truncated_parquet_file_is_a_clear_error()
    {
        string file = temp.Bytes("broken.parquet", new byte[] { (byte)'P', (byte)'A', (byte)'R', (byte)'1', 1, 2, 3 });
        CliResult r = Cli.Run("count", file);
        Assert.Equal(1, r.ExitCode);
        Assert.Contains(file + ": not a valid Parquet file", r.Stderr);
    }

    [Theory]
    [InlineData(new byte[] { 1, 2, 3, 0, 4, 5, 6, 7 })]
    [InlineData(new byte[] { (byte)'P', (byte)'A', (byte)'R', (byte)'1', 0, 0, 0, 0, 9, 9, 9, (byte)'P', (byte)'A', (byte)'R', (byte)'1' })]
    [InlineData(new byte[0])]
    [InlineData(null)]
    public void A_corrupt_parquet_file_is_named_as_such_with_the_readers_reason(byte[]? bytes)
    {
        // null: a well-framed file whose footer is 100 zero bytes, which Parquet.Net's Thrift decoder rejects.
        bytes ??= "PAR1"u8.ToArray().Concat(new byte[100]).Concat(new byte[] { 100, 0, 0, 0 }).Concat("PAR1"u8.ToArray()).ToArray();
        string file = temp.Bytes("corrupt.parquet", bytes);

        CliResult r = Cli.Run("count", file);

        Assert.Equal(1, r.ExitCode);
        Assert.StartsWith("cbgen: error: " + file + ": not a valid Parquet file: ", r.Stderr, StringComparison.Ordinal);
        string reason = r.Stderr.Substring(("cbgen: error: " + file + ": not a valid Parquet file: ").Length).Trim();
        Assert.True(reason.Length > 10, "no reason given: " + r.Stderr);
        Assert.DoesNotContain("CSV", r.Stderr, StringComparison.Ordinal);
    }
}
