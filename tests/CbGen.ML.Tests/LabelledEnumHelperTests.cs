using System;
using System.Linq;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace CbGen.ML.Tests;

/// <summary>An enum whose members carry the data's labels, as <c>cbgen enum</c> writes it when a label is not a C#
/// identifier (this project's build runs the generator with Microsoft.ML referenced).</summary>
[ClassBalanced(Beta = 0.99)]
public enum Vehicle
{
    [Samples(500)] Bus,
    [Samples(120, Label = "pickup_truck")] PickupTruck,
    [Samples(30, Label = "t-shirt/top")] TShirtTop,
}

/// <summary>The generated ML.NET helpers match a row's label with each member's Label, else its name.</summary>
public class LabelledEnumHelperTests
{
    private static readonly double[] Expected = ClassBalancedWeights.Compute(new long[] { 500, 120, 30 }, 0.99);

    private readonly MLContext _ml = new MLContext(seed: 1);

    private static int ClassOf(string label) => Array.IndexOf(new[] { "Bus", "pickup_truck", "t-shirt/top" }, label);

    [Fact]
    public void By_name_weights_each_row_by_its_label()
    {
        IDataView data = TestData.View(_ml, ("t-shirt/top", 2), ("Bus", 3), ("pickup_truck", 4));
        float[] w = TestData.Weights(_ml.Transforms.VehicleWeightsByName().Fit(data).Transform(data));

        string[] rows = data.GetColumn<string>("Label").ToArray();
        Assert.Equal(rows.Select(l => (float)Expected[ClassOf(l)]), w);
        Assert.Equal(3, w.Distinct().Count());
    }

    [Fact]
    public void By_key_weights_each_key_by_the_label_it_stands_for_in_first_appearance_order()
    {
        IDataView data = _ml.Data.LoadFromEnumerable(new[] { "t-shirt/top", "pickup_truck", "Bus", "t-shirt/top" }
            .Select(l => new LabelRow<string> { Label = l }));
        IDataView keyed = _ml.Transforms.Conversion.MapValueToKey("Label").Fit(data).Transform(data);

        float[] w = TestData.Weights(_ml.Transforms.VehicleWeightsByKey().Fit(keyed).Transform(keyed));

        Assert.Equal(new[] { 2, 1, 0, 2 }.Select(c => (float)Expected[c]), w);
    }

    [Fact]
    public void A_member_name_that_is_not_its_label_is_refused_naming_the_labels()
    {
        IDataView data = TestData.View(_ml, ("Bus", 1), ("PickupTruck", 2));
        var byName = Assert.Throws<InvalidOperationException>(() => _ml.Transforms.VehicleWeightsByName().Fit(data));
        Assert.StartsWith("Label column 'Label' holds 'PickupTruck' (2 rows), which is not a class of VehicleWeights (Bus, pickup_truck, t-shirt/top): ",
            byName.Message, StringComparison.Ordinal);

        IDataView keyed = _ml.Transforms.Conversion.MapValueToKey("Label").Fit(data).Transform(data);
        var byKey = Assert.Throws<InvalidOperationException>(() => _ml.Transforms.VehicleWeightsByKey().Fit(keyed));
        Assert.Contains("stands for 'PickupTruck', which is neither a class name (Bus, pickup_truck, t-shirt/top) nor a class index 0 … 2",
            byKey.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void By_index_is_unchanged_by_labels()
    {
        int[] labels = { 2, 0, 1 };
        IDataView data = _ml.Data.LoadFromEnumerable(labels.Select(l => new LabelRow<int> { Label = l }));
        float[] w = TestData.Weights(_ml.Transforms.VehicleWeightsByIndex().Fit(data).Transform(data));
        Assert.Equal(labels.Select(c => (float)Expected[c]), w);
    }
}
