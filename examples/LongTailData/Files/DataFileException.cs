using System;
using System.Globalization;

namespace LongTailData.Files;

/// <summary>
/// A data file is missing, unreadable, truncated or has a line that is not in its package's format. The message
/// names the file, the line (when one is at fault), what is wrong and the fix, e.g.
/// <c>/usr/share/unifont/unifont.hex, line 7: the bitmap has 63 hex digits; … Fix: reinstall with 'apt-get install --reinstall unifont'.</c>
/// </summary>
public sealed class DataFileException : Exception
{
    /// <summary>Creates the exception with a bare message (prefer <see cref="DataFileException(string, int?, string, string, Exception?)"/>).</summary>
    public DataFileException()
    {
        FilePath = string.Empty;
        Problem = string.Empty;
        Fix = string.Empty;
    }

    /// <summary>Creates the exception with a bare message.</summary>
    public DataFileException(string message)
        : base(message)
    {
        FilePath = string.Empty;
        Problem = message;
        Fix = string.Empty;
    }

    /// <summary>Creates the exception with a bare message and its cause.</summary>
    public DataFileException(string message, Exception innerException)
        : base(message, innerException)
    {
        FilePath = string.Empty;
        Problem = message;
        Fix = string.Empty;
    }

    /// <summary>Creates the exception for <paramref name="filePath"/>.</summary>
    /// <param name="filePath">The file at fault.</param>
    /// <param name="lineNumber">The 1-based line at fault, or null when the whole file is (missing, empty, not decompressible).</param>
    /// <param name="problem">What is wrong, in a sentence without the final full stop.</param>
    /// <param name="fix">What to do about it, as a sentence.</param>
    /// <param name="innerException">The exception that revealed the problem, if any.</param>
    public DataFileException(string filePath, int? lineNumber, string problem, string fix, Exception? innerException = null)
        : base(Compose(filePath, lineNumber, problem, fix), innerException)
    {
        FilePath = filePath;
        LineNumber = lineNumber;
        Problem = problem;
        Fix = fix;
    }

    /// <summary>The file at fault.</summary>
    public string FilePath { get; }

    /// <summary>The 1-based line at fault, or null when the fault is the whole file.</summary>
    public int? LineNumber { get; }

    /// <summary>What is wrong.</summary>
    public string Problem { get; }

    /// <summary>What to do about it.</summary>
    public string Fix { get; }

    private static string Compose(string filePath, int? lineNumber, string problem, string fix) =>
        lineNumber is int line
            ? string.Format(CultureInfo.InvariantCulture, "{0}, line {1}: {2}. Fix: {3}", filePath, line, problem, fix)
            : string.Format(CultureInfo.InvariantCulture, "{0}: {1}. Fix: {2}", filePath, problem, fix);
}
