using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using FashionMnistLongTail.Data;
using FashionMnistLongTail.Reporting;
using FashionMnistLongTail.Training;
using Spectre.Console;
using TorchSharp;

namespace FashionMnistLongTail;

/// <summary>The demo's entry point, callable from tests: load the data, train every run, write the reports.</summary>
public static class Experiment
{
    /// <summary>The class names, in label order.</summary>
    public static IReadOnlyList<string> ClassNames { get; } = Enum.GetNames<FashionMnist>();

    /// <summary>
    /// Runs the experiment <paramref name="options"/> describes and writes results.json, results.md and (unless
    /// <see cref="Options.Plots"/> is false) the PNG plots into <see cref="Options.OutputDirectory"/>.
    /// </summary>
    /// <param name="options">What to run.</param>
    /// <param name="console">Where progress and the final table go; <see cref="AnsiConsole.Console"/> by default.
    /// Live progress bars are drawn only on an interactive terminal; otherwise one plain line per few epochs.</param>
    /// <exception cref="DatasetException">The Fashion-MNIST files are missing or corrupt.</exception>
    public static ExperimentResult Run(Options options, IAnsiConsole? console = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        console ??= AnsiConsole.Console;
        var wall = Stopwatch.StartNew();
        var started = DateTime.UtcNow;

        string? waitPolicy = OpenMp.PreferPassiveWaiting();
        torch.set_num_threads(Protocol.Threads);
        GeneratedLosses.Verify();
        console.MarkupLine("[grey]Generated weight tables and typed losses (FashionMnist*Weights, FashionMnist*Loss: CB, logit-adjusted, LDAM-DRW, VS) equal the runtime ones: checked.[/]");
        console.MarkupLine(Markup.Escape(string.Format(CultureInfo.InvariantCulture,
            "libtorch: {0} threads, OMP_WAIT_POLICY={1}.", torch.get_num_threads(), waitPolicy ?? "(default)")));

        string dir = FashionMnistFiles.Locate(options.DataDirectory);
        var data = FashionMnistFiles.Load(dir);
        console.MarkupLine(Markup.Escape(string.Format(CultureInfo.InvariantCulture,
            "Fashion-MNIST from {0}: {1} training and {2} test images.", dir, data.TrainLabels.Count, data.TestLabels.Count)));

        using var test = TensorData.From(data.TestImages, data.TestLabels);
        var specs = options.Losses.Select(LossCatalog.Get).ToArray();
        var sets = new List<(TrainingSetInfo Info, int[] Indices)>();
        foreach (int imbalance in options.Imbalances)
        {
            var (indices, kept) = LongTail.Select(data.TrainLabels.Labels, LongTail.Counts(imbalance), options.SubsetCap);
            var weights = LossCatalog.All.ToDictionary(
                s => s.Key,
                s => s.IsClassBalanced ? CbGen.ClassBalancedWeights.Compute(kept, s.Beta) : Enumerable.Repeat(1.0, kept.Length).ToArray());
            sets.Add((new TrainingSetInfo(imbalance, kept, weights), indices));
            console.MarkupLine(Markup.Escape(string.Format(CultureInfo.InvariantCulture,
                "IF {0}: {1} training images, per class [{2}].", imbalance, kept.Sum(), string.Join(", ", kept))));
        }

        if (specs.Any(s => s.Decoupling == Decoupling.TauNormalisation))
        {
            foreach (var set in sets)
            {
                int[] held = LongTail.Validation(data.TrainLabels.Labels, set.Indices, ClassNames.Count);
                console.MarkupLine(Markup.Escape(string.Format(CultureInfo.InvariantCulture,
                    "IF {0}: τ-normalisation chooses τ on {1} training images the subset leaves unused (up to {2} per class, seed {3}; per class [{4}]).",
                    set.Info.Imbalance, held.Length, LongTail.ValidationPerClass, LongTail.ValidationSeed,
                    string.Join(", ", Enumerable.Range(0, ClassNames.Count).Select(c => held.Count(i => data.TrainLabels.Labels[i] == c))))));
            }
        }

        // A post-hoc row evaluates another run's model: one training per group, every row of the group evaluated on it.
        var trainings = specs.GroupBy(LossCatalog.TrainingOf).Select(g => (Trained: g.Key, Rows: (IReadOnlyList<LossSpec>)g.ToArray())).ToArray();
        var runs = new List<RunResult>();
        int totalTrainings = sets.Count * trainings.Length * options.Seeds;
        var plan = (from s in sets from t in trainings from seed in Enumerable.Range(0, options.Seeds) select (s, t, seed)).ToArray();
        bool live = console.Profile.Capabilities.Interactive && console.Profile.Capabilities.Ansi;
        if (live)
        {
            // Redrawn once per epoch rather than by Spectre's 10 Hz render timer, so the two cores stay with
            // libtorch's two threads.
            console.Progress()
                .AutoRefresh(false)
                .AutoClear(false)
                .HideCompleted(true)
                .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(),
                    new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
                .Start(ctx =>
                {
                    var overall = ctx.AddTask("All trainings", maxValue: totalTrainings * options.Epochs);
                    int k = 0;
                    foreach (var (set, training, seed) in plan)
                    {
                        k++;
                        string name = RunName(k, totalTrainings, set.Info.Imbalance, training, seed);
                        var task = ctx.AddTask(Markup.Escape(name), maxValue: options.Epochs);
                        ctx.Refresh();
                        runs.AddRange(RunOne(set, training, seed, options, test, data, report =>
                        {
                            task.Increment(1);
                            overall.Increment(1);
                            task.Description = Markup.Escape(string.Format(CultureInfo.InvariantCulture,
                                "{0}  epoch {1}/{2}  loss {3:F4}", name, report.Epoch, report.Epochs, report.MeanLoss));
                            ctx.Refresh();
                        }));
                        task.StopTask();
                        overall.Description = Markup.Escape(string.Format(CultureInfo.InvariantCulture,
                            "All trainings ({0}/{1} done; last: {2} seed {3}, error {4:F2}%)",
                            k, totalTrainings, runs[^1].Display, seed, runs[^1].TestErrorPercent));
                        ctx.Refresh();
                    }
                });
        }
        else
        {
            int k = 0;
            var clock = Stopwatch.StartNew();
            long doneEpochs = 0;
            long totalEpochs = (long)totalTrainings * options.Epochs;
            foreach (var (set, training, seed) in plan)
            {
                k++;
                string name = RunName(k, totalTrainings, set.Info.Imbalance, training, seed);
                console.WriteLine(name);
                int before = runs.Count;
                runs.AddRange(RunOne(set, training, seed, options, test, data, report =>
                {
                    doneEpochs++;
                    if (report.Epoch == 1 || report.Epoch == report.Epochs || report.Epoch % 5 == 0)
                    {
                        double eta = clock.Elapsed.TotalSeconds / doneEpochs * (totalEpochs - doneEpochs);
                        console.WriteLine(string.Format(CultureInfo.InvariantCulture,
                            "  epoch {0,3}/{1}  loss {2:F4}  lr {3:G3}  elapsed {4}  ETA {5}",
                            report.Epoch, report.Epochs, report.MeanLoss, report.LearningRate,
                            FormatDuration(clock.Elapsed.TotalSeconds), FormatDuration(eta)));
                    }
                }));
                foreach (var run in runs.Skip(before))
                {
                    console.WriteLine(string.Format(CultureInfo.InvariantCulture,
                        "  {0}: test error {1:F2}%  ({2:F1} s, loss from {3})", run.Display, run.TestErrorPercent, run.TrainSeconds, run.Source));
                }
            }
        }

        var summary = Summarise(runs);
        Directory.CreateDirectory(options.OutputDirectory);
        var files = new List<string>();
        if (options.Plots)
        {
            files.AddRange(Plots.DrawAll(options.OutputDirectory, sets.Select(s => s.Info).ToArray(), summary, ClassNames));
        }

        wall.Stop();
        files.Add(Path.Combine(options.OutputDirectory, ResultsWriter.MarkdownFile));
        files.Add(Path.Combine(options.OutputDirectory, ResultsWriter.JsonFile));
        var result = new ExperimentResult(
            "./build.sh run" + (options.CommandLine.Length > 0 ? " " + options.CommandLine : string.Empty),
            Machine.Describe(), started, wall.Elapsed.TotalSeconds, dir, options.Epochs, Protocol.Threads, waitPolicy ?? "default", ClassNames,
            sets.Select(s => s.Info).ToArray(), runs, summary, files);
        ResultsWriter.Write(options.OutputDirectory, result);
        ConsoleReport.Print(console, result);
        return result;
    }

