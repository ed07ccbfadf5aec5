
namespace CbGen.Generators.Model;

/// <summary>One enum member: a class. <see cref="Identifier"/> is ready for C# (keywords escaped with '@'),
/// <see cref="Name"/> is the bare name used to build the per-member constant names. <see cref="Label"/> is the
/// <c>[Samples(n, Label = "…")]</c> of the member, null when it has none; <see cref="DataLabel"/> is what the
/// generated code that matches data labels to classes compares with.</summary>
internal sealed record MemberSpec(string Name, string Identifier, int Index, long Count, string? Label = null)
{
    /// <summary>The class's label in the data: its <see cref="Label"/>, else the member's name.</summary>
    public string DataLabel => Label ?? Name;
}
