using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using CbGen.Generators.Model;
using Microsoft.CodeAnalysis;

namespace CbGen.Generators;

// DiagnosticDescriptors: every descriptor by id, and the diagnostic a pipeline DiagnosticInfo stands for.
internal static partial class DiagnosticDescriptors
{
    /// <summary>Every descriptor, in id order (read from this class's fields, so none can be left out).</summary>
    internal static IReadOnlyList<DiagnosticDescriptor> All => Index.All;

    /// <summary>The descriptor with the id <paramref name="id"/>, or null when no CbGen diagnostic has it.</summary>
    internal static DiagnosticDescriptor? Find(string id) => Index.ById.TryGetValue(id, out DiagnosticDescriptor? d) ? d : null;

    /// <summary>The diagnostic <paramref name="info"/> stands for. An id that no descriptor has is a bug in the
    /// generator: it is reported as CB900 naming the id, never dropped.</summary>
    internal static Diagnostic ToDiagnostic(DiagnosticInfo info, Location location) =>
        Find(info.Id) is { } descriptor
            ? Diagnostic.Create(descriptor, location, info.Args.Select(a => (object?)a).ToArray())
            : Diagnostic.Create(GeneratorFailure, location, info.Id,
                "the diagnostic id '" + info.Id + "' has no descriptor (arguments: " + string.Join(", ", info.Args) + ")");

    /// <summary>Built on first use, after every field of the outer class is initialised (the partial files' field
    /// initialisers run in an unspecified file order).</summary>
    private static class Index
    {
        public static readonly DiagnosticDescriptor[] All = typeof(DiagnosticDescriptors)
            .GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.FieldType == typeof(DiagnosticDescriptor))
            .Select(f => (DiagnosticDescriptor)f.GetValue(null)!)
            .OrderBy(d => d.Id == DiagnosticIds.GeneratorFailure ? 1 : 0)
            .ThenBy(d => d.Id, System.StringComparer.Ordinal)
            .ToArray();

        public static readonly Dictionary<string, DiagnosticDescriptor> ById = All.ToDictionary(d => d.Id, System.StringComparer.Ordinal);
    }
}
