using System;
using System.Buffers.Binary;
using System.IO;

namespace CbGen.Cli.Input;

/// <summary>The checks and the message for a file that is not a valid Parquet file.</summary>
internal static class ParquetFrame
{
    /// <summary>'PAR1' + footer length + 'PAR1'.</summary>
    private const int FrameBytes = 12;

    private static ReadOnlySpan<byte> Magic => "PAR1"u8;

    /// <summary>The frame every Parquet file has: 'PAR1', the pages, the footer, the footer's length (4 bytes,
    /// little-endian) and 'PAR1' again. Checked here so that the message names what is wrong.</summary>
    public static void Check(string path)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        long length = file.Length;
        if (length < FrameBytes)
        {
            throw Invalid(path, "it has " + Invariant.Plural(length, "byte", "bytes") + ", fewer than the " + Invariant.Format(FrameBytes)
                + " of the smallest Parquet file", null);
        }

        Span<byte> head = stackalloc byte[4];
        Span<byte> tail = stackalloc byte[8];
        file.ReadExactly(head);
        file.Seek(-8, SeekOrigin.End);
        file.ReadExactly(tail);
        if (!head.SequenceEqual(Magic) || !tail[4..].SequenceEqual(Magic))
        {
            throw Invalid(path, "it does not " + (head.SequenceEqual(Magic) ? "end" : "start") + " with the bytes 'PAR1'", null);
        }

        long footer = BinaryPrimitives.ReadUInt32LittleEndian(tail);
        if (footer > length - FrameBytes)
        {
            throw Invalid(path, "its footer length (" + Invariant.Format(footer) + " bytes) is more than the file holds ("
                + Invariant.Format(length - FrameBytes) + " bytes between the magic numbers); the file is truncated or corrupt", null);
        }
    }

    public static InputException Invalid(string path, string reason, Exception? inner)
    {
        string message = path + ": not a valid Parquet file: " + reason + " (a Parquet file starts and ends with the bytes 'PAR1'; "
            + "pass --as labels or --as counts if this is a text file).";
        return inner is null ? new InputException(message) : new InputException(message, inner);
    }
}
