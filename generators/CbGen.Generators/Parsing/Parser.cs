using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using CbGen.Generators.Helpers;
using CbGen.Generators.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace CbGen.Generators.Parsing;

/// <summary>Turns an annotated enum symbol into the equatable <see cref="EnumSpec"/>, checking every rule on the
/// way. The generator and the analyzer share this code, so they agree on what is valid.</summary>
internal static partial class Parser
{
    public const string ClassBalancedAttributeName = "CbGen.ClassBalancedAttribute";
    public const string TorchSharpRuntimeAssemblyName = "CbGen.TorchSharp";

    private const double DefaultBeta = CbDefaults.Beta;
    private const double DefaultGamma = CbDefaults.Gamma;

    private static readonly SymbolDisplayFormat NamespaceFormat = new SymbolDisplayFormat(
        globalNamespaceStyle: SymbolDisplayGlobalNamespaceStyle.Omitted,
        typeQualificationStyle: SymbolDisplayTypeQualificationStyle.NameAndContainingTypesAndNamespaces,
        miscellaneousOptions: SymbolDisplayMiscellaneousOptions.EscapeKeywordIdentifiers);

    /// <summary>Reduces the compilation and the parse options to the facts the emitter needs. The parsers use the
    /// same facts for the names a config generates (<see cref="GeneratedNames"/>).</summary>
    public static CompilationFeatures ReadFeatures(Compilation compilation, bool supportsNullable)
    {
        bool torch = false;
        foreach (AssemblyIdentity identity in compilation.ReferencedAssemblyNames)
        {
            if (identity.Name == TorchSharpRuntimeAssemblyName)
            {
                torch = true;
                break;
            }
        }

        INamedTypeSymbol? helpers = compilation.GetTypeByMetadataName("System.Runtime.CompilerServices.RuntimeHelpers");
        bool createSpan = helpers is not null && !helpers.GetMembers("CreateSpan").IsEmpty;
        bool mlNet = compilation.GetTypeByMetadataName("Microsoft.ML.ConversionsExtensionsCatalog") is not null;
        return new CompilationFeatures(torch, createSpan, supportsNullable, mlNet);
    }

    /// <summary>Whether the files may start with <c>#nullable enable</c> (C# 8 or later).</summary>
    public static bool SupportsNullable(ParseOptions options) =>
        options is not CSharpParseOptions csharp || csharp.LanguageVersion >= LanguageVersion.CSharp8;

    /// <summary>The generator's entry point: the model of the valid configs, or null when nothing is valid.
    /// Never throws (except on cancellation): an unexpected exception becomes <see cref="EnumSpec.Failure"/>.</summary>
    public static EnumSpec? ParseForGenerator(AnnotatedType context, CancellationToken cancellationToken)
    {
        if (context.TargetSymbol is not INamedTypeSymbol symbol || symbol.TypeKind != TypeKind.Enum)
        {
            return null;
        }

        try
        {
            return Parse(symbol, context.Attributes, ReadFeatures(context.SemanticModel.Compilation, supportsNullable: true), issues: null, cancellationToken,
                samplesSyntax: new SamplesSyntax(context.SemanticModel));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return EnumSpec.Failed(symbol.Name, ex.GetType().Name + ": " + ex.Message);
        }
    }

