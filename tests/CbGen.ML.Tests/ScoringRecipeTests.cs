using System;
using System.IO;
using System.Linq;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace CbGen.ML.Tests;

/// <summary>A row with text labels, as the docs' train / evaluate / predict recipe reads it.</summary>
public sealed class NamedPoint
{
    [VectorType(2)]
    public float[] Features { get; set; } = Array.Empty<float>();

    public string Label { get; set; } = string.Empty;
}

public sealed class NamedPrediction
{
    public string Predicted { get; set; } = string.Empty;
}

/// <summary>
/// The recipe of docs/mlnet.md ("Train, evaluate, predict"), run end to end: the label steps (MapValueToKey and the
/// weights) are fitted apart from the model, so the model scores rows without a label, Evaluate gets key labels, and
/// the prediction comes back as the label text.
/// </summary>
public class ScoringRecipeTests
{
    private static readonly string[] Names = { "common", "uncommon", "rare" };

    private readonly MLContext _ml = new MLContext(seed: 1);

    [Fact]
    public void The_recipe_trains_evaluates_and_predicts_label_text_for_rows_without_a_label()
    {
        IDataView train = Named(TestData.Points(31, 300, 60, 12));
        IDataView test = Named(TestData.Points(32, 40, 40, 40));

        // The recipe, as docs/mlnet.md writes it.
        ITransformer labelling = _ml.Transforms.Conversion.MapValueToKey("Label")
            .Append(_ml.Transforms.ClassBalancedWeights("Label", beta: 0.999))
            .Fit(train);
        ITransformer model = _ml.MulticlassClassification.Trainers.SdcaMaximumEntropy(exampleWeightColumnName: "Weight", maximumNumberOfIterations: 20)
            .Append(_ml.Transforms.Conversion.MapKeyToValue("Predicted", "PredictedLabel"))
            .Fit(labelling.Transform(train));
        MulticlassClassificationMetrics metrics = _ml.MulticlassClassification.Evaluate(model.Transform(labelling.Transform(test)));
        var engine = _ml.Model.CreatePredictionEngine<UnlabelledPoint, NamedPrediction>(model);

        Assert.InRange(metrics.MacroAccuracy, 0.5, 1.0);
        Assert.Equal("rare", engine.Predict(new UnlabelledPoint { Features = new[] { 2.4f + 3f, 0f } }).Predicted);
        Assert.Equal("common", engine.Predict(new UnlabelledPoint { Features = new[] { -3f, 0f } }).Predicted);

        // Rows without a label get the same predictions as the labelled path, and so does the saved model.
        IDataView unlabelled = _ml.Data.LoadFromEnumerable(TestData.Points(32, 40, 40, 40).Select(p => new UnlabelledPoint { Features = p.Features }));
        string[] labelled = model.Transform(labelling.Transform(test)).GetColumn<string>("Predicted").ToArray();
        Assert.Equal(labelled, model.Transform(unlabelled).GetColumn<string>("Predicted"));
        using var stream = new MemoryStream();
        _ml.Model.Save(model, unlabelled.Schema, stream);
        stream.Position = 0;
        Assert.Equal(labelled, _ml.Model.Load(stream, out _).Transform(unlabelled).GetColumn<string>("Predicted"));
    }

    [Fact]
    public void The_whole_chain_needs_the_label_at_scoring_which_is_why_the_recipe_splits_it()
    {
        // What the recipe avoids: with MapValueToKey in the scored chain, rows without a label cannot be scored.
        IDataView train = Named(TestData.Points(31, 300, 60, 12));
        ITransformer chain = _ml.Transforms.Conversion.MapValueToKey("Label")
            .Append(_ml.Transforms.ClassBalancedWeights("Label"))
            .Append(_ml.MulticlassClassification.Trainers.SdcaMaximumEntropy(exampleWeightColumnName: "Weight", maximumNumberOfIterations: 5))
            .Fit(train);
        Assert.ThrowsAny<ArgumentException>(() => _ml.Model.CreatePredictionEngine<UnlabelledPoint, PointPrediction>(chain));
    }

    private IDataView Named(PointRow[] rows) =>
        _ml.Data.LoadFromEnumerable(rows.Select(r => new NamedPoint { Features = r.Features, Label = Names[r.Label - 1] }));
}
