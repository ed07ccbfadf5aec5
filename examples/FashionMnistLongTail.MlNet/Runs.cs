using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using FashionMnistLongTail.Data;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using Microsoft.ML.Trainers.LightGbm;

namespace FashionMnistLongTail.MlNet;

/// <summary>One training run: a trainer, unweighted or class-balanced with a β, and a seed.</summary>
/// <param name="Trainer">lightgbm or sdca.</param>
/// <param name="Beta">β of the class-balanced weights, or <c>null</c> for the unweighted run.</param>
/// <param name="Seed">The MLContext seed (SDCA shuffles with it).</param>
public sealed record RunSpec(string Trainer, double? Beta, int Seed)
{
    /// <summary>E.g. <c>LightGBM, CB β=0.999</c>.</summary>
    public string Display => TrainerName(Trainer) + ", " + WeightingName;

    /// <summary><c>unweighted</c> or <c>CB β=…</c>.</summary>
    public string WeightingName =>
        Beta is double b ? "CB β=" + b.ToString(CultureInfo.InvariantCulture) : "unweighted";

    /// <summary>The trainer's display name.</summary>
    public static string TrainerName(string trainer) => trainer == "lightgbm" ? "LightGBM" : "SDCA max. entropy";
}

/// <summary>What a run measured on the balanced test set.</summary>
/// <param name="Spec">The run.</param>
/// <param name="Error">Top-1 test error.</param>
/// <param name="ClassAccuracy">Test accuracy per class.</param>
/// <param name="Seconds">Wall time of Fit (weights + trainer).</param>
/// <param name="CpuSeconds">Processor time of the process during Fit (all threads): unlike the wall time, it does
/// not grow when other programs share the machine.</param>
public sealed record RunResult(RunSpec Spec, double Error, double[] ClassAccuracy, double Seconds, double CpuSeconds);

/// <summary>Builds the grid, trains and evaluates.</summary>
public static class Runs
{
    /// <summary>Every run of the options, in order: per trainer, unweighted then each β; seeds innermost.</summary>
    public static IReadOnlyList<RunSpec> Grid(DemoOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var runs = new List<RunSpec>();
        foreach (string trainer in options.Trainers)
        {
            // LightGBM without bagging or feature sampling is deterministic: a second seed repeats the first run.
            int seeds = trainer == "lightgbm" ? 1 : options.Seeds;
            foreach (double? beta in new double?[] { null }.Concat(options.Betas.Select(b => (double?)b)))
            {
                for (int s = 1; s <= seeds; s++)
                {
                    runs.Add(new RunSpec(trainer, beta, s));
                }
            }
        }

        return runs;
    }

    /// <summary>Fits the run's pipeline on <paramref name="train"/> and scores <paramref name="test"/>.</summary>
    public static RunResult Run(RunSpec spec, DemoOptions options, IDataView train, IDataView test)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(options);
        var ml = new MLContext(seed: spec.Seed);
        string? weight = spec.Beta is null ? null : "Weight";
        IEstimator<ITransformer> trainer = spec.Trainer == "lightgbm"
            ? ml.MulticlassClassification.Trainers.LightGbm(new LightGbmMulticlassTrainer.Options
            {
                ExampleWeightColumnName = weight,
                NumberOfIterations = options.Rounds,
                Seed = spec.Seed,
            })
            : ml.MulticlassClassification.Trainers.SdcaMaximumEntropy(new SdcaMaximumEntropyMulticlassTrainer.Options
            {
                ExampleWeightColumnName = weight,
                MaximumNumberOfIterations = options.Epochs,
                NumberOfThreads = 1,
            });

        // The one line this demo is about: a class-balanced weight column, counted from the training labels.
        IEstimator<ITransformer> pipeline = spec.Beta is double beta
            ? ml.Transforms.ClassBalancedWeights("Label", "Weight", beta).Append(trainer)
            : trainer;

        TimeSpan cpu0 = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        ITransformer model = pipeline.Fit(train);
        double seconds = clock.Elapsed.TotalSeconds;
        double cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu0).TotalSeconds;

        IDataView scored = model.Transform(test);
        uint[] truth = scored.GetColumn<uint>("Label").ToArray();
        uint[] predicted = scored.GetColumn<uint>("PredictedLabel").ToArray();
        var hits = new int[FashionMnistFiles.ClassCount];
        var totals = new int[FashionMnistFiles.ClassCount];
        int correct = 0;
        for (int i = 0; i < truth.Length; i++)
        {
            int c = (int)truth[i] - 1;
            totals[c]++;
            if (predicted[i] == truth[i])
            {
                hits[c]++;
                correct++;
            }
        }

        double[] accuracy = hits.Select((h, c) => totals[c] == 0 ? double.NaN : h / (double)totals[c]).ToArray();
        return new RunResult(spec, 1.0 - (correct / (double)truth.Length), accuracy, seconds, cpuSeconds);
    }
}
