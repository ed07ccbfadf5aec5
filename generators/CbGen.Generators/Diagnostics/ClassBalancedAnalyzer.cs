using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using CbGen.Generators.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
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

        private static readonly ImmutableHashSet<string> Supported = ImmutableHashSet.CreateRange(
            typeof(DiagnosticDescriptors).GetFields()
                .Select(f => f.GetValue(null))
                .OfType<DiagnosticDescriptor>()
                .Select(d => d.Id));

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

                bool lossesGenerated = start.Compilation.ReferencedAssemblyNames
                    .Any(identity => identity.Name == Parser.TorchSharpRuntimeAssemblyName);
                start.RegisterSymbolAction(
                    symbolContext => AnalyzeType(symbolContext, classBalanced, lossesGenerated), SymbolKind.NamedType);
            });
        }

        private static void AnalyzeType(SymbolAnalysisContext context, INamedTypeSymbol classBalanced, bool lossesGenerated)
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
                    Parser.Parse(symbol, ImmutableArray.Create(sweep), issues, cancellationToken, requireConfigs: false);
                    Report(context, symbol, issues);
                    return;
                }

                ReportSamplesWithoutConfig(context, symbol);
                return;
            }

            Parser.Parse(symbol, configs, issues, cancellationToken);
            Report(context, symbol, issues);

            ReportClashesWithOtherEnums(context, symbol, configs, classBalanced, lossesGenerated);
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

        /// <summary>Two enums in one namespace that ask for the same generated type name (within one enum the parser
        /// reports it), or a type of the user's that already has the name. Each enum reports its own attribute, so the
        /// result does not depend on analysis order.</summary>
        private static void ReportClashesWithOtherEnums(
            SymbolAnalysisContext context,
            INamedTypeSymbol symbol,
            ImmutableArray<AttributeData> configs,
            INamedTypeSymbol classBalanced,
            bool lossesGenerated)
        {
            var mine = Parser.ConfigTypeNames(symbol, configs).ToList();
            if (mine.Count == 0)
            {
                return;
            }

            CancellationToken cancellationToken = context.CancellationToken;
            var others = new Dictionary<string, string>(System.StringComparer.Ordinal);
            var pending = new Stack<INamespaceOrTypeSymbol>();
            pending.Push(symbol.ContainingNamespace);
            while (pending.Count > 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
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
                                if (!others.ContainsKey(name))
                                {
                                    others.Add(name, "a config of the enum '" + type.ToDisplayString() + "'");
                                }
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
                if (!others.TryGetValue(name, out string? takenBy))
                {
                    takenBy = TakenByUserType(symbol.ContainingNamespace, name + "Weights", partialAllowed: true, cancellationToken)
                        ?? (lossesGenerated
                            ? TakenByUserType(symbol.ContainingNamespace, name + "Loss", partialAllowed: false, cancellationToken)
                            : null);
                }

                if (takenBy is not null)
                {
                    context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.DuplicateName,
                        Parser.ArgumentLocation(attribute, "Name", cancellationToken) ?? symbol.Locations.FirstOrDefault(),
                        name, Parser.NamespaceText(symbol), takenBy));
                }
            }
        }

        /// <summary>A description of the user's type named <paramref name="typeName"/> in <paramref name="ns"/>, or null.
        /// CbGen's own generated types do not count, and neither does a partial class that extends the generated
        /// (static partial) weights class.</summary>
        private static string? TakenByUserType(INamespaceSymbol ns, string typeName, bool partialAllowed, CancellationToken cancellationToken)
        {
            foreach (INamedTypeSymbol type in ns.GetTypeMembers(typeName))
            {
                foreach (SyntaxReference reference in type.DeclaringSyntaxReferences)
                {
                    SyntaxNode node = reference.GetSyntax(cancellationToken);
                    if (node is TypeDeclarationSyntax declaration)
                    {
                        if (IsGeneratedByCbGen(declaration)
                            || (partialAllowed && declaration.Modifiers.Any(m => m.IsKind(SyntaxKind.PartialKeyword))))
                        {
                            continue;
                        }
                    }

                    return "the type '" + type.ToDisplayString() + "' declared in your code";
                }
            }

            return null;
        }

        private static bool IsGeneratedByCbGen(TypeDeclarationSyntax declaration)
        {
            foreach (AttributeListSyntax list in declaration.AttributeLists)
            {
                foreach (AttributeSyntax attribute in list.Attributes)
                {
                    if (attribute.Name.ToString().EndsWith("GeneratedCode", System.StringComparison.Ordinal)
                        && attribute.ArgumentList is { Arguments.Count: > 0 } arguments
                        && arguments.Arguments[0].Expression.ToString() == "\"CbGen\"")
                    {
                        return true;
                    }
                }
            }

            return false;
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
