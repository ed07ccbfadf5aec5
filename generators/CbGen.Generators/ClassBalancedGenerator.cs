using System;
using System.Linq;
using System.Threading;
using CbGen.Generators.Emitting;
using CbGen.Generators.Helpers;
using CbGen.Generators.Model;
using CbGen.Generators.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace CbGen.Generators
{
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

            IncrementalValuesProvider<EnumSpec> enums = Annotated<EnumDeclarationSyntax, EnumSpec>(
                context, Parser.ClassBalancedAttributeName, Parser.ParseForGenerator, TrackingNames.Enums);

            IncrementalValuesProvider<(EnumSpec Enum, CompilationFeatures Features)> withFeatures = enums
                .Combine(features)
                .WithTrackingName(TrackingNames.EnumsWithFeatures);

            context.RegisterSourceOutput(withFeatures, static (output, input) => Execute(output, input.Enum, input.Features));

            // [ClassBalancedSweep] on an enum: the grid as typed configs.
            IncrementalValuesProvider<EnumSweepSpec> sweeps = Annotated<EnumDeclarationSyntax, EnumSweepSpec>(
                context, SweepParser.SweepAttributeName, SweepParser.ParseForGenerator, TrackingNames.Sweeps);
            context.RegisterSourceOutput(
                sweeps.Combine(features).WithTrackingName(TrackingNames.SweepsWithFeatures),
                static (output, input) => ExecuteSweep(output, input.Left, input.Right));

            // [ClassBalancedDataset]: the class, then its counts file among the AdditionalFiles. Only the files some
            // class names are parsed; each parse is cached until that file's text changes.
            IncrementalValuesProvider<DatasetTarget> datasetTargets = Annotated<ClassDeclarationSyntax, DatasetTarget>(
                context, DatasetParser.DatasetAttributeName, DatasetParser.ParseForGenerator, TrackingNames.DatasetTargets);
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
            context.RegisterSourceOutput(
                datasets.Combine(features).WithTrackingName(TrackingNames.DatasetsWithFeatures),
                static (output, input) => ExecuteDataset(output, input.Left, input.Right));
        }

        /// <summary>The models <paramref name="parse"/> makes of the <typeparamref name="TSyntax"/> declarations that carry
        /// the attribute <paramref name="attributeName"/> (found by <c>ForAttributeWithMetadataName</c>), nulls dropped;
        /// the parse step is tracked as <paramref name="trackingName"/>.</summary>
        private static IncrementalValuesProvider<TModel> Annotated<TSyntax, TModel>(
            IncrementalGeneratorInitializationContext context,
            string attributeName,
            Func<GeneratorAttributeSyntaxContext, CancellationToken, TModel?> parse,
            string trackingName)
            where TSyntax : SyntaxNode
            where TModel : class
        {
            return context.SyntaxProvider
                .ForAttributeWithMetadataName(attributeName, static (node, _) => node is TSyntax, parse)
                .WithTrackingName(trackingName)
                .Where(static model => model is not null)!;
        }

        private static void ExecuteSweep(SourceProductionContext context, EnumSweepSpec input, CompilationFeatures features)
        {
            if (input.Enum.Failure is not null)
            {
                context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.GeneratorFailure, Location.None,
                    input.Enum.EnumName, input.Enum.Failure));
                return;
            }

            try
            {
                context.AddSource(Emitter.SweepHintName(input.Enum, input.Sweep), Emitter.EmitSweep(input.Enum, input.Sweep, features));
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.GeneratorFailure, Location.None,
                    input.Enum.EnumName + " (" + input.Sweep.Prefix + "Sweep)", ex.GetType().Name + ": " + ex.Message));
            }
        }

        private static void ExecuteDataset(SourceProductionContext context, DatasetSpec dataset, CompilationFeatures features)
        {
            foreach (DiagnosticInfo info in dataset.Diagnostics)
            {
                if (TrainingSetupDiagnostics.ById.TryGetValue(info.Id, out DiagnosticDescriptor? descriptor))
                {
                    context.ReportDiagnostic(Diagnostic.Create(descriptor, ToLocation(info.Location), info.Args.Select(a => (object?)a).ToArray()));
                }
            }

            if (dataset.Enum is not { } spec)
            {
                return;
            }

            try
            {
                context.AddSource(Emitter.LabelsHintName(dataset), Emitter.EmitDatasetLabels(dataset, features));
                if (dataset.Sweep is { } sweep)
                {
                    context.AddSource(Emitter.SweepHintName(spec, sweep), Emitter.EmitSweep(spec, sweep, features));
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.GeneratorFailure, Location.None,
                    dataset.Target.ClassName, ex.GetType().Name + ": " + ex.Message));
                return;
            }

            Execute(context, spec, features);
        }

        private static Location ToLocation(LocationInfo? info) =>
            info is null
                ? Location.None
                : Location.Create(info.Path, new TextSpan(info.Start, info.Length),
                    new LinePositionSpan(new LinePosition(info.StartLine, info.StartCharacter), new LinePosition(info.EndLine, info.EndCharacter)));

        private static void Execute(SourceProductionContext context, EnumSpec spec, CompilationFeatures features)
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
                try
                {
                    string weights = Emitter.EmitWeights(spec, config, features);
                    string? loss = features.HasTorchSharpRuntime ? Emitter.EmitLoss(spec, config, features) : null;
                    context.AddSource(Emitter.WeightsHintName(spec, config), weights);
                    if (loss is not null)
                    {
                        context.AddSource(Emitter.LossHintName(spec, config), loss);
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
}
