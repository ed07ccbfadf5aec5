using System;
using System.Buffers.Binary;
using System.Globalization;
using System.IO;
using System.IO.Compression;

namespace FashionMnistLongTail.Data;

/// <summary>The labels of a gzip-compressed IDX1 file (magic 2049): one byte per item.</summary>
/// <param name="Labels">One label per item, in file order.</param>
public sealed record IdxLabels(byte[] Labels)
{
    /// <summary>The number of items.</summary>
    public int Count => Labels.Length;
}

/// <summary>The images of a gzip-compressed IDX3 file (magic 2051): <c>Count × Rows × Columns</c> bytes, row-major.</summary>
/// <param name="Count">The number of images.</param>
/// <param name="Rows">The height of an image.</param>
/// <param name="Columns">The width of an image.</param>
/// <param name="Pixels">All pixels, image after image, each row-major (0 = background, 255 = ink).</param>
public sealed record IdxImages(int Count, int Rows, int Columns, byte[] Pixels)
{
    /// <summary>Pixels per image.</summary>
    public int PixelsPerImage => Rows * Columns;
}

/// <summary>
/// Reads the gzip-compressed IDX files of MNIST and Fashion-MNIST (big-endian header: a magic number,
/// then one 32-bit size per dimension, then unsigned bytes) and checks the magic number, the dimensions
/// and the length, so a truncated download or a swapped file gives a clear error instead of garbage.
/// </summary>
public static class IdxFile
{
    /// <summary>The magic number of an IDX file of unsigned bytes with one dimension (labels).</summary>
    public const int LabelsMagic = 0x00000801;

    /// <summary>The magic number of an IDX file of unsigned bytes with three dimensions (images).</summary>
    public const int ImagesMagic = 0x00000803;

    /// <summary>Reads a gzip IDX1 label file.</summary>
    /// <param name="path">The <c>*-labels-idx1-ubyte.gz</c> file.</param>
    /// <exception cref="DatasetException">The file is missing, not gzip, has the wrong magic number or is truncated.</exception>
    public static IdxLabels ReadLabels(string path)
    {
        using var stream = OpenGzip(path);
        int magic = ReadHeaderInt(stream, path, "the magic number");
        CheckMagic(path, magic, LabelsMagic, "label");
        int count = ReadHeaderInt(stream, path, "the number of labels");
        CheckDimension(path, "number of labels", count);
        var labels = new byte[count];
        ReadBody(stream, path, labels, count.ToString(CultureInfo.InvariantCulture) + " labels");
        return new IdxLabels(labels);
    }

    /// <summary>Reads a gzip IDX3 image file.</summary>
    /// <param name="path">The <c>*-images-idx3-ubyte.gz</c> file.</param>
    /// <exception cref="DatasetException">The file is missing, not gzip, has the wrong magic number, absurd
    /// dimensions or is truncated.</exception>
    public static IdxImages ReadImages(string path)
    {
        using var stream = OpenGzip(path);
        int magic = ReadHeaderInt(stream, path, "the magic number");
        CheckMagic(path, magic, ImagesMagic, "image");
        int count = ReadHeaderInt(stream, path, "the number of images");
        int rows = ReadHeaderInt(stream, path, "the number of rows");
        int columns = ReadHeaderInt(stream, path, "the number of columns");
        CheckDimension(path, "number of images", count);
        CheckDimension(path, "number of rows", rows);
        CheckDimension(path, "number of columns", columns);
        long total = (long)count * rows * columns;
        if (total > Array.MaxLength)
        {
            throw new DatasetException(
                $"{path}: the header declares {count} images of {rows}×{columns} pixels ({total} bytes), "
                + "more than one array can hold; the header is corrupt.");
        }

        var pixels = new byte[total];
        ReadBody(stream, path, pixels,
            $"{count} images of {rows}×{columns} pixels");
        return new IdxImages(count, rows, columns, pixels);
    }

    private static GZipStream OpenGzip(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        FileStream file;
        try
        {
            file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new DatasetException($"{path} does not exist.", e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new DatasetException($"{path} cannot be read: {e.Message}", e);
        }

        return new GZipStream(file, CompressionMode.Decompress, leaveOpen: false);
    }

    private static int ReadHeaderInt(Stream stream, string path, string what)
    {
        Span<byte> buffer = stackalloc byte[4];
        int read = Fill(stream, path, buffer);
        if (read < 4)
        {
            throw new DatasetException(
                $"{path} is truncated: it ends inside the header while reading {what} "
                + $"(expected 4 bytes, got {read}).");
        }

        return BinaryPrimitives.ReadInt32BigEndian(buffer);
    }

    private static void CheckMagic(string path, int actual, int expected, string kind)
    {
        if (actual != expected)
        {
            string hint = actual == (expected == LabelsMagic ? ImagesMagic : LabelsMagic)
                ? $" It looks like an {(expected == LabelsMagic ? "image" : "label")} file: are the file names swapped?"
                : string.Empty;
            throw new DatasetException(
                $"{path} is not an IDX {kind} file: expected the magic number {expected} "
                + $"(0x{expected:X8}), found {actual} (0x{actual:X8}).{hint}");
        }
    }

    private static void CheckDimension(string path, string what, int value)
    {
        if (value <= 0)
        {
            throw new DatasetException(
                $"{path}: the header declares {value} as the {what}; expected a positive number. The header is corrupt.");
        }
    }

    private static void ReadBody(Stream stream, string path, byte[] destination, string what)
    {
        int read = Fill(stream, path, destination);
        if (read < destination.Length)
        {
            throw new DatasetException(
                $"{path} is truncated: the header declares {what} ({destination.Length} bytes after the header) "
                + $"but the file holds only {read}.");
        }

        Span<byte> extra = stackalloc byte[1];
        if (Fill(stream, path, extra) != 0)
        {
            throw new DatasetException(
                $"{path} is longer than its header says: expected exactly {destination.Length} bytes after the "
                + $"header for {what}, found more. The file is corrupt or not an IDX file.");
        }
    }

    private static int Fill(Stream stream, string path, Span<byte> buffer)
    {
        int total = 0;
        try
        {
            while (total < buffer.Length)
            {
                int n = stream.Read(buffer[total..]);
                if (n == 0)
                {
                    break;
                }

                total += n;
            }
        }
        catch (InvalidDataException e)
        {
            throw new DatasetException(
                $"{path} is not a valid gzip file ({e.Message}). Expected the gzip-compressed IDX file as distributed.", e);
        }
        catch (EndOfStreamException)
        {
            // A gzip stream cut short mid-block: report what we have, the caller says "truncated".
        }

        return total;
    }
}
