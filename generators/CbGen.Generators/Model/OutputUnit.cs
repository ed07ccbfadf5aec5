using CbGen.Generators.Helpers;

namespace CbGen.Generators.Model;

/// <summary>One thing the generator would add to the compilation, as the clash stage sees it: the namespace-level
/// types it declares (none for a dataset's nested labels) and the files it adds. <see cref="Id"/> (its first hint
/// name as emitted, exact case) identifies it in the <see cref="OutputPlan"/>; <see cref="Owner"/> names the enum,
/// class or sweep that asks for it in messages; <see cref="Namespace"/> is the namespace without '@' escapes
/// (empty for the global namespace). <see cref="PartialType"/> is the one type the user may extend (the
/// <c>{Accessibility} static partial class</c> of weights), null when there is none; <see cref="PartialMembers"/>
/// the members the generator writes in it, read only when a declaration of the user's extends it (CB066).</summary>
internal sealed record OutputUnit(
    string Id,
    string Owner,
    string Namespace,
    EquatableArray<string> TypeNames,
    EquatableArray<string> HintNames,
    string? PartialType,
    string Accessibility,
    LocationInfo? Location)
{
    public EquatableArray<ClassMember> PartialMembers { get; init; } = EquatableArray<ClassMember>.Empty;
}
