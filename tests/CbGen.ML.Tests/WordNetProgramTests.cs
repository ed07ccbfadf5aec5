using System;
using System.IO;
using WordNetLongTail.MlNet;

namespace CbGen.ML.Tests;

/// <summary>The WordNet benchmark's program itself (its entry point, as <c>./build.sh run --wordnet</c> runs it): a wrong
/// command line is exit code 2 with the usage line; a data file's error is the other demos' data-error code, 3, with the
/// error (file and fix) and no usage line, since the command line was right.</summary>
public sealed class WordNetProgramTests
{
    [Fact]
    public void A_missing_data_file_names_the_file_and_the_fix_with_exit_code_3_and_no_usage()
    {
        (int exitCode, string error) = Run("--dir", "/nonexistent-wordnet");

        Assert.Equal(3, exitCode);
        Assert.StartsWith("error: /nonexistent-wordnet/data.noun: the file does not exist", error, StringComparison.Ordinal);
        Assert.Contains("apt-get install wordnet-base", error, StringComparison.Ordinal);
        Assert.DoesNotContain("usage:", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_wrong_option_prints_the_usage_with_exit_code_2()
    {
        (int exitCode, string error) = Run("--tau", "1");

        Assert.Equal(2, exitCode);
        Assert.Equal("error: Unknown option '--tau'." + Environment.NewLine + BenchmarkOptions.Usage + Environment.NewLine, error);
    }

    private static (int ExitCode, string Error) Run(params string[] args)
    {
        TextWriter stderr = Console.Error;
        using var error = new StringWriter();
        Console.SetError(error);
        try
        {
            object? exitCode = typeof(BenchmarkOptions).Assembly.EntryPoint!.Invoke(null, [args]);
            return ((int)exitCode!, error.ToString());
        }
        finally
        {
            Console.SetError(stderr);
        }
    }
}
