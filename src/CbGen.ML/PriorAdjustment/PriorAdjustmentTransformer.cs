using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Transforms;

namespace CbGen.ML;

/// <summary>
/// The fitted prior adjustment: replaces the score column by p_c·π_c^−τ / Σ_k p_k·π_k^−τ (the softmax of
/// log p_c − τ·log π_c) and the predicted-label column by its argmax, a key column whose KeyValues are the
/// trainer's label values as text. A row with a NaN score gets NaN scores and the missing key 0. A row of tiny
/// scores (even subnormal ones) is adjusted like any other; an all-zero row stays all zero and gets the first slot,
/// as the trainer's own argmax gives it.
/// </summary>
/// <remarks>
/// It is a chain of ML.NET's own transforms (an L∞ normaliser by a power of two that lifts rows too small for
/// single precision, a per-slot scaling normaliser, an L1 normaliser, value mappings) and two parameter-free custom
/// mappings (<see cref="ArgmaxMapping"/> and the row scale, <c>RowScaleMapping</c>), and it saves as that chain:
/// <c>mlContext.Model.Load</c> returns a <see cref="TransformerChain{TLastTransformer}"/> that scores the same,
/// with no registration, as long as CbGen.ML is deployed with the application.
/// </remarks>
public sealed class PriorAdjustmentTransformer : ITransformer
{
    internal const string ScoreCopy = "CbGenAdjustedScore";
    internal const string Argmax = "CbGenAdjustedSlot";
    internal const string RowScale = "CbGenRowScale";
    private const string LabelText = "CbGenAdjustedLabel";

    /// <summary>The largest τ·(log π_max − log π_min) a float scale can hold (e^80 ≈ 5.5e34 &lt; 3.4e38).</summary>
    private const double MaxLogRange = 80.0;

    private readonly TransformerChain<ITransformer> _chain;

    private PriorAdjustmentTransformer(
        TransformerChain<ITransformer> chain, double[] logPriors, double tau, string score, string predicted)
    {
        _chain = chain;
        LogPriors = logPriors;
        Tau = tau;
        ScoreColumnName = score;
        PredictedLabelColumnName = predicted;
    }

    /// <summary>τ, the strength of the adjustment.</summary>
    public double Tau { get; }

    /// <summary>log π of each score slot (slot k is key k + 1), matched by the predicted label's KeyValues.</summary>
    public IReadOnlyList<double> LogPriors { get; }

    /// <summary>The score column that is adjusted.</summary>
    public string ScoreColumnName { get; }

    /// <summary>The predicted-label column that is recomputed.</summary>
    public string PredictedLabelColumnName { get; }

    /// <summary>The chain of ML.NET transforms that does the work (and that a saved model loads as).</summary>
    public TransformerChain<ITransformer> Chain => _chain;

    /// <inheritdoc />
    public bool IsRowToRowMapper => true;

    /// <inheritdoc />
    public DataViewSchema GetOutputSchema(DataViewSchema inputSchema) => _chain.GetOutputSchema(Checked(inputSchema));

    /// <inheritdoc />
    public IRowToRowMapper GetRowToRowMapper(DataViewSchema inputSchema) =>
        ((ITransformer)_chain).GetRowToRowMapper(Checked(inputSchema));

    /// <summary>Adjusts the scores and recomputes the predicted label (lazily, like every ML.NET transform).</summary>
    public IDataView Transform(IDataView input)
    {
        ArgumentNullException.ThrowIfNull(input);
        Checked(input.Schema);
        return _chain.Transform(input);
    }

    /// <summary>Saves the chain of ML.NET transforms, so loading needs no registration.</summary>
    void ICanSaveModel.Save(ModelSaveContext ctx) => ((ICanSaveModel)_chain).Save(ctx);

