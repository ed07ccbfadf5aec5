using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;

namespace CbGen.Cli.Tests;

/// <summary>Issue 12 item 10: COCO-style JSON (iNaturalist 2017/2018): class names from categories[], samples from
/// annotations[].category_id, classes in category-id order, a counts file that [ClassBalancedDataset] compiles.</summary>
public sealed class CocoJsonTests : IDisposable
{
    private readonly TempDir temp = new();

    public void Dispose() => temp.Dispose();

    /// <summary>iNaturalist 2018's shape: 8,142 categories (ids 0..8141), long-tailed counts from 1,000 down to 12
    /// (437,632 annotations), one image per annotation, annotations before categories and in shuffled order.</summary>
    private static (string Path, string[] Names, long[] Counts) INat2018Shaped(TempDir temp)
    {
        const int classes = 8142;
        var counts = new long[classes];
        var names = new string[classes];
        for (int c = 0; c < classes; c++)
        {
            counts[c] = Math.Max(2, (long)(1000 / (1 + c / 100.0)));
            names[c] = "Genus" + (c / 7).ToString(CultureInfo.InvariantCulture) + " species" + c.ToString(CultureInfo.InvariantCulture);
        }

        names[1] = "Corvus corax, \"the raven\"";
        names[2] = "Émeu ünïcödé";
        names[3] = "2nd-year gull";
        var labels = new List<int>();
        for (int c = 0; c < classes; c++)
        {
            for (long i = 0; i < counts[c]; i++)
            {
                labels.Add(c);
            }
        }

        var random = new Random(2018);
        for (int i = labels.Count - 1; i > 0; i--)
        {
            int j = random.Next(i + 1);
            (labels[i], labels[j]) = (labels[j], labels[i]);
        }

        string path = System.IO.Path.Combine(temp.Path, "train2018.json");
        using (var file = new FileStream(path, FileMode.Create))
        using (var w = new Utf8JsonWriter(file))
        {
            w.WriteStartObject();
            w.WriteStartObject("info");
            w.WriteString("description", "iNaturalist-shaped test data");
            w.WriteNumber("year", 2018);
            w.WriteEndObject();
            w.WriteStartArray("images");
            for (int i = 0; i < labels.Count; i++)
            {
                w.WriteStartObject();
                w.WriteNumber("id", i);
                w.WriteString("file_name", "train_val2018/Plantae/" + labels[i].ToString(CultureInfo.InvariantCulture) + "/" + i.ToString("x8", CultureInfo.InvariantCulture) + ".jpg");
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartArray("annotations");
            for (int i = 0; i < labels.Count; i++)
            {
                w.WriteStartObject();
                w.WriteNumber("id", i);
                w.WriteNumber("image_id", i);
                w.WriteNumber("category_id", labels[i]);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartArray("categories");
            for (int c = classes - 1; c >= 0; c--) // not in id order: the tool sorts by id
            {
                w.WriteStartObject();
                w.WriteNumber("id", c);
                w.WriteString("name", names[c]);
                w.WriteString("supercategory", "Plantae");
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartArray("licenses");
            w.WriteEndArray();
            w.WriteEndObject();
        }

        return (path, names, counts);
    }

    [Fact]
    public void INaturalist_2018_shaped_json_gives_a_counts_file_the_generator_compiles()
    {
        (string json, string[] names, long[] counts) = INat2018Shaped(temp);
        Assert.Equal(437_632L, counts.Sum());
        string countsFile = System.IO.Path.Combine(temp.Path, "inat2018.counts.csv");

        CliResult r = Cli.Run("count", json, "--csv", "-o", countsFile);

        Assert.True(r.ExitCode == 0, r.Stderr);
        string text = File.ReadAllText(countsFile);
        CliResult back = Cli.Run("count", countsFile, "--json");
        using (JsonDocument doc = JsonDocument.Parse(back.Stdout))
        {
            JsonElement[] classes = doc.RootElement.GetProperty("classes").EnumerateArray().ToArray();
            Assert.Equal(names, classes.Select(c => c.GetProperty("name").GetString()!));
            Assert.Equal(counts, classes.Select(c => c.GetProperty("count").GetInt64()));
        }

        (string Name, long Count)[] generated = GeneratorSide.LabelMembers(GeneratorSide.Dataset(text, beta: 0.9999));
        Assert.Equal(counts, generated.Select(m => m.Count));
        Assert.Equal("Corvus_corax_the_raven", generated[1].Name);
        Assert.Equal("_2nd_year_gull", generated[3].Name);
    }

    [Fact]
    public void The_table_names_the_source_and_counts_annotations()
    {
        string json = temp.File("small.json", """
            {"categories": [{"id": 10, "name": "owl"}, {"id": 3, "name": "crow"}, {"id": 7, "name": "gull"}],
             "annotations": [{"category_id": 10}, {"category_id": 3, "bbox": [1, 2, 3, 4]}, {"category_id": 10}]}
            """);

        CliResult r = Cli.Run("count", json);

        Assert.Equal(0, r.ExitCode);
        string[] lines = r.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(json + ": COCO-style JSON, 3 annotations, 3 classes, 3 samples", lines[0]);
        Assert.Equal(new[] { "0", "crow", "1" }, lines[2].Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(3));
        Assert.Equal(new[] { "1", "gull", "0" }, lines[3].Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(3));
        Assert.Equal(new[] { "2", "owl", "2" }, lines[4].Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(3));
        Assert.Contains("1 category has no annotations (count 0)", r.Stderr);
        Assert.Contains("the category ids are not contiguous (3..10)", r.Stderr);
    }

    [Fact]
    public void A_gzipped_json_with_a_name_longer_than_the_read_buffer_is_read()
    {
        string longName = new string('x', 200_000);
        byte[] bytes = Encoding.UTF8.GetBytes("{\"annotations\": [{\"category_id\": 2}, {\"category_id\": 1}],\n \"categories\": [{\"id\": 1, \"name\": \""
            + longName + "\"}, {\"id\": 2, \"name\": \"short\\u0021\"}]}");
        string gz = temp.Gzip("labels.json.gz", bytes);

        CliResult r = Cli.Run("count", gz, "--json");

        Assert.True(r.ExitCode == 0, r.Stderr);
        using JsonDocument doc = JsonDocument.Parse(r.Stdout);
        Assert.Equal(new[] { longName, "short!" }, doc.RootElement.GetProperty("classes").EnumerateArray().Select(c => c.GetProperty("name").GetString()));
        Assert.Equal("json", doc.RootElement.GetProperty("kind").GetString());
    }

    [Fact]
    public void A_byte_order_mark_is_skipped()
    {
        byte[] text = Encoding.UTF8.GetBytes("{\"categories\": [{\"id\": 0, \"name\": \"a\"}, {\"id\": 1, \"name\": \"b\"}], \"annotations\": [{\"category_id\": 1}]}");
        string json = temp.Bytes("bom.json", new byte[] { 0xEF, 0xBB, 0xBF }.Concat(text).ToArray());

        CliResult r = Cli.Run("count", json, "--json");

        Assert.True(r.ExitCode == 0, r.Stderr);
        using JsonDocument doc = JsonDocument.Parse(r.Stdout);
        Assert.Equal(new[] { 0L, 1L }, doc.RootElement.GetProperty("classes").EnumerateArray().Select(c => c.GetProperty("count").GetInt64()));
    }

    [Theory]
    [InlineData("{\"categories\": [{\"id\": 1, \"name\": \"a\"}], \"annotations\": [{\"category_id\": 5}]}", "an annotation has category_id 5, which no category has as its id")]
    [InlineData("{\"annotations\": [{\"category_id\": 1}]}", "no \"categories\" array")]
    [InlineData("{\"categories\": [{\"id\": 1, \"name\": \"a\"}]}", "no \"annotations\" array")]
    [InlineData("[1, 2]", "the top level is not an object")]
    [InlineData("{\"categories\": [{\"id\": 1, \"name\": \"a\"}, {\"id\": 2, \"name\": \"a\"}], \"annotations\": []}", "the categories 1 and 2 are both named 'a'")]
    [InlineData("{\"categories\": [{\"id\": 1}], \"annotations\": []}", "categories[0] has no name")]
    [InlineData("{\"categories\": [{\"id\": 1, \"name\": \"a\"}, {\"id\": 1, \"name\": \"b\"}], \"annotations\": []}", "categories[1] repeats the id 1")]
    [InlineData("{\"categories\": [{\"id\": 1, \"name\": \"a\"}], \"annotations\": [{\"category_id\": \"1\"}]}", "annotations[0].category_id is not a whole number")]
    [InlineData("{\"categories\": [{\"id\": 1, \"name\": \"a\"}], \"annotations\": [{\"id\": 4}]}", "annotations[0] has no category_id")]
    [InlineData("{\"categories\": {}, \"annotations\": []}", "'categories' is not an array")]
    [InlineData("{\"categories\": [{\"id\": 1, \"name\": \"a\"}],\n\"annotations\": [{\"category_id\": 1,}]}", ":2:35: not valid JSON")]
    public void Malformed_json_is_a_clear_error(string text, string message)
    {
        string json = temp.File("bad.json", text);
        CliResult r = Cli.Run("count", json);
        Assert.Equal(1, r.ExitCode);
        Assert.Contains(json + (message.StartsWith(':') ? string.Empty : ": ") + message, r.Stderr);
    }

    [Fact]
    public void Json_lines_are_named_with_the_way_to_count_them()
    {
        string jsonl = temp.File("lines.jsonl", "{\"label\": \"cat\"}\n{\"label\": \"dog\"}\n");

        CliResult r = Cli.Run("count", jsonl);

        Assert.Equal(1, r.ExitCode);
        Assert.Contains(jsonl + ":2:1: not valid JSON", r.Stderr, StringComparison.Ordinal);
        Assert.Contains("a second JSON value after the first: this looks like JSON lines (one object per line), which cbgen "
            + "does not read; convert the label field to a CSV column (e.g. jq -r '.label' FILE) and count that", r.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_truncated_one_line_json_names_the_byte_column()
    {
        const string text = "{\"categories\": [{\"id\": 1, \"name\": \"a\"}], \"annotations\": [{\"category_id\": 1}, {\"category_i";
        string json = temp.File("cut.json", text);

        CliResult r = Cli.Run("count", json);

        // The reader stops at the end of the data: byte column text.Length + 1 of line 1.
        Assert.Equal(1, r.ExitCode);
        Assert.Contains(json + ":1:" + (text.Length + 1).ToString(CultureInfo.InvariantCulture) + ": not valid JSON", r.Stderr);
        Assert.Contains("byte offset " + text.Length.ToString(CultureInfo.InvariantCulture), r.Stderr);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" \n\t\n")]
    public void An_empty_json_file_says_it_is_empty_and_what_is_expected(string text)
    {
        string json = temp.File("empty.json", text);

        CliResult r = Cli.Run("count", json);

        Assert.Equal(1, r.ExitCode);
        Assert.Contains(json + ": the file is empty", r.Stderr);
        Assert.Contains("\"categories\"", r.Stderr);
        Assert.DoesNotContain("isFinalBlock", r.Stderr);
    }

    [Fact]
    public void Categories_past_max_classes_are_an_error()
    {
        var sb = new StringBuilder("{\"categories\": [");
        for (int c = 0; c < 50; c++)
        {
            sb.Append(c == 0 ? string.Empty : ",").Append("{\"id\": ").Append(c).Append(", \"name\": \"c").Append(c).Append("\"}");
        }

        sb.Append("], \"annotations\": []}");
        string json = temp.File("many.json", sb.ToString());
        CliResult r = Cli.Run("count", json, "--max-classes", "20");
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("more than 20 categories", r.Stderr);
    }
}
