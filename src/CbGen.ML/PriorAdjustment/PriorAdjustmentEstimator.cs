using System;
using System.Globalization;
using System.Linq;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace CbGen.ML;

/// <summary>
/// Post-hoc prior adjustment of a scored data set: replaces the multiclass <see cref="ScoreColumnName"/>
/// (probabilities p_c) by softmax(log p_c − τ·log π_c) = p_c·π_c^−τ / Σ_k p_k·π_k^−τ and the
/// <see cref="PredictedLabelColumnName"/> by its argmax. Create it with
/// <see cref="PriorAdjustmentCatalog.PriorAdjustment(TransformsCatalog, System.Collections.Generic.IReadOnlyList{long}, double, string, string)"/>.
/// </summary>
/// <remarks>
/// ML.NET's multiclass Score of SDCA-MaxEnt, L-BFGS-MaxEnt and LightGBM is post-softmax probabilities, so the
/// shift is applied to log p_c: log p_c = z_c − log Σ_k e^{z_k} differs from the logit z_c by a per-row constant,
/// so the argmax of log p_c − τ·log π_c is exactly that of the runtime's z_c − τ·log π_c (adjust_logits), and the
/// renormalised scores are the adjusted model's probabilities. Subtracting τ·log π_c from probabilities would mix
/// scales. A score column of raw, non-probability scores is not what this adjusts.
/// </remarks>
public sealed class PriorAdjustmentEstimator : IEstimator<PriorAdjustmentTransformer>
{
    private readonly TransformsCatalog _catalog;
    private readonly PriorTable _priors;

    internal PriorAdjustmentEstimator(
        TransformsCatalog catalog, PriorTable priors, double tau, string scoreColumnName, string predictedLabelColumnName)
    {
        _catalog = catalog ?? throw new ArgumentNullException(nameof(catalog));
        ClassPriors.ValidateTau(tau, nameof(tau));

        if (string.IsNullOrWhiteSpace(scoreColumnName))
        {
            throw new ArgumentException("Name the score column (e.g. \"Score\").", nameof(scoreColumnName));
        }

        if (string.IsNullOrWhiteSpace(predictedLabelColumnName))
        {
            throw new ArgumentException("Name the predicted-label column (e.g. \"PredictedLabel\").", nameof(predictedLabelColumnName));
        }

        _priors = priors;
        Tau = tau;
        ScoreColumnName = scoreColumnName;
        PredictedLabelColumnName = predictedLabelColumnName;
    }

    /// <summary>τ, the strength of the adjustment.</summary>
    public double Tau { get; }

    /// <summary>The multiclass score column that is adjusted in place.</summary>
    public string ScoreColumnName { get; }

    /// <summary>The predicted-label key column that is recomputed; its KeyValues match the priors to the slots.</summary>
    public string PredictedLabelColumnName { get; }

    /// <summary>Matches the priors to the score slots by the predicted label's KeyValues and returns the transformer.
    /// Reads no rows.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A column is missing or of the wrong type.</exception>
    /// <exception cref="InvalidOperationException">The keys cannot be matched to the priors.</exception>
    public PriorAdjustmentTransformer Fit(IDataView input)
    {
        if (input is null)
        {
            throw new ArgumentNullException(nameof(input));
        }

        int classes = ScoreSize(input.Schema, nameof(input));
        DataViewSchema.Column predicted = input.Schema[PredictedLabelColumnName];
        object[]? keyValues = KeyLabels.Read(predicted, out string? keyValuesType);
        double[] logPriors = _priors.ForKeys(PredictedLabelColumnName, keyValues, keyValuesType);
        if (logPriors.Length != classes)
        {
            throw new ArgumentOutOfRangeException(nameof(input),
                "Score column '" + ScoreColumnName + "' has " + classes.ToString(CultureInfo.InvariantCulture) + " slots but '"
                + PredictedLabelColumnName + "' has " + logPriors.Length.ToString(CultureInfo.InvariantCulture)
                + " key values; adjust the output of one multiclass trainer, whose score has one slot per key.");
        }

        return PriorAdjustmentTransformer.Create(_catalog, input.Schema, logPriors, keyValues!, Tau, ScoreColumnName, PredictedLabelColumnName);
    }

    /// <summary>The input shape: the score and predicted-label columns are replaced by columns of the same kind.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A column is missing or of the wrong type.</exception>
    public SchemaShape GetOutputSchema(SchemaShape inputSchema)
    {
        if (inputSchema is null)
        {
            throw new ArgumentNullException(nameof(inputSchema));
        }

        SchemaShape.Column? score = inputSchema.Where(c => c.Name == ScoreColumnName).Cast<SchemaShape.Column?>().FirstOrDefault();
        if (score is not { Kind: SchemaShape.Column.VectorKind.Vector } s || s.ItemType != NumberDataViewType.Single)
        {
            throw WrongScore(score is null ? "is missing" : "is not a known-size vector of Single", nameof(inputSchema));
        }

        if (!inputSchema.Any(c => c.Name == PredictedLabelColumnName && c.IsKey))
        {
            throw WrongPredicted("is missing or not a key column", nameof(inputSchema));
        }

        return inputSchema;
    }

    private int ScoreSize(DataViewSchema schema, string paramName)
    {
        DataViewSchema.Column? score = schema.GetColumnOrNull(ScoreColumnName);
        if (score?.Type is not VectorDataViewType { ItemType: NumberDataViewType n, IsKnownSize: true } vector || n != NumberDataViewType.Single)
        {
            throw WrongScore(score is null ? "is missing" : "has type " + score.Value.Type + ", not a known-size vector of Single", paramName);
        }

        if (schema.GetColumnOrNull(PredictedLabelColumnName)?.Type is not KeyDataViewType)
        {
            throw WrongPredicted(schema.GetColumnOrNull(PredictedLabelColumnName) is null ? "is missing" : "is not a key column", paramName);
        }

        return vector.Size;
    }

    private ArgumentOutOfRangeException WrongScore(string problem, string paramName) =>
        new ArgumentOutOfRangeException(paramName,
            "Score column '" + ScoreColumnName + "' " + problem + ". Fit the prior adjustment on the output of a multiclass "
            + "trainer (model.Transform(data)), whose Score holds one probability per class, or name its score column.");

    private ArgumentOutOfRangeException WrongPredicted(string problem, string paramName) =>
        new ArgumentOutOfRangeException(paramName,
            "Predicted-label column '" + PredictedLabelColumnName + "' " + problem + ". Fit the prior adjustment on the output "
            + "of a multiclass trainer, whose PredictedLabel is a key column with the label's KeyValues, or name that column.");
}
