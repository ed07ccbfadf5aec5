namespace CbGen.Cli.Input;

/// <summary>How to read a path: detect it, or force one kind (<c>--as</c>).</summary>
internal enum InputKind
{
    Auto,
    Folder,
    Labels,
    Idx,
    Counts,
    Json,
    Parquet,
}

/// <summary>The options every command that reads counts shares.</summary>
internal sealed record SourceOptions(InputKind Kind, string? Column, bool? Header, int MaxClasses = SourceOptions.DefaultMaxClasses)
{
    /// <summary>The default <c>--separator</c> of a label-list column: "a;b;c".</summary>
    public const char DefaultSeparator = ';';

    /// <summary><c>--multi-label</c>: a sample carries a list of labels (or none); the table gets N.</summary>
    public bool MultiLabel { get; init; }

    /// <summary>The separator of a label-list column (<c>--separator</c>), with <see cref="MultiLabel"/>.</summary>
    public char Separator { get; init; } = DefaultSeparator;

    /// <summary>The default <c>--max-classes</c>: above the largest label sets in use (iNaturalist 2021: 10,000;
    /// ImageNet-21k: 21,841), far below a column of ids or paths.</summary>
    public const int DefaultMaxClasses = 100_000;
}
