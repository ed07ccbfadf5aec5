using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace FashionMnistLongTail.Data;

/// <summary>Fashion-MNIST as loaded from its four IDX files.</summary>
/// <param name="Directory">The folder the files were read from.</param>
/// <param name="TrainImages">The training images (60,000 of 28×28 in the real set).</param>
/// <param name="TrainLabels">The training labels, 0..9.</param>
/// <param name="TestImages">The test images (10,000, balanced).</param>
/// <param name="TestLabels">The test labels, 0..9.</param>
public sealed record FashionMnistDataset(
    string Directory, IdxImages TrainImages, IdxLabels TrainLabels, IdxImages TestImages, IdxLabels TestLabels);

/// <summary>Finds and loads the Fashion-MNIST IDX files.</summary>
public static class FashionMnistFiles
{
    /// <summary>Where the Debian package <c>dataset-fashion-mnist</c> installs the files.</summary>
    public const string DebianDirectory = "/usr/share/datasets/fashion-mnist";

    /// <summary>The training images file name.</summary>
    public const string TrainImagesFile = "train-images-idx3-ubyte.gz";

    /// <summary>The training labels file name.</summary>
    public const string TrainLabelsFile = "train-labels-idx1-ubyte.gz";

    /// <summary>The test images file name.</summary>
    public const string TestImagesFile = "t10k-images-idx3-ubyte.gz";

    /// <summary>The test labels file name.</summary>
    public const string TestLabelsFile = "t10k-labels-idx1-ubyte.gz";

    /// <summary>The number of classes.</summary>
    public const int ClassCount = 10;

    /// <summary>Image side in pixels.</summary>
    public const int Side = 28;

    private const string Fix =
        "Install the Debian package with 'sudo apt-get install dataset-fashion-mnist' (or './build.sh setup'), "
        + "or pass --data DIR pointing at a folder with the four Fashion-MNIST .gz files.";

    /// <summary>The four file names, in the order they are loaded.</summary>
    public static IReadOnlyList<string> FileNames { get; } =
        [TrainImagesFile, TrainLabelsFile, TestImagesFile, TestLabelsFile];

    /// <summary>
    /// Picks the folder: <paramref name="dataDirectory"/> when given (it must hold all four files), otherwise
    /// <see cref="DebianDirectory"/>.
    /// </summary>
    /// <exception cref="DatasetException">A file is missing; the message lists which, where it looked and the fix.</exception>
    public static string Locate(string? dataDirectory)
    {
        // An explicit --data is authoritative: silently training on other files would be worse than an error.
        string dir = dataDirectory ?? DebianDirectory;
        string[] missing = FileNames.Where(f => !File.Exists(Path.Combine(dir, f))).ToArray();
        if (missing.Length == 0)
        {
            return dir;
        }

        string where = dataDirectory is null ? "the default folder " + dir : "--data " + dir;
        string what = missing.Length == FileNames.Count
            ? "none of the Fashion-MNIST files (" + string.Join(", ", FileNames) + ")"
            : "not every Fashion-MNIST file: missing " + string.Join(", ", missing);
        throw new DatasetException($"Fashion-MNIST not found: {where} holds {what}. {Fix}");
    }

    /// <summary>Loads and checks the four files of <paramref name="directory"/>.</summary>
    /// <exception cref="DatasetException">A file is missing or corrupt, or the files disagree with each other.</exception>
    public static FashionMnistDataset Load(string directory)
    {
        try
        {
            var trainImages = IdxFile.ReadImages(Path.Combine(directory, TrainImagesFile));
            var trainLabels = IdxFile.ReadLabels(Path.Combine(directory, TrainLabelsFile));
            var testImages = IdxFile.ReadImages(Path.Combine(directory, TestImagesFile));
            var testLabels = IdxFile.ReadLabels(Path.Combine(directory, TestLabelsFile));
            Check(TrainImagesFile, TrainLabelsFile, trainImages, trainLabels);
            Check(TestImagesFile, TestLabelsFile, testImages, testLabels);
            return new FashionMnistDataset(directory, trainImages, trainLabels, testImages, testLabels);
        }
        catch (DatasetException e)
        {
            throw new DatasetException(e.Message + " " + Fix, e);
        }
    }

    private static void Check(string imagesFile, string labelsFile, IdxImages images, IdxLabels labels)
    {
        if (images.Rows != Side || images.Columns != Side)
        {
            throw new DatasetException(
                $"{imagesFile}: expected {Side}×{Side} images, found {images.Rows}×{images.Columns}; this is not Fashion-MNIST.");
        }

        if (images.Count != labels.Count)
        {
            throw new DatasetException(
                $"{imagesFile} holds {images.Count} images but {labelsFile} holds {labels.Count} labels; expected the same number.");
        }

        for (int i = 0; i < labels.Count; i++)
        {
            if (labels.Labels[i] >= ClassCount)
            {
                throw new DatasetException(
                    $"{labelsFile}: label {i} is {labels.Labels[i]}; expected a class index 0..{ClassCount - 1}.");
            }
        }
    }
}
