using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using CbGen.Generators.Helpers;
using CbGen.Generators.Model;
using Microsoft.CodeAnalysis;

namespace CbGen.Generators.Parsing;

/// <summary>Reads a <c>[ClassBalancedDataset]</c> class (<see cref="ParseTarget"/>, shared by the generator and the
/// analyzer) and joins it with its parsed counts file (<see cref="Build"/>, generator only).</summary>
internal static partial class DatasetParser
{
    public const string DatasetAttributeName = "CbGen.ClassBalancedDatasetAttribute";

    /// <summary>The name of the nested label enum.</summary>
    public const string LabelEnumName = "Label";

    /// <summary>The private array of names in a dataset class. C# reserves identifiers with "__" for the
    /// implementation, so no user member should share it (a class of that name gets CB022).</summary>
    public const string NamesField = "__CbGenNames";

    /// <summary>The private nested class that holds the name-to-label map (reserved like <see cref="NamesField"/>).</summary>
    public const string LabelsByNameClass = "__CbGenLabelsByName";

    /// <summary>The public members the generator adds to a dataset class, which an inherited member must not share.</summary>
    private static readonly string[] PublicMemberNames = { LabelEnumName, "ClassCount", "Names", "NameOf", "TryGetLabel" };

    /// <summary>Every member the generator adds to a dataset class (a class cannot have a member of its own name).</summary>
    private static readonly string[] GeneratedMemberNames = PublicMemberNames.Concat(new[] { NamesField, LabelsByNameClass }).ToArray();

    public static DatasetTarget? ParseForGenerator(AnnotatedType context, CancellationToken cancellationToken)
    {
        if (context.TargetSymbol is not INamedTypeSymbol { TypeKind: TypeKind.Class } symbol)
        {
            return null;
        }

        // A partial class may carry attributes on several declarations: read them all, once, at the declaration
        // that holds the first one (the others give nothing, so the files are not added twice).
        ImmutableArray<AttributeData> attributes = AttributesOf(symbol);
        SyntaxReference? first = attributes.IsEmpty ? null : attributes[0].ApplicationSyntaxReference;
        if (first is null || first.SyntaxTree != context.TargetNode.SyntaxTree || !context.TargetNode.Span.Contains(first.Span))
        {
            return null;
        }

        return ParseTarget(symbol, attributes, Parser.ReadFeatures(context.SemanticModel.Compilation, supportsNullable: true), issues: null, cancellationToken);
    }

    /// <summary>The <c>[ClassBalancedDataset]</c> attributes of every declaration of <paramref name="symbol"/>, in
    /// declaration order.</summary>
    public static ImmutableArray<AttributeData> AttributesOf(INamedTypeSymbol symbol) =>
        symbol.GetAttributes().Where(a => Parser.IsAttribute(a, "CbGen", "ClassBalancedDatasetAttribute")).ToImmutableArray();

    /// <summary>The requested counts file of each attribute (null when the argument is missing or not a string).</summary>
    public static string? CountsFileOf(AttributeData attribute) =>
        attribute.ConstructorArguments.Length == 1 ? attribute.ConstructorArguments[0].Value as string : null;

    public static DatasetTarget? ParseTarget(
        INamedTypeSymbol symbol,
        ImmutableArray<AttributeData> attributes,
        CompilationFeatures features,
        List<Issue>? issues,
        CancellationToken cancellationToken)
    {
        var checks = new ConfigChecks(attributes, symbol.Name, issues);
        Parser.RawConfig[] configs = checks.Configs;
        bool[] configValid = checks.ConfigValid;

        if (attributes.Length == 0)
        {
            return null;
        }

        AttributeData first = attributes[0];
        string? shapeProblem = ShapeProblem(symbol, cancellationToken, out bool isPublic);
        if (shapeProblem is not null)
        {
            checks.Report(DiagnosticDescriptors.InvalidDatasetClass, () => symbol.Locations.FirstOrDefault(), -1,
                symbol.ToDisplayString(), shapeProblem);
        }

        string? countsFile = CountsFileOf(first);
        if (string.IsNullOrWhiteSpace(countsFile))
        {
            checks.Report(DiagnosticDescriptors.InvalidDatasetClass, () => Parser.ArgumentLocation(first, null, cancellationToken), -1,
                symbol.ToDisplayString(), "the counts file name is empty; name the file passed as <AdditionalFiles>");
        }

        for (int i = 1; i < attributes.Length; i++)
        {
            AttributeData attribute = attributes[i];
            string? other = CountsFileOf(attribute);
            if (other is not null && countsFile is not null && other != countsFile)
            {
                checks.Report(DiagnosticDescriptors.InvalidDatasetClass, () => Parser.ArgumentLocation(attribute, null, cancellationToken), -1,
                    symbol.ToDisplayString(), "its configs name different counts files ('" + countsFile + "' and '" + other
                    + "'); one class is one label set: use one file, or one class per file");
            }
        }

        var seenNames = new Dictionary<string, int>(StringComparer.Ordinal);
        string namespaceText = Parser.NamespaceText(symbol);
        for (int i = 0; i < configs.Length; i++)
        {
            if (configs[i].Readable)
            {
                Parser.CheckConfig(configs[i], attributes[i], i, checks.Report, seenNames, namespaceText, cancellationToken);
                Parser.CheckTypeNameLength(configs[i], attributes[i], i, Parser.MetadataNamespaceOf(symbol), features, checks.Report, cancellationToken);
                Parser.CheckSamplesAgree(configs, attributes[i], i, checks.Report, cancellationToken);
            }
        }

        SweepSpec? sweep = null;
        if (SweepParser.Find(symbol) is { } sweepAttribute)
        {
            sweep = SweepParser.Read(sweepAttribute, symbol, issues, cancellationToken);
            if (issues is not null && sweep is not null
                && Parser.SweepSamplesDisagree(sweepAttribute, sweep.Samples, configs, cancellationToken) is { } disagreement)
            {
                issues.Add(disagreement);
            }
        }

        if (!checks.TargetValid || countsFile is null)
        {
            return null;
        }

        var valid = new List<ConfigSpec>();
        for (int i = 0; i < configs.Length; i++)
        {
            if (configValid[i])
            {
                valid.Add(configs[i].ToSpec(LocationInfo.From(Parser.ArgumentLocation(attributes[i], "Name", cancellationToken))));
            }
        }

        return new DatasetTarget(
            Parser.NamespaceOf(symbol),
            symbol.Name,
            symbol.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat),
            Parser.HintPrefix(symbol),
            isPublic,
            countsFile,
            valid.ToEquatableArray(),
            sweep,
            LocationInfo.From(symbol.Locations.FirstOrDefault()),
            Parser.DeprecationOf(symbol));
    }
}
