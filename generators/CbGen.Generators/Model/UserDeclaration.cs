using CbGen.Generators.Helpers;

namespace CbGen.Generators.Model;

/// <summary>A namespace-level type or a namespace declared in the user's source whose name could be one the
/// generator writes. <see cref="Kind"/> is <c>class</c>, <c>struct</c>, <c>interface</c>, <c>enum</c>,
/// <c>record</c>, <c>delegate</c> or <c>namespace</c>; <see cref="Accessibility"/> the written modifier ("" when
/// none); <see cref="Extensible"/> whether the declaration could be a part of a generated <c>static partial
/// class</c> (partial class, no base list, not sealed/abstract/file-local); <see cref="Members"/> are the members
/// such a declaration writes (empty otherwise), which must not take a generated member's name (CB066).</summary>
internal sealed record UserDeclaration(
    string Namespace,
    string Name,
    int Arity,
    string Kind,
    bool Extensible,
    string Accessibility)
{
    public EquatableArray<ClassMember> Members { get; init; } = EquatableArray<ClassMember>.Empty;
}
