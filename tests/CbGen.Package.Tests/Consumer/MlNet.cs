// The CbGen.ML part of the package consumer: a weighted ML.NET model, trained and used.
using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using CbGen.ML;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace PackageConsumer;

public sealed class Point
{
    [VectorType(1)]
    public float[] Features { get; set; } = Array.Empty<float>();

    public string Label { get; set; } = string.Empty;
}

public sealed class Prediction
{
    public string PredictedLabel { get; set; } = string.Empty;
}

public static class MlNet
{
    public static void Run()
    {
        var ml = new MLContext(seed: 1);
        var rows = new List<Point>();
        for (int i = 0; i < 40; i++)
        {
            rows.Add(new Point { Features = new[] { (i % 5) * 0.1f }, Label = "big" });
        }

        for (int i = 0; i < 4; i++)
        {
            rows.Add(new Point { Features = new[] { 5f + (i * 0.1f) }, Label = "small" });
        }

        IDataView data = ml.Data.LoadFromEnumerable(rows);
        var pipeline = ml.Transforms.ClassBalancedWeights("Label", beta: 0.99)
            .Append(ml.Transforms.Conversion.MapValueToKey("Label"))
            .Append(ml.MulticlassClassification.Trainers.SdcaMaximumEntropy(exampleWeightColumnName: "Weight"))
            .Append(ml.Transforms.Conversion.MapKeyToValue("PredictedLabel"));
        var model = pipeline.Fit(data);

        ClassBalancedWeightsTransformer weights = ((IEnumerable<ITransformer>)model).OfType<ClassBalancedWeightsTransformer>().Single();
        Console.WriteLine("mlnet-weights=" + string.Join(",", weights.Classes.Select(c => ((float)c.Weight).ToString("R", CultureInfo.InvariantCulture))));

        var engine = ml.Model.CreatePredictionEngine<Point, Prediction>(model);
        string near0 = engine.Predict(new Point { Features = new[] { 0.2f } }).PredictedLabel;
        string near5 = engine.Predict(new Point { Features = new[] { 5.1f } }).PredictedLabel;
        Console.WriteLine("mlnet-predicted=" + near0 + "," + near5);
    }
}
