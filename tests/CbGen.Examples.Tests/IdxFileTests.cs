using System;
using System.IO;
using FashionMnistLongTail.Data;

namespace CbGen.Examples.Tests;

public sealed class IdxFileTests : IDisposable
{
    private readonly string dir = SyntheticIdx.TempDir();

    public void Dispose() => Directory.Delete(dir, recursive: true);

    [Fact]
    public void Reads_well_formed_labels_and_images()
    {
        string labelsPath = Path.Combine(dir, "l.gz");
        string imagesPath = Path.Combine(dir, "i.gz");
        byte[] labels = [3, 1, 4, 1, 5];
        var pixels = new byte[5 * 2 * 3];
        for (int i = 0; i < pixels.Length; i++)
        {
            pixels[i] = (byte)(i * 7);
        }

        SyntheticIdx.WriteLabels(labelsPath, labels);
        SyntheticIdx.WriteImages(imagesPath, 5, 2, 3, pixels);

        var readLabels = IdxFile.ReadLabels(labelsPath);
        var readImages = IdxFile.ReadImages(imagesPath);

        Assert.Equal(labels, readLabels.Labels);
        Assert.Equal(5, readImages.Count);
        Assert.Equal(2, readImages.Rows);
        Assert.Equal(3, readImages.Columns);
        Assert.Equal(pixels, readImages.Pixels);
    }