    private static IReadOnlyList<RunResult> RunOne((TrainingSetInfo Info, int[] Indices) set,
        (LossSpec Trained, IReadOnlyList<LossSpec> Rows) training, int seed, Options options,
        TensorData test, FashionMnistDataset data, Action<EpochReport> onEpoch)
    {
        using var train = TensorData.From(data.TrainImages, data.TrainLabels, set.Indices);
        using var validation = ValidationFor(training.Rows, data, set.Indices);
        return Trainer.RunShared(training.Trained, training.Rows, set.Info.Counts, train, test, set.Info.Imbalance, seed,
            options.Epochs, onEpoch, validation: validation);
    }

    /// <summary>The validation split of the training subset <paramref name="subset"/> (<see cref="LongTail.Validation"/>:
    /// unused training images) when a row of <paramref name="rows"/> chooses τ on it; otherwise null.</summary>
    internal static TensorData? ValidationFor(IEnumerable<LossSpec> rows, FashionMnistDataset data, int[] subset) =>
        rows.Any(r => r.Decoupling == Decoupling.TauNormalisation)
            ? TensorData.From(data.TrainImages, data.TrainLabels, LongTail.Validation(data.TrainLabels.Labels, subset, ClassNames.Count))
            : null;

    private static string RunName(int k, int total, int imbalance, (LossSpec Trained, IReadOnlyList<LossSpec> Rows) training, int seed) =>
        string.Format(CultureInfo.InvariantCulture, "training {0}/{1}  IF {2}  {3}  seed {4}", k, total, imbalance,
            string.Join(" / ", training.Rows.Select(r => r.Display)), seed);

