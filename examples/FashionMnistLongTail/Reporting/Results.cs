using System;
using System.Collections.Generic;

namespace FashionMnistLongTail.Reporting;

/// <summary>One training run: one loss, one seed, one imbalance factor.</summary>
/// <param name="Imbalance">The imbalance factor.</param>
/// <param name="Loss">The loss key (<c>ce</c>, <c>cb-softmax</c>, …).</param>
/// <param name="Display">The loss's display name.</param>
/// <param name="Seed">The seed.</param>
/// <param name="Source">Where the loss came from: torch, generated or runtime.</param>
/// <param name="TestErrorPercent">Top-1 error on the test set, in %.</param>
/// <param name="PerClassAccuracyPercent">Test accuracy of each class, in %.</param>
/// <param name="ManyShotAccuracyPercent">Mean accuracy of the classes with more than 1000 training images (null if none).</param>
/// <param name="MediumShotAccuracyPercent">Mean accuracy of the classes with 200–1000 training images (null if none).</param>
/// <param name="FewShotAccuracyPercent">Mean accuracy of the classes with fewer than 200 training images (null if none).</param>
/// <param name="TrainSeconds">Training time (without data loading and evaluation).</param>
/// <param name="EpochLosses">The mean training loss of each epoch.</param>
public sealed record RunResult(
    int Imbalance,
    string Loss,
    string Display,
    int Seed,
    string Source,
    double TestErrorPercent,
    double[] PerClassAccuracyPercent,
    double? ManyShotAccuracyPercent,
    double? MediumShotAccuracyPercent,
    double? FewShotAccuracyPercent,
    double TrainSeconds,
    double[] EpochLosses);

/// <summary>One line of the final table: a loss at one imbalance factor, over its seeds.</summary>
/// <param name="Imbalance">The imbalance factor.</param>
/// <param name="Loss">The loss key.</param>
/// <param name="Display">The display name.</param>
/// <param name="Source">Where the loss came from.</param>
/// <param name="Seeds">How many seeds.</param>
/// <param name="TestErrorMean">Mean test error, %.</param>
/// <param name="TestErrorStd">Sample standard deviation of the test error over the seeds, % (0 for one seed).</param>
/// <param name="ManyShotMean">Mean many-shot accuracy, %.</param>
/// <param name="MediumShotMean">Mean medium-shot accuracy, %.</param>
/// <param name="FewShotMean">Mean few-shot accuracy, %.</param>
/// <param name="PerClassAccuracyMean">Mean accuracy of each class, %.</param>
/// <param name="TrainSecondsMean">Mean training time per run, s.</param>
public sealed record SummaryRow(
    int Imbalance,
    string Loss,
    string Display,
    string Source,
    int Seeds,
    double TestErrorMean,
    double TestErrorStd,
    double? ManyShotMean,
    double? MediumShotMean,
    double? FewShotMean,
    double[] PerClassAccuracyMean,
    double TrainSecondsMean);

/// <summary>The training set of one imbalance factor and the weights each class-balanced loss gives it.</summary>
/// <param name="Imbalance">The imbalance factor.</param>
/// <param name="Counts">Training images per class actually used.</param>
/// <param name="Weights">Class weights α per loss key (the baseline's are all 1).</param>
public sealed record TrainingSetInfo(int Imbalance, long[] Counts, IReadOnlyDictionary<string, double[]> Weights);

/// <summary>Everything one invocation of the demo produced.</summary>
/// <param name="Command">The command line.</param>
/// <param name="Machine">CPU model and core count.</param>
/// <param name="StartedUtc">When the run started.</param>
/// <param name="WallSeconds">Wall time of the whole invocation, s.</param>
/// <param name="DataDirectory">Where the IDX files were read from.</param>
/// <param name="Epochs">Epochs per run.</param>
/// <param name="Threads">libtorch threads.</param>
/// <param name="OpenMpWaitPolicy">OMP_WAIT_POLICY in effect (the demo sets PASSIVE unless the user chose).</param>
/// <param name="ClassNames">The ten class names.</param>
/// <param name="TrainingSets">Per imbalance factor: counts and weights.</param>
/// <param name="Runs">Every run.</param>
/// <param name="Summary">Mean ± std over seeds.</param>
/// <param name="Files">The files written (results.json itself included).</param>
public sealed record ExperimentResult(
    string Command,
    string Machine,
    DateTime StartedUtc,
    double WallSeconds,
    string DataDirectory,
    int Epochs,
    int Threads,
    string OpenMpWaitPolicy,
    IReadOnlyList<string> ClassNames,
    IReadOnlyList<TrainingSetInfo> TrainingSets,
    IReadOnlyList<RunResult> Runs,
    IReadOnlyList<SummaryRow> Summary,
    IReadOnlyList<string> Files);
