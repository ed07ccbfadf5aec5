using System;
using System.Collections.Generic;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace CbGen.ML.Tests;

/// <summary>Schema checks at GetOutputSchema (before any data is read) and at Fit, and missing labels in the data.</summary>
public class SchemaErrorTests
{
    private readonly MLContext _ml = new MLContext(seed: 1);

    [Fact]
    public void The_output_schema_adds_a_scalar_float_weight_column()
    {
        IDataView data = TestData.View(_ml, ("a", 2), ("b", 1));
        SchemaShape shape = _ml.Transforms.ClassBalancedWeights(outputColumnName: "W")
            .GetOutputSchema(TestData.Shape(data.Schema));
        SchemaShape.Column w = Assert.Single(shape, c => c.Name == "W");
        Assert.Equal(NumberDataViewType.Single, w.ItemType);
        Assert.Equal(SchemaShape.Column.VectorKind.Scalar, w.Kind);
        Assert.False(w.IsKey);
        Assert.Contains(shape, c => c.Name == "Label");
    }

    [Fact]
    public void A_missing_label_column_is_named_at_GetOutputSchema_and_at_Fit()
    {
        IDataView data = TestData.View(_ml, ("a", 2));
        var estimator = _ml.Transforms.ClassBalancedWeights("Class");
        var e1 = Assert.Throws<ArgumentOutOfRangeException>(() => estimator.GetOutputSchema(TestData.Shape(data.Schema)));
        var e2 = Assert.Throws<ArgumentOutOfRangeException>(() => estimator.Fit(data));
        foreach (var e in new[] { e1, e2 })
        {
            Assert.Contains("Label column 'Class' not found", e.Message, StringComparison.Ordinal);
            Assert.Contains("fit the label steps (MapValueToKey, ClassBalancedWeights) on the training data apart from the model", e.Message, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_floating_label_names_the_column_the_expected_types_and_MapValueToKey(bool isDouble)
    {
        IDataView data = isDouble ? TestData.View(_ml, (1.0, 2), (0.0, 3)) : TestData.View(_ml, (1.0f, 2), (0.0f, 3));
        var estimator = _ml.Transforms.ClassBalancedWeights();
        var e1 = Assert.Throws<ArgumentOutOfRangeException>(() => estimator.GetOutputSchema(TestData.Shape(data.Schema)));
        var e2 = Assert.Throws<ArgumentOutOfRangeException>(() => estimator.Fit(data));
        foreach (var e in new[] { e1, e2 })
        {
            Assert.Contains("Label column 'Label' has type " + (isDouble ? "Double" : "Single"), e.Message, StringComparison.Ordinal);
            Assert.Contains(LabelTypes.Accepted, e.Message, StringComparison.Ordinal);
            Assert.Contains("Floating-point labels are not class labels: convert them with mlContext.Transforms.Conversion.MapValueToKey", e.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_vector_label_is_rejected()
    {
        IDataView data = _ml.Data.LoadFromEnumerable(new[] { new PointRow { Features = new[] { 1f, 2f }, Label = 1 } });
        var e = Assert.Throws<ArgumentOutOfRangeException>(
            () => _ml.Transforms.ClassBalancedWeights("Features").GetOutputSchema(TestData.Shape(data.Schema)));
        Assert.Contains("Label column 'Features' has type Vector of Single", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_table_keyed_by_another_type_than_the_label_names_both()
    {
        IDataView data = TestData.View(_ml, (1, 2));
        var estimator = _ml.Transforms.ClassBalancedWeights("Label", new Dictionary<string, long> { ["1"] = 2 });
        var e = Assert.Throws<InvalidOperationException>(() => estimator.GetOutputSchema(TestData.Shape(data.Schema)));
        Assert.Contains("Label column 'Label' holds Int32 values, but the counts are keyed by String", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Index_counts_on_string_labels_suggest_a_dictionary()
    {
        IDataView data = TestData.View(_ml, ("a", 2));
        var e = Assert.Throws<InvalidOperationException>(() => _ml.Transforms.ClassBalancedWeights("Label", new long[] { 2 }).Fit(data));
        Assert.Contains("Label column 'Label' holds String values", e.Message, StringComparison.Ordinal);
        Assert.Contains("Pass a dictionary", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_key_label_is_an_error_naming_the_row()
    {
        IDataView keys = TestData.Keys(_ml, 1, 2, 0);
        var e = Assert.Throws<InvalidOperationException>(() => _ml.Transforms.ClassBalancedWeights().Fit(keys));
        Assert.Contains("Label column 'Label' holds a missing label (key 0 (the missing key)) in row 2", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_string_label_is_an_error()
    {
        var rows = new[] { new LabelRow<string> { Label = "a" }, new LabelRow<string> { Label = string.Empty } };
        var e = Assert.Throws<InvalidOperationException>(() => _ml.Transforms.ClassBalancedWeights().Fit(_ml.Data.LoadFromEnumerable(rows)));
        Assert.Contains("missing label (an empty string) in row 1", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_NaN_label_read_from_text_becomes_a_missing_key_and_is_rejected()
    {
        // The usual route for float labels: MapValueToKey, which maps NaN to the missing key 0.
        var rows = new[] { new LabelRow<float> { Label = 1f }, new LabelRow<float> { Label = float.NaN } };
        IDataView data = _ml.Data.LoadFromEnumerable(rows);
        var pipeline = _ml.Transforms.Conversion.MapValueToKey("Label").Append(_ml.Transforms.ClassBalancedWeights());
        var e = Assert.Throws<InvalidOperationException>(() => pipeline.Fit(data));
        Assert.Contains("missing label (key 0 (the missing key)) in row 1", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_transformer_rejects_another_label_type_than_it_was_fitted_on()
    {
        var model = _ml.Transforms.ClassBalancedWeights().Fit(TestData.View(_ml, (1, 2), (2, 1)));
        IDataView longs = TestData.View(_ml, (1L, 2));
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => model.Transform(longs));
        Assert.Contains("has type Int64, but the weights were fitted on Int32", e.Message, StringComparison.Ordinal);
    }
}
