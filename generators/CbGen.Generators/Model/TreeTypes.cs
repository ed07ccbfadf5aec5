using CbGen.Generators.Helpers;
using Microsoft.CodeAnalysis;

namespace CbGen.Generators.Model;

/// <summary>What one syntax tree declares that the generator looks for: its attributed enums and classes, and the names
/// of its using aliases (<see cref="GlobalAliases"/> apply to every tree of the compilation). Compared by the tree's
/// identity, so an unchanged tree stays cached; nothing here reaches the emitters.</summary>
internal sealed record TreeTypes(
    SyntaxTree Tree,
    EquatableArray<TypeWithAttributes> Types,
    EquatableArray<string> Aliases,
    EquatableArray<string> GlobalAliases);
