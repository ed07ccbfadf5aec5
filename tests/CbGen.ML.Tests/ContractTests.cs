using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace CbGen.ML.Tests;

/// <summary>A UInt32 key of 5 values per row.</summary>
public sealed class KeyRow
{
    [KeyType(5)]
    public uint Label { get; set; }
}

/// <summary>A key label whose raw type is Byte, not UInt32.</summary>
public sealed class ByteKeyRow
{
    [KeyType(5)]
    public byte Label { get; set; }
}

/// <summary>A vector of keys as the label (not a scalar).</summary>
public sealed class KeyVectorRow
{
    [KeyType(5)]
    [VectorType(2)]
    public uint[] Label { get; set; } = new uint[2];
}

/// <summary>
/// What `./build.sh mutate mlnet` found untested (issue 16's habit applied to CbGen.ML): argument checks, the
/// schema-shape path for each kind of wrong label, the wording that says weights or counts, the order of unknown labels
/// in a message, ClassWeight.ToString, and the checks of dictionary weight tables.
/// </summary>
public class ContractTests
{
    private readonly MLContext _ml = new MLContext(seed: 1);

    [Fact]
    public void Estimator_and_transformer_name_their_null_or_empty_arguments()
    {
        Assert.Equal("labelColumnName", Assert.Throws<ArgumentException>(() => _ml.Transforms.ClassBalancedWeights(" ")).ParamName);
        Assert.Equal("outputColumnName", Assert.Throws<ArgumentException>(() =>
            _ml.Transforms.ClassBalancedWeights(outputColumnName: "")).ParamName);
        var estimator = _ml.Transforms.ClassBalancedWeights();
        Assert.Equal("inputSchema", Assert.Throws<ArgumentNullException>(() => estimator.GetOutputSchema(null!)).ParamName);

        var model = estimator.Fit(TestData.View(_ml, ("a", 3), ("b", 1)));
        Assert.True(model.IsRowToRowMapper);
        Assert.Equal("input", Assert.Throws<ArgumentNullException>(() => model.Transform(null!)).ParamName);
        Assert.Equal("inputSchema", Assert.Throws<ArgumentNullException>(() => model.GetOutputSchema(null!)).ParamName);
        Assert.Equal("inputSchema", Assert.Throws<ArgumentNullException>(() => model.GetRowToRowMapper(null!)).ParamName);
    }

    [Fact]
    public void The_transformer_checks_the_label_type_in_every_schema_method()
    {
        var model = _ml.Transforms.ClassBalancedWeights().Fit(TestData.View(_ml, ("a", 3), ("b", 1)));
        DataViewSchema ints = TestData.View(_ml, (1, 2)).Schema;
        foreach (Func<object> call in new Func<object>[] { () => model.GetOutputSchema(ints), () => model.GetRowToRowMapper(ints) })
        {
            var e = Assert.Throws<ArgumentOutOfRangeException>(call);
            Assert.Equal("inputSchema", e.ParamName);
            Assert.Contains("fitted on String", e.Message, StringComparison.Ordinal);
        }

        var mapper = model.GetRowToRowMapper(TestData.View(_ml, ("a", 1)).Schema);
        Assert.Contains(mapper.OutputSchema, c => c.Name == "Weight");
    }

