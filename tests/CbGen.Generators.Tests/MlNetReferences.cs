using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace CbGen.Generators.Tests;

/// <summary>The real Microsoft.ML assemblies as metadata references: a test compilation with them makes the
/// generator's "is Microsoft.ML referenced" check true and compiles the generated <c>{Name}WeightsMlNet</c>.</summary>
public static class MlNetReferences
{
    public static IReadOnlyList<MetadataReference> All { get; } =
        new[]
        {
            typeof(Microsoft.ML.MLContext), typeof(Microsoft.ML.TransformsCatalog), typeof(Microsoft.ML.Transforms.ValueMappingEstimator),
            typeof(Microsoft.ML.IDataView), typeof(Microsoft.ML.IEstimator<>),
        }
        .Select(t => t.Assembly.Location)
        .Distinct()
        .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
        .ToList();

    /// <summary>Runs the generator and the analyzers on <paramref name="sources"/> compiled with Microsoft.ML
    /// (and CbGen.TorchSharp when <paramref name="withTorchSharp"/>).</summary>
    public static CbGenRunResult Run(bool withTorchSharp, params string[] sources) =>
        CbGenRunner.Run(CbGenRunner.CreateCompilation(sources, withTorchSharp, All));

    /// <summary>As <see cref="Run(bool, string[])"/>, with the AdditionalFiles <paramref name="files"/>.</summary>
    public static CbGenRunResult Run(bool withTorchSharp, System.Collections.Immutable.ImmutableArray<AdditionalText> files, params string[] sources) =>
        CbGenRunner.Run(CbGenRunner.CreateCompilation(sources, withTorchSharp, All), additionalFiles: files);
}