    /// <summary>Groups the runs by imbalance factor and loss: mean and sample standard deviation over the seeds.</summary>
    public static IReadOnlyList<SummaryRow> Summarise(IReadOnlyList<RunResult> runs)
    {
        ArgumentNullException.ThrowIfNull(runs);
        return runs
            .GroupBy(r => (r.Imbalance, r.Loss))
            .Select(g =>
            {
                var rs = g.ToArray();
                var errors = rs.Select(r => r.TestErrorPercent).ToArray();
                int classes = rs[0].PerClassAccuracyPercent.Length;
                return new SummaryRow(
                    g.Key.Imbalance, g.Key.Loss, rs[0].Display, string.Join("; ", rs.Select(r => r.Source).Distinct()), rs.Length,
                    errors.Average(), SampleStd(errors),
                    MeanOrNull(rs.Select(r => r.ManyShotAccuracyPercent)),
                    MeanOrNull(rs.Select(r => r.MediumShotAccuracyPercent)),
                    MeanOrNull(rs.Select(r => r.FewShotAccuracyPercent)),
                    Enumerable.Range(0, classes).Select(c => rs.Average(r => r.PerClassAccuracyPercent[c])).ToArray(),
                    rs.Average(r => r.TrainSeconds));
            })
            .ToArray();
    }

    /// <summary>The sample standard deviation (n - 1 in the denominator); 0 for fewer than two values.</summary>
    public static double SampleStd(IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count < 2)
        {
            return 0.0;
        }

        double mean = values.Average();
        return Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Count - 1));
    }

    private static double? MeanOrNull(IEnumerable<double?> values)
    {
        var present = values.Where(v => v.HasValue).Select(v => v!.Value).ToArray();
        return present.Length == 0 ? null : present.Average();
    }

    /// <summary>Formats seconds as <c>m:ss</c> or <c>h:mm:ss</c>.</summary>
    public static string FormatDuration(double seconds)
    {
        if (!double.IsFinite(seconds) || seconds < 0)
        {
            return "?";
        }

        var t = TimeSpan.FromSeconds(Math.Round(seconds));
        return t.TotalHours >= 1
            ? string.Format(CultureInfo.InvariantCulture, "{0}:{1:D2}:{2:D2}", (int)t.TotalHours, t.Minutes, t.Seconds)
            : string.Format(CultureInfo.InvariantCulture, "{0}:{1:D2}", t.Minutes, t.Seconds);
    }
}
