using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using CbGen;
using CbGen.Evaluation;
using FashionMnistLongTail;
using FashionMnistLongTail.Reporting;
using FashionMnistLongTail.Training;
using LongTailData.Splits;
using Spectre.Console;
using TorchSharp;

namespace GlyphsLongTail;

/// <summary>The benchmark's table, callable from tests: load the glyphs, train every row over the seeds, write the reports.</summary>
public static class Benchmark
{
    /// <summary>The shot groups: the literature's many &gt; 100, few &lt; 20 training glyphs.</summary>
    public static ShotThresholds Shots => ShotThresholds.Literature;

    /// <summary>
    /// Runs the rows of <paramref name="options"/> and writes results.json, results.md and (unless turned off) the
    /// per-class accuracy plot into <see cref="BenchmarkOptions.OutputDirectory"/>.
    /// </summary>
    /// <param name="options">What to run.</param>
    /// <param name="console">Where progress and the table go.</param>
    /// <param name="split">The builder's split options (tests pass small ones for a fixture); <c>null</c> for the defaults.</param>
    /// <exception cref="LongTailData.Files.DataFileException">A package file is missing or damaged.</exception>
    public static ExperimentResult Run(BenchmarkOptions options, IAnsiConsole? console = null, SplitOptions? split = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        console ??= AnsiConsole.Console;
        var wall = Stopwatch.StartNew();
        var started = DateTime.UtcNow;
        string waitPolicy = Start(console);
        using var data = Load(options, console, split);
        var setup = Setup(options);
        int imbalance = (int)Math.Round(data.Imbalance);
        long[] counts = data.TrainCounts;
        var weights = LossCatalog.All.ToDictionary(s => s.Key,
            s => s.IsClassBalanced ? ClassBalancedWeights.Compute(counts, s.Beta) : Enumerable.Repeat(1.0, counts.Length).ToArray());

        var trainings = options.Losses.Select(LossCatalog.Get).GroupBy(LossCatalog.TrainingOf).ToArray();
        var plan = (from t in trainings from seed in Enumerable.Range(0, options.Seeds) select (t, seed)).ToArray();
        var runs = new List<RunResult>();
        var progress = new EpochProgress(console, (long)plan.Length * options.Epochs);
        int k = 0;
        foreach (var (training, seed) in plan)
        {
            console.WriteLine(Inv($"run {++k}/{plan.Length}  {string.Join(" / ", training.Select(r => r.Display))}  seed {seed}"));
            LossInstance loss = GlyphLosses.Create(training.Key, counts, options.Epochs);
            foreach (var run in Trainer.RunShared(training.Key, training.ToArray(), counts, data.Train, data.Test, imbalance, seed,
                         options.Epochs, progress.Report, loss, setup, data.Validation))
            {
                runs.Add(run);
                console.WriteLine(Inv($"  {run.Display}: balanced test error {run.TestErrorPercent:F2}%  ({run.TrainSeconds:F1} s, loss from {run.Source})"));
            }
        }

        var summary = Experiment.Summarise(runs);
        Directory.CreateDirectory(options.OutputDirectory);
        var files = new List<string>();
        if (options.Plots)
        {
            files.Add(GlyphPlot.AccuracyVsCount(Path.Combine(options.OutputDirectory, GlyphPlot.File), counts, summary));
        }

        files.Add(Path.Combine(options.OutputDirectory, ResultsWriter.MarkdownFile));
        files.Add(Path.Combine(options.OutputDirectory, ResultsWriter.JsonFile));
        wall.Stop();
        var result = new ExperimentResult(
            "./build.sh run --glyphs" + (options.CommandLine.Length > 0 ? " " + options.CommandLine : string.Empty),
            Machine.Describe(), started, wall.Elapsed.TotalSeconds, "unifont.hex + Unihan kRSUnicode", options.Epochs, Protocol.Threads,
            waitPolicy, data.ClassNames, [new TrainingSetInfo(imbalance, counts, weights)], runs, summary, files);
        File.WriteAllText(Path.Combine(options.OutputDirectory, ResultsWriter.JsonFile), ResultsWriter.ToJson(result));
        File.WriteAllText(Path.Combine(options.OutputDirectory, ResultsWriter.MarkdownFile), GlyphReport.Markdown(result, options.Width));
        GlyphReport.Print(console, result);
        return result;
    }

    /// <summary>Passive OpenMP waiting and the protocol's thread count, as the demo does; returns the wait policy.</summary>
    internal static string Start(IAnsiConsole console)
    {
        string? waitPolicy = OpenMp.PreferPassiveWaiting();
        torch.set_num_threads(Protocol.Threads);
        console.WriteLine(Inv($"libtorch: {torch.get_num_threads()} threads, OMP_WAIT_POLICY={waitPolicy ?? "(default)"}."));
        return waitPolicy ?? "default";
    }

    /// <summary>Builds the data set and, at the full default split, checks the counts file and the generated losses.</summary>
    internal static GlyphData Load(BenchmarkOptions options, IAnsiConsole console, SplitOptions? split)
    {
        var data = GlyphData.Load(options.Unifont, options.Unihan, options.Classes, split);
        if (options.Classes is null && split is null)
        {
            GlyphLosses.Verify(data.TrainCounts, data.Keys.ToArray());
            console.WriteLine("glyphs.counts.csv equals the builder's training counts; the generated Glyph*Weights/Loss equal the runtime maths: checked.");
        }

        console.WriteLine(Inv($"glyphs: {data.ClassCount} classes; {data.Train.Count} training (largest {data.TrainCounts.Max()}, smallest {data.TrainCounts.Min()}, imbalance {data.Imbalance:F1}), {data.Validation.Count} validation, {data.Test.Count} balanced test glyphs."));
        return data;
    }

    /// <summary>The CNN of <paramref name="options"/> and the literature's shot groups.</summary>
    internal static TrainingSetup Setup(BenchmarkOptions options) =>
        new((inputs, classes, normedHead) => new GlyphCnn(options.Width, classes, normedHead), Shots);

    internal static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);

    /// <summary>One line per few epochs with the time left, for logs.</summary>
    internal sealed class EpochProgress(IAnsiConsole console, long totalEpochs)
    {
        private readonly Stopwatch clock = Stopwatch.StartNew();
        private long done;

        public void Report(EpochReport report)
        {
            done++;
            if (report.Epoch == 1 || report.Epoch == report.Epochs || report.Epoch % 4 == 0)
            {
                double eta = clock.Elapsed.TotalSeconds / done * (totalEpochs - done);
                console.WriteLine(Inv($"  epoch {report.Epoch,3}/{report.Epochs}  loss {report.MeanLoss:F4}  lr {report.LearningRate:G3}  elapsed {Experiment.FormatDuration(clock.Elapsed.TotalSeconds)}  ETA {Experiment.FormatDuration(eta)}"));
            }
        }
    }
}
