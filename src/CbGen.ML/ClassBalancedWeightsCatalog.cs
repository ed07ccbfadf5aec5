using System.Collections.Generic;
using CbGen;
using CbGen.ML;

namespace Microsoft.ML;

/// <summary>
/// <c>mlContext.Transforms.ClassBalancedWeights(…)</c>: a per-row weight column α_y for a trainer's
/// <c>ExampleWeightColumnName</c>, with α_c ∝ 1 / E_{n_c} and E_n = (1 - β^n) / (1 - β) (Cui et al., CVPR 2019),
/// normalised by default so that Σ_c α_c = C, exactly as <see cref="ClassBalancedWeights.Compute(System.ReadOnlySpan{long}, double, WeightNormalization, ZeroCountPolicy)"/>.
/// </summary>
/// <example>
/// <code>
/// var pipeline = mlContext.Transforms.Conversion.MapValueToKey("Label")
///     .Append(mlContext.Transforms.ClassBalancedWeights("Label", beta: 0.999))
///     .Append(mlContext.MulticlassClassification.Trainers.SdcaMaximumEntropy(exampleWeightColumnName: "Weight"));
/// </code>
/// </example>
public static class ClassBalancedWeightsCatalog
{
    /// <summary>Weights counted from the training data: <c>Fit</c> counts each label value in one streaming pass.</summary>
    /// <param name="catalog">The transforms catalog (<c>mlContext.Transforms</c>).</param>
    /// <param name="labelColumnName">The label column: a key (UInt32), integer, String or Boolean column. For a key
    /// type every key value is a class, so a class with no rows is an error (see <paramref name="zeroCounts"/>).</param>
    /// <param name="outputColumnName">The <see cref="float"/> weight column to add.</param>
    /// <param name="beta">β in [0, 1]: 0 gives uniform weights, 1 inverse-frequency weights.</param>
    /// <param name="normalization">How the weights are scaled; Σ_c α_c = C by default.</param>
    /// <param name="zeroCounts">What to do with a key value that has no rows.</param>
    public static ClassBalancedWeightsEstimator ClassBalancedWeights(
        this TransformsCatalog catalog,
        string labelColumnName = "Label",
        string outputColumnName = "Weight",
        double beta = CbDefaults.Beta,
        WeightNormalization normalization = WeightNormalization.SumToClassCount,
        ZeroCountPolicy zeroCounts = ZeroCountPolicy.Throw) =>
        new ClassBalancedWeightsEstimator(
            catalog, labelColumnName, outputColumnName, WeightSource.Data(), beta, normalization, zeroCounts);

    /// <summary>Weights from given counts per class index: integer labels (class i is the value i) or key labels,
    /// matched by the label value each key stands for (its KeyValues), never by the key's position: the key whose
    /// value is the whole number i (7, 7f or "7") gets counts[i]; keys that stand for names are refused in any key
    /// order (pass the counts by label value instead).</summary>
    /// <param name="catalog">The transforms catalog (<c>mlContext.Transforms</c>).</param>
    /// <param name="labelColumnName">The integer or key label column (a key column needs its KeyValues, as
    /// <c>MapValueToKey</c> records them).</param>
    /// <param name="counts">Training samples per class index.</param>
    /// <param name="outputColumnName">The <see cref="float"/> weight column to add.</param>
    /// <param name="beta">β in [0, 1].</param>
    /// <param name="normalization">How the weights are scaled; Σ_c α_c = C by default.</param>
    /// <param name="zeroCounts">What to do with a count of 0.</param>
    public static ClassBalancedWeightsEstimator ClassBalancedWeights(
        this TransformsCatalog catalog,
        string labelColumnName,
        IReadOnlyList<long> counts,
        string outputColumnName = "Weight",
        double beta = CbDefaults.Beta,
        WeightNormalization normalization = WeightNormalization.SumToClassCount,
        ZeroCountPolicy zeroCounts = ZeroCountPolicy.Throw) =>
        new ClassBalancedWeightsEstimator(
            catalog, labelColumnName, outputColumnName, WeightSource.IndexCounts(counts, nameof(counts)), beta,
            normalization, zeroCounts);

    /// <summary>Weights from given counts per label value: String, Boolean or integer labels (the dictionary's key
    /// type must be the label column's type), or key labels, where each key gets the entry of the label value it
    /// stands for (its KeyValues; compared as text, so 7, 7f and "7" match), whatever the key order.</summary>
    /// <param name="catalog">The transforms catalog (<c>mlContext.Transforms</c>).</param>
    /// <param name="labelColumnName">The label column.</param>
    /// <param name="counts">Training samples per label value.</param>
    /// <param name="outputColumnName">The <see cref="float"/> weight column to add.</param>
    /// <param name="beta">β in [0, 1].</param>
    /// <param name="normalization">How the weights are scaled; Σ_c α_c = C by default.</param>
    /// <param name="zeroCounts">What to do with a count of 0.</param>
    public static ClassBalancedWeightsEstimator ClassBalancedWeights<TLabel>(
        this TransformsCatalog catalog,
        string labelColumnName,
        IReadOnlyDictionary<TLabel, long> counts,
        string outputColumnName = "Weight",
        double beta = CbDefaults.Beta,
        WeightNormalization normalization = WeightNormalization.SumToClassCount,
        ZeroCountPolicy zeroCounts = ZeroCountPolicy.Throw)
        where TLabel : notnull =>
        new ClassBalancedWeightsEstimator(
            catalog, labelColumnName, outputColumnName, WeightSource.LabelCounts(counts, nameof(counts)), beta,
            normalization, zeroCounts);

    /// <summary>A weight column from a ready weight table per class index (e.g. a CbGen-generated
    /// <c>…Weights.Weights</c> table): integer labels (class i is the value i) or key labels, matched by the label
    /// value each key stands for as for per-index counts.</summary>
    /// <param name="catalog">The transforms catalog (<c>mlContext.Transforms</c>).</param>
    /// <param name="labelColumnName">The integer or key label column.</param>
    /// <param name="weights">The weight of each class index; finite and ≥ 0.</param>
    /// <param name="outputColumnName">The <see cref="float"/> weight column to add.</param>
    public static ClassBalancedWeightsEstimator ClassWeights(
        this TransformsCatalog catalog,
        string labelColumnName,
        IReadOnlyList<double> weights,
        string outputColumnName = "Weight") =>
        new ClassBalancedWeightsEstimator(
            catalog, labelColumnName, outputColumnName, WeightSource.IndexWeights(weights, nameof(weights)), 1.0,
            WeightNormalization.None, ZeroCountPolicy.Throw);

    /// <summary>A weight column from a ready weight table per label value (String, Boolean, integer or key labels,
    /// matched as for counts per label value).</summary>
    /// <param name="catalog">The transforms catalog (<c>mlContext.Transforms</c>).</param>
    /// <param name="labelColumnName">The label column.</param>
    /// <param name="weights">The weight of each label value; finite and ≥ 0.</param>
    /// <param name="outputColumnName">The <see cref="float"/> weight column to add.</param>
    public static ClassBalancedWeightsEstimator ClassWeights<TLabel>(
        this TransformsCatalog catalog,
        string labelColumnName,
        IReadOnlyDictionary<TLabel, double> weights,
        string outputColumnName = "Weight")
        where TLabel : notnull =>
        new ClassBalancedWeightsEstimator(
            catalog, labelColumnName, outputColumnName, WeightSource.LabelWeights(weights, nameof(weights)), 1.0,
            WeightNormalization.None, ZeroCountPolicy.Throw);
}
