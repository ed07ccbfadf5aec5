using System;
using System.IO;
using System.Linq;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Transforms;

namespace CbGen.ML.Tests;

/// <summary>Models save and load with mlContext.Model.Save/Load (no registration), and scoring works without labels.</summary>
public class SaveLoadTests
{
    private readonly MLContext _ml = new MLContext(seed: 1);

    [Fact]
    public void Save_load_transform_gives_the_same_weights_for_every_label_kind()
    {
        RoundTrip(TestData.View(_ml, ("cat", 300), ("ant", 40), ("bee", 7)));
        RoundTrip(TestData.View(_ml, (3, 30), (1, 4)));
        RoundTrip(TestData.View(_ml, (true, 30), (false, 400)));
        RoundTrip(TestData.Keys(_ml, 1, 2, 2, 3, 3, 3));
    }

    [Fact]
    public void A_fresh_context_loads_the_model_as_MLNETs_value_mapping()
    {
        IDataView data = TestData.View(_ml, ("x", 50), ("y", 5));
        var model = _ml.Transforms.ClassBalancedWeights().Fit(data);
        byte[] saved = Save(model, data.Schema);

        // A new context has never seen CbGen.ML's types: nothing is registered anywhere.
        var other = new MLContext(seed: 2);
        ITransformer loaded = other.Model.Load(new MemoryStream(saved), out DataViewSchema schema);
        Assert.IsType<ValueMappingTransformer>(loaded);
        Assert.Equal(TestData.Weights(model.Transform(data)), TestData.Weights(loaded.Transform(data)));
        Assert.NotNull(schema.GetColumnOrNull("Label"));
    }

    [Fact]
    public void A_saved_pipeline_with_a_weighted_trainer_predicts_the_same_after_loading()
    {
        var train = TestData.KeyedPoints(_ml, 3, 300, 60, 12);
        var pipeline = _ml.Transforms.ClassBalancedWeights(beta: 0.999)
            .Append(_ml.MulticlassClassification.Trainers.SdcaMaximumEntropy(exampleWeightColumnName: "Weight", maximumNumberOfIterations: 20));
        var model = pipeline.Fit(train);

        ITransformer loaded = _ml.Model.Load(new MemoryStream(Save(model, train.Schema)), out _);
        var test = TestData.KeyedPoints(_ml, 4, 50, 50, 50);
        Assert.Equal(model.Transform(test).GetColumn<uint>("PredictedLabel"), loaded.Transform(test).GetColumn<uint>("PredictedLabel"));
        Assert.Equal(TestData.Weights(model.Transform(test)), TestData.Weights(loaded.Transform(test)));
    }

    [Fact]
    public void Unseen_and_missing_labels_at_transform_time_get_weight_zero_not_an_exception()
    {
        var model = _ml.Transforms.ClassBalancedWeights().Fit(TestData.View(_ml, ("a", 5), ("b", 2)));
        var rows = new[] { "a", "zzz", string.Empty }.Select(l => new LabelRow<string> { Label = l });
        float[] w = TestData.Weights(model.Transform(_ml.Data.LoadFromEnumerable(rows)));
        Assert.Equal((float)model.Classes[0].Weight, w[0]);
        Assert.Equal(0f, w[1]);
        Assert.Equal(0f, w[2]);
    }

    [Fact]
    public void Training_scope_keeps_the_weights_out_of_the_scoring_model()
    {
        var train = TestData.KeyedPoints(_ml, 3, 300, 60, 12);
        var pipeline = new EstimatorChain<ITransformer>()
            .Append(_ml.Transforms.ClassBalancedWeights(beta: 0.999), TransformerScope.Training)
            .Append(_ml.MulticlassClassification.Trainers.SdcaMaximumEntropy(exampleWeightColumnName: "Weight", maximumNumberOfIterations: 20));
        var model = pipeline.Fit(train);

        // The whole chain needs the label; the scoring part (and its saved copy) do not.
        var unlabelled = _ml.Data.LoadFromEnumerable(new[] { new UnlabelledPoint { Features = new[] { 0.1f, 0.2f } } });
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => model.Transform(unlabelled, TransformerScope.Everything));
        Assert.Contains("Label column 'Label' not found", e.Message, StringComparison.Ordinal);

        TransformerChain<ITransformer> scoring = model.GetModelFor(TransformerScope.Scoring);
        var engine = _ml.Model.CreatePredictionEngine<UnlabelledPoint, PointPrediction>(scoring);
        uint predicted = engine.Predict(new UnlabelledPoint { Features = new[] { 2.4f, 0f } }).PredictedLabel;
        Assert.InRange(predicted, 1u, 3u);

        ITransformer loaded = _ml.Model.Load(new MemoryStream(Save(scoring, unlabelled.Schema)), out _);
        Assert.Equal(scoring.Transform(unlabelled).GetColumn<uint>("PredictedLabel"), loaded.Transform(unlabelled).GetColumn<uint>("PredictedLabel"));
    }

    private void RoundTrip(IDataView data)
    {
        var model = _ml.Transforms.ClassBalancedWeights(beta: 0.999).Fit(data);
        ITransformer loaded = _ml.Model.Load(new MemoryStream(Save(model, data.Schema)), out DataViewSchema inputSchema);
        Assert.Equal(data.Schema["Label"].Type, inputSchema["Label"].Type);
        float[] expected = TestData.Weights(model.Transform(data));
        Assert.Equal(expected, TestData.Weights(loaded.Transform(data)));
        Assert.Contains(expected, w => w != expected[0]);
    }

    private byte[] Save(ITransformer model, DataViewSchema schema)
    {
        using var stream = new MemoryStream();
        _ml.Model.Save(model, schema, stream);
        return stream.ToArray();
    }
}
