using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Transforms;

namespace CbGen.ML.Tests;

/// <summary>
/// Key labels made by the default <c>MapValueToKey</c>, which numbers keys in order of first appearance: the first row
/// is the rarest class, so key 1 stands for the last class. Every weight must follow the label value a key stands for
/// (its KeyValues annotation), never the key's position.
/// </summary>
public class KeyOrderTests
{
    private const double Beta = 0.999;

    /// <summary>Training samples per class index: Apple (0) 900, Banana (1) 90, Cherry (2) 10, as <see cref="Fruit"/>.</summary>
    private static readonly long[] Counts = { 900, 90, 10 };

    /// <summary>Class indices, the rarest (2) first.</summary>
    private static readonly int[] Classes = { 2, 0, 1, 0, 0, 1, 2, 0, 1 };

    private readonly MLContext _ml = new MLContext(seed: 1);

    private static readonly double[] Expected = ClassBalancedWeights.Compute(Counts, Beta);

    [Fact]
    public void Index_counts_follow_the_key_value_of_integer_labels()
    {
        IDataView keyed = Keyed(Classes.Select(c => new LabelRow<int> { Label = c }));
        var model = _ml.Transforms.ClassBalancedWeights("Key", Counts, beta: Beta).Fit(keyed);
        AssertWeightsByClass(model.Transform(keyed));
    }

    [Fact]
    public void Index_counts_follow_the_key_value_of_float_labels()
    {
        // Labels read as Single (as from a text file or an IDX reader), mapped to keys.
        IDataView keyed = Keyed(Classes.Select(c => new LabelRow<float> { Label = c }));
        var model = _ml.Transforms.ClassBalancedWeights("Key", Counts, beta: Beta).Fit(keyed);
        AssertWeightsByClass(model.Transform(keyed));
    }

    [Fact]
    public void Index_counts_follow_the_key_value_of_integer_like_text_labels()
    {
        IDataView keyed = Keyed(Classes.Select(c => new LabelRow<string> { Label = c.ToString(System.Globalization.CultureInfo.InvariantCulture) }));
        var model = _ml.Transforms.ClassWeights("Key", Expected).Fit(keyed);
        AssertWeightsByClass(model.Transform(keyed));
    }

    [Fact]
    public void Index_counts_after_MapValueToKey_in_one_chain_follow_the_key_value()
    {
        // EstimatorChain.Fit asks every step for its output shape first: the key column's shape carries KeyValues.
        IDataView data = _ml.Data.LoadFromEnumerable(Classes.Select(c => new LabelRow<int> { Label = c }).ToArray());
        var model = _ml.Transforms.Conversion.MapValueToKey("Key", "Label")
            .Append(_ml.Transforms.ClassBalancedWeights("Key", Counts, beta: Beta))
            .Fit(data);
        AssertWeightsByClass(model.Transform(data));
    }

    [Fact]
    public void Counts_by_name_follow_the_key_value()
    {
        var counts = Enum.GetValues<Fruit>().ToDictionary(f => f.ToString(), f => Counts[(int)f]);
        IDataView keyed = Keyed(Classes.Select(c => new LabelRow<string> { Label = ((Fruit)c).ToString() }));
        var model = _ml.Transforms.ClassBalancedWeights("Key", counts, beta: Beta).Fit(keyed);
        AssertWeightsByClass(model.Transform(keyed));
    }

    [Fact]
    public void The_generated_helper_by_key_follows_the_key_value_of_names_and_of_class_indices()
    {
        IDataView names = Keyed(Classes.Select(c => new LabelRow<string> { Label = ((Fruit)c).ToString() }));
        AssertWeightsByClass(_ml.Transforms.FruitWeightsByKey("Key").Fit(names).Transform(names));

        IDataView indices = Keyed(Classes.Select(c => new LabelRow<int> { Label = c }));
        AssertWeightsByClass(_ml.Transforms.FruitWeightsByKey("Key").Fit(indices).Transform(indices));
    }

