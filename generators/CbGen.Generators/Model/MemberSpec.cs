
namespace CbGen.Generators.Model;

/// <summary>One enum member: a class. <see cref="Identifier"/> is ready for C# (keywords escaped with '@'),
/// <see cref="Name"/> is the bare name used to build the per-member constant names.</summary>
internal sealed record MemberSpec(string Name, string Identifier, int Index, long Count);
