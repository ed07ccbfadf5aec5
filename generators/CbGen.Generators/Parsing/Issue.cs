using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace CbGen.Generators.Parsing;

/// <summary>A rule violation found while reading an enum; the analyzer turns it into a diagnostic, the generator
/// only uses it to skip what is invalid. Never stored in the pipeline model.</summary>
internal readonly struct Issue
{
    public Issue(DiagnosticDescriptor descriptor, Location? location, int config, params object?[] args)
    {
        Descriptor = descriptor;
        Location = location;
        Config = config;
        Args = args;
    }

    public DiagnosticDescriptor Descriptor { get; }

    public Location? Location { get; }

    /// <summary>The index of the config the issue invalidates, or -1 when it invalidates the whole enum.</summary>
    public int Config { get; }

    public object?[] Args { get; }

    /// <summary>Extra facts for code fixes (the diagnostic's property bag), or null.</summary>
    public ImmutableDictionary<string, string?>? Properties { get; init; }
}
