using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace CbGen.Cli.Tests;

public sealed class CountCommandTests : IDisposable
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
    public void Folder_tree_counts_images_per_sorted_class_folder()
    {
        temp.File("train/dog/1.png", "x");
        temp.File("train/dog/2.PNG", "x");
        temp.File("train/dog/notes.txt", "not an image");
        temp.File("train/dog/.hidden.png", "hidden");
        temp.File("train/cat/a.jpg", "x");
        temp.File("train/cat/nested/b.jpeg", "x");
        temp.File("train/cat/nested/c.webp", "x");
        temp.File("train/cat/.ipynb_checkpoints/d.png", "hidden folder");
        temp.File("train/Bird/e.tiff", "x");
        temp.Dir("train/empty");
        temp.File("train/loose.png", "x");

        CliResult r = Cli.Run("count", Path.Combine(temp.Path, "train"), "--json");

        Assert.Equal(0, r.ExitCode);
        // Ordinal order, as torchvision's ImageFolder: uppercase before lowercase.
        Assert.Equal(new[] { ("Bird", 1L), ("cat", 3L), ("dog", 2L), ("empty", 0L) }, ClassesOf(r.Stdout));
        Assert.Contains("'empty' holds no images", r.Stderr);
        Assert.Contains("1 image(s) directly in", r.Stderr);
    }

    [Fact]
    public void Folder_without_sub_folders_is_bad_input()
    {
        temp.File("flat/a.png", "x");
        CliResult r = Cli.Run("count", Path.Combine(temp.Path, "flat"));
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("no sub-folders", r.Stderr);
    }

    [Fact]
    public void Csv_label_column_by_name_with_quoted_fields()
    {
        string csv = temp.File("train.csv",
            "path,label,split\n"
            + "\"a,1.png\",cat,train\n"
            + "b.png,dog,train\n"
            + "\"c \"\"quoted\"\".png\",cat,train\n"
            + "\n"
            + "d.png,\"bird, small\",train\n");

        CliResult r = Cli.Run("count", csv, "--column", "label", "--json");

        Assert.Equal(0, r.ExitCode);
        Assert.Equal(new[] { ("bird, small", 1L), ("cat", 2L), ("dog", 1L) }, ClassesOf(r.Stdout));
    }

    [Fact]
    public void Csv_defaults_to_the_last_column_and_detects_the_header()
    {
        string csv = temp.File("labels.csv", "id,label\n1,cat\n2,dog\n3,cat\n");
        CliResult r = Cli.Run("count", csv, "--json");
        Assert.Equal(0, r.ExitCode);
        Assert.Equal(new[] { ("cat", 2L), ("dog", 1L) }, ClassesOf(r.Stdout));
    }

    [Fact]
    public void Integer_labels_are_class_indices_with_missing_ones_counted_zero()
    {
        // No header: the first row is data.
        string csv = temp.File("ints.csv", "a.png,3\nb.png,0\nc.png,3\nd.png,1\n");
        CliResult r = Cli.Run("count", csv, "--column", "1", "--json");
        Assert.Equal(0, r.ExitCode);
        Assert.Equal(new[] { ("0", 1L), ("1", 1L), ("2", 0L), ("3", 2L) }, ClassesOf(r.Stdout));
        Assert.Contains("; class 2 never occurs (count 0).", r.Stderr);
    }

    [Fact]
    public void Header_detection_sees_a_numeric_column_under_a_text_header()
    {
        string csv = temp.File("scores.csv", "file,score\nx,7\ny,7\nz,2\n");
        CliResult r = Cli.Run("count", csv, "--column", "-1", "--json");
        Assert.Equal(new[] { ("0", 0L), ("1", 0L), ("2", 1L), ("3", 0L), ("4", 0L), ("5", 0L), ("6", 0L), ("7", 2L) }, ClassesOf(r.Stdout));

        // Forcing --no-header makes 'score' a label.
        CliResult forced = Cli.Run("count", csv, "--no-header", "--json");
        Assert.Contains(("score", 1L), ClassesOf(forced.Stdout));
    }

    [Fact]
    public void An_unquoted_label_is_trimmed_with_a_warning_naming_it_and_a_quoted_one_keeps_its_blanks()
    {
        string csv = temp.File("padded.csv", "path,label\na.png,  padded  \nb.png,\"  quoted  \"\nc.png,plain\nd.png,  padded  \ne.png, b\n");
        CliResult r = Cli.Run("count", csv, "--json");
        Assert.Equal(0, r.ExitCode);
        Assert.Equal(new[] { ("  quoted  ", 1L), ("b", 1L), ("padded", 2L), ("plain", 1L) }, ClassesOf(r.Stdout));
        Assert.Contains("cbgen: warning: the unquoted labels of 3 rows in column 'label' have blanks around them, trimmed: "
            + "'  padded  ' (line 2) is read as 'padded'; ' b' (line 6) is read as 'b'. A loader that keeps them (ML.NET's TextLoader, "
            + "pandas) reads labels the enum's Label will not match: trim them in the data, or quote the field "
            + "(\" b \") to keep its blanks as the label.", r.Stderr);

        CliResult e = Cli.Run("enum", csv, "--name", "Padded");
        Assert.Equal(0, e.ExitCode);
        Assert.Contains("'  padded  ' (line 2) is read as 'padded'", e.Stderr);
        Assert.Contains("[Samples(1, Label = \"  quoted  \")]", e.Stdout);
    }

    [Fact]
    public void Labels_without_blanks_around_them_give_no_trimming_warning()
    {
        string csv = temp.File("plain.csv", "path,label\na.png,big cat\nb.png,\"x, y\"\n");
        CliResult r = Cli.Run("count", csv);
        Assert.Equal(0, r.ExitCode);
        Assert.DoesNotContain("trimmed", r.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\r\n")]
    [InlineData("\n")]
    [InlineData("\r")]
    public void A_line_break_inside_quotes_is_kept_as_written(string lineBreak)
    {
        // The record breaks are LF; only the break inside the quotes is the field's own text.
        string csv = temp.File("breaks.csv", "path,label\na.png,\"cr" + lineBreak + "lf\"\nb.png,dog\n");
        CliResult r = Cli.Run("count", csv, "--json");
        Assert.Equal(0, r.ExitCode);
        Assert.Equal(new[] { ("cr" + lineBreak + "lf", 1L), ("dog", 1L) }, ClassesOf(r.Stdout));
    }

    [Theory]
    [InlineData("count", "--csv")]
    [InlineData("enum", "--counts-file")]
    public void A_class_name_with_a_line_break_is_refused_for_a_counts_file_naming_it(string command, string option)
    {
        // A counts file holds one class per line: the generator would split this row and report CB017 on the pieces.
        string csv = temp.File("breaks.csv", "path,label\na.png,\"multi\nline\"\nb.png,dog\nc.png,\"x\u2028y\"\n");
        string counts = Path.Combine(temp.Path, "out.counts.csv");
        CliResult r = Cli.Run(command, csv, "--column", "label", option, "-o", counts);
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("the class \"multi\\nline\" holds a line break, which a counts file cannot hold", r.Stderr, StringComparison.Ordinal);
        Assert.Contains("cbgen enum --name NAME", r.Stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(counts));

        // The enum keeps such a name as its Label.
        Assert.Equal(0, Cli.Run("enum", csv, "--column", "label", "--name", "Tags").ExitCode);
    }

    [Fact]
    public void Crlf_records_with_a_crlf_inside_quotes_keep_it()
    {
        string csv = temp.File("crlf.csv", "path,label\r\na.png,\"cr\r\nlf\"\r\nb.png,dog\r\nc.png,dog\r\n");
        CliResult r = Cli.Run("count", csv, "--json");
        Assert.Equal(0, r.ExitCode);
        Assert.Equal(new[] { ("cr\r\nlf", 1L), ("dog", 2L) }, ClassesOf(r.Stdout));
    }

    [Fact]
    public void Tsv_is_read_by_extension()
    {
        string tsv = temp.File("train.tsv", "image\tlabel\nx, y.png\tbig cat\nz.png\tbig cat\nw.png\tdog\n");
        CliResult r = Cli.Run("count", tsv, "--json");
        Assert.Equal(0, r.ExitCode);
        Assert.Equal(new[] { ("big cat", 2L), ("dog", 1L) }, ClassesOf(r.Stdout));
    }

    [Fact]
    public void Gzipped_csv_is_read()
    {
        string gz = temp.Gzip("train.csv.gz", System.Text.Encoding.UTF8.GetBytes("label\nb\na\nb\n"));
        CliResult r = Cli.Run("count", gz, "--json");
        Assert.Equal(0, r.ExitCode);
        Assert.Equal(new[] { ("a", 1L), ("b", 2L) }, ClassesOf(r.Stdout));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Idx_label_files_plain_and_gzipped(bool gzip)
    {
        var rng = new Random(7);
        var labels = new byte[1000];
        for (int i = 0; i < labels.Length; i++)
        {
            labels[i] = (byte)(rng.Next(0, 100) < 50 ? 0 : rng.Next(1, 6));
        }

        var expected = new long[6];
        foreach (byte b in labels)
        {
            expected[b]++;
        }

        byte[] bytes = Idx.Labels(labels);
        string path = gzip ? temp.Gzip("train-labels-idx1-ubyte.gz", bytes) : temp.Bytes("train-labels-idx1-ubyte", bytes);

        CliResult r = Cli.Run("count", path, "--json");

        Assert.Equal(0, r.ExitCode);
        Assert.Equal(expected.Select((n, i) => (i.ToString(System.Globalization.CultureInfo.InvariantCulture), n)), ClassesOf(r.Stdout));
        using JsonDocument doc = JsonDocument.Parse(r.Stdout);
        Assert.Equal("idx", doc.RootElement.GetProperty("kind").GetString());
        Assert.Equal(1000, doc.RootElement.GetProperty("totalSamples").GetInt64());
    }

    [Fact]
    public void Truncated_idx_file_names_the_file_and_the_shortfall()
    {
        string path = temp.Bytes("short-idx1-ubyte", Idx.Labels(new byte[] { 1, 2, 3 }, announcedCount: 10));
        CliResult r = Cli.Run("count", path);
        Assert.Equal(1, r.ExitCode);
        Assert.Contains(path + ": the header announces 10 labels but the file ends after 3", r.Stderr);
    }

    [Fact]
    public void Idx_file_with_trailing_bytes_is_rejected()
    {
        string path = temp.Bytes("long-idx1-ubyte", Idx.Labels(new byte[] { 1, 2, 3 }, announcedCount: 2));
        CliResult r = Cli.Run("count", path);
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("1 more byte(s) follow", r.Stderr);
    }

    [Fact]
    public void Idx_image_file_points_at_the_label_file()
    {
        string path = temp.Bytes("train-images-idx3-ubyte", Idx.Labels(new byte[] { 1 }, magic: 2051));
        CliResult r = Cli.Run("count", path);
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("IDX image file (magic 2051)", r.Stderr);
    }

    [Fact]
    public void Table_output_lists_class_count_and_share()
    {
        string csv = temp.File("t.csv", "label\ncat\ncat\ncat\ndog\n");
        CliResult r = Cli.Run("count", csv);
        Assert.Equal(0, r.ExitCode);
        string[] lines = r.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains("2 classes, 4 samples", lines[0]);
        Assert.Equal(new[] { "index", "class", "count", "share" }, lines[1].Split(' ', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(new[] { "0", "cat", "3", "75.00%" }, lines[2].Split(' ', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(new[] { "1", "dog", "1", "25.00%" }, lines[3].Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void Csv_output_is_a_counts_file_that_reads_back_identically()
    {
        string csv = temp.File("t.csv", "label\n\"a, b\"\nc\nc\n");
        string counts = Path.Combine(temp.Path, "counts.csv");
        CliResult written = Cli.Run("count", csv, "--csv", "-o", counts);
        Assert.Equal(0, written.ExitCode);
        Assert.Equal("name,count\n\"a, b\",1\nc,2\n", File.ReadAllText(counts));

        CliResult back = Cli.Run("count", counts, "--json");
        Assert.Equal(0, back.ExitCode);
        using JsonDocument doc = JsonDocument.Parse(back.Stdout);
        Assert.Equal("counts", doc.RootElement.GetProperty("kind").GetString());
        Assert.Equal(new[] { ("a, b", 1L), ("c", 2L) }, ClassesOf(back.Stdout));
    }

    [Fact]
    public void Csv_output_quotes_a_name_with_any_white_space_at_an_end_so_it_reads_back_identically()
    {
        // The counts-file format trims every white space character around an unquoted name, not only U+0020.
        string[] names = { "\u00a0nbsp", "ideographic\u3000", "\u2003em", "plain" };
        string csv = temp.File("w.csv", "label\n" + string.Concat(names.Select(n => "\"" + n + "\"\n")));
        string counts = Path.Combine(temp.Path, "w.counts.csv");
        Assert.Equal(0, Cli.Run("count", csv, "--csv", "-o", counts).ExitCode);
        Assert.Equal("name,count\n\"ideographic\u3000\",1\nplain,1\n\"\u00a0nbsp\",1\n\"\u2003em\",1\n", File.ReadAllText(counts));

        CliResult back = Cli.Run("count", counts, "--as", "counts", "--json");
        Assert.Equal(0, back.ExitCode);
        Assert.Equal(names.OrderBy(n => n, StringComparer.Ordinal).Select(n => (n, 1L)), ClassesOf(back.Stdout));
    }

    [Fact]
    public void Row_with_the_wrong_number_of_fields_names_file_and_line()
    {
        string csv = temp.File("bad.csv", "path,label\na.png,cat\nb,c.png,dog\n");
        CliResult r = Cli.Run("count", csv);
        Assert.Equal(1, r.ExitCode);
        Assert.Contains(csv + ":3: this row has 3 field(s) but the first row has 2", r.Stderr);
    }

    [Fact]
    public void Unclosed_quote_names_the_line_it_starts_on()
    {
        string csv = temp.File("quote.csv", "path,label\na.png,cat\n\"b.png,dog\nc.png,cat\n");
        CliResult r = Cli.Run("count", csv);
        Assert.Equal(1, r.ExitCode);
        Assert.Contains(csv + ":3: a quoted field is never closed", r.Stderr);
    }

    [Fact]
    public void Unknown_column_name_lists_the_header()
    {
        string csv = temp.File("h.csv", "path,label\na.png,cat\n");
        CliResult r = Cli.Run("count", csv, "--column", "class");
        Assert.Equal(1, r.ExitCode);
        Assert.Contains(csv + ":1: no column is named 'class'; the header row has: 'path', 'label'", r.Stderr);
    }

    [Fact]
    public void Column_index_out_of_range_is_reported()
    {
        string csv = temp.File("h.csv", "a.png,cat\n");
        CliResult r = Cli.Run("count", csv, "--column", "5");
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("--column 5 is out of range", r.Stderr);
    }

    [Fact]
    public void Empty_label_names_file_and_line()
    {
        string csv = temp.File("e.csv", "path,label\na.png,cat\nb.png,\n");
        CliResult r = Cli.Run("count", csv);
        Assert.Equal(1, r.ExitCode);
        Assert.Contains(csv + ":3: the label (column label) is empty", r.Stderr);
    }

    [Fact]
    public void Missing_path_is_bad_input_and_missing_argument_is_usage()
    {
        CliResult missing = Cli.Run("count", Path.Combine(temp.Path, "nope"));
        Assert.Equal(1, missing.ExitCode);
        Assert.Contains("nope: no such file or folder", missing.Stderr);

        CliResult none = Cli.Run("count");
        Assert.Equal(1, none.ExitCode);
        Assert.Contains("expected PATH", none.Stderr);
        Assert.Contains("cbgen count --help", none.Stderr);
    }

    [Fact]
    public void Binary_file_that_is_not_idx_is_rejected()
    {
        string path = temp.Bytes("blob.bin", new byte[] { 0x89, 0x50, 0x4E, 0x47, 0, 1, 2 });
        CliResult r = Cli.Run("count", path);
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("binary file", r.Stderr);
    }

    [Fact]
    public void Json_and_csv_together_are_a_usage_error()
    {
        string csv = temp.File("t.csv", "label\na\n");
        CliResult r = Cli.Run("count", csv, "--json", "--csv");
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("cannot be combined", r.Stderr);
    }
}
