using System;
using System.Linq;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace CbGen.ML.Tests;

/// <summary>A label enum annotated for the generator (this project references Microsoft.ML, so it gets
/// <c>FruitWeightsMlNet</c>).</summary>
[ClassBalanced(Beta = 0.999)]
public enum Fruit
{
    [Samples(900)] Apple,
    [Samples(90)] Banana,
    [Samples(10)] Cherry,
}

/// <summary>A counts-file dataset: its class names contain spaces, as the string labels of real data do.</summary>
[ClassBalancedDataset("weather.counts.csv", Beta = 0.99)]
public static partial class Weather;

/// <summary>The generated ML.NET one-liners add the constant table as the weight column, by key and by name.</summary>
public class GeneratedHelperTests
{
    private readonly MLContext _ml = new MLContext(seed: 1);

    [Fact]
    public void The_enum_helper_by_key_gives_the_generated_weights()
    {
        IDataView keys = TestData.Keys(_ml, 1, 3, 2, 3);
        float[] w = TestData.Weights(_ml.Transforms.FruitWeightsByKey().Fit(keys).Transform(keys));
        double[] expected = ClassBalancedWeights.Compute(new long[] { 900, 90, 10 }, 0.999);
        Assert.Equal(new[] { 0, 2, 1, 2 }.Select(c => (float)expected[c]), w);
        Assert.Equal(FruitWeights.Weights.ToArray().Select(x => (float)x), new[] { 0, 1, 2 }.Select(c => (float)expected[c]));
    }

    [Fact]
    public void The_enum_helper_by_key_fits_ML_NETs_value_mapping_which_saves_and_loads()
    {
        IDataView data = _ml.Data.LoadFromEnumerable(new[] { "Cherry", "Apple", "Banana" }.Select(l => new LabelRow<string> { Label = l }));
        IDataView keyed = _ml.Transforms.Conversion.MapValueToKey("Label").Fit(data).Transform(data);
        ITransformer model = _ml.Transforms.FruitWeightsByKey().Fit(keyed);
        Assert.IsType<Microsoft.ML.Transforms.ValueMappingTransformer>(model);

        using var stream = new System.IO.MemoryStream();
        _ml.Model.Save(model, keyed.Schema, stream);
        stream.Position = 0;
        ITransformer loaded = _ml.Model.Load(stream, out _);
        Assert.Equal(TestData.Weights(model.Transform(keyed)), TestData.Weights(loaded.Transform(keyed)));
        Assert.Equal(new[] { 2, 0, 1 }.Select(c => (float)FruitWeights.Weights[c]), TestData.Weights(loaded.Transform(keyed)));
    }

    [Fact]
    public void The_enum_helper_by_index_weights_Int32_class_indices()
    {
        int[] labels = { 2, 0, 1, 2, 0 };
        IDataView data = _ml.Data.LoadFromEnumerable(labels.Select(l => new LabelRow<int> { Label = l }));
        float[] w = TestData.Weights(_ml.Transforms.FruitWeightsByIndex().Fit(data).Transform(data));
        double[] expected = ClassBalancedWeights.Compute(new long[] { 900, 90, 10 }, 0.999);
        Assert.Equal(labels.Select(c => (float)expected[c]), w);
    }

    [Fact]
    public void The_enum_helper_by_name_matches_CbGen_ML_with_the_same_counts()
    {
        IDataView data = TestData.View(_ml, (nameof(Fruit.Cherry), 2), (nameof(Fruit.Apple), 5), (nameof(Fruit.Banana), 1));
        float[] generated = TestData.Weights(_ml.Transforms.FruitWeightsByName("Label", "W").Fit(data).Transform(data), "W");
        var counts = Enum.GetValues<Fruit>().ToDictionary(f => f.ToString(), f => FruitWeights.Counts[(int)f]);
        float[] library = TestData.Weights(_ml.Transforms.ClassBalancedWeights("Label", counts, "W", FruitWeights.Beta).Fit(data).Transform(data), "W");
        Assert.Equal(library, generated);
        Assert.Contains(generated, x => x != generated[0]);
    }

    [Fact]
    public void The_dataset_helper_uses_the_counts_file_names()
    {
        IDataView data = TestData.View(_ml, ("hail", 1), ("clear sky", 3), ("light rain", 2));
        float[] w = TestData.Weights(_ml.Transforms.WeatherWeightsByName().Fit(data).Transform(data));
        double[] expected = ClassBalancedWeights.Compute(new long[] { 900, 90, 9 }, 0.99);
        var rows = data.GetColumn<string>("Label").ToArray();
        Assert.Equal(rows.Select(l => (float)expected[l == "clear sky" ? 0 : l == "light rain" ? 1 : 2]), w);
    }

    [Fact]
    public void A_training_label_the_by_name_helper_has_no_class_for_is_refused_in_Fit_not_weighted_0()
    {
        // "banana" is not "Banana": before, its rows trained with weight 0 and nothing was said.
        IDataView data = TestData.View(_ml, ("Apple", 3), ("banana", 2), ("Cherry", 1));
        var e = Assert.Throws<InvalidOperationException>(() => _ml.Transforms.FruitWeightsByName().Fit(data));
        Assert.Equal("Label column 'Label' holds 'banana' (2 rows), which is not a class of FruitWeights (Apple, Banana, Cherry): "
            + "its rows would train with weight 0. Give them one of these labels, or remove them; labels outside the table "
            + "get weight 0 only when a fitted model transforms other data.", e.Message);

        // Fitted on known labels, the model gives an unknown label 0 when it transforms other data, as documented.
        ITransformer model = _ml.Transforms.FruitWeightsByName().Fit(TestData.View(_ml, ("Apple", 1), ("Banana", 1)));
        Assert.Equal(new[] { 0f }, TestData.Weights(model.Transform(TestData.View(_ml, ("Kiwi", 1)))));
    }

    [Fact]
    public void A_training_class_index_outside_the_table_is_refused_in_Fit_by_the_by_index_helper()
    {
        IDataView data = _ml.Data.LoadFromEnumerable(new[] { 0, 3, 1, 3, -1 }.Select(l => new LabelRow<int> { Label = l }));
        var e = Assert.Throws<InvalidOperationException>(() => _ml.Transforms.FruitWeightsByIndex().Fit(data));
        Assert.Equal("Label column 'Label' holds -1 (1 row), 3 (2 rows), which are not classes of FruitWeights (class indices 0 … 2): "
            + "its rows would train with weight 0. Give them one of these labels, or remove them; labels outside the table "
            + "get weight 0 only when a fitted model transforms other data.", e.Message);
    }
}
