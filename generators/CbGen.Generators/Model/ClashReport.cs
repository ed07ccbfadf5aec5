using CbGen.Generators.Helpers;

namespace CbGen.Generators.Model;

/// <summary>The clash stage's result: the plan and the CB010 diagnostics the generator reports.</summary>
internal sealed record ClashReport(OutputPlan Plan, EquatableArray<DiagnosticInfo> Diagnostics);
