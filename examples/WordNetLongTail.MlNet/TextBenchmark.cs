using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using CbGen.Evaluation;
using LongTailData;
using LongTailData.WordNet;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using Microsoft.ML.Trainers.LightGbm;
using Microsoft.ML.Transforms.Text;

namespace WordNetLongTail.MlNet;

/// <summary>A gloss and its supersense (the lexicographer file's name), as ML.NET reads it.</summary>
public sealed class GlossRow
{
    /// <summary>The synset's gloss.</summary>
    public string Gloss { get; set; } = string.Empty;

    /// <summary>The class name, e.g. <c>noun.animal</c>.</summary>
    public string Supersense { get; set; } = string.Empty;
}

/// <summary>The three splits, featurised once and cached, and the training counts per class name.</summary>
/// <param name="Train">Training rows with Label (key) and Features.</param>
/// <param name="Validation">Validation rows (stratified): every choice (τ) is made here.</param>
/// <param name="Test">The balanced test rows.</param>
/// <param name="Counts">Training glosses per class name, in class order.</param>
/// <param name="FeatureCount">The length of the feature vector.</param>
public sealed record Prepared(IDataView Train, IDataView Validation, IDataView Test, Dictionary<string, long> Counts, int FeatureCount);

/// <summary>One row of the table.</summary>
/// <param name="Trainer">SDCA max. entropy or LightGBM.</param>
/// <param name="Method">unweighted, CB β=…, or post-hoc τ=….</param>
/// <param name="Report">The long-tail metrics on the balanced test split.</param>
/// <param name="FitSeconds">Wall time of the trainer's Fit (0 for a post-hoc row: it trains nothing).</param>
/// <param name="Note">How a choice was made, if any.</param>
public sealed record ResultRow(string Trainer, string Method, LongTailReport Report, double FitSeconds, string Note = "");

/// <summary>The benchmark's pipeline: featurise, train unweighted and weighted, adjust post hoc, evaluate.</summary>
public static class TextBenchmark
{
    /// <summary>Label key (first-appearance order in the training data, so not the class order: the weights, the
    /// adjustment and the evaluation all match keys by their label values), then FeaturizeText (lower-cased word
    /// unigrams and bigrams, no character n-grams, L2-normalised) and only the n-grams seen in at least
    /// <see cref="BenchmarkOptions.MinTokenCount"/> training glosses.</summary>
    public static Prepared Prepare(MLContext ml, LongTailDataset<GlossSample> data, BenchmarkOptions options)
    {
        ArgumentNullException.ThrowIfNull(ml);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(options);
        IDataView Rows(IReadOnlyList<int> indices) => ml.Data.LoadFromEnumerable(indices.Select(i =>
            new GlossRow { Gloss = data.Samples[i].Gloss, Supersense = data.ClassNames[data.Labels[i]] }).ToList());

        var text = new TextFeaturizingEstimator.Options
        {
            CaseMode = TextNormalizingEstimator.CaseMode.Lower,
            KeepPunctuations = false,
            KeepNumbers = true,
            WordFeatureExtractor = new WordBagEstimator.Options { NgramLength = 2, UseAllLengths = true },
            CharFeatureExtractor = null,
            Norm = TextFeaturizingEstimator.NormFunction.L2,
        };
        IDataView train = Rows(data.Split.TrainIndices);
        var featurizer = ml.Transforms.Conversion.MapValueToKey("Label", nameof(GlossRow.Supersense))
            .Append(ml.Transforms.Text.FeaturizeText("Features", text, nameof(GlossRow.Gloss)))
            .Append(ml.Transforms.FeatureSelection.SelectFeaturesBasedOnCount("Features", count: options.MinTokenCount))
            .Fit(train);
        IDataView Featurise(IDataView rows) => ml.Data.Cache(featurizer.Transform(rows), "Label", "Features");
        IDataView trainFeatures = Featurise(train);
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        for (int c = 0; c < data.ClassNames.Count; c++)
        {
            counts[data.ClassNames[c]] = data.Split.TrainCounts[c];
        }

        int features = ((VectorDataViewType)trainFeatures.Schema["Features"].Type).Size;
        return new Prepared(trainFeatures, Featurise(Rows(data.Split.ValidationIndices)), Featurise(Rows(data.Split.TestIndices)), counts, features);
    }

    /// <summary>The trainer, with or without the weight column.</summary>
    public static IEstimator<ITransformer> Trainer(MLContext ml, string name, bool weighted, BenchmarkOptions options)
    {
        ArgumentNullException.ThrowIfNull(ml);
        ArgumentNullException.ThrowIfNull(options);
        string? weight = weighted ? "Weight" : null;
        return name switch
        {
            // One thread: SDCA's multi-threaded updates are not reproducible.
            "sdca" => ml.MulticlassClassification.Trainers.SdcaMaximumEntropy(new SdcaMaximumEntropyMulticlassTrainer.Options
            {
                LabelColumnName = "Label",
                FeatureColumnName = "Features",
                ExampleWeightColumnName = weight,
                MaximumNumberOfIterations = options.SdcaIterations,
                NumberOfThreads = 1,
            }),
            "lightgbm" => ml.MulticlassClassification.Trainers.LightGbm(new LightGbmMulticlassTrainer.Options
            {
                LabelColumnName = "Label",
                FeatureColumnName = "Features",
                ExampleWeightColumnName = weight,
                NumberOfIterations = options.LightGbmIterations,
                NumberOfLeaves = options.LightGbmLeaves,
                MinimumExampleCountPerLeaf = 10,
                LearningRate = 0.2,
                NumberOfThreads = 2,
                Seed = options.Seed,
            }),
            _ => throw new ArgumentException("Unknown trainer '" + name + "'; use sdca or lightgbm.", nameof(name)),
        };
    }

