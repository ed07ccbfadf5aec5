using System;
using System.Collections.Generic;
using CbGen;
using CbGen.ML;

namespace Microsoft.ML;

/// <summary>
/// <c>mlContext.Transforms.PriorAdjustment(…)</c>: post-hoc prior (logit) adjustment of a multiclass model's
/// scores (Menon et al., ICLR 2021), for trainers that take no example weights or were trained unweighted:
/// log p_c − τ·log π_c, renormalised, and the predicted label recomputed as its argmax.
/// </summary>
/// <example>
/// <code>
/// var scoring = model.Append(mlContext.Transforms.PriorAdjustment(trainCounts, tau: 1.0).Fit(model.Transform(train)));
/// </code>
/// </example>
public static class PriorAdjustmentCatalog
{
    /// <summary>Adjusts for the priors π_c = n_c / Σn of the training counts per class index, matched to the keys of
    /// the predicted-label column by the label value each key stands for (its KeyValues), as
    /// <c>ClassBalancedWeights(label, counts)</c> matches them.</summary>
    /// <param name="catalog">The transforms catalog (<c>mlContext.Transforms</c>).</param>
    /// <param name="counts">Training samples per class index; every count ≥ 1.</param>
    /// <param name="tau">τ ≥ 0 (finite): 1 (the default) is Bayes-optimal for the balanced error, 0 changes nothing.</param>
    /// <param name="scoreColumnName">The multiclass score column (probabilities), replaced by the adjusted one.</param>
    /// <param name="predictedLabelColumnName">The predicted-label key column, replaced by the adjusted argmax.</param>
    public static PriorAdjustmentEstimator PriorAdjustment(
        this TransformsCatalog catalog, IReadOnlyList<long> counts, double tau = CbDefaults.Tau,
        string scoreColumnName = "Score", string predictedLabelColumnName = "PredictedLabel") =>
        new PriorAdjustmentEstimator(catalog, PriorTable.FromCounts(WeightSource.IndexCounts(counts, nameof(counts)), nameof(counts)),
            tau, scoreColumnName, predictedLabelColumnName);

    /// <summary>Adjusts for the priors of training counts per label value (String, Boolean or integer), matched to
    /// each key by the label value it stands for (compared as text, so 7, 7f and "7" match).</summary>
    /// <param name="catalog">The transforms catalog (<c>mlContext.Transforms</c>).</param>
    /// <param name="counts">Training samples per label value; every count ≥ 1.</param>
    /// <param name="tau">τ ≥ 0 (finite); 1 by default.</param>
    /// <param name="scoreColumnName">The multiclass score column (probabilities), replaced by the adjusted one.</param>
    /// <param name="predictedLabelColumnName">The predicted-label key column, replaced by the adjusted argmax.</param>
    public static PriorAdjustmentEstimator PriorAdjustment<TLabel>(
        this TransformsCatalog catalog, IReadOnlyDictionary<TLabel, long> counts, double tau = CbDefaults.Tau,
        string scoreColumnName = "Score", string predictedLabelColumnName = "PredictedLabel")
        where TLabel : notnull =>
        new PriorAdjustmentEstimator(catalog, PriorTable.FromCounts(WeightSource.LabelCounts(counts, nameof(counts)), nameof(counts)),
            tau, scoreColumnName, predictedLabelColumnName);

    /// <summary>Adjusts with given log-priors log π_c per class index, e.g. a CbGen-generated
    /// <c>…Weights.LogPriors</c> table or <c>ClassPriors.LogPriors(counts)</c>; keys matched as for counts.</summary>
    /// <param name="catalog">The transforms catalog (<c>mlContext.Transforms</c>).</param>
    /// <param name="logPriors">log π_c per class index; each finite and ≤ 0.</param>
    /// <param name="tau">τ ≥ 0 (finite); 1 by default.</param>
    /// <param name="scoreColumnName">The multiclass score column (probabilities), replaced by the adjusted one.</param>
    /// <param name="predictedLabelColumnName">The predicted-label key column, replaced by the adjusted argmax.</param>
    public static PriorAdjustmentEstimator PriorAdjustmentFromLogPriors(
        this TransformsCatalog catalog, ReadOnlySpan<double> logPriors, double tau = CbDefaults.Tau,
        string scoreColumnName = "Score", string predictedLabelColumnName = "PredictedLabel") =>
        new PriorAdjustmentEstimator(catalog, PriorTable.FromLogPriors(WeightSource.IndexLogPriors(logPriors, nameof(logPriors))),
            tau, scoreColumnName, predictedLabelColumnName);
}
