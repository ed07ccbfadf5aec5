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

        var seenNames = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
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

    /// <summary>Joins <paramref name="target"/> with its counts file: the label enum's model (members in file order,
    /// the configs the counts allow) and the file's diagnostics.</summary>
    public static DatasetSpec Build(DatasetTarget target, ImmutableArray<CountsFileSpec> files, CancellationToken cancellationToken)
    {
        CountsFileSpec? file = null;
        foreach (CountsFileSpec candidate in files)
        {
            if (CountsFileParser.Matches(candidate.Path, target.CountsFile))
            {
                if (file is not null)
                {
                    // Ambiguous: the analyzer reports it (CB016); generate nothing.
                    return new DatasetSpec(target, null, EquatableArray<string>.Empty, null, null, EquatableArray<DiagnosticInfo>.Empty);
                }

                file = candidate;
            }
        }

        if (file is null)
        {
            return new DatasetSpec(target, null, EquatableArray<string>.Empty, null, null, EquatableArray<DiagnosticInfo>.Empty);
        }

        var diagnostics = new List<DiagnosticInfo>(file.Issues);
        string fileName = System.IO.Path.GetFileName(file.Path);
        if (file.HasErrors)
        {
            return new DatasetSpec(target, null, EquatableArray<string>.Empty, file.Path, null, diagnostics.ToEquatableArray());
        }

        EquatableArray<CountsRow> rows = file.Rows;
        string enumDisplay = target.ClassName + "." + LabelEnumName;
        if (rows.Count < 2)
        {
            diagnostics.Add(new DiagnosticInfo(DiagnosticDescriptors.TooFewClasses.Id, rows[0].CountLocation,
                new EquatableArray<string>(new[] { enumDisplay + " (" + fileName + ")", Literals.Text((long)rows.Count) })));
            return new DatasetSpec(target, null, EquatableArray<string>.Empty, file.Path, null, diagnostics.ToEquatableArray());
        }

        var members = new MemberSpec[rows.Count];
        var names = new string[rows.Count];
        bool anyZero = false;
        bool anyPositive = false;
        foreach (CountsRow row in rows)
        {
            if (Parser.TooLong(row.MemberName + "Weight") is var bytes and > 0)
            {
                diagnostics.Add(new DiagnosticInfo(DiagnosticDescriptors.NameTooLong.Id, row.CountLocation,
                    new EquatableArray<string>(new[] { Parser.Shorten(row.MemberName + "Weight"), Literals.Text((long)bytes), "the class name on line " + Literals.Text((long)row.Line) })));
            }
        }

        if (diagnostics.Any(d => d.Id == DiagnosticDescriptors.NameTooLong.Id))
        {
            return new DatasetSpec(target, null, EquatableArray<string>.Empty, file.Path, null, diagnostics.ToEquatableArray());
        }

        for (int c = 0; c < rows.Count; c++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            CountsRow row = rows[c];
            members[c] = new MemberSpec(row.MemberName, row.Identifier, c, row.Count);
            names[c] = row.Name;
            anyZero |= row.Count == 0;
            anyPositive |= row.Count > 0;
        }

        long[] counts = rows.Select(r => r.Count).ToArray();
        int overflow = CountTotals.FirstOverflow(counts);
        var configs = new List<ConfigSpec>();
        bool zeroReported = false;
        foreach (ConfigSpec config in target.Configs)
        {
            if (anyZero && config.ZeroCounts == ZeroCountPolicy.Throw)
            {
                if (!zeroReported)
                {
                    zeroReported = true;
                    // The fix works for the sweep too when there is one (it has no ZeroCounts).
                    AddZeroCounts(rows, fileName, target.Sweep is { } swept
                        ? Parser.SweepZeroCountFix(swept.Points.Select(p => p.Loss))
                        : Parser.ZeroCountFix(target.Configs.FirstOrDefault(c => c.ZeroCounts == ZeroCountPolicy.Throw && c.NeedsEveryClass)?.Loss),
                        diagnostics);
                }

                continue;
            }

            if (anyZero && config.NeedsEveryClass)
            {
                // ZeroWeight cannot help: log π and n^(-1/4) are infinite for an empty class.
                CountsRow empty = rows.First(r => r.Count == 0);
                diagnostics.Add(new DiagnosticInfo(DiagnosticDescriptors.ZeroCountLongTail.Id, empty.CountLocation,
                    new EquatableArray<string>(new[] { RowName(empty, fileName),
                        "CbLoss." + config.Loss.ToString() + " (config " + config.TypeName + ")", Parser.LongTailNeed(config.Loss) })));
                continue;
            }

            if (config.IsLongTail && overflow >= 0)
            {
                diagnostics.Add(new DiagnosticInfo(DiagnosticDescriptors.CountTotalTooLarge.Id, rows[overflow].CountLocation,
                    new EquatableArray<string>(new[] { enumDisplay + " (" + fileName + ")", "CbLoss." + config.Loss.ToString() + " (config " + config.TypeName + ")" })));
                continue;
            }

            if (!anyPositive)
            {
                diagnostics.Add(new DiagnosticInfo(DiagnosticDescriptors.AllCountsZero.Id, rows[0].CountLocation,
                    new EquatableArray<string>(new[] { enumDisplay + " (" + fileName + ")" })));
                continue;
            }

            if (JoinMultiLabel(config, file, fileName, diagnostics) is { } joined)
            {
                configs.Add(joined);
                AddUnderflows(joined, rows, counts, fileName, diagnostics);
            }
        }

        SweepSpec? sweep = target.Sweep;
        if (sweep is not null && anyZero)
        {
            // Sweeps always use ZeroCountPolicy.Throw.
            if (!zeroReported)
            {
                AddZeroCounts(rows, fileName, Parser.SweepZeroCountFix(sweep.Points.Select(p => p.Loss)), diagnostics);
            }

            sweep = null;
        }
        else if (sweep is not null && SweepParser.CountTotalSubject(sweep, counts) is { } subject)
        {
            diagnostics.Add(new DiagnosticInfo(DiagnosticDescriptors.CountTotalTooLarge.Id, rows[overflow].CountLocation,
                new EquatableArray<string>(new[] { enumDisplay + " (" + fileName + ")", subject })));
            sweep = null;
        }

        sweep = sweep is null ? null : SweepParser.JoinSamples(sweep, file, fileName, diagnostics);
        if (sweep is not null)
        {
            AddUnderflows(sweep, rows, counts, fileName, diagnostics);
        }

        string? ns = target.Namespace;
        var spec = new EnumSpec(
            ns,
            enumDisplay,
            target.FullyQualifiedClassName + "." + LabelEnumName,
            target.HintPrefix,
            target.IsPublic,
            new EquatableArray<MemberSpec>(members),
            configs.ToEquatableArray(),
            Failure: null,
            CountsFile: fileName,
            Deprecation: target.Deprecation);
        return new DatasetSpec(target, spec, new EquatableArray<string>(names), file.Path, sweep, diagnostics.ToEquatableArray());
    }
}
