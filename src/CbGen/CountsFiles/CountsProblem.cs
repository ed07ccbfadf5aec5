namespace CbGen.CountsFiles;

/// <summary>What is wrong with one row of a counts file (the generator reports each as a diagnostic, cbgen as an
/// error naming the line).</summary>
internal enum CountsProblem
{
    /// <summary>A class row.</summary>
    None,

    /// <summary>Not two fields, or a quote that is not closed or followed by text (CB017).</summary>
    Malformed,

    /// <summary>An empty class name (CB017).</summary>
    EmptyName,

    /// <summary>A count that is not a whole number ≥ 0 that fits in a long (CB019).</summary>
    InvalidCount,

    /// <summary>A class name already on an earlier line (CB018).</summary>
    DuplicateName,

    /// <summary>A class name that becomes the member of an earlier one (CB021).</summary>
    IdentifierClash,
}
