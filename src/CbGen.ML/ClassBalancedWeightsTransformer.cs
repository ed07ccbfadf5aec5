using System;
using System.Collections.Generic;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Transforms;

namespace CbGen.ML;

/// <summary>
/// The fitted class-balanced weighting: adds the <see cref="float"/> column <see cref="OutputColumnName"/> holding
/// the weight of each row's label, from the table in <see cref="Classes"/>.
/// </summary>
/// <remarks>
/// <para>It saves as ML.NET's own <see cref="ValueMappingTransformer"/>: <c>mlContext.Model.Load</c> returns that
/// type (with the same mapping), with no registration of this assembly needed.</para>
/// <para>The weight column is computed lazily, only when something reads it (a trainer with
/// <c>ExampleWeightColumnName</c>). A row whose label is missing or not in the table gets weight 0 (ML.NET's
/// value mapping default), so it does not count in training and scoring never throws;
/// <see cref="ClassBalancedWeightsEstimator.Fit"/> rejects such labels in the data it is fitted on.</para>
/// <para>Scoring needs the label column in the input schema, like any transform of the label (MapValueToKey,
/// …). To score rows without a label column, fit the label steps (MapValueToKey, the weights) on the training
/// data apart from the model, fit the model on their output, and score with the model alone (docs/mlnet.md,
/// "Train, evaluate, predict").</para>
/// </remarks>
public sealed class ClassBalancedWeightsTransformer : ITransformer
{
    private readonly ValueMappingTransformer _map;
    private readonly DataViewType _labelType;

    internal ClassBalancedWeightsTransformer(
        ValueMappingTransformer map, string labelColumnName, string outputColumnName, LabelKind kind,
        DataViewType labelType, IReadOnlyList<ClassWeight> classes)
    {
        _map = map;
        _labelType = labelType;
        LabelColumnName = labelColumnName;
        OutputColumnName = outputColumnName;
        LabelKind = kind;
        Classes = classes;
    }

    /// <summary>The label column the weights are looked up from.</summary>
    public string LabelColumnName { get; }

    /// <summary>The weight column this transformer adds.</summary>
    public string OutputColumnName { get; }

    /// <summary>What kind of label the table is keyed by.</summary>
    public LabelKind LabelKind { get; }

    /// <summary>The fitted table: by key for key labels (each with the label value it stands for,
    /// <see cref="ClassWeight.KeyValue"/>), else in numeric or ordinal order when counted, as given for given
    /// tables.</summary>
    public IReadOnlyList<ClassWeight> Classes { get; }

    /// <summary>The ML.NET transformer that does the mapping (and that a saved model loads as).</summary>
    public ValueMappingTransformer ValueMapping => _map;

    /// <inheritdoc />
    public bool IsRowToRowMapper => true;

    /// <summary>The input schema plus the weight column.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The label column is missing or has another type than at Fit.</exception>
    public DataViewSchema GetOutputSchema(DataViewSchema inputSchema)
    {
        Check(inputSchema, nameof(inputSchema));
        return _map.GetOutputSchema(inputSchema);
    }

    /// <inheritdoc />
    public IRowToRowMapper GetRowToRowMapper(DataViewSchema inputSchema)
    {
        Check(inputSchema, nameof(inputSchema));
        return ((ITransformer)_map).GetRowToRowMapper(inputSchema);
    }

    /// <summary>Adds the weight column (lazily, like every ML.NET transform).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The label column is missing or has another type than at Fit.</exception>
    public IDataView Transform(IDataView input)
    {
        if (input is null)
        {
            throw new ArgumentNullException(nameof(input));
        }

        Check(input.Schema, nameof(input));
        return _map.Transform(input);
    }

    /// <summary>Saves the underlying <see cref="ValueMappingTransformer"/>, so loading needs no registration.</summary>
    void ICanSaveModel.Save(ModelSaveContext ctx) => ((ICanSaveModel)_map).Save(ctx);

    private void Check(DataViewSchema schema, string paramName)
    {
        if (schema is null)
        {
            throw new ArgumentNullException(paramName);
        }

        LabelTypes.Classify(schema, LabelColumnName, paramName);
        DataViewType actual = schema[LabelColumnName].Type;
        if (!actual.Equals(_labelType))
        {
            throw new ArgumentOutOfRangeException(paramName,
                "Label column '" + LabelColumnName + "' has type " + actual + ", but the weights were fitted on "
                + _labelType + "; transform data with the label type the estimator was fitted on.");
        }
    }
}
