using System;
using System.IO;
using System.IO.Compression;
using System.Linq;
using LongTailData.Files;
using LongTailData.Glyphs;
using LongTailData.Tests;

namespace LongTailData.Tests.Files;

public sealed class NumberedLinesTests : IDisposable
{
    private readonly FixtureFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public void Lines_are_numbered_from_one_as_an_editor_shows_them()
    {
        string path = _files.Write("lines.txt", ["first", "", "third"]);

        Assert.Equal(
            [new NumberedLine(1, "first"), new NumberedLine(2, ""), new NumberedLine(3, "third")],
            NumberedLines.Read(path, DebianPackage.Unifont, UnifontHex.SetupStep).ToArray());
    }

    [Fact]
    public void A_byte_that_is_not_utf8_is_an_error_at_its_line()
    {
        string path = _files.WriteBytes("bad.txt", [(byte)'a', (byte)'\n', 0xFF, (byte)'\n']);

        DataFileException e = Assert.Throws<DataFileException>(() => NumberedLines.Read(path, DebianPackage.WordNetBase, "data wordnet").ToArray());

        FixtureFiles.AssertError(e, path, 2, "apt-get install --reinstall wordnet-base", "the line is not valid UTF-8");
    }

    [Fact]
    public void A_truncated_gz_file_is_an_error_not_a_shorter_file()
    {
        byte[] gz = Gzip(File.ReadAllBytes(FixtureFiles.Unifont));
        string path = _files.WriteBytes("unifont.hex.gz", gz[..(gz.Length - 12)]);

        DataFileException e = Assert.Throws<DataFileException>(() => NumberedLines.Read(path, DebianPackage.Unifont, UnifontHex.SetupStep).ToArray());

        Assert.Equal(path, e.FilePath);
        Assert.Contains("apt-get install --reinstall unifont", e.Fix, StringComparison.Ordinal);
        Assert.Contains("the .gz data ends early", e.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_folder_given_for_the_file_is_named_as_a_folder()
    {
        string folder = Path.GetDirectoryName(FixtureFiles.Unifont)!;

        DataFileException e = Assert.Throws<DataFileException>(() => UnifontHex.Read(folder));

        FixtureFiles.AssertError(e, folder, null, "pass the path of the file itself", "is a folder, not a file");
    }

    [Fact]
    public void A_gzipped_copy_reads_the_same()
    {
        using var buffer = new MemoryStream();
        using (var gz = new GZipStream(buffer, CompressionLevel.Optimal, leaveOpen: true))
        {
            byte[] plain = File.ReadAllBytes(FixtureFiles.Unifont);
            gz.Write(plain);
        }

        string path = _files.WriteBytes("unifont.hex.gz", buffer.ToArray());

        Assert.Equal(
            UnifontHex.Read(FixtureFiles.Unifont).Values.Select(g => string.Concat(g.ToPixels())),
            UnifontHex.Read(path).Values.Select(g => string.Concat(g.ToPixels())));
    }

    private static byte[] Gzip(byte[] plain)
    {
        using var buffer = new MemoryStream();
        using (var gz = new GZipStream(buffer, CompressionLevel.Optimal, leaveOpen: true))
        {
            gz.Write(plain);
        }

        return buffer.ToArray();
    }
}
