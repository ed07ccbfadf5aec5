using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Transforms;

namespace CbGen.ML;

/// <summary>
/// Adds a <see cref="float"/> column holding each row's class-balanced weight α_y (Cui et al., CVPR 2019), for a
/// trainer's <c>ExampleWeightColumnName</c>. Create it with
/// <see cref="ClassBalancedWeightsCatalog.ClassBalancedWeights(TransformsCatalog, string, string, double, WeightNormalization, ZeroCountPolicy)"/>
/// or one of its overloads.
/// </summary>
/// <remarks>
/// <see cref="Fit"/> makes one streaming pass over the label column: it counts the labels (when no counts were
/// given), and it rejects missing labels and labels the given table has no entry for. The fitted
/// <see cref="ClassBalancedWeightsTransformer"/> is ML.NET's value mapping underneath, so models save and load
/// with <c>mlContext.Model.Save/Load</c> without any registration.
/// </remarks>
public sealed class ClassBalancedWeightsEstimator : IEstimator<ClassBalancedWeightsTransformer>
{
    private readonly TransformsCatalog _catalog;
    private readonly WeightSource _source;

    internal ClassBalancedWeightsEstimator(
        TransformsCatalog catalog, string labelColumnName, string outputColumnName, WeightSource source,
        double beta, WeightNormalization normalization, ZeroCountPolicy zeroCounts)
    {
        _catalog = catalog ?? throw new ArgumentNullException(nameof(catalog));
        if (string.IsNullOrWhiteSpace(labelColumnName))
        {
            throw new ArgumentException("Name the label column (e.g. \"Label\").", nameof(labelColumnName));
        }

        if (string.IsNullOrWhiteSpace(outputColumnName))
        {
            throw new ArgumentException("Name the weight column (e.g. \"Weight\").", nameof(outputColumnName));
        }

        if (source.Counts is not null || source.FromData)
        {
            // The same checks and messages as the maths (β in [0, 1], known enum values), before any data is read.
            ClassBalancedWeights.Compute(new long[] { 1 }, beta, normalization, zeroCounts);
        }

        LabelColumnName = labelColumnName;
        OutputColumnName = outputColumnName;
        _source = source;
        Beta = beta;
        Normalization = normalization;
        ZeroCounts = zeroCounts;
    }

    /// <summary>The label column the weights are looked up from.</summary>
    public string LabelColumnName { get; }

    /// <summary>The weight column this estimator adds (<see cref="float"/>, scalar).</summary>
    public string OutputColumnName { get; }

    /// <summary>β of the effective number (not used when the weights were given directly).</summary>
    public double Beta { get; }

    /// <summary>How the weights are scaled.</summary>
    public WeightNormalization Normalization { get; }

    /// <summary>What to do with a class that has no samples.</summary>
    public ZeroCountPolicy ZeroCounts { get; }

    /// <summary>Reads the training labels once and returns the transformer that adds the weight column.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The label column is missing or not a supported type.</exception>
    /// <exception cref="InvalidOperationException">The given table does not fit the label column, a label is
    /// missing (key 0, an empty string) or not in the given table, or a class has no samples.</exception>
    public ClassBalancedWeightsTransformer Fit(IDataView input)
    {
        if (input is null)
        {
            throw new ArgumentNullException(nameof(input));
        }

        LabelKind kind = LabelTypes.Classify(input.Schema, LabelColumnName, nameof(input));
        DataViewType type = input.Schema[LabelColumnName].Type;
        ulong keyCount = type is KeyDataViewType key ? key.Count : 0;
        string? keyValuesType = null;
        object[]? keyValues = kind == LabelKind.Key ? KeyLabels.Read(input.Schema[LabelColumnName], out keyValuesType) : null;
        WeightTable.CheckCompatible(_source, LabelColumnName, kind, type.RawType);
        Dictionary<object, long> seen = LabelCounter.Count(input, LabelColumnName, kind);
        ClassWeight[] table = WeightTable.Build(
            _source, LabelColumnName, kind, type.RawType, keyCount, keyValues, keyValuesType, seen, Beta, Normalization, ZeroCounts);
        ValueMappingTransformer map = ValueMaps.Create(_catalog, kind, type.RawType, OutputColumnName, LabelColumnName, table)
            .Fit(input);
        return new ClassBalancedWeightsTransformer(map, LabelColumnName, OutputColumnName, kind, type, table);
    }

    /// <summary>The input shape plus the scalar <see cref="float"/> weight column.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The label column is missing or not a supported type.</exception>
    /// <exception cref="InvalidOperationException">The given table does not fit the label column.</exception>
    public SchemaShape GetOutputSchema(SchemaShape inputSchema)
    {
        if (inputSchema is null)
        {
            throw new ArgumentNullException(nameof(inputSchema));
        }

        LabelKind kind = LabelTypes.Classify(inputSchema, LabelColumnName, nameof(inputSchema));
        // Stryker disable once Linq : Classify has just found the column
        SchemaShape.Column label = inputSchema.First(c => c.Name == LabelColumnName);

        WeightTable.CheckCompatible(_source, LabelColumnName, kind, label.ItemType.RawType);
        if (kind == LabelKind.Key && !_source.FromData && !label.Annotations.Any(a => a.Name == KeyLabels.Kind))
        {
            // Given counts or weights follow the label value of each key: without KeyValues it is unknown.
            throw KeyLabels.Unknown(LabelColumnName, _source.Counts is null ? "weights" : "counts", type: null);
        }

        // SchemaShape columns cannot be built outside ML.NET: ask the value mapping this estimator fits for its shape.
        return ValueMaps.ShapeOf(_catalog, kind, label.ItemType.RawType, OutputColumnName, LabelColumnName, inputSchema);
    }
}
