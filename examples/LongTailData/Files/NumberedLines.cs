using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Text;
using ICSharpCode.SharpZipLib.BZip2;

namespace LongTailData.Files;

/// <summary>One line of a data file with its 1-based number.</summary>
/// <param name="Number">The 1-based line number, as an editor shows it.</param>
/// <param name="Text">The line without its end-of-line characters.</param>
public readonly record struct NumberedLine(int Number, string Text);

/// <summary>
/// Reads a data file line by line, plain or compressed (by its name: <c>.gz</c> with System.IO.Compression,
/// <c>.bz2</c> with SharpZipLib), and turns every I/O failure into a <see cref="DataFileException"/> naming the
/// file and the package that ships it.
/// </summary>
public static class NumberedLines
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Fails with the install fix when <paramref name="path"/> does not exist.</summary>
    /// <exception cref="DataFileException">The file is missing.</exception>
    public static void RequireFile(string path, DebianPackage package, string setupStep)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(package);
        if (Directory.Exists(path))
        {
            throw new DataFileException(path, null, "the path is a folder, not a file",
                "pass the path of the file itself, not of its folder");
        }

        if (!File.Exists(path))
        {
            throw new DataFileException(path, null,
                "the file does not exist (it is " + package.Origin + ")",
                package.InstallFix(setupStep));
        }
    }

    /// <summary>The lines of <paramref name="path"/>, read lazily; a missing or undecodable file throws.</summary>
    /// <param name="path">The file; <c>.gz</c> and <c>.bz2</c> are decompressed on the fly.</param>
    /// <param name="package">The package that ships it, for the fix in the error.</param>
    /// <param name="setupStep">The <c>build.sh</c> verb that installs it, e.g. <c>data glyphs</c>.</param>
    /// <exception cref="DataFileException">The file is missing, unreadable or its compression is damaged.</exception>
    public static IEnumerable<NumberedLine> Read(string path, DebianPackage package, string setupStep)
    {
        RequireFile(path, package, setupStep);
        return ReadExisting(path, package);
    }

    private static IEnumerable<NumberedLine> ReadExisting(string path, DebianPackage package)
    {
        // Split on '\n' in bytes, then decode each line alone: a bad byte is then reported at its own line (a
        // StreamReader decodes whole buffers, so its error would name an earlier line).
        using Stream stream = Open(path, package);
        var chunk = new byte[64 * 1024];
        var line = new byte[256];
        int length = 0, number = 0;
        long total = 0;
        while (true)
        {
            int read = ReadChunk(stream, chunk, path, package, number);
            if (read == 0)
            {
                CheckGzipSize(path, package, total, number);
                break;
            }

            total += read;

            for (int i = 0; i < read; i++)
            {
                if (chunk[i] != (byte)'\n')
                {
                    if (length == line.Length)
                    {
                        Array.Resize(ref line, length * 2);
                    }

                    line[length++] = chunk[i];
                    continue;
                }

                number++;
                yield return new NumberedLine(number, Decode(line, length, path, package, number));
                length = 0;
            }
        }

        if (length > 0)
        {
            number++;
            yield return new NumberedLine(number, Decode(line, length, path, package, number));
        }
    }

    /// <summary>
    /// GZipStream ends quietly when a .gz file is cut short; gzip's last four bytes hold the uncompressed size
    /// (mod 2³²), so a cut file is caught by comparing them with what was read.
    /// </summary>
    private static void CheckGzipSize(string path, DebianPackage package, long total, int linesRead)
    {
        if (!IsGzip(path))
        {
            return;
        }

        using FileStream file = File.OpenRead(path);
        var trailer = new byte[4];
        file.Seek(-Math.Min(4, file.Length), SeekOrigin.End);
        file.ReadExactly(trailer, 0, (int)Math.Min(4, file.Length));
        uint stated = System.Buffers.Binary.BinaryPrimitives.ReadUInt32LittleEndian(trailer);
        if (stated != unchecked((uint)total))
        {
            throw new DataFileException(path, linesRead, string.Format(System.Globalization.CultureInfo.InvariantCulture,
                "the .gz data ends early: {0} bytes were read, but the gzip trailer says {1} (mod 2^32), so the file is cut short",
                total, stated), package.ReinstallFix);
        }
    }

    private static bool IsGzip(string path) => path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase);

    private static int ReadChunk(Stream stream, byte[] chunk, string path, DebianPackage package, int linesRead)
    {
        try
        {
            return stream.Read(chunk, 0, chunk.Length);
        }
        catch (Exception e) when (e is IOException or InvalidDataException or ICSharpCode.SharpZipLib.SharpZipBaseException)
        {
            throw new DataFileException(path, linesRead + 1,
                "the file cannot be read past line " + linesRead.ToString(System.Globalization.CultureInfo.InvariantCulture)
                + " (" + e.Message.TrimEnd('.') + ")", package.ReinstallFix, e);
        }
    }

    private static string Decode(byte[] line, int length, string path, DebianPackage package, int number)
    {
        int end = length > 0 && line[length - 1] == (byte)'\r' ? length - 1 : length;
        try
        {
            return StrictUtf8.GetString(line, 0, end);
        }
        catch (DecoderFallbackException e)
        {
            throw new DataFileException(path, number, "the line is not valid UTF-8 (" + e.Message.TrimEnd('.') + ")",
                package.ReinstallFix, e);
        }
    }

    private static Stream Open(string path, DebianPackage package)
    {
        Stream file;
        try
        {
            file = File.OpenRead(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new DataFileException(path, null, "the file cannot be opened (" + e.Message.TrimEnd('.') + ")",
                "check that it is a readable file; " + package.ReinstallFix, e);
        }

        Stream decoded;
        try
        {
            decoded = IsGzip(path)
                ? new GZipStream(file, CompressionMode.Decompress)
                : path.EndsWith(".bz2", StringComparison.OrdinalIgnoreCase)
                    ? new BZip2InputStream(file)
                    : file;
        }
        catch (Exception e) when (e is IOException or ICSharpCode.SharpZipLib.SharpZipBaseException)
        {
            file.Dispose();
            throw new DataFileException(path, null, "the file is not valid " + Path.GetExtension(path) + " data ("
                + e.Message.TrimEnd('.') + ")", package.ReinstallFix, e);
        }

        return decoded;
    }
}
