using CbGen.Generators.Helpers;

namespace CbGen.Generators.Model;

/// <summary>A member of a <c>{Name}Weights</c> class as the clash stage compares them (CB066): its name as the compiler
/// compares it, what it is (<c>field</c>, <c>property</c>, <c>method</c>, …), and for a method the last identifier
/// of each parameter's type with its <c>ref</c>/<c>out</c>/<c>in</c> (an overload with other parameters is no clash);
/// <see cref="Location"/> is set for the user's members only.</summary>
internal sealed record ClassMember(string Name, string Kind, EquatableArray<string> Parameters, LocationInfo? Location)
{
    public bool IsMethod => Kind == "method";

    /// <summary>Whether the two declarations could not both be members of one class: the same name, unless both are
    /// methods whose parameters differ.</summary>
    public bool Clashes(ClassMember other) =>
        Name == other.Name && (!IsMethod || !other.IsMethod || Parameters.Equals(other.Parameters));
}
