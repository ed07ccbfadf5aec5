using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using CbGen.Generators.Helpers;
using CbGen.Generators.Model;
using CbGen.Generators.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CbGen.Generators;

/// <summary>
/// Reports the source-side rules of counts-file datasets (<c>[ClassBalancedDataset]</c>: the class's shape, its
/// configs, whether the file is among the AdditionalFiles), sweeps (<c>[ClassBalancedSweep]</c>: the grid) and
/// deferred re-weighting (<c>DeferUntilEpoch</c>). It uses the generator's parsers, so what it accepts is what
/// the generator emits. The rows of a counts file are checked by the generator, which reads the file.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class TrainingSetupAnalyzer : DiagnosticAnalyzer
{
    private static readonly ImmutableHashSet<string> OwnIds = ImmutableHashSet.Create(
        DiagnosticDescriptors.CountsFileMissing.Id,
        DiagnosticDescriptors.InvalidDatasetClass.Id,
        DiagnosticDescriptors.EmptySweepAxis.Id,
        DiagnosticDescriptors.DuplicateSweepValue.Id,
        DiagnosticDescriptors.InvalidDeferUntilEpoch.Id);

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        DiagnosticDescriptors.CountsFileMissing,
        DiagnosticDescriptors.InvalidDatasetClass,
        DiagnosticDescriptors.EmptySweepAxis,
        DiagnosticDescriptors.DuplicateSweepValue,
        DiagnosticDescriptors.InvalidDeferUntilEpoch,
        DiagnosticDescriptors.SweepSamplesMissing,
        DiagnosticDescriptors.WeightDecayOutOfRange,
        DiagnosticDescriptors.NormalizerWithoutWeights,
        DiagnosticDescriptors.CountAboveSamples,
        DiagnosticDescriptors.PositiveInEverySample,
        DiagnosticDescriptors.SamplesGivenTwice,
        DiagnosticDescriptors.NonPositiveCount,
        DiagnosticDescriptors.BetaOutOfRange,
        DiagnosticDescriptors.GammaOutOfRange,
        DiagnosticDescriptors.GammaIgnored,
        DiagnosticDescriptors.DuplicateName,
        DiagnosticDescriptors.InvalidName,
        DiagnosticDescriptors.UnknownOption,
        DiagnosticDescriptors.NameTooLong,
        DiagnosticDescriptors.TauOutOfRange,
        DiagnosticDescriptors.MaxMarginOutOfRange,
        DiagnosticDescriptors.ScaleOutOfRange,
        DiagnosticDescriptors.VsGammaOutOfRange,
        DiagnosticDescriptors.VsScaleUnderflow,
        DiagnosticDescriptors.SamplingPowerOutOfRange,
        DiagnosticDescriptors.OptionNotApplicable,
        DiagnosticDescriptors.CountTotalTooLarge,
        DiagnosticDescriptors.SamplesOutOfRange,
        DiagnosticDescriptors.MultiLabelSoftmax);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            INamedTypeSymbol? classBalanced = start.Compilation.GetTypeByMetadataName(Parser.ClassBalancedAttributeName);
            INamedTypeSymbol? dataset = start.Compilation.GetTypeByMetadataName(DatasetParser.DatasetAttributeName);
            if (classBalanced is null && dataset is null)
            {
                return;
            }

            ImmutableArray<string> files = start.Options.AdditionalFiles.Select(f => f.Path).ToImmutableArray();
            CompilationFeatures features = Parser.ReadFeatures(start.Compilation, supportsNullable: true);
            start.RegisterSymbolAction(
                symbolContext => AnalyzeType(symbolContext, classBalanced, dataset, files, features), SymbolKind.NamedType);
        });
    }

    private static void AnalyzeType(
        SymbolAnalysisContext context,
        INamedTypeSymbol? classBalanced,
        INamedTypeSymbol? datasetAttribute,
        ImmutableArray<string> files,
        CompilationFeatures features)
    {
        if (context.Symbol is not INamedTypeSymbol symbol)
        {
            return;
        }

        CancellationToken cancellationToken = context.CancellationToken;
        var issues = new List<Issue>();
        AttributeData? sweep = SweepParser.Find(symbol);
        if (symbol.TypeKind == TypeKind.Enum)
        {
            ImmutableArray<AttributeData> configs = AttributesOf(symbol, classBalanced);
            if (!configs.IsEmpty)
            {
                // ClassBalancedAnalyzer reports the rest of what the parser finds.
                var enumIssues = new List<Issue>();
                Parser.Parse(symbol, configs, features, enumIssues, cancellationToken);
                issues.AddRange(enumIssues.Where(i => OwnIds.Contains(i.Descriptor.Id)));
            }

            if (sweep is not null)
            {
                Parser.RawConfig[] rawConfigs = configs.Select(c => Parser.RawConfig.Read(c, symbol.Name, configs.Length)).ToArray();
                if (SweepParser.Read(sweep, symbol, issues, cancellationToken) is { } grid
                    && Parser.Parse(symbol, ImmutableArray.Create(sweep), features, issues: null, cancellationToken, requireConfigs: false) is { } spec)
                {
                    if (SweepParser.CountTotalSubject(grid, spec.Members.Select(m => m.Count).ToArray()) is { } subject)
                    {
                        issues.Add(new Issue(DiagnosticDescriptors.CountTotalTooLarge, Parser.AttributeLocation(sweep, cancellationToken), 0, symbol.Name, subject));
                    }

                    if (SweepParser.FirstAboveSamples(grid, spec.Members) is { } above)
                    {
                        issues.Add(new Issue(DiagnosticDescriptors.CountAboveSamples, Parser.ArgumentLocation(sweep, "Samples", cancellationToken), 0,
                            above.Name, Literals.Text(above.Count), "[ClassBalancedSweep]'s Samples", Literals.Text(grid.Samples)));
                    }

                    if (SweepParser.FirstPositiveInEverySample(grid, spec.Members) is { } atN)
                    {
                        issues.Add(new Issue(DiagnosticDescriptors.PositiveInEverySample, Parser.ArgumentLocation(sweep, "Samples", cancellationToken), 0,
                            atN.Name, Literals.Text(atN.Count), "[ClassBalancedSweep]'s Samples", Literals.Text(grid.Samples),
                            DiagnosticDescriptors.SweepPriorBiasPoint, DiagnosticDescriptors.SweepPriorBiasFix));
                    }

                    if (Parser.SweepSamplesDisagree(sweep, grid.Samples, rawConfigs, cancellationToken) is { } disagreement)
                    {
                        issues.Add(disagreement);
                    }

                    issues.AddRange(SweepParser.VsScaleUnderflows(sweep, grid, spec.Members, cancellationToken));
                }

                if (rawConfigs.Length > 0 && rawConfigs.All(c => c.ZeroCounts != ZeroCountPolicy.Throw))
                {
                    // Sweeps need every count ≥ 1; ClassBalancedAnalyzer reports a 0 only when a config needs it too, and
                    // a negative count always (it invalidates the enum: config -1), so only the zeros are the sweep's here.
                    var members = new List<Issue>();
                    Parser.Parse(symbol, ImmutableArray.Create(sweep), features, members, cancellationToken, requireConfigs: false);
                    issues.AddRange(members.Where(i => i.Descriptor.Id == DiagnosticDescriptors.NonPositiveCount.Id && i.Config >= 0));
                }
            }
        }
        else if (symbol.TypeKind == TypeKind.Class)
        {
            ImmutableArray<AttributeData> configs = AttributesOf(symbol, datasetAttribute);
            if (!configs.IsEmpty)
            {
                DatasetParser.ParseTarget(symbol, configs, features, issues, cancellationToken);
                CheckCountsFile(configs[0], files, issues, cancellationToken);
            }
            else if (sweep is not null)
            {
                issues.Add(new Issue(DiagnosticDescriptors.InvalidDatasetClass, Parser.AttributeLocation(sweep, cancellationToken), -1,
                    symbol.ToDisplayString(), "[ClassBalancedSweep] on a class needs [ClassBalancedDataset(\"….csv\")] on the same class (or put the sweep on a class-balanced enum)"));
            }
        }

        foreach (Issue issue in issues)
        {
            context.ReportDiagnostic(Diagnostic.Create(issue.Descriptor, issue.Location ?? symbol.Locations.FirstOrDefault(), issue.Args));
        }
    }

    private static void CheckCountsFile(AttributeData attribute, ImmutableArray<string> files, List<Issue> issues, CancellationToken cancellationToken)
    {
        string? requested = DatasetParser.CountsFileOf(attribute);
        if (string.IsNullOrWhiteSpace(requested))
        {
            return; // reported by the parser
        }

        var matches = files.Where(path => CountsFileParser.Matches(path, requested!)).ToList();
        if (matches.Count == 1)
        {
            return;
        }

        string problem = matches.Count == 0
            ? "is not among the project's AdditionalFiles"
            : "matches several AdditionalFiles (" + string.Join(", ", matches.Select(m => "'" + m + "'")) + "); name it by more of its path, e.g. 'data/" + requested + "'";
        string include = CountsFileParser.Normalize(requested!);
        issues.Add(new Issue(DiagnosticDescriptors.CountsFileMissing, Parser.ArgumentLocation(attribute, null, cancellationToken), -1,
            requested, problem, include, IncludeHint(include)));
    }

    /// <summary>An Include is relative to the project file's folder, but the attribute's path matches an
    /// AdditionalFiles path at any folder boundary: for a relative path, say how to write a file in a subfolder
    /// (nothing for an absolute path, which is its own Include).</summary>
    internal static string IncludeHint(string include) =>
        include.StartsWith("/", System.StringComparison.Ordinal) || (include.Length > 1 && include[1] == ':')
            ? string.Empty
            : ", where Include is the file's path from the project's folder (e.g. Include=\"data/" + include + "\" for a file in a data folder)";

    private static ImmutableArray<AttributeData> AttributesOf(INamedTypeSymbol symbol, INamedTypeSymbol? attributeType)
    {
        if (attributeType is null)
        {
            return ImmutableArray<AttributeData>.Empty;
        }

        return symbol.GetAttributes()
            .Where(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, attributeType))
            .ToImmutableArray();
    }
}
