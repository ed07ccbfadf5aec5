using System;
using System.Collections.Generic;

namespace CbGen.CountsFiles;

// CountsFileFormat: the multi-label line "# samples: N", the number of samples N of which each row's count are the
// positives. It is a comment line, so a reader that predates it still reads the rows.
internal static partial class CountsFileFormat
{
    /// <summary>The key of the samples line: '#', blanks, then this (case-insensitive), a colon and N.</summary>
    public const string SamplesKey = "samples";

    /// <summary>The samples line as cbgen writes it.</summary>
    public static string SamplesLine(long samples) =>
        "# " + SamplesKey + ": " + samples.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Finds the samples lines of <paramref name="text"/> (any comment line whose text is
    /// <c>samples:</c> and a value), in file order: none for single-label counts, one for multi-label counts; a
    /// second is a problem the caller reports.</summary>
    public static List<SamplesDirective> FindSamples(string text)
    {
        var found = new List<SamplesDirective>();
        foreach ((int index, int start, int length, string content, string body) in CommentLines(text))
        {
            if (!body.StartsWith(SamplesKey, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            string rest = body.Substring(SamplesKey.Length).TrimStart();
            if (rest.Length == 0 || rest[0] != ':')
            {
                continue;
            }

            string value = rest.Substring(1).Trim();
            int valueStart = start + content.LastIndexOf(value, StringComparison.Ordinal);
            string? error = CountError(value, out long samples);
            if (error is null && samples == 0)
            {
                error = "is 0";
            }

            found.Add(new SamplesDirective(index + 1, start, length, value, valueStart, samples, error));
        }

        return found;
    }
}

// CountsFileFormat: comment lines that read like a samples line but are not one ("# samples 100", "# sample: 100",
// "# samples = 100"), which would leave the file single-label without a word.
internal static partial class CountsFileFormat
{
    /// <summary>The comment lines of <paramref name="text"/> whose text is a word "sample" or "samples" then, after an
    /// optional ':' or '=', a digit, but which <see cref="FindSamples"/> does not take: (1-based line, start, length).</summary>
    public static List<(int LineNumber, int Start, int Length)> FindSamplesNearMisses(string text)
    {
        var found = new List<(int, int, int)>();
        foreach ((int index, int start, int length, string _, string body) in CommentLines(text))
        {
            string word = body.StartsWith(SamplesKey, StringComparison.OrdinalIgnoreCase) ? SamplesKey
                : body.StartsWith("sample", StringComparison.OrdinalIgnoreCase) ? "sample" : string.Empty;
            if (word.Length == 0)
            {
                continue;
            }

            string rest = body.Substring(word.Length).TrimStart();
            bool taken = word == SamplesKey && rest.Length > 0 && rest[0] == ':';
            if (taken)
            {
                continue;
            }

            if (rest.Length > 0 && (rest[0] == ':' || rest[0] == '='))
            {
                rest = rest.Substring(1).TrimStart();
            }

            if (rest.Length > 0 && (char.IsDigit(rest[0]) || (rest[0] == '+' && rest.Length > 1 && char.IsDigit(rest[1]))))
            {
                found.Add((index + 1, start, length));
            }
        }

        return found;
    }

    /// <summary>The comment lines of <paramref name="text"/> (only blanks before the '#'): 0-based index, start,
    /// length, the line and its text after the '#' without leading blanks.</summary>
    private static IEnumerable<(int Index, int Start, int Length, string Content, string Body)> CommentLines(string text)
    {
        List<(int Start, int Length)> lines = Lines(text);
        for (int index = 0; index < lines.Count; index++)
        {
            (int start, int length) = lines[index];
            string content = text.Substring(start, length);
            int hash = content.IndexOf('#');
            if (hash >= 0 && content.Substring(0, hash).Trim().Length == 0)
            {
                yield return (index, start, length, content, content.Substring(hash + 1).TrimStart());
            }
        }
    }
}

/// <summary>One "# samples: N" line of a counts file: where it is, N as written and read, and why N is not a number
/// of samples ("is not a whole number", "is negative", "is 0", …) or null.</summary>
internal sealed class SamplesDirective
{
    public SamplesDirective(int lineNumber, int lineStart, int lineLength, string valueText, int valueStart, long value, string? error)
    {
        LineNumber = lineNumber;
        LineStart = lineStart;
        LineLength = lineLength;
        ValueText = valueText;
        ValueStart = valueStart;
        Value = value;
        Error = error;
    }

    /// <summary>1-based.</summary>
    public int LineNumber { get; }

    public int LineStart { get; }

    public int LineLength { get; }

    public string ValueText { get; }

    public int ValueStart { get; }

    public long Value { get; }

    public string? Error { get; }
}
