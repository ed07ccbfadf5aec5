using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using CbGen.Generators.Model;
using CbGen.Generators.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CbGen.Generators;

/// <summary>Reports every CbGen rule violation (CB001…) on the offending member or attribute argument. It uses
/// the generator's own parser, so what it accepts is exactly what the generator emits.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ClassBalancedAnalyzer : DiagnosticAnalyzer
{
    private static readonly ImmutableArray<DiagnosticDescriptor> Descriptors = ImmutableArray.Create(
        DiagnosticDescriptors.MissingSamples,
        DiagnosticDescriptors.NonPositiveCount,
        DiagnosticDescriptors.BetaOutOfRange,
        DiagnosticDescriptors.GammaOutOfRange,
        DiagnosticDescriptors.GammaIgnored,
        DiagnosticDescriptors.ValuesNotClassIndices,
        DiagnosticDescriptors.FlagsEnum,
        DiagnosticDescriptors.TooFewClasses,
        DiagnosticDescriptors.SamplesWithoutConfig,
        DiagnosticDescriptors.DuplicateName,
        DiagnosticDescriptors.WeightsCollapse,
        DiagnosticDescriptors.UnreachableEnum,
        DiagnosticDescriptors.AllCountsZero,
        DiagnosticDescriptors.InvalidName,
        DiagnosticDescriptors.UnknownOption,
        DiagnosticDescriptors.NameTooLong,
        DiagnosticDescriptors.TauOutOfRange,
        DiagnosticDescriptors.MaxMarginOutOfRange,
        DiagnosticDescriptors.ScaleOutOfRange,
        DiagnosticDescriptors.VsGammaOutOfRange,
        DiagnosticDescriptors.SamplingPowerOutOfRange,
        DiagnosticDescriptors.OptionNotApplicable,
        DiagnosticDescriptors.ZeroCountLongTail,
        DiagnosticDescriptors.CountTotalTooLarge,
        DiagnosticDescriptors.AsymmetricKnobOutOfRange,
        DiagnosticDescriptors.DistributionBalancedKnobOutOfRange,
        DiagnosticDescriptors.NormalizerWithoutWeights,
        DiagnosticDescriptors.MultiLabelSamplesMissing,
        DiagnosticDescriptors.SamplesOutOfRange,
        DiagnosticDescriptors.CountAboveSamples,
        DiagnosticDescriptors.SamplesGivenTwice,
        DiagnosticDescriptors.MultiLabelSoftmax,
        DiagnosticDescriptors.PositiveInEverySample,
        DiagnosticDescriptors.VsScaleUnderflow,
        DiagnosticDescriptors.SamplingProbabilityUnderflow,
        DiagnosticDescriptors.DuplicateLabel,
        DiagnosticDescriptors.EmptyLabel);

    /// <summary>The ids this analyzer reports: exactly <see cref="SupportedDiagnostics"/> (reporting any other id makes
    /// Roslyn throw, AD0001, and drops the symbol's remaining diagnostics).</summary>
    private static readonly ImmutableHashSet<string> Supported = ImmutableHashSet.CreateRange(Descriptors.Select(d => d.Id));

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => Descriptors;

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            INamedTypeSymbol? classBalanced = start.Compilation.GetTypeByMetadataName(Parser.ClassBalancedAttributeName);
            if (classBalanced is null)
            {
                return;
            }

            CompilationFeatures features = Parser.ReadFeatures(start.Compilation, supportsNullable: true);
            start.RegisterSymbolAction(symbolContext => AnalyzeType(symbolContext, classBalanced, features), SymbolKind.NamedType);
        });
    }

    private static void AnalyzeType(SymbolAnalysisContext context, INamedTypeSymbol classBalanced, CompilationFeatures features)
    {
        if (context.Symbol is not INamedTypeSymbol { TypeKind: TypeKind.Enum } symbol)
        {
            return;
        }

        ImmutableArray<AttributeData> configs = ConfigsOf(symbol, classBalanced);
        CancellationToken cancellationToken = context.CancellationToken;
        var issues = new List<Issue>();
        if (configs.IsEmpty)
        {
            if (SweepParser.Find(symbol) is { } sweep)
            {
                // A sweep-only enum: the member rules, anchored at the sweep (its grid is TrainingSetupAnalyzer's).
                Parser.Parse(symbol, ImmutableArray.Create(sweep), features, issues, cancellationToken, requireConfigs: false);
                Report(context, symbol, issues);
                return;
            }

            ReportSamplesWithoutConfig(context, symbol);
            return;
        }

        // Clashes with other enums, datasets, sweeps and user types are the generator's (NameClashes): it must
        // not emit them, and only it can report when the compiler's declarations fail.
        Parser.Parse(symbol, configs, features, issues, cancellationToken);
        Report(context, symbol, issues);
    }

    /// <summary>Reports the issues of this analyzer's descriptors; the parser also finds those of
    /// <see cref="TrainingSetupAnalyzer"/> (e.g. DeferUntilEpoch), which that analyzer reports.</summary>
    private static void Report(SymbolAnalysisContext context, INamedTypeSymbol symbol, List<Issue> issues)
    {
        foreach (Issue issue in issues)
        {
            if (Supported.Contains(issue.Descriptor.Id))
            {
                context.ReportDiagnostic(Diagnostic.Create(issue.Descriptor, issue.Location ?? symbol.Locations.FirstOrDefault(),
                    issue.Properties, issue.Args));
            }
        }
    }

    private static void ReportSamplesWithoutConfig(SymbolAnalysisContext context, INamedTypeSymbol symbol)
    {
        foreach (ISymbol member in symbol.GetMembers())
        {
            if (member is not IFieldSymbol field)
            {
                continue;
            }

            foreach (AttributeData attribute in field.GetAttributes())
            {
                if (Parser.IsAttribute(attribute, "CbGen", "SamplesAttribute"))
                {
                    Location? location = Parser.AttributeLocation(attribute, context.CancellationToken);
                    context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.SamplesWithoutConfig,
                        location ?? field.Locations.FirstOrDefault(), field.Name, symbol.Name));
                }
            }
        }
    }

    private static ImmutableArray<AttributeData> ConfigsOf(INamedTypeSymbol symbol, INamedTypeSymbol classBalanced)
    {
        ImmutableArray<AttributeData>.Builder? builder = null;
        foreach (AttributeData attribute in symbol.GetAttributes())
        {
            if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, classBalanced))
            {
                (builder ??= ImmutableArray.CreateBuilder<AttributeData>()).Add(attribute);
            }
        }

        return builder?.ToImmutable() ?? ImmutableArray<AttributeData>.Empty;
    }
}
