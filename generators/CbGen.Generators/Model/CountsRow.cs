namespace CbGen.Generators.Model;

/// <summary>One class row of a counts file. <see cref="MemberName"/> is the bare C# identifier made from
/// <see cref="Name"/>, <see cref="Identifier"/> the same ready for C# (a keyword escaped with '@').
/// <see cref="CountLocation"/> points at the count (for the zero-count diagnostics).</summary>
internal sealed record CountsRow(string Name, string MemberName, string Identifier, long Count, int Line, LocationInfo CountLocation);
