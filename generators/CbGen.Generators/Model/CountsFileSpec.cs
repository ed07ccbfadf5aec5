using CbGen.Generators.Helpers;

namespace CbGen.Generators.Model;

/// <summary>A parsed counts file: its rows in class order and what is wrong with it. <see cref="Samples"/> is the N of
/// its "# samples: N" line (0 when it has none: single-label counts), on line <see cref="SamplesLine"/> at
/// <see cref="SamplesLocation"/>.</summary>
internal sealed record CountsFileSpec(string Path, EquatableArray<CountsRow> Rows, EquatableArray<DiagnosticInfo> Issues, bool HasErrors)
{
    public long Samples { get; init; }

    public int SamplesLine { get; init; }

    public LocationInfo? SamplesLocation { get; init; }
}
