using CbGen.Generators.Helpers;

namespace CbGen.Generators.Model
{
    /// <summary>One thing the generator would add to the compilation, as the clash stage sees it: the namespace-level
    /// types it declares (none for a dataset's nested labels) and the files it adds. <see cref="Id"/> (its first hint
    /// name as emitted, exact case) identifies it in the <see cref="OutputPlan"/>; <see cref="Owner"/> names the enum,
    /// class or sweep that asks for it in messages; <see cref="Namespace"/> is the namespace without '@' escapes
    /// (empty for the global namespace). <see cref="PartialType"/> is the one type the user may extend (the
    /// <c>{Accessibility} static partial class</c> of weights), null when there is none.</summary>
    internal sealed record OutputUnit(
        string Id,
        string Owner,
        string Namespace,
        EquatableArray<string> TypeNames,
        EquatableArray<string> HintNames,
        string? PartialType,
        string Accessibility,
        LocationInfo? Location);

    /// <summary>A namespace-level type or a namespace declared in the user's source whose name could be one the
    /// generator writes. <see cref="Kind"/> is <c>class</c>, <c>struct</c>, <c>interface</c>, <c>enum</c>,
    /// <c>record</c>, <c>delegate</c> or <c>namespace</c>; <see cref="Accessibility"/> the written modifier ("" when
    /// none); <see cref="Extensible"/> whether the declaration could be a part of a generated <c>static partial
    /// class</c> (partial class, no base list, not sealed/abstract/file-local).</summary>
    internal sealed record UserDeclaration(
        string Namespace,
        string Name,
        int Arity,
        string Kind,
        bool Extensible,
        string Accessibility);

    /// <summary>What the emitters need from the clash stage: the units not to emit and the hint names to change
    /// (Roslyn compares hint names ignoring case). Both sorted by ordinal, location-free, so a moved line changes
    /// nothing downstream.</summary>
    internal sealed record OutputPlan(EquatableArray<string> Blocked, EquatableArray<HintRename> Renames)
    {
        public static OutputPlan Empty { get; } = new OutputPlan(EquatableArray<string>.Empty, EquatableArray<HintRename>.Empty);
    }

    /// <summary>A hint name <see cref="From"/> that another file's differs from only by case, and the unique one used instead.</summary>
    internal sealed record HintRename(string From, string To);

    /// <summary>The clash stage's result: the plan and the CB010 diagnostics the generator reports.</summary>
    internal sealed record ClashReport(OutputPlan Plan, EquatableArray<DiagnosticInfo> Diagnostics);
}
