using System;
using System.Linq;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace CbGen.ML.Tests;

/// <summary>Star ratings whose data labels are integer text, not in class-index order.</summary>
[ClassBalanced(Beta = 0.99)]
public enum Stars
{
    [Samples(500, Label = "1")] One,
    [Samples(200, Label = "2")] Two,
    [Samples(100, Label = "3")] Three,
    [Samples(40, Label = "4")] Four,
    [Samples(10, Label = "5")] Five,
}

/// <summary>A key's label value is a class label first; only an enum whose labels hold no integer text also takes a
/// key's integer value as a class index, and only written as the integer is ("2", not "+2", " 2" or "02").</summary>
public class IntegerTextLabelTests
{
    private static readonly double[] StarWeights = ClassBalancedWeights.Compute(new long[] { 500, 200, 100, 40, 10 }, 0.99);

    private readonly MLContext _ml = new MLContext(seed: 1);

    private IDataView Keyed(params string[] labels)
    {
        IDataView data = _ml.Data.LoadFromEnumerable(labels.Select(l => new LabelRow<string> { Label = l }));
        return _ml.Transforms.Conversion.MapValueToKey("Label").Fit(data).Transform(data);
    }

    [Fact]
    public void Integer_text_labels_weigh_by_label_not_by_index()
    {
        IDataView keyed = Keyed("5", "1", "3");
        float[] w = TestData.Weights(_ml.Transforms.StarsWeightsByKey().Fit(keyed).Transform(keyed));
        Assert.Equal(new[] { 4, 0, 2 }.Select(c => (float)StarWeights[c]), w);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("6")]
    public void A_key_that_is_no_label_is_refused_when_labels_are_integer_text(string stray)
    {
        IDataView keyed = Keyed("1", stray, "2");
        var e = Assert.Throws<InvalidOperationException>(() => _ml.Transforms.StarsWeightsByKey().Fit(keyed));
        Assert.Contains("stands for '" + stray + "', which is not a class label (1, 2, 3, 4, 5) of StarsWeights", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("+2")]
    [InlineData(" 2")]
    [InlineData("02")]
    public void Only_canonical_integer_text_is_a_class_index(string text)
    {
        IDataView keyed = Keyed("Bus", text);
        var e = Assert.Throws<InvalidOperationException>(() => _ml.Transforms.VehicleWeightsByKey().Fit(keyed));
        Assert.Contains("stands for '" + text + "', which is neither a class name", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Canonical_integer_text_is_a_class_index_when_no_label_is_integer_text()
    {
        IDataView keyed = Keyed("2", "Bus");
        float[] w = TestData.Weights(_ml.Transforms.VehicleWeightsByKey().Fit(keyed).Transform(keyed));
        double[] expected = ClassBalancedWeights.Compute(new long[] { 500, 120, 30 }, 0.99);
        Assert.Equal(new[] { (float)expected[2], (float)expected[0] }, w);
    }
}