    /// <summary>Reads and checks <paramref name="symbol"/>. With <paramref name="issues"/> non-null every
    /// violation is added with its location (the analyzer); the returned model holds only the valid configs.
    /// <paramref name="features"/> decide which names the configs generate (CB026). <paramref name="samplesSyntax"/>
    /// reads plain <c>[Samples(n)]</c> counts from syntax (the generator; the model is the same either way).</summary>
    public static EnumSpec? Parse(
        INamedTypeSymbol symbol,
        ImmutableArray<AttributeData> attributes,
        CompilationFeatures features,
        List<Issue>? issues,
        CancellationToken cancellationToken,
        bool requireConfigs = true,
        SamplesSyntax? samplesSyntax = null)
    {
        var checks = new ConfigChecks(attributes, symbol.Name, issues);
        RawConfig[] configs = checks.Configs;
        bool[] configValid = checks.ConfigValid;

        // Reachability: the generated types sit at namespace level.
        string? unreachable = Unreachable(symbol, out bool isPublic);
        if (unreachable is not null)
        {
            for (int i = 0; i < attributes.Length; i++)
            {
                AttributeData attribute = attributes[i];
                checks.Report(DiagnosticDescriptors.UnreachableEnum, () => AttributeLocation(attribute, cancellationToken), -1,
                    symbol.ToDisplayString(), unreachable);
            }
        }

        // [Flags]
        foreach (AttributeData attribute in symbol.GetAttributes())
        {
            if (IsAttribute(attribute, "System", "FlagsAttribute"))
            {
                checks.Report(DiagnosticDescriptors.FlagsEnum, () => AttributeLocation(attribute, cancellationToken), -1, symbol.Name);
            }
        }

        // Members, values and counts.
        bool anyThrowConfig = configs.Any(c => c.ZeroCounts == ZeroCountPolicy.Throw);
        // CB002 names the fix that works for everything it invalidates: the configs (any config, for a negative count)
        // and the enum's sweep, which has no ZeroCounts.
        string? sweepFix = SweepParser.Find(symbol) is { } sweep ? SweepZeroCountFix(SweepParser.LossesOf(sweep)) : null;
        (string, string) countFix = sweepFix is not null
            ? (sweepFix, sweepFix)
            : (ZeroCountFix(FirstLongTail(configs, onlyThrow: false)), ZeroCountFix(FirstLongTail(configs, onlyThrow: true)));
        MemberSpec?[] members = ReadMembers(symbol, attributes, checks, issues, anyThrowConfig, countFix, samplesSyntax, cancellationToken,
            out int classCount, out bool anyZero, out bool anyPositive);

        bool countsOverflow = CountTotals.FirstOverflow(members.Select(m => m?.Count ?? 0L).ToArray()) >= 0;

        // Per config.
        // As C# compares names: Foo and foo are two types (their hint names are told apart by the clash stage).
        var seenNames = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < configs.Length; i++)
        {
            RawConfig config = configs[i];
            AttributeData attribute = attributes[i];
            if (!config.Readable)
            {
                continue;
            }

            CheckConfig(config, attribute, i, checks.Report, seenNames, NamespaceText(symbol), cancellationToken);
            CheckTypeNameLength(config, attribute, i, MetadataNamespaceOf(symbol), features, checks.Report, cancellationToken);
            CheckMultiLabelCounts(config, attribute, i, members, checks.Report, cancellationToken);
            CheckSamplesAgree(configs, attribute, i, checks.Report, cancellationToken);

            if (anyZero && config.ZeroCounts == ZeroCountPolicy.Throw)
            {
                configValid[i] = false;
            }

            if (anyZero && config.ZeroCounts == ZeroCountPolicy.ZeroWeight && config.NeedsEveryClass
                && Array.Find(members, m => m is { Count: 0 }) is { } empty)
            {
                checks.Report(DiagnosticDescriptors.ZeroCountLongTail, () => ArgumentLocation(attribute, "ZeroCounts", cancellationToken), i,
                    empty.Name, "CbLoss." + config.Loss.ToString(), LongTailNeed(config.Loss));
            }

            if (config.IsLongTail && countsOverflow)
            {
                checks.Report(DiagnosticDescriptors.CountTotalTooLarge, () => AttributeLocation(attribute, cancellationToken), i,
                    symbol.Name, "CbLoss." + config.Loss.ToString());
            }

            if (checks.TargetValid && config.ZeroCounts == ZeroCountPolicy.ZeroWeight && !anyPositive)
            {
                checks.Report(DiagnosticDescriptors.AllCountsZero, () => ArgumentLocation(attribute, "ZeroCounts", cancellationToken), i,
                    symbol.Name);
            }
        }

        if (!checks.TargetValid)
        {
            return null;
        }

        var memberSpecs = new MemberSpec[classCount];
        for (int c = 0; c < classCount; c++)
        {
            // With every value in 0..C-1, distinct and every count read, each slot is filled.
            memberSpecs[c] = members[c] ?? throw new InvalidOperationException("Class " + c + " has no member.");
        }

        // The collapse warning needs valid counts and β, so it runs last.
        var valid = new List<ConfigSpec>(configs.Length);
        for (int i = 0; i < configs.Length; i++)
        {
            if (!configValid[i])
            {
                continue;
            }

            RawConfig config = configs[i];
            AttributeData attribute = attributes[i];
            if (issues is not null)
            {
                CheckCollapse(memberSpecs, config, attribute, i, issues, cancellationToken);
                CheckUnderflows(memberSpecs, config, attribute, i, issues, cancellationToken);
            }

            valid.Add(config.ToSpec(LocationInfo.From(ArgumentLocation(attribute, "Name", cancellationToken))));
        }

        if (valid.Count == 0 && requireConfigs)
        {
            return null;
        }

        return new EnumSpec(
            NamespaceOf(symbol),
            symbol.Name,
            symbol.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat),
            HintPrefix(symbol),
            isPublic,
            new EquatableArray<MemberSpec>(memberSpecs),
            valid.ToEquatableArray(),
            Failure: null,
            Deprecation: DeprecationOf(symbol));
    }

    /// <summary>The loss of the first readable long-tail config (of those keeping <c>ZeroCountPolicy.Throw</c> when
    /// <paramref name="onlyThrow"/>), or null.</summary>
    private static CbLoss? FirstLongTail(RawConfig[] configs, bool onlyThrow)
    {
        foreach (RawConfig config in configs)
        {
            if (config.Readable && config.NeedsEveryClass && (!onlyThrow || config.ZeroCounts == ZeroCountPolicy.Throw))
            {
                return config.Loss;
            }
        }

        return null;
    }
}
