using CbGen.Generators.Helpers;

namespace CbGen.Generators.Model;

/// <summary>A diagnostic as equatable data; the generator turns it into a <c>Diagnostic</c> when it reports it.</summary>
internal sealed record DiagnosticInfo(string Id, LocationInfo? Location, EquatableArray<string> Args);
