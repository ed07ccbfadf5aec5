using CbGen.Generators.Helpers;

namespace CbGen.Generators.Model;

/// <summary>What the emitters need from the clash stage: the units not to emit and the hint names to change
/// (Roslyn compares hint names ignoring case). Both sorted by ordinal, location-free, so a moved line changes
/// nothing downstream.</summary>
internal sealed record OutputPlan(EquatableArray<string> Blocked, EquatableArray<HintRename> Renames)
{
    public static OutputPlan Empty { get; } = new OutputPlan(EquatableArray<string>.Empty, EquatableArray<HintRename>.Empty);
}
