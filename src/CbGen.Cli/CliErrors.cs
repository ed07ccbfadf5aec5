using System;

namespace CbGen.Cli;

/// <summary>The exit codes of <c>cbgen</c>.</summary>
internal static class ExitCodes
{
    /// <summary>The command did what was asked (for <c>doctor</c>: every check passed).</summary>
    public const int Success = 0;

    /// <summary>The input was bad (missing path, malformed file, zero counts under <c>--zero-counts throw</c>)
    /// or, for <c>doctor</c>, a prerequisite is missing.</summary>
    public const int Failure = 1;

    /// <summary>The command line was wrong: unknown command or option, missing or malformed value. 1, as
    /// System.CommandLine returns for a parse error (the .NET tools' convention: one error code).</summary>
    public const int Usage = 1;
}

/// <summary>A wrong value on the command line: reported with a pointer to <c>--help</c>, exit code 1.</summary>
internal sealed class UsageException : Exception
{
    public UsageException(string command, string message)
        : base(message) => Command = command;

    /// <summary>The command whose help to point at, or empty for the tool's help.</summary>
    public string Command { get; }
}

/// <summary>Bad input (a path or a file's contents): exit code 1.</summary>
internal sealed class InputException : Exception
{
    public InputException(string message)
        : base(message)
    {
    }

    public InputException(string message, Exception inner)
        : base(message, inner)
    {
    }

    /// <summary>An error located in a file: "<c>file:line: what</c>".</summary>
    public static InputException At(string file, long line, string what) =>
        new(file + ":" + Invariant.Format(line) + ": " + what);
}
