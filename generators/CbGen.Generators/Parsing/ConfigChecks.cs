using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace CbGen.Generators.Parsing;

/// <summary>The configs of one target's attributes and what its checks found, shared by the enum and the
/// counts-file dataset parsers: <see cref="Report"/> marks the target (config -1) or the config (an error)
/// invalid and adds the issue when issues are collected (the analyzer).</summary>
internal sealed class ConfigChecks
{
    private readonly List<Issue>? _issues;

    public ConfigChecks(ImmutableArray<AttributeData> attributes, string targetName, List<Issue>? issues)
    {
        _issues = issues;
        Configs = new Parser.RawConfig[attributes.Length];
        ConfigValid = new bool[attributes.Length];
        for (int i = 0; i < attributes.Length; i++)
        {
            Configs[i] = Parser.RawConfig.Read(attributes[i], targetName, attributes.Length);
            ConfigValid[i] = Configs[i].Readable;
        }
    }

    /// <summary>The config read from each attribute, in attribute order.</summary>
    public Parser.RawConfig[] Configs { get; }

    /// <summary>Whether each config is still valid (readable, and no error reported against it).</summary>
    public bool[] ConfigValid { get; }

    /// <summary>Whether the target itself (the enum or the dataset class) is still valid.</summary>
    public bool TargetValid { get; set; } = true;

    public void Report(DiagnosticDescriptor descriptor, Func<Location?> location, int config, params object?[] args)
    {
        if (config < 0)
        {
            TargetValid = false;
        }
        else if (descriptor.DefaultSeverity == DiagnosticSeverity.Error)
        {
            ConfigValid[config] = false;
        }

        _issues?.Add(new Issue(descriptor, location(), config, args));
    }
}