    [Fact]
    public void Counted_weights_follow_the_key_value()
    {
        // Counted per key: whatever the key order, each row gets the weight of its own class's count.
        IDataView keyed = Keyed(Classes.Select(c => new LabelRow<int> { Label = c }));
        var model = _ml.Transforms.ClassBalancedWeights("Key", beta: Beta).Fit(keyed);
        long[] seen = Enumerable.Range(0, 3).Select(c => (long)Classes.Count(x => x == c)).ToArray();
        double[] expected = ClassBalancedWeights.Compute(seen, Beta);
        Assert.Equal(Classes.Select(c => (float)expected[c]), TestData.Weights(model.Transform(keyed)));
    }

    [Fact]
    public void Index_counts_on_names_in_first_appearance_order_are_refused_naming_the_dictionary_form()
    {
        IDataView keyed = Keyed(Classes.Select(c => new LabelRow<string> { Label = ((Fruit)c).ToString() }));
        var e = Assert.Throws<InvalidOperationException>(() =>
            _ml.Transforms.ClassBalancedWeights("Key", Counts, beta: Beta).Fit(keyed));
        Assert.Contains("'Cherry' (key 1)", e.Message, StringComparison.Ordinal);
        Assert.Contains("new Dictionary<string, long>", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("ByValue", e.Message, StringComparison.Ordinal);
    }

    /// <summary>Class index i of a generated table is the enum's i-th member, which sorted keys need not be: a table
    /// per class index on name keys is refused in any key order, never matched by the names' sorted order.</summary>
    [Theory]
    [InlineData("counts")]
    [InlineData("weights")]
    [InlineData("log-priors")]
    [InlineData("evaluation")]
    public void Index_tables_on_sorted_name_keys_are_refused_too_naming_the_form_that_fits(string table)
    {
        // Enum order Cherry, Apple, Banana; sorted keys Apple, Banana, Cherry. Matching class i to the i-th sorted name
        // gave Apple Cherry's weight and Banana Apple's, with no error.
        string[] enumOrder = { "Cherry", "Apple", "Banana" };
        long[] counts = { 90, 900, 9 };
        IDataView data = _ml.Data.LoadFromEnumerable(Classes.Select(c => new LabelRow<string> { Label = enumOrder[c] }));
        IDataView keyed = _ml.Transforms.Conversion.MapValueToKey("Key", "Label",
            keyOrdinality: ValueToKeyMappingEstimator.KeyOrdinality.ByValue).Fit(data).Transform(data);
        double[] weights = ClassBalancedWeights.Compute(counts, Beta);
        double[] logPriors = ClassPriors.LogPriors(counts);
        IDataView scored = SortedScored(enumOrder);

        var e = Assert.Throws<InvalidOperationException>(() =>
        {
            switch (table)
            {
                case "counts":
                    _ml.Transforms.ClassBalancedWeights("Key", counts, beta: Beta).Fit(keyed);
                    break;
                case "weights":
                    _ml.Transforms.ClassWeights("Key", weights).Fit(keyed);
                    break;
                case "log-priors":
                    _ml.Transforms.PriorAdjustmentFromLogPriors(logPriors).Fit(scored);
                    break;
                default:
                    _ml.MulticlassClassification.EvaluateLongTail(scored, counts);
                    break;
            }
        });

        Assert.Contains("'Apple' (key 1)", e.Message, StringComparison.Ordinal);
        string fix = table switch
        {
            "weights" => "new Dictionary<string, double>",
            "log-priors" => "PriorAdjustment with the counts by label value (new Dictionary<string, long>",
            _ => "new Dictionary<string, long>",
        };
        Assert.Contains(fix, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Classes_show_the_label_value_next_to_the_key()
    {
        IDataView keyed = Keyed(Classes.Select(c => new LabelRow<string> { Label = ((Fruit)c).ToString() }));
        var counted = _ml.Transforms.ClassBalancedWeights("Key", beta: 0.0).Fit(keyed);
        Assert.Equal("key 1 ('Cherry'): count 2, weight 1", counted.Classes[0].ToString());
        Assert.Equal("Cherry", counted.Classes[0].KeyValue);
    }

    /// <summary>A scored set whose Label and PredictedLabel keys are made in sorted order (ByValue).</summary>
    private IDataView SortedScored(string[] labels)
    {
        var rows = labels.Select(l => new ScoredRows.Row { Label = l, Predicted = l, Score = new float[] { 0.5f, 0.3f, 0.2f } }).ToArray();
        var definition = SchemaDefinition.Create(typeof(ScoredRows.Row));
        definition[nameof(ScoredRows.Row.Score)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, 3);
        IDataView data = _ml.Data.LoadFromEnumerable(rows, definition);
        return _ml.Transforms.Conversion.MapValueToKey("Label", keyOrdinality: ValueToKeyMappingEstimator.KeyOrdinality.ByValue)
            .Append(_ml.Transforms.Conversion.MapValueToKey("PredictedLabel", "Predicted", keyOrdinality: ValueToKeyMappingEstimator.KeyOrdinality.ByValue))
            .Fit(data).Transform(data);
    }

    [Fact]
    public void A_key_column_without_key_values_is_refused_with_the_way_out()
    {
        IDataView data = _ml.Data.LoadFromEnumerable(new[] { new PlainKeyRow { Label = 1 }, new PlainKeyRow { Label = 2 } });
        var e = Assert.Throws<InvalidOperationException>(() =>
            _ml.Transforms.ClassBalancedWeights("Label", new long[] { 5, 1, 1 }).Fit(data));
        Assert.Contains("has no KeyValues annotation", e.Message, StringComparison.Ordinal);
        Assert.Contains("MapValueToKey", e.Message, StringComparison.Ordinal);

        // Already when a pipeline is fitted, before any data is read.
        var shape = Assert.Throws<InvalidOperationException>(() =>
            _ml.Transforms.ClassWeights("Label", new[] { 1.0, 2.0, 3.0 }).GetOutputSchema(TestData.Shape(data.Schema)));
        Assert.Contains("has no KeyValues annotation", shape.Message, StringComparison.Ordinal);
        Assert.Contains(_ml.Transforms.ClassBalancedWeights("Label").GetOutputSchema(TestData.Shape(data.Schema)), c => c.Name == "Weight");

        var generated = Assert.Throws<InvalidOperationException>(() => _ml.Transforms.FruitWeightsByKey().Fit(data));
        Assert.Contains("has no KeyValues annotation", generated.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_key_value_that_is_no_class_is_named()
    {
        IDataView keyed = Keyed(new[] { "Apple", "Durian" }.Select(l => new LabelRow<string> { Label = l }));
        var e = Assert.Throws<InvalidOperationException>(() => _ml.Transforms.FruitWeightsByKey("Key").Fit(keyed));
        Assert.Contains("key 2 of column 'Key' stands for 'Durian'", e.Message, StringComparison.Ordinal);

        IDataView outside = Keyed(new[] { 0, 3 }.Select(l => new LabelRow<int> { Label = l }));
        var index = Assert.Throws<InvalidOperationException>(() =>
            _ml.Transforms.ClassBalancedWeights("Key", Counts).Fit(outside));
        Assert.Contains("label 3 (key 2)", index.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_zero_count_names_the_label_value_and_the_key()
    {
        IDataView keyed = Keyed(Classes.Select(c => new LabelRow<int> { Label = c }));
        var e = Assert.Throws<InvalidOperationException>(() =>
            _ml.Transforms.ClassBalancedWeights("Key", new long[] { 900, 0, 10 }).Fit(keyed));
        Assert.Contains("Label 1 (key 3) of column 'Key' has count 0", e.Message, StringComparison.Ordinal);
    }

    /// <summary>The default MapValueToKey (first-appearance order) of Label into the key column Key.</summary>
    private IDataView Keyed<T>(IEnumerable<LabelRow<T>> rows)
    {
        IDataView data = _ml.Data.LoadFromEnumerable(rows.ToArray());
        return _ml.Transforms.Conversion.MapValueToKey("Key", "Label").Fit(data).Transform(data);
    }

    private static void AssertWeightsByClass(IDataView transformed) =>
        Assert.Equal(Classes.Select(c => (float)Expected[c]), TestData.Weights(transformed));
}

/// <summary>A key column made by the row class, without KeyValues: which label each key stands for is unknown.</summary>
public sealed class PlainKeyRow
{
    [KeyType(3)]
    public uint Label { get; set; }
}