    [Fact]
    public void Dictionary_weight_tables_are_checked_when_the_estimator_is_made()
    {
        Assert.Equal("weights", Assert.Throws<ArgumentNullException>(() =>
            _ml.Transforms.ClassWeights("Label", (IReadOnlyDictionary<string, double>)null!)).ParamName);
        Assert.Equal("counts", Assert.Throws<ArgumentNullException>(() =>
            _ml.Transforms.ClassBalancedWeights("Label", (IReadOnlyList<long>)null!)).ParamName);
        Assert.Contains("The table is empty", Assert.Throws<ArgumentException>(() =>
            _ml.Transforms.ClassWeights("Label", new Dictionary<string, double>())).Message, StringComparison.Ordinal);
        var negative = Assert.Throws<ArgumentException>(() =>
            _ml.Transforms.ClassWeights("Label", new Dictionary<string, double> { ["cat"] = 1.0, ["dog"] = -0.5 }));
        Assert.Contains("The weight of label 'dog' is -0.5", negative.Message, StringComparison.Ordinal);
        Assert.Contains("not supported", Assert.Throws<ArgumentException>(() =>
            _ml.Transforms.ClassWeights("Label", new Dictionary<double, double> { [1.0] = 1.0 })).Message, StringComparison.Ordinal);
        var beta = Assert.Throws<ArgumentOutOfRangeException>(() =>
            _ml.Transforms.ClassBalancedWeights("Label", new long[] { 3, 1 }, beta: 1.5));
        Assert.Contains("β must be in [0, 1]", beta.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_weight_of_zero_is_a_valid_given_weight()
    {
        var model = _ml.Transforms.ClassWeights("Label", new Dictionary<string, double> { ["a"] = 0.0, ["b"] = 2.0 })
            .Fit(TestData.View(_ml, ("a", 2), ("b", 1)));
        Assert.Equal(new[] { 0.0, 2.0 }, model.Classes.Select(c => c.Weight));
    }

    [Fact]
    public void Messages_say_weights_or_counts_as_given()
    {
        IDataView keys = TestData.Keys(_ml, 1, 2, 3);
        var weights = Assert.Throws<InvalidOperationException>(() =>
            _ml.Transforms.ClassWeights("Label", new[] { 1.0, 2.0 }).Fit(keys));
        Assert.Contains("label 2 (key 3) (1 rows) that the given weights have no entry for", weights.Message, StringComparison.Ordinal);

        IDataView ints = TestData.View(_ml, (0, 1), (5, 1));
        var counts = Assert.Throws<InvalidOperationException>(() =>
            _ml.Transforms.ClassBalancedWeights("Label", new long[] { 4, 4 }).Fit(ints));
        Assert.Contains("that the given counts have no entry for", counts.Message, StringComparison.Ordinal);
        var given = Assert.Throws<InvalidOperationException>(() =>
            _ml.Transforms.ClassWeights("Label", new[] { 1.0, 1.0 }).Fit(ints));
        Assert.Contains("that the given weights have no entry for", given.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_label_keyed_table_on_key_labels_follows_the_label_value_of_each_key()
    {
        // Keys 1, 2, 3 stand for the Int32 labels 0, 1, 2: a table keyed by 1, 2, 3 has no entry for the label 0.
        IDataView keys = TestData.Keys(_ml, 3, 1, 2);
        var e = Assert.Throws<InvalidOperationException>(() =>
            _ml.Transforms.ClassBalancedWeights("Label", new Dictionary<uint, long> { [1] = 3, [2] = 2, [3] = 1 }).Fit(keys));
        Assert.Contains("label 0 (key 1) (1 rows) that the given counts have no entry for (they cover 1, 2, 3)", e.Message, StringComparison.Ordinal);

        var weights = new Dictionary<long, double> { [0] = 0.5, [1] = 1.5, [2] = 4.0 };
        var model = _ml.Transforms.ClassWeights("Label", weights).Fit(keys);
        Assert.Equal(new[] { 4.0f, 0.5f, 1.5f }, TestData.Weights(model.Transform(keys)));
    }

    [Fact]
    public void A_negative_given_count_names_its_label()
    {
        var e = Assert.Throws<ArgumentException>(() =>
            _ml.Transforms.ClassBalancedWeights("Label", new long[] { 5, -1 }).Fit(TestData.View(_ml, (0, 2), (1, 1))));
        Assert.Contains("The count of label 1 is -1", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Labels_missing_from_the_table_are_listed_in_ascending_order()
    {
        IDataView data = _ml.Data.LoadFromEnumerable(new[] { 9, 1, 5, 9 }.Select(l => new LabelRow<int> { Label = l }));
        var e = Assert.Throws<InvalidOperationException>(() =>
            _ml.Transforms.ClassBalancedWeights("Label", new Dictionary<int, long> { [1] = 10 }).Fit(data));
        Assert.Contains("values 5 (1 rows), 9 (2 rows)", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Index_tables_on_key_labels_pass_GetOutputSchema_whatever_their_length()
    {
        // A shape carries no key cardinality: the length is checked at Fit, against the key type.
        IDataView keys = TestData.Keys(_ml, 1, 2, 3);
        var estimator = _ml.Transforms.ClassBalancedWeights("Label", new long[] { 7, 2 });
        Assert.Contains(estimator.GetOutputSchema(TestData.Shape(keys.Schema)), c => c.Name == "Weight");
        Assert.Throws<InvalidOperationException>(() => estimator.Fit(keys));
    }

    [Fact]
    public void A_key_label_of_another_raw_type_than_UInt32_is_rejected_on_both_paths()
    {
        IDataView data = _ml.Data.LoadFromEnumerable(new[] { new ByteKeyRow { Label = 1 } });
        var estimator = _ml.Transforms.ClassBalancedWeights();
        var shape = Assert.Throws<ArgumentOutOfRangeException>(() => estimator.GetOutputSchema(TestData.Shape(data.Schema)));
        Assert.Contains("has type Key<Byte>;", shape.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Floating-point", shape.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => estimator.Fit(data));
    }

    [Fact]
    public void A_vector_of_keys_is_described_as_such_without_the_floating_point_hint()
    {
        IDataView data = _ml.Data.LoadFromEnumerable(new[] { new KeyVectorRow() });
        var e = Assert.Throws<ArgumentOutOfRangeException>(() =>
            _ml.Transforms.ClassBalancedWeights().GetOutputSchema(TestData.Shape(data.Schema)));
        Assert.Contains("has type Vector of Key<UInt32>;", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Floating-point", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_class_weight_prints_its_label_count_and_weight()
    {
        var counted = _ml.Transforms.ClassBalancedWeights(beta: 0.0).Fit(TestData.View(_ml, (true, 3), (false, 1)));
        Assert.Equal(new[] { "false: count 1, weight 1", "true: count 3, weight 1" }, counted.Classes.Select(c => c.ToString()));

        var given = _ml.Transforms.ClassWeights("Label", new Dictionary<string, double> { ["x"] = 0.25 })
            .Fit(TestData.View(_ml, ("x", 2)));
        Assert.Equal("'x': count -, weight 0.25", Assert.Single(given.Classes).ToString());

        var numbers = _ml.Transforms.ClassBalancedWeights(beta: 0.0).Fit(TestData.View(_ml, (-1234567L, 2)));
        Assert.Equal("-1234567: count 2, weight 1", Assert.Single(numbers.Classes).ToString());
    }
}