    [Fact]
    public void Truncated_labels_name_the_file_and_the_expected_and_actual_lengths()
    {
        string path = Path.Combine(dir, "train-labels-idx1-ubyte.gz");
        SyntheticIdx.WriteLabels(path, new byte[100], dropBytes: 40);

        var e = Assert.Throws<DatasetException>(() => IdxFile.ReadLabels(path));

        Assert.Contains(path, e.Message, StringComparison.Ordinal);
        Assert.Contains("truncated", e.Message, StringComparison.Ordinal);
        Assert.Contains("100 bytes", e.Message, StringComparison.Ordinal);
        Assert.Contains("only 60", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Truncated_images_are_rejected()
    {
        string path = Path.Combine(dir, "t10k-images-idx3-ubyte.gz");
        SyntheticIdx.WriteImages(path, 4, 28, 28, new byte[4 * 784], dropBytes: 1);

        var e = Assert.Throws<DatasetException>(() => IdxFile.ReadImages(path));

        Assert.Contains("truncated", e.Message, StringComparison.Ordinal);
        Assert.Contains("3136 bytes", e.Message, StringComparison.Ordinal);
        Assert.Contains("only 3135", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_cut_inside_the_header_is_reported_as_truncated()
    {
        string path = Path.Combine(dir, "short.gz");
        SyntheticIdx.WriteImages(path, 1, 28, 28, [], dropBytes: 6);

        var e = Assert.Throws<DatasetException>(() => IdxFile.ReadImages(path));

        Assert.Contains("inside the header", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Wrong_magic_number_is_rejected_with_expected_and_found_values()
    {
        string path = Path.Combine(dir, "labels.gz");
        SyntheticIdx.WriteLabels(path, new byte[3], magic: 0x12345678);

        var e = Assert.Throws<DatasetException>(() => IdxFile.ReadLabels(path));

        Assert.Contains("2049", e.Message, StringComparison.Ordinal);
        Assert.Contains(0x12345678.ToString(), e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_image_file_read_as_labels_suggests_swapped_names()
    {
        string path = Path.Combine(dir, "images.gz");
        SyntheticIdx.WriteImages(path, 1, 28, 28, new byte[784]);

        var e = Assert.Throws<DatasetException>(() => IdxFile.ReadLabels(path));

        Assert.Contains("2051", e.Message, StringComparison.Ordinal);
        Assert.Contains("swapped", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Trailing_bytes_after_the_declared_data_are_rejected()
    {
        string path = Path.Combine(dir, "labels.gz");
        SyntheticIdx.WriteLabels(path, new byte[10], declaredCount: 8);

        var e = Assert.Throws<DatasetException>(() => IdxFile.ReadLabels(path));

        Assert.Contains("longer than its header says", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_that_is_not_gzip_is_rejected()
    {
        string path = Path.Combine(dir, "plain.gz");
        File.WriteAllBytes(path, [0, 0, 8, 1, 0, 0, 0, 0]);

        var e = Assert.Throws<DatasetException>(() => IdxFile.ReadLabels(path));

        Assert.Contains(path, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_cut_gzip_file_is_rejected()
    {
        string path = Path.Combine(dir, "cut.gz");
        var rng = new Random(1);
        var pixels = new byte[50 * 784];
        rng.NextBytes(pixels);
        SyntheticIdx.WriteImages(path, 50, 28, 28, pixels);
        byte[] whole = File.ReadAllBytes(path);
        File.WriteAllBytes(path, whole.AsSpan(0, whole.Length / 2).ToArray());

        var e = Assert.Throws<DatasetException>(() => IdxFile.ReadImages(path));

        Assert.Contains(path, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_file_is_reported_by_path()
    {
        string path = Path.Combine(dir, "nope.gz");

        var e = Assert.Throws<DatasetException>(() => IdxFile.ReadLabels(path));

        Assert.Contains(path, e.Message, StringComparison.Ordinal);
        Assert.Contains("does not exist", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Locate_lists_the_missing_files_and_the_fix()
    {
        SyntheticIdx.WriteLabels(Path.Combine(dir, FashionMnistFiles.TrainLabelsFile), [1]);

        var e = Assert.Throws<DatasetException>(() => FashionMnistFiles.Locate(dir));

        Assert.Contains(FashionMnistFiles.TrainImagesFile, e.Message, StringComparison.Ordinal);
        Assert.Contains(FashionMnistFiles.TestImagesFile, e.Message, StringComparison.Ordinal);
        Assert.Contains(FashionMnistFiles.TestLabelsFile, e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("missing " + FashionMnistFiles.TrainLabelsFile, e.Message, StringComparison.Ordinal);
        Assert.Contains("apt-get install dataset-fashion-mnist", e.Message, StringComparison.Ordinal);
        Assert.Contains("--data", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_rejects_images_and_labels_of_different_lengths()
    {
        SyntheticIdx.WriteDataset(dir, trainPerClass: 2, testPerClass: 1);
        SyntheticIdx.WriteLabels(Path.Combine(dir, FashionMnistFiles.TestLabelsFile), new byte[9]);

        var e = Assert.Throws<DatasetException>(() => FashionMnistFiles.Load(dir));

        Assert.Contains("10 images", e.Message, StringComparison.Ordinal);
        Assert.Contains("9 labels", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_rejects_labels_outside_0_to_9()
    {
        SyntheticIdx.WriteDataset(dir, trainPerClass: 2, testPerClass: 1);
        var labels = new byte[20];
        labels[7] = 10;
        SyntheticIdx.WriteLabels(Path.Combine(dir, FashionMnistFiles.TrainLabelsFile), labels);

        var e = Assert.Throws<DatasetException>(() => FashionMnistFiles.Load(dir));

        Assert.Contains("label 7 is 10", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Reads_the_real_files_when_the_debian_package_is_installed()
    {
        if (!File.Exists(Path.Combine(FashionMnistFiles.DebianDirectory, FashionMnistFiles.TrainLabelsFile)))
        {
            return; // Not installed here: the synthetic tests cover the reader.
        }

        var labels = IdxFile.ReadLabels(Path.Combine(FashionMnistFiles.DebianDirectory, FashionMnistFiles.TestLabelsFile));
        Assert.Equal(10000, labels.Count);
        var perClass = new int[10];
        foreach (byte b in labels.Labels)
        {
            perClass[b]++;
        }

        Assert.All(perClass, n => Assert.Equal(1000, n));
    }
}
