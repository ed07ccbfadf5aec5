using System;
using System.Linq;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace CbGen.ML.Tests;

/// <summary>Weights counted from the data: the weight column equals <see cref="ClassBalancedWeights.Compute"/> of the
/// data's own counts, for every label kind.</summary>
public class CountedWeightsTests
{
    private const double Beta = 0.99;

    private readonly MLContext _ml = new MLContext(seed: 1);

    [Fact]
    public void String_labels_get_the_weights_of_their_counts_in_ordinal_order()
    {
        var rows = TestData.Rows(("cat", 300), ("ant", 40), ("bee", 7));
        var model = _ml.Transforms.ClassBalancedWeights("Label", beta: Beta).Fit(_ml.Data.LoadFromEnumerable(rows));

        AssertTable(model, new object[] { "ant", "bee", "cat" }, new long[] { 40, 7, 300 });
        AssertColumn(model, _ml.Data.LoadFromEnumerable(rows), rows.Select(r => (object)r.Label));
    }

    [Fact]
    public void Int_labels_are_counted_in_numeric_order()
    {
        var rows = TestData.Rows((10, 5), (-3, 200), (2, 31));
        var model = _ml.Transforms.ClassBalancedWeights(beta: Beta).Fit(_ml.Data.LoadFromEnumerable(rows));

        AssertTable(model, new object[] { -3, 2, 10 }, new long[] { 200, 31, 5 });
        Assert.Equal(LabelKind.Integer, model.LabelKind);
        AssertColumn(model, _ml.Data.LoadFromEnumerable(rows), rows.Select(r => (object)r.Label));
    }

    [Fact]
    public void Byte_and_long_labels_keep_their_type()
    {
        var bytes = TestData.Rows(((byte)0, 50), ((byte)9, 3));
        var byteModel = _ml.Transforms.ClassBalancedWeights(beta: Beta).Fit(_ml.Data.LoadFromEnumerable(bytes));
        AssertTable(byteModel, new object[] { (byte)0, (byte)9 }, new long[] { 50, 3 });

        var longs = TestData.Rows((5_000_000_000L, 8), (1L, 80));
        var longModel = _ml.Transforms.ClassBalancedWeights(beta: Beta).Fit(_ml.Data.LoadFromEnumerable(longs));
        AssertTable(longModel, new object[] { 1L, 5_000_000_000L }, new long[] { 80, 8 });
        AssertColumn(longModel, _ml.Data.LoadFromEnumerable(longs), longs.Select(r => (object)r.Label));
    }

    [Fact]
    public void Boolean_labels_are_false_then_true()
    {
        var rows = TestData.Rows((true, 12), (false, 400));
        var model = _ml.Transforms.ClassBalancedWeights(beta: Beta).Fit(_ml.Data.LoadFromEnumerable(rows));

        AssertTable(model, new object[] { false, true }, new long[] { 400, 12 });
        AssertColumn(model, _ml.Data.LoadFromEnumerable(rows), rows.Select(r => (object)r.Label));
    }

    [Fact]
    public void Key_labels_from_MapValueToKey_are_classes_in_key_order()
    {
        var rows = TestData.Rows(("b", 90), ("a", 900), ("c", 9));
        IDataView keyed = _ml.Transforms.Conversion.MapValueToKey("Label").Fit(_ml.Data.LoadFromEnumerable(rows))
            .Transform(_ml.Data.LoadFromEnumerable(rows));
        uint[] keys = keyed.GetColumn<uint>("Label").ToArray();
        long[] expectedCounts = Enumerable.Range(1, 3).Select(k => (long)keys.Count(x => x == k)).ToArray();

        var model = _ml.Transforms.ClassBalancedWeights(beta: Beta).Fit(keyed);

        Assert.Equal(LabelKind.Key, model.LabelKind);
        AssertTable(model, new object[] { 1u, 2u, 3u }, expectedCounts);
        AssertColumn(model, keyed, keys.Select(k => (object)k));
    }

    [Fact]
    public void A_key_value_without_rows_is_an_error_or_weight_zero()
    {
        IDataView data = TestData.Keys(_ml, 1, 1, 3);

        var e = Assert.Throws<InvalidOperationException>(() => _ml.Transforms.ClassBalancedWeights().Fit(data));
        Assert.Contains("Label 1 (key 2) of column 'Label' has no rows", e.Message, StringComparison.Ordinal);
        Assert.Contains("ZeroCountPolicy.ZeroWeight", e.Message, StringComparison.Ordinal);

        var model = _ml.Transforms.ClassBalancedWeights(beta: Beta, zeroCounts: ZeroCountPolicy.ZeroWeight).Fit(data);
        double[] expected = ClassBalancedWeights.Compute(new long[] { 2, 0, 1 }, Beta, zeroCounts: ZeroCountPolicy.ZeroWeight);
        Assert.Equal(expected, model.Classes.Select(c => c.Weight));
        Assert.Equal(0.0, model.Classes[1].Weight);
    }

    [Fact]
    public void Weights_follow_the_effective_number_formula_by_hand()
    {
        // Independent of the library: α_c ∝ (1 - β) / (1 - β^n_c), scaled to sum to C = 2.
        var rows = TestData.Rows(("x", 100), ("y", 10));
        var model = _ml.Transforms.ClassBalancedWeights(beta: 0.9).Fit(_ml.Data.LoadFromEnumerable(rows));
        double rx = 0.1 / (1 - Math.Pow(0.9, 100)), ry = 0.1 / (1 - Math.Pow(0.9, 10));
        Assert.Equal(2 * rx / (rx + ry), model.Classes[0].Weight, 12);
        Assert.Equal(2 * ry / (rx + ry), model.Classes[1].Weight, 12);
    }

    [Theory]
    [InlineData(WeightNormalization.None)]
    [InlineData(WeightNormalization.SumToOne)]
    public void Other_normalisations_are_passed_through(WeightNormalization normalization)
    {
        var rows = TestData.Rows((1, 70), (2, 7));
        var model = _ml.Transforms.ClassBalancedWeights(beta: Beta, normalization: normalization)
            .Fit(_ml.Data.LoadFromEnumerable(rows));
        Assert.Equal(ClassBalancedWeights.Compute(new long[] { 70, 7 }, Beta, normalization), model.Classes.Select(c => c.Weight));
    }

    private static void AssertTable(ClassBalancedWeightsTransformer model, object[] labels, long[] counts)
    {
        Assert.Equal(labels, model.Classes.Select(c => c.Label));
        Assert.Equal(counts.Select(n => (long?)n), model.Classes.Select(c => c.Count));
        Assert.Equal(ClassBalancedWeights.Compute(counts, Beta), model.Classes.Select(c => c.Weight));
    }

    /// <summary>Each row's weight is its class's weight, rounded to float.</summary>
    private static void AssertColumn(ClassBalancedWeightsTransformer model, IDataView data, System.Collections.Generic.IEnumerable<object> labels)
    {
        var byLabel = model.Classes.ToDictionary(c => c.Label, c => (float)c.Weight);
        float[] expected = labels.Select(l => byLabel[l]).ToArray();
        Assert.Equal(expected, TestData.Weights(model.Transform(data)));
    }
}
