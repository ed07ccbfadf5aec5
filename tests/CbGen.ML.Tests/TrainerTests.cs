using System;
using System.Globalization;
using System.Linq;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using Microsoft.ML.Trainers.LightGbm;

namespace CbGen.ML.Tests;

/// <summary>
/// The trainers take the weight column and it changes what they learn: on three overlapping Gaussian classes with
/// 2000 / 200 / 40 training points (fixed seeds), the weighted model's recall of the 40-point class on a balanced test
/// set beats the unweighted model's by a clear margin.
/// </summary>
public class TrainerTests
{
    private const double Margin = 0.20;
    private static readonly int[] TrainCounts = { 2000, 200, 40 };

    private readonly MLContext _ml = new MLContext(seed: 11);

    [Fact]
    public void SdcaMaximumEntropy_weighted_raises_the_minority_recall()
    {
        // One thread: SDCA is deterministic then. 100 epochs: SDCA's own stopping rule reacts to the weights' scale.
        (double plain, double weighted) = MinorityRecall(weight => _ml.MulticlassClassification.Trainers.SdcaMaximumEntropy(
            new SdcaMaximumEntropyMulticlassTrainer.Options
            {
                ExampleWeightColumnName = weight,
                NumberOfThreads = 1,
                MaximumNumberOfIterations = 100,
            }));
        AssertBetter("SdcaMaximumEntropy", plain, weighted);
    }

    [Fact]
    public void LightGbm_weighted_raises_the_minority_recall()
    {
        // Small trees with at least 10 rows a leaf: with heavy weights, deep trees carve a leaf around each of the 40
        // minority points instead of the region they come from.
        (double plain, double weighted) = MinorityRecall(weight => _ml.MulticlassClassification.Trainers.LightGbm(
            new LightGbmMulticlassTrainer.Options
            {
                ExampleWeightColumnName = weight,
                NumberOfLeaves = 4,
                MinimumExampleCountPerLeaf = 10,
                NumberOfIterations = 50,
                NumberOfThreads = 1,
            }));
        AssertBetter("LightGbm", plain, weighted);
    }

    private (double Plain, double Weighted) MinorityRecall(Func<string?, IEstimator<ITransformer>> trainer)
    {
        IDataView train = TestData.KeyedPoints(_ml, 21, TrainCounts);
        IDataView test = TestData.KeyedPoints(_ml, 22, 400, 400, 400);

        ITransformer plain = trainer(null).Fit(train);
        ITransformer weighted = _ml.Transforms.ClassBalancedWeights(beta: 0.9999).Append(trainer("Weight")).Fit(train);
        return (Recall(plain, test, 3), Recall(weighted, test, 3));
    }

    private static double Recall(ITransformer model, IDataView test, uint key)
    {
        IDataView scored = model.Transform(test);
        uint[] truth = scored.GetColumn<uint>("Label").ToArray();
        uint[] predicted = scored.GetColumn<uint>("PredictedLabel").ToArray();
        int total = truth.Count(t => t == key);
        int hit = truth.Zip(predicted).Count(p => p.First == key && p.Second == key);
        return hit / (double)total;
    }

    private static void AssertBetter(string name, double plain, double weighted) =>
        Assert.True(weighted >= plain + Margin, string.Format(CultureInfo.InvariantCulture,
            "{0}: minority recall unweighted {1:F3}, weighted {2:F3}; expected at least +{3:F2}.", name, plain, weighted, Margin));
}
