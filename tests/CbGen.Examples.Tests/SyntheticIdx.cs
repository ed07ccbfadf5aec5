using System;
using System.Buffers.Binary;
using System.IO;
using System.IO.Compression;
using FashionMnistLongTail.Data;

namespace CbGen.Examples.Tests;

/// <summary>Writes small gzip IDX files, well-formed or deliberately broken, into a temp folder.</summary>
internal static class SyntheticIdx
{
    public static void WriteLabels(string path, byte[] labels, int magic = IdxFile.LabelsMagic, int? declaredCount = null,
        int dropBytes = 0)
    {
        using var ms = new MemoryStream();
        WriteInt(ms, magic);
        WriteInt(ms, declaredCount ?? labels.Length);
        ms.Write(labels);
        WriteGzip(path, ms.ToArray(), dropBytes);
    }

    public static void WriteImages(string path, int count, int rows, int columns, byte[] pixels,
        int magic = IdxFile.ImagesMagic, int dropBytes = 0)
    {
        using var ms = new MemoryStream();
        WriteInt(ms, magic);
        WriteInt(ms, count);
        WriteInt(ms, rows);
        WriteInt(ms, columns);
        ms.Write(pixels);
        WriteGzip(path, ms.ToArray(), dropBytes);
    }

    /// <summary>
    /// Writes a Fashion-MNIST look-alike (28×28, 10 classes) into <paramref name="dir"/>: <paramref name="trainPerClass"/>
    /// training and <paramref name="testPerClass"/> test images per class, classes interleaved, each class a noisy
    /// bright band at its own rows so a model can learn something in one epoch.
    /// </summary>
    public static void WriteDataset(string dir, int trainPerClass, int testPerClass, int seed = 7)
    {
        Directory.CreateDirectory(dir);
        var rng = new Random(seed);
        Write(dir, FashionMnistFiles.TrainImagesFile, FashionMnistFiles.TrainLabelsFile, trainPerClass, rng);
        Write(dir, FashionMnistFiles.TestImagesFile, FashionMnistFiles.TestLabelsFile, testPerClass, rng);
    }

    public static string TempDir()
    {
        string dir = Path.Combine(Path.GetTempPath(), "cbgen-examples-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        return dir;
    }

    private static void Write(string dir, string imagesFile, string labelsFile, int perClass, Random rng)
    {
        int n = perClass * 10;
        var labels = new byte[n];
        var pixels = new byte[n * 784];
        for (int i = 0; i < n; i++)
        {
            int c = i % 10;
            labels[i] = (byte)c;
            for (int p = 0; p < 784; p++)
            {
                int row = p / 28;
                bool band = row >= (c * 2) + 4 && row < (c * 2) + 7;
                pixels[(i * 784) + p] = (byte)(band ? 180 + rng.Next(60) : rng.Next(40));
            }
        }

        WriteImages(Path.Combine(dir, imagesFile), n, 28, 28, pixels);
        WriteLabels(Path.Combine(dir, labelsFile), labels);
    }

    private static void WriteInt(Stream s, int value)
    {
        Span<byte> b = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(b, value);
        s.Write(b);
    }

    private static void WriteGzip(string path, byte[] raw, int dropBytes)
    {
        using var file = File.Create(path);
        using var gz = new GZipStream(file, CompressionLevel.Fastest);
        gz.Write(raw, 0, raw.Length - dropBytes);
    }
}
