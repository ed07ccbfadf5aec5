using System;
using System.IO;

namespace CbGen.Cli.Tests;

/// <summary>Issue 12 item 9: messages a new user met (plural rules, doubled "(--counts)", -o DIR, an all-zero file, an
/// empty image folder).</summary>
public sealed class MessageTests : IDisposable
{
    private readonly TempDir temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public void An_image_folder_without_images_is_an_error_not_1_classes_0_samples()
    {
        temp.File("train/cat/readme.txt", "no images here");
        temp.Dir("train/dog");

        CliResult r = Cli.Run("count", Path.Combine(temp.Path, "train"));

        Assert.Equal(1, r.ExitCode);
        Assert.Equal(string.Empty, r.Stdout);
        Assert.Contains("no image files (.png .jpg .jpeg .bmp .gif .webp .tif .tiff) in its 2 class folders", r.Stderr);
    }

    [Fact]
    public void One_class_and_one_sample_are_singular()
    {
        string csv = temp.File("one.csv", "label\ncat\n");
        CliResult r = Cli.Run("count", csv);
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("1 class, 1 sample\n", r.Stdout);

        CliResult two = Cli.Run("enum", "--counts", "1,5", "--name", "E");
        Assert.Contains("2 classes, 6 samples.", two.Stdout);
        Assert.Contains("/// <summary>The 2 classes of --counts", two.Stdout);
    }

    [Fact]
    public void Inline_counts_are_not_described_twice()
    {
        CliResult r = Cli.Run("enum", "--counts", "5,6", "--name", "E");
        Assert.Equal(0, r.ExitCode);
        Assert.DoesNotContain("(--counts)", r.Stdout);
        Assert.StartsWith("// Written by `cbgen enum` from --counts: 2 classes, 11 samples.\n", r.Stdout);
    }

    [Fact]
    public void Output_to_a_directory_says_it_is_a_directory()
    {
        string csv = temp.File("t.csv", "label\na\nb\n");
        string dir = temp.Dir("out");

        CliResult r = Cli.Run("count", csv, "--csv", "-o", dir);

        Assert.Equal(1, r.ExitCode);
        Assert.Contains(dir + ": is a directory; -o/--output takes a file name (e.g. -o " + Path.Combine(dir, "counts.csv") + ")", r.Stderr);
    }

    [Theory]
    [InlineData(4096)]
    [InlineData(16)]
    [InlineData(3)]
    public void An_all_zero_file_is_not_a_csv_or_idx_file(int length)
    {
        string path = temp.Bytes("zeros.bin", new byte[length]);

        CliResult r = Cli.Run("count", path);

        Assert.Equal(1, r.ExitCode);
        Assert.Contains(path + ": not a CSV or IDX file", r.Stderr);
        Assert.DoesNotContain("magic 0x", r.Stderr);
    }
}
