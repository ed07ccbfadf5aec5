using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Text;
using CbGen.Cli.Doctor;

namespace CbGen.Cli.Tests;

/// <summary>The outcome of one in-process run of the tool.</summary>
internal sealed record CliResult(int ExitCode, string Stdout, string Stderr);

internal static class Cli
{
    public static CliResult Run(params string[] args) => Run(null, args);

    public static CliResult Run(DoctorSettings? doctor, params string[] args)
    {
        var stdout = new StringWriter { NewLine = "\n" };
        var stderr = new StringWriter { NewLine = "\n" };
        int code = doctor is null ? CliApp.Run(args, stdout, stderr) : CliApp.Run(args, stdout, stderr, doctor);
        return new CliResult(code, stdout.ToString(), stderr.ToString());
    }
}

/// <summary>A temporary folder for fixtures, deleted on dispose.</summary>
internal sealed class TempDir : IDisposable
{
    public TempDir()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "cbgen-cli-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string File(string relative, string text)
    {
        string full = Prepare(relative);
        System.IO.File.WriteAllText(full, text, new UTF8Encoding(false));
        return full;
    }

    public string Bytes(string relative, byte[] bytes)
    {
        string full = Prepare(relative);
        System.IO.File.WriteAllBytes(full, bytes);
        return full;
    }

    public string Gzip(string relative, byte[] bytes)
    {
        string full = Prepare(relative);
        using FileStream file = System.IO.File.Create(full);
        using var gzip = new GZipStream(file, CompressionLevel.Optimal);
        gzip.Write(bytes);
        return full;
    }

    public string Dir(string relative)
    {
        string full = System.IO.Path.Combine(Path, relative);
        Directory.CreateDirectory(full);
        return full;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private string Prepare(string relative)
    {
        string full = System.IO.Path.Combine(Path, relative);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        return full;
    }
}

internal static class Idx
{
    /// <summary>An IDX label file: magic 2049, the big-endian count, then the label bytes.</summary>
    public static byte[] Labels(IReadOnlyList<byte> labels, int? announcedCount = null, int magic = 2049)
    {
        int n = announcedCount ?? labels.Count;
        var bytes = new byte[8 + labels.Count];
        bytes[0] = (byte)(magic >> 24);
        bytes[1] = (byte)(magic >> 16);
        bytes[2] = (byte)(magic >> 8);
        bytes[3] = (byte)magic;
        bytes[4] = (byte)(n >> 24);
        bytes[5] = (byte)(n >> 16);
        bytes[6] = (byte)(n >> 8);
        bytes[7] = (byte)n;
        for (int i = 0; i < labels.Count; i++)
        {
            bytes[8 + i] = labels[i];
        }

        return bytes;
    }
}
