using System;
using System.Linq;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace CbGen.ML.Tests;

/// <summary>A hand-made scored data set: string labels keyed by MapValueToKey in first-appearance order, a Score vector
/// and a PredictedLabel key column over the same keys (as a multiclass trainer writes them).</summary>
internal static class ScoredRows
{
    internal sealed class Row
    {
        public string Label { get; set; } = string.Empty;

        public string Predicted { get; set; } = string.Empty;

        public float[] Score { get; set; } = [];
    }

    /// <summary>Keys follow the first appearance of the labels in <paramref name="rows"/> (labels first, then
    /// predictions); the score slots follow the keys.</summary>
    internal static IDataView Create(MLContext ml, params Row[] rows)
    {
        int slots = rows[0].Score.Length;
        var definition = SchemaDefinition.Create(typeof(Row));
        definition[nameof(Row.Score)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, slots);
        IDataView data = ml.Data.LoadFromEnumerable(rows, definition);
        IDataView keyData = ml.Data.LoadFromEnumerable(
            rows.Select(r => r.Label).Concat(rows.Select(r => r.Predicted)).Distinct().Select(l => new Row { Label = l, Score = new float[slots] }),
            definition);
        return ml.Transforms.Conversion.MapValueToKey("Label", keyData: ml.Transforms.SelectColumns("Label").Fit(keyData).Transform(keyData))
            .Append(ml.Transforms.Conversion.MapValueToKey("PredictedLabel", "Predicted", keyData: ml.Transforms.SelectColumns("Label").Fit(keyData).Transform(keyData)))
            .Fit(data).Transform(data);
    }

    /// <summary>The label value of each row's key in <paramref name="column"/> ("" for the missing key 0).</summary>
    internal static string[] Labels(MLContext ml, IDataView data, string column)
    {
        IDataView values = ml.Transforms.Conversion.MapKeyToValue("Value", column).Fit(data).Transform(data);
        return values.GetColumn<string>("Value").ToArray();
    }

    internal static float[][] Scores(IDataView data, string column = "Score") => data.GetColumn<float[]>(column).ToArray();

    /// <summary>softmax(log p − τ·log π), computed in double.</summary>
    internal static double[] Adjusted(double[] p, double[] priors, double tau)
    {
        double[] u = p.Select((v, c) => v * Math.Pow(priors[c], -tau)).ToArray();
        return u.Select(v => v / u.Sum()).ToArray();
    }
}
