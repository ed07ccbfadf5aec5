using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using CbGen.Generators.Helpers;
using CbGen.Generators.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CbGen.Generators.Parsing
{
    /// <summary>Reads a <c>[ClassBalancedDataset]</c> class (<see cref="ParseTarget"/>, shared by the generator and the
    /// analyzer) and joins it with its parsed counts file (<see cref="Build"/>, generator only).</summary>
    internal static class DatasetParser
    {
        public const string DatasetAttributeName = "CbGen.ClassBalancedDatasetAttribute";

        /// <summary>The name of the nested label enum.</summary>
        public const string LabelEnumName = "Label";

        /// <summary>The members the generator adds to a dataset class (a class cannot have a member of its own name).</summary>
        private static readonly string[] GeneratedMemberNames = { LabelEnumName, "ClassCount", "Names", "NameOf", "TryGetLabel" };

        public static DatasetTarget? ParseForGenerator(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
        {
            if (context.TargetSymbol is not INamedTypeSymbol { TypeKind: TypeKind.Class } symbol)
            {
                return null;
            }

            return ParseTarget(symbol, context.Attributes, issues: null, cancellationToken);
        }

        /// <summary>The requested counts file of each attribute (null when the argument is missing or not a string).</summary>
        public static string? CountsFileOf(AttributeData attribute) =>
            attribute.ConstructorArguments.Length == 1 ? attribute.ConstructorArguments[0].Value as string : null;

        public static DatasetTarget? ParseTarget(
            INamedTypeSymbol symbol,
            ImmutableArray<AttributeData> attributes,
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
                checks.Report(TrainingSetupDiagnostics.InvalidDatasetClass, () => symbol.Locations.FirstOrDefault(), -1,
                    symbol.ToDisplayString(), shapeProblem);
            }

            string? countsFile = CountsFileOf(first);
            if (string.IsNullOrWhiteSpace(countsFile))
            {
                checks.Report(TrainingSetupDiagnostics.InvalidDatasetClass, () => Parser.ArgumentLocation(first, null, cancellationToken), -1,
                    symbol.ToDisplayString(), "the counts file name is empty; name the file passed as <AdditionalFiles>");
            }

            for (int i = 1; i < attributes.Length; i++)
            {
                AttributeData attribute = attributes[i];
                string? other = CountsFileOf(attribute);
                if (other is not null && countsFile is not null && other != countsFile)
                {
                    checks.Report(TrainingSetupDiagnostics.InvalidDatasetClass, () => Parser.ArgumentLocation(attribute, null, cancellationToken), -1,
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
                }
            }

            SweepSpec? sweep = null;
            if (SweepParser.Find(symbol) is { } sweepAttribute)
            {
                sweep = SweepParser.Read(sweepAttribute, symbol.Name, issues, cancellationToken);
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
                    valid.Add(configs[i].ToSpec());
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
                sweep);
        }

        /// <summary>Null when the generator can add members to <paramref name="symbol"/>, otherwise why not.</summary>
        private static string? ShapeProblem(INamedTypeSymbol symbol, CancellationToken cancellationToken, out bool isPublic)
        {
            isPublic = symbol.DeclaredAccessibility == Accessibility.Public;
            if (symbol.ContainingType is not null)
            {
                return "it is nested in '" + symbol.ContainingType.ToDisplayString() + "'; declare it at namespace level";
            }

            if (GeneratedMemberNames.Contains(symbol.Name))
            {
                return "its name is one of the members the generator adds to it (" + string.Join(", ", GeneratedMemberNames)
                    + "); rename the class";
            }

            if (symbol.Arity > 0)
            {
                return "it is generic; a label set is a plain (optionally static) partial class";
            }

            if (symbol.IsFileLocal)
            {
                return "it is file-local; the generated types in other files could not name it";
            }

            if (symbol.IsRecord)
            {
                return "it is a record; a label set is a plain (optionally static) partial class";
            }

            foreach (SyntaxReference reference in symbol.DeclaringSyntaxReferences)
            {
                if (reference.GetSyntax(cancellationToken) is ClassDeclarationSyntax declaration
                    && !declaration.Modifiers.Any(m => m.IsKind(SyntaxKind.PartialKeyword)))
                {
                    return "it is not partial; declare it 'partial' so the generator can add the Label enum and the names";
                }
            }

            return null;
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
            for (int c = 0; c < rows.Count; c++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                CountsRow row = rows[c];
                members[c] = new MemberSpec(row.MemberName, row.Identifier, c, row.Count);
                names[c] = row.Name;
                anyZero |= row.Count == 0;
                anyPositive |= row.Count > 0;
            }

            var configs = new List<ConfigSpec>();
            bool zeroReported = false;
            foreach (ConfigSpec config in target.Configs)
            {
                if (anyZero && config.ZeroCounts == ZeroCountPolicy.Throw)
                {
                    if (!zeroReported)
                    {
                        zeroReported = true;
                        foreach (CountsRow row in rows)
                        {
                            if (row.Count == 0)
                            {
                                diagnostics.Add(new DiagnosticInfo(DiagnosticDescriptors.NonPositiveCount.Id, row.CountLocation,
                                    new EquatableArray<string>(new[] { row.Name + " (line " + Literals.Text((long)row.Line) + " of " + fileName + ")", "0" })));
                            }
                        }
                    }

                    continue;
                }

                if (!anyPositive)
                {
                    diagnostics.Add(new DiagnosticInfo(DiagnosticDescriptors.AllCountsZero.Id, rows[0].CountLocation,
                        new EquatableArray<string>(new[] { enumDisplay + " (" + fileName + ")" })));
                    continue;
                }

                configs.Add(config);
            }

            SweepSpec? sweep = target.Sweep;
            if (sweep is not null && anyZero)
            {
                // Sweeps always use ZeroCountPolicy.Throw.
                if (!zeroReported)
                {
                    foreach (CountsRow row in rows)
                    {
                        if (row.Count == 0)
                        {
                            diagnostics.Add(new DiagnosticInfo(DiagnosticDescriptors.NonPositiveCount.Id, row.CountLocation,
                                new EquatableArray<string>(new[] { row.Name + " (line " + Literals.Text((long)row.Line) + " of " + fileName + ")", "0" })));
                        }
                    }
                }

                sweep = null;
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
                CountsFile: fileName);
            return new DatasetSpec(target, spec, new EquatableArray<string>(names), file.Path, sweep, diagnostics.ToEquatableArray());
        }
    }
}
