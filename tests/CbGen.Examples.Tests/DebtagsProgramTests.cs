using System;
using System.IO;
using DebtagsLongTail;

namespace CbGen.Examples.Tests;

/// <summary>The debtags program itself (its entry point, as <c>./build.sh run --debtags</c> runs it) on bad options and
/// data errors.</summary>
[Collection(TrainingCollection.Name)]
public sealed class DebtagsProgramTests
{
    [Theory]
    [InlineData("--seeds", "0", "error: --seeds needs a positive whole number; got '0'.")]
    [InlineData("--epochs", "0", "error: --epochs needs a positive whole number; got '0'.")]
    [InlineData("--seeds", "abc", "error: --seeds needs a positive whole number; got 'abc'.")]
    public void A_bad_option_stops_with_exit_code_2_before_the_list_is_read(string option, string value, string expected)
    {
        string packages = Path.Combine(AppContext.BaseDirectory, "Fixtures", "debtags", "Packages");

        (int exitCode, string output, string error) = Run("--packages", packages, "--rows", "BCE", option, value);

        Assert.Equal(2, exitCode);
        Assert.Equal(expected, error.Trim());
        Assert.Equal(string.Empty, output);   // no data-set summary: nothing was read
    }

    [Fact]
    public void A_missing_list_is_a_data_error_with_exit_code_3_like_the_other_demos()
    {
        (int exitCode, string output, string error) = Run("--packages", "/nonexistent/Packages", "--out", "/nonexistent/out");

        Assert.Equal(3, exitCode);
        Assert.StartsWith("error: /nonexistent/Packages: ", error, StringComparison.Ordinal);
        Assert.Equal(string.Empty, output);
    }

    private static (int ExitCode, string Output, string Error) Run(params string[] args)
    {
        TextWriter stdout = Console.Out, stderr = Console.Error;
        using var output = new StringWriter();
        using var error = new StringWriter();
        Console.SetOut(output);
        Console.SetError(error);
        try
        {
            object? exitCode = typeof(LossRows).Assembly.EntryPoint!.Invoke(null, [args]);
            return ((int)exitCode!, output.ToString(), error.ToString());
        }
        finally
        {
            Console.SetOut(stdout);
            Console.SetError(stderr);
        }
    }
}
