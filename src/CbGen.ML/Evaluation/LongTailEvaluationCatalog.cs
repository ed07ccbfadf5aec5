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
/// the label and predicted-label columns matched to the training counts by their KeyValues. A row whose Score column
/// (when the data has one) holds a NaN is an error, not a prediction.
/// </summary>
public static class LongTailEvaluationCatalog
{
    /// <summary>The column ML.NET's multiclass scorers write the scores to; checked for NaN when present.</summary>
    private const string ScoreColumnName = "Score";

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
        DataViewSchema.Column? score = ScoreColumn(data.Schema);
        var columns = new List<DataViewSchema.Column> { data.Schema[label], data.Schema[predicted] };
        if (score is { } s)
        {
            columns.Add(s);
        }

        using (DataViewRowCursor cursor = data.GetRowCursor(columns))
        {
            ValueGetter<uint> getLabel = cursor.GetGetter<uint>(data.Schema[label]);
            ValueGetter<uint> getPredicted = cursor.GetGetter<uint>(data.Schema[predicted]);
            ValueGetter<VBuffer<float>>? getScore = score is { } sc ? cursor.GetGetter<VBuffer<float>>(sc) : null;
            uint y = 0, p = 0;
            VBuffer<float> scores = default;
            long row = 0;
            while (cursor.MoveNext())
            {
                getLabel(ref y);
                getPredicted(ref p);
                if (getScore is not null)
                {
                    getScore(ref scores);
                    CheckNoNaN(scores, predicted, row);
                }

                actual.Add(Class(y, labelClass, label, row));
                guessed.Add(Class(p, predictedClass, predicted, row));
                row++;
            }
        }

        return LongTailMetrics.Compute(guessed.ToArray(), actual.ToArray(), source.Counts!, thresholds);
    }

    /// <summary>The scorer's Score column (a vector of Single), if the data has one.</summary>
    private static DataViewSchema.Column? ScoreColumn(DataViewSchema schema) =>
        schema.GetColumnOrNull(ScoreColumnName) is { Type: VectorDataViewType { ItemType: var item } } column
        && item == NumberDataViewType.Single ? column : null;

    /// <summary>ML.NET's argmax skips NaN scores, so a row with a NaN score can still carry a predicted label (e.g.
    /// LightGBM's softmax when exp overflows: one NaN, the rest 0); evaluating it would count a guess.</summary>
    private static void CheckNoNaN(VBuffer<float> scores, string predicted, long row)
    {
        foreach (float v in scores.GetValues())
        {
            if (float.IsNaN(v))
            {
                throw new InvalidOperationException(string.Format(CultureInfo.InvariantCulture,
                    "Row {0} of column '{1}' holds a NaN, so its predicted label (column '{2}') is not a prediction (ML.NET's "
                    + "argmax skips NaN scores). Find where the NaN comes from (the trainer's own scores, or a transform after "
                    + "them) and fix it before evaluating.", row, ScoreColumnName, predicted));
            }
        }
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
