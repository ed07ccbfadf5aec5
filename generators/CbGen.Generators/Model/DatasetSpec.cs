using CbGen.Generators.Helpers;

namespace CbGen.Generators.Model;

/// <summary>A dataset joined with its parsed counts file: <see cref="Enum"/> is null when nothing can be generated
/// (the file is missing or has errors); <see cref="Diagnostics"/> point into the file and are reported by their own
/// output, never by the emitters (<see cref="ForEmission"/>).</summary>
internal sealed record DatasetSpec(
    DatasetTarget Target,
    EnumSpec? Enum,
    EquatableArray<string> Names,
    string? CountsFilePath,
    SweepSpec? Sweep,
    EquatableArray<DiagnosticInfo> Diagnostics)
{
    /// <summary>What the emitters read: this dataset without a location anywhere and without its diagnostics, so
    /// that a line typed above the class changes nothing they see.</summary>
    public DatasetSpec ForEmission() =>
        new DatasetSpec(Target.WithoutLocations(), Enum?.WithoutLocations(), Names, CountsFilePath, Sweep?.WithoutLocation(),
            EquatableArray<DiagnosticInfo>.Empty);
}
