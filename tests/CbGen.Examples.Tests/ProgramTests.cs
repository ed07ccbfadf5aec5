using System;
using System.Diagnostics;
using System.IO;

namespace CbGen.Examples.Tests;

/// <summary>The demo as a process: exit codes and messages.</summary>
public sealed class ProgramTests : IDisposable
{
    private readonly string dir = SyntheticIdx.TempDir();

    public void Dispose() => Directory.Delete(dir, recursive: true);

    private static (int ExitCode, string Output) RunDemo(params string[] args)
    {
        string dll = Path.Combine(AppContext.BaseDirectory, "FashionMnistLongTail.dll");
        string host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } h && File.Exists(h) ? h : "dotnet";
        var start = new ProcessStartInfo(host)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        foreach (string a in args)
        {
            start.ArgumentList.Add(a);
        }

        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        string stdout = process.StandardOutput.ReadToEnd();
        Assert.True(process.WaitForExit(120_000), "the demo did not exit within 2 minutes");
        return (process.ExitCode, stdout + stderr.Result);
    }

    [Fact]
    public void Missing_data_exits_3_and_says_how_to_fix_it()
    {
        var (code, output) = RunDemo("--data", Path.Combine(dir, "nothing-here"), "--out", Path.Combine(dir, "o"));

        Assert.Equal(3, code);
        Assert.Contains("train-images-idx3-ubyte.gz", output, StringComparison.Ordinal);
        Assert.Contains("apt-get install dataset-fashion-mnist", output, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(dir, "o")));
    }

    [Fact]
    public void A_bad_option_exits_2()
    {
        var (code, output) = RunDemo("--imbalance", "7");

        Assert.Equal(2, code);
        Assert.Contains("--imbalance must be 10, 50 or 100", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Help_lists_the_options_and_exits_0()
    {
        var (code, output) = RunDemo("--help");

        Assert.Equal(0, code);
        foreach (string option in new[] { "--data", "--imbalance", "--all", "--epochs", "--seeds", "--losses", "--subset", "--out", "--no-plots" })
        {
            Assert.Contains(option, output, StringComparison.Ordinal);
        }
    }
}
