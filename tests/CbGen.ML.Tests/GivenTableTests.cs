using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.ML;

namespace CbGen.ML.Tests;

/// <summary>Counts or weights given up front (the full data set's counts, a generated table), and the checks Fit makes
/// against the training labels.</summary>
public class GivenTableTests
{
    private readonly MLContext _ml = new MLContext(seed: 1);

    [Fact]
    public void Index_counts_weight_key_labels_by_class_index()
    {
        long[] counts = { 500, 50, 5 };
        IDataView data = TestData.Keys(_ml, 1, 2, 3, 3, 1);
        var model = _ml.Transforms.ClassBalancedWeights("Label", counts, beta: 0.999).Fit(data);

        double[] w = ClassBalancedWeights.Compute(counts, 0.999);
        Assert.Equal(new object[] { 1u, 2u, 3u }, model.Classes.Select(c => c.Label));
        Assert.Equal(new[] { w[0], w[1], w[2], w[2], w[0] }.Select(x => (float)x),
            TestData.Weights(model.Transform(data)));
    }

    [Fact]
    public void Index_counts_weight_integer_labels_by_value()
    {
        long[] counts = { 30, 300 };
        var rows = TestData.Rows((0, 4), (1, 9));
        var model = _ml.Transforms.ClassBalancedWeights("Label", counts, beta: 0.99).Fit(_ml.Data.LoadFromEnumerable(rows));
        double[] w = ClassBalancedWeights.Compute(counts, 0.99);
        Assert.Equal(rows.Select(r => (float)w[r.Label]), TestData.Weights(model.Transform(_ml.Data.LoadFromEnumerable(rows))));
        Assert.Equal(new long?[] { 30, 300 }, model.Classes.Select(c => c.Count));
    }

    [Fact]
    public void Counts_per_string_label_ignore_the_datas_own_counts()
    {
        var counts = new Dictionary<string, long> { ["spam"] = 80, ["ham"] = 920 };
        var rows = TestData.Rows(("ham", 3), ("spam", 3));
        var model = _ml.Transforms.ClassBalancedWeights("Label", counts, beta: 0.9999).Fit(_ml.Data.LoadFromEnumerable(rows));
        double[] w = ClassBalancedWeights.Compute(new long[] { 80, 920 }, 0.9999);
        Assert.Equal(rows.Select(r => (float)(r.Label == "spam" ? w[0] : w[1])),
            TestData.Weights(model.Transform(_ml.Data.LoadFromEnumerable(rows))));
    }

    [Fact]
    public void Counts_per_boolean_label()
    {
        var counts = new Dictionary<bool, long> { [false] = 990, [true] = 10 };
        var rows = TestData.Rows((true, 2), (false, 5));
        var model = _ml.Transforms.ClassBalancedWeights("Label", counts, beta: 0.999).Fit(_ml.Data.LoadFromEnumerable(rows));
        double[] w = ClassBalancedWeights.Compute(new long[] { 990, 10 }, 0.999);
        Assert.Equal(rows.Select(r => (float)(r.Label ? w[1] : w[0])), TestData.Weights(model.Transform(_ml.Data.LoadFromEnumerable(rows))));
    }

    [Fact]
    public void Given_weights_are_used_as_they_are()
    {
        double[] table = { 0.25, 1.5, 3.0 };
        IDataView keys = TestData.Keys(_ml, 3, 1, 2);
        var model = _ml.Transforms.ClassWeights("Label", table).Fit(keys);
        Assert.Equal(new[] { 3.0f, 0.25f, 1.5f }, TestData.Weights(model.Transform(keys)));
        Assert.All(model.Classes, c => Assert.Null(c.Count));

        var byName = new Dictionary<string, double> { ["a"] = 2.0, ["b"] = 0.5 };
        var named = TestData.Rows(("b", 1), ("a", 1));
        var m2 = _ml.Transforms.ClassWeights("Label", byName).Fit(_ml.Data.LoadFromEnumerable(named));
        Assert.Equal(named.Select(r => (float)byName[r.Label]), TestData.Weights(m2.Transform(_ml.Data.LoadFromEnumerable(named))));
    }

    [Fact]
    public void A_training_label_missing_from_the_counts_is_named()
    {
        var counts = new Dictionary<string, long> { ["ham"] = 920, ["spam"] = 80 };
        IDataView data = TestData.View(_ml, ("ham", 3), ("spam", 2), ("phish", 4));
        var e = Assert.Throws<InvalidOperationException>(() => _ml.Transforms.ClassBalancedWeights("Label", counts).Fit(data));
        Assert.Contains("'phish' (4 rows)", e.Message, StringComparison.Ordinal);
        Assert.Contains("'ham', 'spam'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_integer_label_beyond_the_index_counts_is_named()
    {
        IDataView data = TestData.View(_ml, (0, 3), (1, 2), (7, 1));
        var e = Assert.Throws<InvalidOperationException>(
            () => _ml.Transforms.ClassBalancedWeights("Label", new long[] { 10, 20 }).Fit(data));
        Assert.Contains("the value 7 (1 rows)", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_key_whose_label_is_beyond_the_index_counts_is_named()
    {
        IDataView keys = TestData.Keys(_ml, 1, 3);
        var e = Assert.Throws<InvalidOperationException>(
            () => _ml.Transforms.ClassBalancedWeights("Label", new long[] { 1, 2 }).Fit(keys));
        Assert.Contains("label 2 (key 3) (1 rows) that the given counts have no entry for (class indices 0..1;", e.Message, StringComparison.Ordinal);

        // A key without rows needs no entry: the key type of Keys has 3 values, the data uses the first only.
        var model = _ml.Transforms.ClassBalancedWeights("Label", new long[] { 1, 2 }).Fit(TestData.Keys(_ml, 1));
        Assert.Equal(new object[] { 1u, 2u }, model.Classes.Select(c => c.Label));
    }

    [Fact]
    public void Bad_tables_are_rejected_when_the_estimator_is_made()
    {
        Assert.Throws<ArgumentException>(() => _ml.Transforms.ClassBalancedWeights("Label", Array.Empty<long>()));
        var nan = Assert.Throws<ArgumentException>(() => _ml.Transforms.ClassWeights("Label", new[] { 1.0, double.NaN }));
        Assert.Contains("class 1 is NaN", nan.Message, StringComparison.Ordinal);
        var beta = Assert.Throws<ArgumentOutOfRangeException>(() => _ml.Transforms.ClassBalancedWeights(beta: 1.5));
        Assert.Contains("β must be in [0, 1]", beta.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => _ml.Transforms.ClassBalancedWeights("Label", new Dictionary<double, long> { [1.0] = 3 }));
    }
}
