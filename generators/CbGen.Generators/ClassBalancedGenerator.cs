using System;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using CbGen.Generators.Emitting;
using CbGen.Generators.Helpers;
using CbGen.Generators.Model;
using CbGen.Generators.Parsing;
using CbGen.Generators.Planning;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace CbGen.Generators;

/// <summary>
/// Compiles every <c>[ClassBalanced]</c> label enum (and every <c>[ClassBalancedDataset]</c> class, whose labels come
/// from a counts file among the AdditionalFiles) into a static class of constant class-balanced weight tables
/// (<c>{Name}Weights</c>) and, when the project references CbGen.TorchSharp, a typed loss (<c>{Name}Loss</c>).
/// Invalid configs are skipped here and reported by <see cref="ClassBalancedAnalyzer"/> and
/// <see cref="TrainingSetupAnalyzer"/>; only the rows of a counts file are checked here, where the file is read.
/// <c>[ClassBalancedSweep]</c> adds <c>{Name}Sweep</c> and <c>{Name}SweepPoint</c>.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class ClassBalancedGenerator : IIncrementalGenerator
{
    /// <inheritdoc />
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        // Reduced to three bools first: a new compilation (every keystroke) re-runs this cheap step only, and the
        // downstream steps stay cached unless a bool flips.
        IncrementalValueProvider<bool> supportsNullable = context.ParseOptionsProvider
            .Select(static (options, _) => Parser.SupportsNullable(options));
        IncrementalValueProvider<CompilationFeatures> features = context.CompilationProvider
            .Combine(supportsNullable)
            .Select(static (input, _) => Parser.ReadFeatures(input.Left, input.Right))
            .WithTrackingName(TrackingNames.Features);

        // The attributed enums and classes of each tree (an unchanged tree stays cached), read from the levels where a
        // type can be declared only: ForAttributeWithMetadataName would visit every attributed enum member, once per
        // attribute (AnnotatedTypes).
        IncrementalValuesProvider<TreeTypes> trees = context.CompilationProvider
            .SelectMany(static (compilation, _) => compilation.SyntaxTrees)
            .Select(static (tree, cancellationToken) => AnnotatedTypes.ReadTree(tree, cancellationToken));
        IncrementalValueProvider<EquatableArray<string>> globalAliases = trees
            .Select(static (tree, _) => tree.GlobalAliases)
            .Collect()
            .Select(static (aliases, _) => aliases.SelectMany(a => a).Distinct(StringComparer.Ordinal).ToEquatableArray());

        IncrementalValuesProvider<EnumSpec> enums = Annotated(
            context, trees, globalAliases, Parser.ClassBalancedAttributeName, enums: true, Parser.ParseForGenerator, TrackingNames.Enums);

        // [ClassBalancedSweep] on an enum: the grid as typed configs.
        IncrementalValuesProvider<EnumSweepSpec> sweeps = Annotated(
            context, trees, globalAliases, SweepParser.SweepAttributeName, enums: true, SweepParser.ParseForGenerator, TrackingNames.Sweeps);

        // [ClassBalancedDataset]: the class, then its counts file among the AdditionalFiles. Only the files some
        // class names are parsed; each parse is cached until that file's text changes.
        IncrementalValuesProvider<DatasetTarget> datasetTargets = Annotated(
            context, trees, globalAliases, DatasetParser.DatasetAttributeName, enums: false, DatasetParser.ParseForGenerator, TrackingNames.DatasetTargets);
        IncrementalValueProvider<EquatableArray<string>> requested = datasetTargets
            .Select(static (target, _) => target.CountsFile)
            .Collect()
            .Select(static (names, _) => names.Distinct(StringComparer.Ordinal).OrderBy(n => n, StringComparer.Ordinal).ToEquatableArray())
            .WithTrackingName(TrackingNames.CountsFileNames);
        IncrementalValuesProvider<CountsFileSpec> countsFiles = context.AdditionalTextsProvider
            .Combine(requested)
            .Where(static input => input.Right.Any(name => CountsFileParser.Matches(input.Left.Path, name)))
            .Select(static (input, cancellationToken) =>
                CountsFileParser.Parse(input.Left.Path, input.Left.GetText(cancellationToken), cancellationToken))
            .WithTrackingName(TrackingNames.CountsFiles);
        IncrementalValuesProvider<DatasetSpec> datasets = datasetTargets
            .Combine(countsFiles.Collect())
            .Select(static (input, cancellationToken) => DatasetParser.Build(input.Left, input.Right, cancellationToken))
            .WithTrackingName(TrackingNames.Datasets);

        // The clash stage sees every unit and the user's types named like generated ones; it decides what is
        // emitted (a location-free plan) and reports CB010 itself, so a clash never reaches the compiler.
        // Read per syntax tree (a tree that did not change stays cached), walking only the levels where a type can
        // clash: a syntax provider would visit every node of every tree, a large enum's members too.
        IncrementalValueProvider<ImmutableArray<UserDeclaration>> userDeclarations = context.CompilationProvider
            .SelectMany(static (compilation, _) => compilation.SyntaxTrees)
            .Select(static (tree, cancellationToken) => UserDeclarations.ReadTree(tree, cancellationToken))
            .SelectMany(static (found, _) => found)
            .Collect()
            .WithTrackingName(TrackingNames.UserDeclarations);
        IncrementalValueProvider<ClashReport> clashes = enums.Collect()
            .Combine(sweeps.Collect())
            .Combine(datasets.Collect())
            .Combine(features)
            .Combine(userDeclarations)
            .Select(static (input, _) => NameClashes.Units(input.Left.Left.Left.Left, input.Left.Left.Left.Right, input.Left.Left.Right,
                input.Left.Right, input.Right))
            .Combine(userDeclarations)
            .Select(static (input, _) => NameClashes.Detect(input.Left, input.Right))
            .WithTrackingName(TrackingNames.NameClashes);
        IncrementalValueProvider<OutputPlan> plan = clashes
            .Select(static (report, _) => report.Plan)
            .WithTrackingName(TrackingNames.OutputPlan);
        context.RegisterSourceOutput(clashes, static (output, report) => ReportAll(output, report.Diagnostics));
        context.RegisterSourceOutput(
            datasets.Select(static (dataset, _) => dataset.Diagnostics).WithTrackingName(TrackingNames.DatasetDiagnostics),
            static (output, diagnostics) => ReportAll(output, diagnostics));

        // Only the clash stage above reads locations. The emitters read location-free projections, so a line typed
        // above an annotated type re-runs its parse and the clash stage, and nothing after them.
        IncrementalValuesProvider<EnumSpec> enumsToEmit = enums
            .Select(static (spec, _) => spec.WithoutLocations())
            .WithTrackingName(TrackingNames.EnumsToEmit);
        IncrementalValuesProvider<EnumSweepSpec> sweepsToEmit = sweeps
            .Select(static (sweep, _) => sweep.WithoutLocations())
            .WithTrackingName(TrackingNames.SweepsToEmit);
        IncrementalValuesProvider<DatasetSpec> datasetsToEmit = datasets
            .Select(static (dataset, _) => dataset.ForEmission())
            .WithTrackingName(TrackingNames.DatasetsToEmit);

        context.RegisterSourceOutput(
            enumsToEmit.Combine(features).Combine(plan).WithTrackingName(TrackingNames.EnumsWithFeatures),
            static (output, input) => Execute(output, input.Left.Left, input.Left.Right, input.Right));
        context.RegisterSourceOutput(
            sweepsToEmit.Combine(features).Combine(plan).WithTrackingName(TrackingNames.SweepsWithFeatures),
            static (output, input) => ExecuteSweep(output, input.Left.Left, input.Left.Right, input.Right));
        context.RegisterSourceOutput(
            datasetsToEmit.Combine(features).Combine(plan).WithTrackingName(TrackingNames.DatasetsWithFeatures),
            static (output, input) => ExecuteDataset(output, input.Left.Left, input.Left.Right, input.Right));
    }

    /// <summary>The models <paramref name="parse"/> makes of the enums (<paramref name="enums"/>) or classes that carry the
    /// attribute <paramref name="attributeName"/> (its metadata name, <c>CbGen.{Name}Attribute</c>), nulls dropped, as
    /// <c>ForAttributeWithMetadataName</c> would give them; the parse step is tracked as <paramref name="trackingName"/>.</summary>
    private static IncrementalValuesProvider<TModel> Annotated<TModel>(
        IncrementalGeneratorInitializationContext context,
        IncrementalValuesProvider<TreeTypes> trees,
        IncrementalValueProvider<EquatableArray<string>> globalAliases,
        string attributeName,
        bool enums,
        Func<AnnotatedType, CancellationToken, TModel?> parse,
        string trackingName)
        where TModel : class
    {
        string attributeClass = attributeName.Substring(attributeName.LastIndexOf('.') + 1);
        string name = attributeClass.Substring(0, attributeClass.Length - "Attribute".Length);
        return trees
            .Combine(globalAliases)
            .Select((input, _) => AnnotatedTypes.Candidates(input.Left, input.Right, name, enums))
            .Where(static candidates => candidates.Types.Count > 0)
            .Combine(context.CompilationProvider)
            .SelectMany((input, cancellationToken) => AnnotatedTypes.Bind(input.Left, input.Right, attributeName, parse, cancellationToken))
            .WithTrackingName(trackingName);
    }

    private static void ExecuteSweep(SourceProductionContext context, EnumSweepSpec input, CompilationFeatures features, OutputPlan plan)
    {
        if (input.Enum.Failure is not null)
        {
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.GeneratorFailure, Location.None,
                input.Enum.EnumName, input.Enum.Failure));
            return;
        }

        try
        {
            AddSweep(context, input.Enum, input.Sweep, features, plan);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.GeneratorFailure, Location.None,
                input.Enum.EnumName + " (" + input.Sweep.Prefix + "Sweep)", ex.GetType().Name + ": " + ex.Message));
        }
    }

    private static void AddSweep(SourceProductionContext context, EnumSpec spec, SweepSpec sweep, CompilationFeatures features, OutputPlan plan)
    {
        string hint = Emitter.SweepHintName(spec, sweep);
        if (!NameClashes.IsBlocked(plan, hint))
        {
            context.AddSource(NameClashes.HintName(plan, hint), Emitter.EmitSweep(spec, sweep, features));
        }
    }

    private static void ExecuteDataset(SourceProductionContext context, DatasetSpec dataset, CompilationFeatures features, OutputPlan plan)
    {
        if (dataset.Enum is not { } spec)
        {
            return;
        }

        try
        {
            string labels = Emitter.LabelsHintName(dataset);
            if (NameClashes.IsBlocked(plan, labels))
            {
                return;
            }

            context.AddSource(NameClashes.HintName(plan, labels), Emitter.EmitDatasetLabels(dataset, features));
            if (dataset.Sweep is { } sweep)
            {
                AddSweep(context, spec, sweep, features, plan);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.GeneratorFailure, Location.None,
                dataset.Target.ClassName, ex.GetType().Name + ": " + ex.Message));
            return;
        }

        Execute(context, spec, features, plan, dataset.Names);
    }

    /// <summary>Reports diagnostics found outside an analyzer's reach (counts files, name clashes).</summary>
    private static void ReportAll(SourceProductionContext context, EquatableArray<DiagnosticInfo> diagnostics)
    {
        foreach (DiagnosticInfo info in diagnostics)
        {
            context.ReportDiagnostic(DiagnosticDescriptors.ToDiagnostic(info, ToLocation(info.Location)));
        }
    }

    private static Location ToLocation(LocationInfo? info) =>
        info is null
            ? Location.None
            : Location.Create(info.Path, new TextSpan(info.Start, info.Length),
                new LinePositionSpan(new LinePosition(info.StartLine, info.StartCharacter), new LinePosition(info.EndLine, info.EndCharacter)));

    private static void Execute(SourceProductionContext context, EnumSpec spec, CompilationFeatures features, OutputPlan plan,
        EquatableArray<string>? labelNames = null)
    {
        if (spec.Failure is not null)
        {
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.GeneratorFailure, Location.None,
                spec.EnumName, spec.Failure));
            return;
        }

        foreach (ConfigSpec config in spec.Configs)
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            string weightsHint = Emitter.WeightsHintName(spec, config);
            if (NameClashes.IsBlocked(plan, weightsHint))
            {
                continue;
            }

            try
            {
                SourceText weights = Emitter.EmitWeights(spec, config, features);
                string? loss = features.HasTorchSharpRuntime ? Emitter.EmitLoss(spec, config, features) : null;
                string? mlNet = GeneratedNames.EmitsMlNet(config.UsesWeights, features)
                    ? Emitter.EmitMlNet(spec, config, labelNames ?? spec.Members.Select(m => m.DataLabel).ToEquatableArray(), features)
                    : null;
                context.AddSource(NameClashes.HintName(plan, weightsHint), weights);
                if (loss is not null)
                {
                    context.AddSource(NameClashes.HintName(plan, Emitter.LossHintName(spec, config)), loss);
                }

                if (mlNet is not null)
                {
                    context.AddSource(NameClashes.HintName(plan, Emitter.MlNetHintName(spec, config)), mlNet);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.GeneratorFailure, Location.None,
                    spec.EnumName + " (" + config.TypeName + ")", ex.GetType().Name + ": " + ex.Message));
            }
        }
    }
}
