namespace CbGen.CountsFiles;

/// <summary>One row of a counts file that is neither skipped nor the header: a class, or a <see cref="Problem"/>.
/// Offsets are into the whole text, so the generator can point a diagnostic at the name, the count or the line.</summary>
internal sealed class CountsLine
{
    public CountsLine(int lineNumber, int lineStart, int lineLength)
    {
        LineNumber = lineNumber;
        LineStart = lineStart;
        LineLength = lineLength;
    }

    /// <summary>1-based.</summary>
    public int LineNumber { get; }

    public int LineStart { get; }

    public int LineLength { get; }

    public CountsProblem Problem { get; set; }

    /// <summary>What is wrong, as the messages say it ("has 3 columns instead of 2", "is negative", …).</summary>
    public string? Detail { get; set; }

    public string Name { get; set; } = string.Empty;

    /// <summary>The name's text in the file (its opening quote for a quoted name): offset and length.</summary>
    public int NameStart { get; set; }

    public int NameLength { get; set; }

    /// <summary>The count as written.</summary>
    public string CountText { get; set; } = string.Empty;

    public int CountStart { get; set; }

    public int CountLength { get; set; }

    public long Count { get; set; }

    /// <summary>The enum member the name becomes, without the '@' a keyword needs.</summary>
    public string Member { get; set; } = string.Empty;

    /// <summary>For <see cref="CountsProblem.DuplicateName"/> and <see cref="CountsProblem.IdentifierClash"/>: the
    /// earlier class's name and line.</summary>
    public string? OtherName { get; set; }

    public int OtherLine { get; set; }
}