    /// <summary>The display name of a trainer.</summary>
    public static string TrainerName(string name) => name == "lightgbm" ? "LightGBM" : "SDCA max. entropy";

    /// <summary>Runs one trainer: unweighted, class-balanced (CbGen.ML weights, β fixed), and the unweighted model
    /// with the post-hoc prior adjustment at τ = 1 and at the τ of the grid with the lowest validation balanced
    /// error. Each report is on the balanced test split.</summary>
    public static IReadOnlyList<ResultRow> Run(MLContext ml, Prepared data, string trainer, BenchmarkOptions options, Action<string>? log = null)
    {
        ArgumentNullException.ThrowIfNull(ml);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(options);
        string display = TrainerName(trainer);
        LongTailReport Evaluate(IDataView scored) =>
            ml.MulticlassClassification.EvaluateLongTail(scored, data.Counts, thresholds: BenchmarkOptions.Shots);

        var rows = new List<ResultRow>();
        (ITransformer plain, double plainSeconds) = Fit(Trainer(ml, trainer, weighted: false, options), data.Train);
        log?.Invoke(display + ", unweighted: " + plainSeconds.ToString("F1", System.Globalization.CultureInfo.InvariantCulture) + " s");
        IDataView scoredValidation = plain.Transform(data.Validation);
        IDataView scoredTest = plain.Transform(data.Test);
        CheckScores(scoredValidation, display, "validation");
        CheckScores(scoredTest, display, "test");
        rows.Add(new ResultRow(display, "unweighted", Evaluate(scoredTest), plainSeconds));

        var weights = ml.Transforms.ClassBalancedWeights("Label", data.Counts, beta: options.Beta).Fit(data.Train);
        (ITransformer weighted, double weightedSeconds) = Fit(Trainer(ml, trainer, weighted: true, options), weights.Transform(data.Train));
        log?.Invoke(display + ", CB: " + weightedSeconds.ToString("F1", System.Globalization.CultureInfo.InvariantCulture) + " s");
        rows.Add(new ResultRow(display, "CB β=" + Text(options.Beta), Evaluate(weighted.Transform(data.Test)), weightedSeconds));

        double best = options.TauGrid.OrderBy(t => Evaluate(Adjust(ml, data, t, scoredValidation).Transform(scoredValidation)).BalancedError)
            .ThenBy(t => Math.Abs(t - 1.0)).First();
        rows.Add(new ResultRow(display, "unweighted + post-hoc τ=1", Evaluate(Adjust(ml, data, 1.0, scoredValidation).Transform(scoredTest)), 0));
        rows.Add(new ResultRow(display, "unweighted + post-hoc τ=" + Text(best), Evaluate(Adjust(ml, data, best, scoredValidation).Transform(scoredTest)), 0,
            "τ with the lowest validation balanced error of {" + string.Join(", ", options.TauGrid.Select(Text)) + "}"));
        return rows;
    }

    /// <summary>Throws when the trainer's own Score holds a NaN, before any evaluation. EvaluateLongTail refuses a NaN
    /// score too, and the prior adjustment passes a NaN row through by design, so without this check the run stops
    /// at an evaluation that cannot tell whether the trainer or the adjustment made the NaN (docs/mlnet.md, LightGBM).</summary>
    /// <exception cref="InvalidOperationException">A row of <paramref name="scored"/> has a NaN score.</exception>
    internal static void CheckScores(IDataView scored, string trainer, string split)
    {
        int rows = 0, nan = 0, first = -1, firstSlots = 0, slots = 0;
        foreach (float[] score in scored.GetColumn<float[]>("Score"))
        {
            slots = score.Length;
            if (Array.Exists(score, float.IsNaN))
            {
                nan++;
                if (first < 0)
                {
                    first = rows;
                    firstSlots = score.Count(float.IsNaN);
                }
            }

            rows++;
        }

        if (nan > 0)
        {
            throw new InvalidOperationException(string.Format(System.Globalization.CultureInfo.InvariantCulture,
                "{0}'s own Score holds a NaN in {1} of {2} {3} rows (the first is row {4}, with a NaN in {5} of its {6} "
                + "slots), before any prior adjustment: the model produced it, and an adjusted NaN row has no predicted "
                + "label. Rerun without this trainer (--trainers sdca) or with other settings of it.",
                trainer, nan, rows, split, first, firstSlots, slots));
        }
    }

    private static ITransformer Adjust(MLContext ml, Prepared data, double tau, IDataView scored) =>
        ml.Transforms.PriorAdjustment(data.Counts, tau).Fit(scored);

    private static (ITransformer Model, double Seconds) Fit(IEstimator<ITransformer> estimator, IDataView train)
    {
        var clock = Stopwatch.StartNew();
        ITransformer model = estimator.Fit(train);
        return (model, clock.Elapsed.TotalSeconds);
    }

    internal static string Text(double value) => value.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
}