    internal static PriorAdjustmentTransformer Create(
        TransformsCatalog catalog, DataViewSchema schema, double[] logPriors, object[] keyValues, double tau,
        string score, string predicted)
    {
        double max = logPriors.Max();
        double range = tau * (max - logPriors.Min());
        if (range > MaxLogRange)
        {
            throw new ArgumentOutOfRangeException(nameof(tau), string.Format(CultureInfo.InvariantCulture,
                "τ = {0} with these priors (log π from {1:R} to {2:R}) scales the scores by up to e^{3:F0}, past what a "
                + "Single holds; use τ ≤ {4:G4}.", tau, logPriors.Min(), max, range, MaxLogRange / (max - logPriors.Min())));
        }

        // Slot c is multiplied by e^(−τ·(log π_c − log π_max)) ∝ π_c^−τ: a min-max normaliser fitted on a row holding
        // the inverse scales and a row of zeros (fixZero: scale = 1 / max |value|; one row alone gives scale 0) is
        // exactly that per-slot scaling.
        var context = new MLContext(seed: 0);
        var rowType = new VectorDataViewType(NumberDataViewType.Single, logPriors.Length);
        var definition = SchemaDefinition.Create(typeof(ScoreRow));
        definition[0].ColumnName = score;
        definition[0].ColumnType = rowType;
        float[] inverse = logPriors.Select(l => (float)Math.Exp(tau * (l - max))).ToArray();
        IDataView row = context.Data.LoadFromEnumerable(
            new[] { new ScoreRow { Score = inverse }, new ScoreRow { Score = new float[inverse.Length] } }, definition);

        var steps = new List<ITransformer>();
        IDataView data = row;
        void Add(IEstimator<ITransformer> estimator)
        {
            ITransformer t = estimator.Fit(data);
            steps.Add(t);
            data = t.Transform(data);
        }

        // A row too small for single precision's 1 / Σ (e.g. all subnormal) is first divided by a power of two, the
        // row-scale slot appended and dropped again (RowScaleMapping); every other row is divided by exactly 1.
        Add(catalog.CopyColumns(ScoreCopy, score));
        Add(catalog.CustomMapping(new RowScaleMapping().GetMapping(), RowScaleMapping.Contract));
        Add(catalog.Concatenate(score, score, RowScale));
        Add(catalog.NormalizeLpNorm(score, score, LpNormNormalizingEstimatorBase.NormFunction.Infinity, ensureZeroMean: false));
        var withScaleSlot = SchemaDefinition.Create(typeof(ScoreRow));
        withScaleSlot[0].ColumnName = score;
        withScaleSlot[0].ColumnType = new VectorDataViewType(NumberDataViewType.Single, logPriors.Length + 1);
        float[] keepAllButLast = Enumerable.Repeat(1f, logPriors.Length).Append(0f).ToArray();
        ITransformer dropScaleSlot = catalog.FeatureSelection.SelectFeaturesBasedOnCount(score, score, count: 1)
            .Fit(context.Data.LoadFromEnumerable(new[] { new ScoreRow { Score = keepAllButLast } }, withScaleSlot));
        steps.Add(dropScaleSlot);
        data = dropScaleSlot.Transform(data);

        Add(catalog.NormalizeMinMax(score, score, fixZero: true));
        Add(catalog.NormalizeLpNorm(score, score, LpNormNormalizingEstimatorBase.NormFunction.L1, ensureZeroMean: false));
        Add(catalog.CopyColumns(ScoreCopy, score));
        Add(catalog.CustomMapping(new ArgmaxMapping().GetMapping(), ArgmaxMapping.Contract));
        string[] names = keyValues.Select(KeyLabels.Text).ToArray();
        Add(catalog.Conversion.MapValue(LabelText, names.Select((n, k) => new KeyValuePair<uint, string>((uint)(k + 1), n)), Argmax));
        IDataView keyData = context.Data.LoadFromEnumerable(names.Select(n => new NameRow { Name = n }));
        Add(catalog.Conversion.MapValueToKey(predicted, LabelText, keyData: keyData));
        Add(catalog.DropColumns(ScoreCopy, RowScale, Argmax, LabelText));
        var transformer = new PriorAdjustmentTransformer(new TransformerChain<ITransformer>(steps.ToArray()), logPriors, tau, score, predicted);
        transformer.Checked(schema);
        return transformer;
    }

    private DataViewSchema Checked(DataViewSchema schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        DataViewType? type = schema.GetColumnOrNull(ScoreColumnName)?.Type;
        if (type is not VectorDataViewType { ItemType: NumberDataViewType n } vector || n != NumberDataViewType.Single
            || vector.Size != LogPriors.Count)
        {
            throw new ArgumentOutOfRangeException(nameof(schema),
                "Score column '" + ScoreColumnName + "' " + (type is null ? "is missing" : "has type " + type)
                + "; the prior adjustment was fitted on a vector of " + LogPriors.Count.ToString(CultureInfo.InvariantCulture)
                + " Single scores. Transform the output of the model it was fitted on.");
        }

        return schema;
    }

    private sealed class ScoreRow
    {
        public float[] Score { get; set; } = [];
    }

    private sealed class NameRow
    {
        public string Name { get; set; } = string.Empty;
    }
}
