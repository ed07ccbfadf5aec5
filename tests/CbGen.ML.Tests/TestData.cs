using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace CbGen.ML.Tests;

/// <summary>A row with a label of type <typeparamref name="T"/> only.</summary>
public sealed class LabelRow<T>
{
    public T Label { get; set; } = default!;
}

/// <summary>Two features and a class 1..3 (a key after <see cref="TestData.Keyed"/>), for the trainers.</summary>
public sealed class PointRow
{
    [VectorType(2)]
    public float[] Features { get; set; } = Array.Empty<float>();

    public uint Label { get; set; }
}

/// <summary>The same points without a label, as a scoring input.</summary>
public sealed class UnlabelledPoint
{
    [VectorType(2)]
    public float[] Features { get; set; } = Array.Empty<float>();
}

public sealed class PointPrediction
{
    public uint PredictedLabel { get; set; }
}

internal static class TestData
{
    /// <summary>Labels with the given counts per value, interleaved (not sorted) so counting cannot rely on runs.</summary>
    internal static LabelRow<T>[] Rows<T>(params (T Label, int Count)[] counts)
    {
        var rows = counts.SelectMany(c => Enumerable.Repeat(c.Label, c.Count)).ToArray();
        var random = new Random(7);
        random.Shuffle(rows);
        return rows.Select(l => new LabelRow<T> { Label = l }).ToArray();
    }

    internal static IDataView View<T>(MLContext ml, params (T Label, int Count)[] counts) =>
        ml.Data.LoadFromEnumerable(Rows(counts));

    /// <summary>
    /// The column Label (values 1..<paramref name="classes"/>, 0 for a missing label) as a key type of
    /// <paramref name="classes"/> values, key k = value k. (ML.NET's [KeyType(n)] attribute would turn the value n into
    /// the missing key, so the keys are made with MapValueToKey over the full value set instead.)
    /// </summary>
    internal static IDataView Keyed(MLContext ml, IDataView data, uint classes = 3)
    {
        IDataView keyData = ml.Data.LoadFromEnumerable(
            Enumerable.Range(1, (int)classes).Select(k => new LabelRow<uint> { Label = (uint)k }));
        return ml.Transforms.Conversion.MapValueToKey("Label", keyData: keyData).Fit(data).Transform(data);
    }

    /// <summary>Key labels with these keys, in this order, of a key type of 3 values: key k stands for the class index
    /// k - 1 (its KeyValues are the Int32 values 0, 1, 2), and 0 is the missing key.</summary>
    internal static IDataView Keys(MLContext ml, params uint[] keys)
    {
        IDataView keyData = ml.Data.LoadFromEnumerable(Enumerable.Range(0, 3).Select(c => new LabelRow<int> { Label = c }));
        IDataView data = ml.Data.LoadFromEnumerable(keys.Select(k => new LabelRow<int> { Label = (int)k - 1 }));
        return ml.Transforms.Conversion.MapValueToKey("Label", keyData: keyData).Fit(data).Transform(data);
    }

    /// <summary>Key-labelled points (see <see cref="Points"/>).</summary>
    internal static IDataView KeyedPoints(MLContext ml, int seed, params int[] counts) =>
        Keyed(ml, ml.Data.LoadFromEnumerable(Points(seed, counts)));

    /// <summary>The shape EstimatorChain.Fit hands to GetOutputSchema before it reads any data. ML.NET keeps
    /// SchemaShape.Create internal, so the test calls it by reflection.</summary>
    internal static SchemaShape Shape(DataViewSchema schema) =>
        (SchemaShape)typeof(SchemaShape).GetMethod("Create", BindingFlags.NonPublic | BindingFlags.Static, new[] { typeof(DataViewSchema) })!
            .Invoke(null, new object[] { schema })!;

    internal static float[] Weights(IDataView data, string column = "Weight") =>
        data.GetColumn<float>(column).ToArray();

    /// <summary>Three 2-D Gaussian classes with means on a line, 1.2 σ apart, and the given counts.</summary>
    internal static PointRow[] Points(int seed, params int[] counts)
    {
        var random = new Random(seed);
        var rows = new List<PointRow>();
        for (int c = 0; c < counts.Length; c++)
        {
            for (int i = 0; i < counts[c]; i++)
            {
                rows.Add(new PointRow
                {
                    Features = new[] { (float)((1.2 * c) + Gaussian(random)), (float)Gaussian(random) },
                    Label = (uint)(c + 1),
                });
            }
        }

        PointRow[] shuffled = rows.ToArray();
        random.Shuffle(shuffled);
        return shuffled;
    }

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2.0 * Math.Log(1.0 - random.NextDouble())) * Math.Cos(2.0 * Math.PI * random.NextDouble());
}
