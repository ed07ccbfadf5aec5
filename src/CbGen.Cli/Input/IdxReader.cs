using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;

namespace CbGen.Cli.Input;

/// <summary>Reads an IDX label file (MNIST's format): the big-endian magic 2049 (unsigned bytes, one dimension),
/// the big-endian label count N, then N label bytes.</summary>
internal static class IdxReader
{
    public const int LabelMagic = 2049;
    public const int ImageMagic = 2051;

    /// <summary>Counts the labels of <paramref name="stream"/> (already decompressed); classes are 0..max label.</summary>
    public static CountTable Read(Stream stream, string display)
    {
        Span<byte> header = stackalloc byte[8];
        int got = ReadFully(stream, header);
        if (got < 8)
        {
            throw new InputException(display + ": the IDX header is cut short (" + Invariant.Format(got) + " of 8 bytes).");
        }

        int magic = (header[0] << 24) | (header[1] << 16) | (header[2] << 8) | header[3];
        if (magic != LabelMagic)
        {
            throw new InputException(display + ": " + DescribeMagic(magic));
        }

        long expected = (uint)((header[4] << 24) | (header[5] << 16) | (header[6] << 8) | header[7]);
        var perLabel = new long[256];
        var buffer = new byte[64 * 1024];
        long read = 0;
        while (true)
        {
            int n = stream.Read(buffer, 0, buffer.Length);
            if (n == 0)
            {
                break;
            }

            int use = (int)Math.Min(n, Math.Max(0, expected - read));
            for (int i = 0; i < use; i++)
            {
                perLabel[buffer[i]]++;
            }

            read += n;
        }

        if (read < expected)
        {
            throw new InputException(display + ": the header announces " + Invariant.Format(expected) + " labels but the file ends after "
                + Invariant.Format(read) + " (byte " + Invariant.Format(8 + read) + "); the file is truncated.");
        }

        if (read > expected)
        {
            throw new InputException(display + ": the header announces " + Invariant.Format(expected) + " labels but " + Invariant.Format(read - expected)
                + " more byte(s) follow them; this is not a well-formed IDX label file.");
        }

        if (expected == 0)
        {
            throw new InputException(display + ": the IDX label file holds no labels.");
        }

        int max = 255;
        while (perLabel[max] == 0)
        {
            max--;
        }

        var classes = new List<ClassCount>(max + 1);
        var notes = new List<string>();
        for (int c = 0; c <= max; c++)
        {
            classes.Add(new ClassCount(Invariant.Format(c), perLabel[c]));
            if (perLabel[c] == 0)
            {
                notes.Add("class " + Invariant.Format(c) + " has no labels (the classes are 0.." + Invariant.Format(max) + ").");
            }
        }

        return new CountTable(display, SourceKind.Idx, "IDX label file", classes, notes);
    }

    public static string DescribeMagic(int magic) => magic switch
    {
        ImageMagic => "this is an IDX image file (magic 2051); pass the label file (e.g. train-labels-idx1-ubyte.gz) instead.",
        _ when (magic >> 16) == 0 && (magic & 0xFF) >= 1 =>
            "the IDX magic is " + Invariant.Format(magic) + " (0x" + magic.ToString("X8", CultureInfo.InvariantCulture)
            + "); only label files (magic 2049: unsigned bytes, one dimension) are supported.",
        _ => "not an IDX file (magic 0x" + magic.ToString("X8", CultureInfo.InvariantCulture) + ").",
    };

    private static int ReadFully(Stream stream, Span<byte> destination)
    {
        int total = 0;
        while (total < destination.Length)
        {
            int n = stream.Read(destination.Slice(total));
            if (n == 0)
            {
                break;
            }

            total += n;
        }

        return total;
    }
}
