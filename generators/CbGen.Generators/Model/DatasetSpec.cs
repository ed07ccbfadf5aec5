using CbGen.Generators.Helpers;

namespace CbGen.Generators.Model
{
    /// <summary>A dataset joined with its parsed counts file: <see cref="Enum"/> is null when nothing can be generated
    /// (the file is missing or has errors); <see cref="Diagnostics"/> point into the file.</summary>
    internal sealed record DatasetSpec(
        DatasetTarget Target,
        EnumSpec? Enum,
        EquatableArray<string> Names,
        string? CountsFilePath,
        SweepSpec? Sweep,
        EquatableArray<DiagnosticInfo> Diagnostics);
}
