using CbGen.Generators.Helpers;

namespace CbGen.Generators.Model;

/// <summary>An enum (<see cref="IsEnum"/>) or class declaration with attributes, found by the start of its identifier;
/// <see cref="AttributeNames"/> are the attributes' names as written, without qualifier or type arguments.</summary>
internal sealed record TypeWithAttributes(int IdentifierStart, bool IsEnum, EquatableArray<string> AttributeNames);
