using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using CbGen.Evaluation;
using LongTailData;
using LongTailData.WordNet;

namespace WordNetLongTail.MlNet;

/// <summary>Everything one benchmark run wrote; the load averages (1, 5 and 15 minutes) as
/// <see cref="MachineInfo.LoadAverage"/> read them when the run started and ended.</summary>
public sealed record BenchmarkRun(
    BenchmarkOptions Options, LongTailDataset<GlossSample> Data, Prepared Prepared, IReadOnlyList<ResultRow> Rows,
    DateTime StartedUtc, double WallSeconds, IReadOnlyList<string> CommandLine, string LoadAtStart = "unknown",
    string LoadAtEnd = "unknown");

/// <summary>results.json and results.md.</summary>
public static class Report
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>The machine, as the table states it.</summary>
    public static string Machine =>
        MachineInfo.CpuModel() + ", " + Environment.ProcessorCount.ToString(CultureInfo.InvariantCulture) + " logical cores, "
        + RuntimeInformation.OSDescription + ", " + RuntimeInformation.FrameworkDescription;

    /// <summary>The run as JSON: settings, data, and per row every metric and the per-class accuracy.</summary>
    public static string Json(BenchmarkRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var o = run.Options;
        var doc = new
        {
            command = Command(run),
            machine = Machine,
            startedUtc = run.StartedUtc.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
            wallSeconds = Math.Round(run.WallSeconds, 1),
            loadAverageAtStart = run.LoadAtStart,
            loadAverageAtEnd = run.LoadAtEnd,
            data = new
            {
                classes = run.Data.ClassNames,
                trainCounts = run.Data.Split.TrainCounts,
                train = run.Data.Split.TrainIndices.Count,
                validation = run.Data.Split.ValidationIndices.Count,
                test = run.Data.Split.TestIndices.Count,
                testPerClass = run.Data.Split.TestPerClass,
                splitSeed = run.Data.Options.Seed,
                features = run.Prepared.FeatureCount,
            },
            settings = new
            {
                beta = o.Beta,
                sdcaIterations = o.SdcaIterations,
                lightGbmIterations = o.LightGbmIterations,
                lightGbmLeaves = o.LightGbmLeaves,
                minTokenCount = o.MinTokenCount,
                taus = o.TauGrid,
                seed = o.Seed,
                shots = new { manyAbove = BenchmarkOptions.Shots.ManyAbove, fewBelow = BenchmarkOptions.Shots.FewBelow },
            },
            rows = run.Rows.Select(r => new
            {
                trainer = r.Trainer,
                method = r.Method,
                balancedError = r.Report.BalancedError,
                accuracy = r.Report.Accuracy,
                macroF1 = r.Report.MacroF1,
                manyShotAccuracy = r.Report.ManyShotAccuracy,
                mediumShotAccuracy = r.Report.MediumShotAccuracy,
                fewShotAccuracy = r.Report.FewShotAccuracy,
                fitSeconds = Math.Round(r.FitSeconds, 1),
                note = r.Note,
                perClassAccuracy = r.Report.PerClassAccuracy,
            }),
        };
        return JsonSerializer.Serialize(doc, Indented) + "\n";
    }

    /// <summary>The table, with the settings and how to read it.</summary>
    public static string Markdown(BenchmarkRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var o = run.Options;
        var split = run.Data.Split;
        long[] train = split.TrainCounts.ToArray();
        ShotThresholds shots = BenchmarkOptions.Shots;
        int Group(ShotGroup g) => train.Count(n => shots.Classify(n) == g);
        var s = new StringBuilder();
        s.AppendLine("# WordNet glosses → supersenses: ML.NET SDCA and LightGBM, unweighted, class-balanced and post-hoc adjusted");
        s.AppendLine();
        s.AppendLine("- Command: `" + Command(run) + "`");
        s.AppendLine("- Machine: " + Machine + "; load average (1, 5, 15 min) " + run.LoadAtStart + " at the start and " + run.LoadAtEnd + " at the end. Times are wall-clock and include whatever else ran.");
        s.AppendLine(F("- Started: {0:yyyy-MM-dd HH:mm} UTC; wall time {1:F0} s for the whole run (data, features, {2} trainings, every evaluation)",
            run.StartedUtc, run.WallSeconds, 2 * o.TrainerNames.Count));
        s.AppendLine(F("- Data: `wordnet-base`, {0} supersense classes; split seed {1}: {2:N0} training, {3:N0} validation (stratified), {4:N0} test ({5} per class, balanced). Training counts {6:N0} … {7:N0} (imbalance {8:F0}).",
            run.Data.ClassNames.Count, run.Data.Options.Seed, split.TrainIndices.Count, split.ValidationIndices.Count,
            split.TestIndices.Count, split.TestPerClass, train.Max(), train.Min(), (double)train.Max() / train.Min()));
        s.AppendLine(F("- Features: FeaturizeText, lower-cased word unigrams and bigrams (no character n-grams), L2-normalised, kept when seen in ≥ {0} training glosses: {1:N0} features.",
            o.MinTokenCount, run.Prepared.FeatureCount));
        s.AppendLine(F("- SDCA max. entropy: {0} passes, 1 thread. LightGBM: {1} rounds, {2} leaves, learning rate 0.2, ≥ 10 rows per leaf, 2 threads. MLContext seed {3}, one seed (no ± : the test set has 10 glosses per class, so one class's accuracy moves in steps of 10 points and the balanced error in steps of 0.22).",
            o.SdcaIterations, o.LightGbmIterations, o.LightGbmLeaves, o.Seed));
        s.AppendLine(F("- CB: CbGen.ML `ClassBalancedWeights(\"Label\", counts, beta: {0})` as `ExampleWeightColumnName` (β fixed beforehand, not tuned). Post-hoc: CbGen.ML `PriorAdjustment(counts, tau)` on the unweighted model; τ = 1 (no choice), and τ picked on the validation split.",
            TextBenchmark.Text(o.Beta)));
        s.AppendLine(F("- Shot groups by training count: many > {0} ({1} classes), medium ({2}), few < {3} ({4}); accuracy is the mean over the group's classes. Metrics: CbGen.Evaluation via `EvaluateLongTail`.",
            shots.ManyAbove, Group(ShotGroup.Many), Group(ShotGroup.Medium), shots.FewBelow, Group(ShotGroup.Few)));
        s.AppendLine();
        s.AppendLine("| Trainer | Method | Balanced error % | Accuracy % | Macro-F1 % | Many-shot acc % | Medium-shot acc % | Few-shot acc % | Fit time |");
        s.AppendLine("|---|---|---:|---:|---:|---:|---:|---:|---:|");
        foreach (ResultRow r in run.Rows)
        {
            double bestBalanced = run.Rows.Where(x => x.Trainer == r.Trainer).Min(x => x.Report.BalancedError);
            string be = P(r.Report.BalancedError);
            s.AppendLine(F("| {0} | {1} | {2} | {3} | {4} | {5} | {6} | {7} | {8} |", r.Trainer, r.Method,
                r.Report.BalancedError == bestBalanced ? "**" + be + "**" : be, P(r.Report.Accuracy), P(r.Report.MacroF1),
                P(r.Report.ManyShotAccuracy), P(r.Report.MediumShotAccuracy), P(r.Report.FewShotAccuracy),
                r.FitSeconds > 0 ? r.FitSeconds.ToString("F0", CultureInfo.InvariantCulture) + " s" : "— (no training)"));
        }

        s.AppendLine();
        s.AppendLine("Bold: the lowest balanced error per trainer. On a balanced test set the balanced error equals the error.");
        foreach (ResultRow r in run.Rows.Where(r => r.Note.Length > 0))
        {
            s.AppendLine("- " + r.Trainer + ", " + r.Method + ": " + r.Note + ".");
        }

        return s.ToString();
    }

    /// <summary>The command that reproduces the run.</summary>
    public static string Command(BenchmarkRun run) =>
        string.Join(" ", new[] { "./build.sh run --wordnet" }.Concat(run.CommandLine));

    private static string P(double? value) => value is double v ? (100 * v).ToString("F1", CultureInfo.InvariantCulture) : "—";

    private static string F(string format, params object[] args) => string.Format(CultureInfo.InvariantCulture, format, args);
}
