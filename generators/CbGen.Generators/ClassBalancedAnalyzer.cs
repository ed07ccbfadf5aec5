using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CbGen.Generators
{
    /// <summary>Reports every CbGen rule violation (CB001…) on the offending member or attribute argument. It uses
    /// the generator's own parser, so what it accepts is exactly what the generator emits.</summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class ClassBalancedAnalyzer : DiagnosticAnalyzer
    {
        /// <inheritdoc />
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
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
            DiagnosticDescriptors.UnknownOption);

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

                start.RegisterSymbolAction(symbolContext => AnalyzeType(symbolContext, classBalanced), SymbolKind.NamedType);
            });
        }

        private static void AnalyzeType(SymbolAnalysisContext context, INamedTypeSymbol classBalanced)
        {
            if (context.Symbol is not INamedTypeSymbol { TypeKind: TypeKind.Enum } symbol)
            {
                return;
            }

            ImmutableArray<AttributeData> configs = ConfigsOf(symbol, classBalanced);
            CancellationToken cancellationToken = context.CancellationToken;
            if (configs.IsEmpty)
            {
                ReportSamplesWithoutConfig(context, symbol);
                return;
            }

            var issues = new List<Issue>();
            Parser.Parse(symbol, configs, issues, cancellationToken);
            foreach (Issue issue in issues)
            {
                context.ReportDiagnostic(Diagnostic.Create(issue.Descriptor, issue.Location ?? symbol.Locations.FirstOrDefault(), issue.Args));
            }

            ReportClashesWithOtherEnums(context, symbol, configs, classBalanced);
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

        /// <summary>Two enums in one namespace that ask for the same generated type name (within one enum the parser
        /// reports it). Each enum reports its own attribute, so the result does not depend on analysis order.</summary>
        private static void ReportClashesWithOtherEnums(
            SymbolAnalysisContext context,
            INamedTypeSymbol symbol,
            ImmutableArray<AttributeData> configs,
            INamedTypeSymbol classBalanced)
        {
            var mine = Parser.ConfigTypeNames(symbol, configs).ToList();
            if (mine.Count == 0)
            {
                return;
            }

            var others = new HashSet<string>(System.StringComparer.Ordinal);
            var pending = new Stack<INamespaceOrTypeSymbol>();
            pending.Push(symbol.ContainingNamespace);
            while (pending.Count > 0)
            {
                context.CancellationToken.ThrowIfCancellationRequested();
                foreach (INamedTypeSymbol type in pending.Pop().GetTypeMembers())
                {
                    if (!type.Locations.Any(l => l.IsInSource))
                    {
                        continue;
                    }

                    if (type.TypeKind == TypeKind.Enum)
                    {
                        if (!SymbolEqualityComparer.Default.Equals(type, symbol))
                        {
                            ImmutableArray<AttributeData> theirs = ConfigsOf(type, classBalanced);
                            foreach ((string name, _) in Parser.ConfigTypeNames(type, theirs))
                            {
                                others.Add(name);
                            }
                        }
                    }
                    else
                    {
                        pending.Push(type);
                    }
                }
            }

            foreach ((string name, AttributeData attribute) in mine)
            {
                if (others.Contains(name))
                {
                    context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.DuplicateName,
                        Parser.ArgumentLocation(attribute, "Name", context.CancellationToken) ?? symbol.Locations.FirstOrDefault(),
                        name, Parser.NamespaceText(symbol)));
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
}
