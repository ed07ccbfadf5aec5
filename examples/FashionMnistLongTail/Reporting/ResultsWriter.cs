using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using FashionMnistLongTail.Data;

namespace FashionMnistLongTail.Reporting;

/// <summary>Writes results.json (everything, machine-readable) and results.md (the tables, for humans).</summary>
public static class ResultsWriter
{
    /// <summary>The JSON file name.</summary>
    public const string JsonFile = "results.json";

    /// <summary>The Markdown file name.</summary>
    public const string MarkdownFile = "results.md";

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,

        // A class absent from a (synthetic) test set has accuracy NaN; write it rather than fail at the very end.
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    /// <summary>Writes both files into <paramref name="directory"/>.</summary>
    public static void Write(string directory, ExperimentResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, JsonFile), ToJson(result));
        File.WriteAllText(Path.Combine(directory, MarkdownFile), Markdown(result));
    }

    /// <summary>The results.json text of <paramref name="result"/>: indented, camelCase, NaN written as "NaN".</summary>
    public static string ToJson<T>(T result) => JsonSerializer.Serialize(result, JsonOptions) + "\n";

    /// <summary>The results.md text.</summary>
    public static string Markdown(ExperimentResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var md = new StringBuilder();
        void Line(string text = "") => md.Append(text).Append('\n');
        string F(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);

        Line("# Fashion-MNIST-LT: long-tail losses and classifier re-balancing");
        Line();
        Line(F($"- Command: `{result.Command}`"));
        Line(F($"- Machine: {result.Machine}; libtorch threads: {result.Threads} (`torch.set_num_threads`), OpenMP wait policy {result.OpenMpWaitPolicy}"));
        Line(F($"- Started: {result.StartedUtc:yyyy-MM-dd HH:mm} UTC; wall time {Experiment.FormatDuration(result.WallSeconds)} ({result.WallSeconds:F0} s) for {result.Runs.Count} runs"));
        Line(F($"- Data: the real Fashion-MNIST IDX files from `{result.DataDirectory}`"));
        Line(F($"- Protocol: class i keeps its first ⌊6000·(1/IF)^(i/9)⌋ training images (file order); test on the balanced 10,000 test images. ")
            + F($"Pixels /255, standardised (mean 0.2860, std 0.3530), flattened. MLP 784-512-ReLU-256-ReLU-10. SGD momentum 0.9, batch 128, ")
            + F($"{result.Epochs} epochs, lr 0.05 with linear warm-up over 2 epochs, ×0.1 at epochs {Protocol.FirstDrop(result.Epochs)} and {Protocol.SecondDrop(result.Epochs)}, ")
            + "weight decay 5e-4 on weights only; sigmoid/focal runs start the last bias at −log(C−1); LDAM runs use the official "
            + "code's cosine last layer (NormedLinear, no bias) and re-weight (DRW) from the first lr drop. "
            + "Seeds: `torch.manual_seed(seed)` for the weights, `new Random(seed)` for the batch order.");
        Line("- Many/medium/few-shot: classes with > 1000, 200–1000, < 200 training images; accuracy is the mean over those classes.");
        Line("- Loss from: `torch` = `nn.CrossEntropyLoss`; `generated` = the `FashionMnist*Loss` types the CbGen generator made from the `FashionMnist` enum "
            + "(IF 100 counts; LDAM-DRW only with 30 epochs, its compile-time K = 20); `runtime` = the runtime factory `CbLosses.FromCounts` (other IFs, `--subset`, `--epochs`). "
            + "A post-hoc row (`+ generated AdjustLogits` or `+ runtime adjust_logits`) is the baseline's trained model evaluated a second time with its logits adjusted: "
            + "it trains nothing, and its time and epoch losses are the baseline's.");
        Line("- Training times are wall-clock per run and include any load from other processes on the machine.");

        foreach (var set in result.TrainingSets)
        {
            var rows = result.Summary.Where(s => s.Imbalance == set.Imbalance).ToArray();
            if (rows.Length == 0)
            {
                continue;
            }

            Line();
            Line(F($"## Imbalance factor {set.Imbalance} ({set.Counts.Sum()} training images)"));
            Line();
            int seeds = rows.Max(r => r.Seeds);
            string errorHeader = seeds == 1 ? "Test error % (1 seed)" : F($"Test error % (mean ± std over {seeds} seeds)");
            Line(F($"| Loss | {errorHeader} | Many-shot acc % | Medium-shot acc % | Few-shot acc % | Train time / run | Loss from |"));
            Line("|---|---:|---:|---:|---:|---:|---|");
            double best = rows.Min(r => r.TestErrorMean);
            foreach (var r in rows)
            {
                string error = Text.MeanStd(r.TestErrorMean, r.TestErrorStd, r.Seeds);
                Line(F($"| {r.Display} | {(r.TestErrorMean == best ? "**" + error + "**" : error)} | {Text.Percent(r.ManyShotMean)} | {Text.Percent(r.MediumShotMean)} | {Text.Percent(r.FewShotMean)} | {Experiment.FormatDuration(r.TrainSecondsMean)} | {r.Source} |"));
            }

            Line();
            Line("Per-class test accuracy % (mean over seeds) and class-balanced weights α (normalised to sum to C):");
            Line();
            // Runs with the same β have the same weights: one column per β.
            var betaColumns = rows
                .Select(r => LossCatalog.All.First(s => s.Key == r.Loss))
                .Where(s => s.IsClassBalanced)
                .GroupBy(s => s.Beta)
                .Select(g => (Beta: g.Key, Key: g.First().Key))
                .ToArray();
            var header = new StringBuilder("| Class | n | Group |");
            var rule = new StringBuilder("|---|---:|---|");
            foreach (var r in rows)
            {
                header.Append(' ').Append(r.Display).Append(" acc |");
                rule.Append("---:|");
            }

            foreach (var (beta, _) in betaColumns)
            {
                header.Append(F($" α (β={beta:0.####}) |"));
                rule.Append("---:|");
            }

            Line(header.ToString());
            Line(rule.ToString());
            for (int c = 0; c < set.Counts.Length; c++)
            {
                var line = new StringBuilder(F($"| {result.ClassNames[c]} | {set.Counts[c]} | {LongTail.Thresholds.Classify(set.Counts[c])} |"));
                foreach (var r in rows)
                {
                    line.Append(F($" {r.PerClassAccuracyMean[c]:F1} |"));
                }

                foreach (var (_, key) in betaColumns)
                {
                    line.Append(F($" {set.Weights[key][c]:F3} |"));
                }

                Line(line.ToString());
            }
        }

        var pngs = result.Files.Where(f => f.EndsWith(".png", StringComparison.OrdinalIgnoreCase)).ToArray();
        if (pngs.Length > 0)
        {
            Line();
            Line("## Plots");
            foreach (string png in pngs)
            {
                string name = Path.GetFileName(png);
                Line();
                Line(F($"![{Path.GetFileNameWithoutExtension(name)}]({name})"));
            }
        }

        return md.ToString();
    }
}
