using System;
using System.Collections.Generic;
using System.Globalization;
using CbGen.Evaluation;
using CbGen.ML;
using Microsoft.ML.Data;

namespace Microsoft.ML;

/// <summary>
/// <c>mlContext.MulticlassClassification.EvaluateLongTail(…)</c>: CbGen's long-tail metrics (balanced error,
/// many/medium/few-shot accuracy, macro-F1, per-class accuracy) of a scored <see cref="IDataView"/>, with the keys of
/// the label and predicted-label columns matched to the training counts by their KeyValues.
/// </summary>
public static class LongTailEvaluationCatalog
{
    /// <summary>Evaluates with training counts per class index (the key whose label value is i is class i, as
    /// <c>ClassBalancedWeights(label, counts)</c> matches them).</summary>
    /// <param name="catalog">The multiclass catalog (<c>mlContext.MulticlassClassification</c>).</param>
    /// <param name="data">Scored data: a key label column and a predicted-label key column over the same keys.</param>
    /// <param name="trainingCounts">Training samples per class index: they decide each class's shot group.</param>
    /// <param name="labelColumnName">The true label (key) column.</param>
    /// <param name="predictedLabelColumnName">The predicted label (key) column.</param>
    /// <param name="thresholds">The shot groups; <see cref="ShotThresholds.Literature"/> by default.</param>
    /// <returns>The report of <see cref="LongTailMetrics.Compute(ReadOnlySpan{int}, ReadOnlySpan{int}, ReadOnlySpan{long}, ShotThresholds?)"/>,
    /// whose class c is class index c.</returns>
    public static LongTailReport EvaluateLongTail(
        this MulticlassClassificationCatalog catalog, IDataView data, IReadOnlyList<long> trainingCounts,
        string labelColumnName = "Label", string predictedLabelColumnName = "PredictedLabel", ShotThresholds? thresholds = null)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        WeightSource source = WeightSource.IndexCounts(trainingCounts, nameof(trainingCounts));
        return Evaluate(data, source, labelColumnName, predictedLabelColumnName, thresholds);
    }

    /// <summary>Evaluates with training counts per label value (String, Boolean or integer); class c of the report
    /// is the dictionary's c-th entry.</summary>
    /// <param name="catalog">The multiclass catalog (<c>mlContext.MulticlassClassification</c>).</param>
    /// <param name="data">Scored data: a key label column and a predicted-label key column over the same keys.</param>
    /// <param name="trainingCounts">Training samples per label value.</param>
    /// <param name="labelColumnName">The true label (key) column.</param>
    /// <param name="predictedLabelColumnName">The predicted label (key) column.</param>
    /// <param name="thresholds">The shot groups; <see cref="ShotThresholds.Literature"/> by default.</param>
    public static LongTailReport EvaluateLongTail<TLabel>(
        this MulticlassClassificationCatalog catalog, IDataView data, IReadOnlyDictionary<TLabel, long> trainingCounts,
        string labelColumnName = "Label", string predictedLabelColumnName = "PredictedLabel", ShotThresholds? thresholds = null)
        where TLabel : notnull
    {
        ArgumentNullException.ThrowIfNull(catalog);
        WeightSource source = WeightSource.LabelCounts(trainingCounts, nameof(trainingCounts));
        return Evaluate(data, source, labelColumnName, predictedLabelColumnName, thresholds);
    }

    private static LongTailReport Evaluate(
        IDataView data, WeightSource source, string label, string predicted, ShotThresholds? thresholds)
    {
        ArgumentNullException.ThrowIfNull(data);
        int?[] labelClass = ClassesOf(data.Schema, label, source, "label");
        int?[] predictedClass = ClassesOf(data.Schema, predicted, source, "predicted-label");
        var actual = new List<int>();
        var guessed = new List<int>();
        using (DataViewRowCursor cursor = data.GetRowCursor(new[] { data.Schema[label], data.Schema[predicted] }))
        {
            ValueGetter<uint> getLabel = cursor.GetGetter<uint>(data.Schema[label]);
            ValueGetter<uint> getPredicted = cursor.GetGetter<uint>(data.Schema[predicted]);
            uint y = 0, p = 0;
            long row = 0;
            while (cursor.MoveNext())
            {
                getLabel(ref y);
                getPredicted(ref p);
                actual.Add(Class(y, labelClass, label, row));
                guessed.Add(Class(p, predictedClass, predicted, row));
                row++;
            }
        }

        return LongTailMetrics.Compute(guessed.ToArray(), actual.ToArray(), source.Counts!, thresholds);
    }

    private static int?[] ClassesOf(DataViewSchema schema, string column, WeightSource source, string role)
    {
        DataViewSchema.Column? found = schema.GetColumnOrNull(column);
        if (found?.Type is not KeyDataViewType { RawType: var raw } || raw != typeof(uint))
        {
            throw new ArgumentOutOfRangeException(nameof(schema),
                "The " + role + " column '" + column + "' " + (found is null ? "is missing" : "has type " + found.Value.Type + ", not a key")
                + ". Evaluate the output of a multiclass model (model.Transform(test)) whose label was made with "
                + "MapValueToKey, or name the column.");
        }

        object[]? keyValues = KeyLabels.Read(found.Value, out string? keyValuesType);
        return KeyTable.ClassOfKeys(source, column, "training counts", keyValues, keyValuesType);
    }

    private static int Class(uint key, int?[] classOf, string column, long row)
    {
        if (key == 0 || key > classOf.Length || classOf[key - 1] is not int c)
        {
            throw new InvalidOperationException(string.Format(CultureInfo.InvariantCulture,
                "Row {0} of column '{1}' has {2}, which the training counts have no class for. Give the counts of every "
                + "class, and drop rows without a label (key 0) before evaluating (a missing prediction comes from a NaN score).",
                row, column, key == 0 ? "a missing value (key 0)" : "key " + key.ToString(CultureInfo.InvariantCulture)));
        }

        return c;
    }
}
