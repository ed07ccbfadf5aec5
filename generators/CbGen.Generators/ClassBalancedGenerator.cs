using System;
using CbGen.Generators.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CbGen.Generators
{
    /// <summary>
    /// Compiles every <c>[ClassBalanced]</c> label enum into a static class of constant class-balanced weight tables
    /// (<c>{Name}Weights</c>) and, when the project references CbGen.TorchSharp, a typed loss (<c>{Name}Loss</c>).
    /// Invalid configs are skipped here and reported by <see cref="ClassBalancedAnalyzer"/>.
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

            IncrementalValuesProvider<EnumSpec> enums = context.SyntaxProvider
                .ForAttributeWithMetadataName(
                    Parser.ClassBalancedAttributeName,
                    static (node, _) => node is EnumDeclarationSyntax,
                    static (syntaxContext, cancellationToken) => Parser.ParseForGenerator(syntaxContext, cancellationToken))
                .WithTrackingName(TrackingNames.Enums)
                .Where(static spec => spec is not null)!;

            IncrementalValuesProvider<(EnumSpec Enum, CompilationFeatures Features)> withFeatures = enums
                .Combine(features)
                .WithTrackingName(TrackingNames.EnumsWithFeatures);

            context.RegisterSourceOutput(withFeatures, static (output, input) => Execute(output, input.Enum, input.Features));
        }

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
