using System;
using System.Diagnostics.CodeAnalysis;

namespace LongTailData.CommandLine;

/// <summary>The demos' first step: parse the options, or say why not (exit 2), or print the usage for
/// <c>--help</c> (exit 0).</summary>
public static class ProgramShell
{
    /// <summary>Parses <paramref name="args"/> with <paramref name="parse"/>.</summary>
    /// <param name="args">The command line.</param>
    /// <param name="parse">The demo's parser; throws <see cref="UsageException"/> for a wrong command line.</param>
    /// <param name="help">Whether the options ask for the usage.</param>
    /// <param name="usage">The usage line.</param>
    /// <param name="options">The options, when the demo should run.</param>
    /// <param name="exitCode">The exit code when it should not: 2 after a usage error (written to standard error,
    /// with the usage line when <paramref name="usageAfterError"/>), 0 after the usage.</param>
    /// <param name="usageAfterError">Whether a usage error is followed by the usage line.</param>
    /// <returns>Whether the demo should run.</returns>
    public static bool TryParse<T>(
        string[] args, Func<string[], T> parse, Func<T, bool> help, string usage, [NotNullWhen(true)] out T? options,
        out int exitCode, bool usageAfterError = false)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(parse);
        ArgumentNullException.ThrowIfNull(help);
        try
        {
            options = parse(args);
        }
        catch (UsageException e)
        {
            Console.Error.WriteLine("error: " + e.Message);
            if (usageAfterError)
            {
                Console.Error.WriteLine(usage);
            }

            options = null;
            exitCode = 2;
            return false;
        }

        exitCode = 0;
        if (help(options))
        {
            Console.WriteLine(usage);
            options = null;
            return false;
        }

        return true;
    }
}
