using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using CbGen.Evaluation;
using FashionMnistLongTail;
using FashionMnistLongTail.Reporting;
using Spectre.Console;
using Text = FashionMnistLongTail.Reporting.Text;

namespace GlyphsLongTail;

/// <summary>The benchmark's results.md and console table.</summary>
public static class GlyphReport
{
    /// <summary>The results.md text.</summary>
    public static string Markdown(ExperimentResult result, int width)
    {
        ArgumentNullException.ThrowIfNull(result);
        var md = new StringBuilder();
        void Line(string text = "") => md.Append(text).Append('\n');
        var set = result.TrainingSets[0];
        Line("# Glyphs → radicals: long-tail losses on a natural long tail");
        Line();
        Line(F($"- Command: `{result.Command}`"));
        Line(F($"- Machine: {result.Machine}; libtorch threads: {result.Threads}, OpenMP wait policy {result.OpenMpWaitPolicy}"));
        Line(F($"- Started: {result.StartedUtc:yyyy-MM-dd HH:mm} UTC; wall time {Experiment.FormatDuration(result.WallSeconds)} ({result.WallSeconds:F0} s) for {result.Runs.Count} rows × seeds"));
        Line(F($"- Data: {result.ClassNames.Count} radical classes, {set.Counts.Sum()} training glyphs (largest class {set.Counts.Max()}, smallest {set.Counts.Min()}, imbalance {(double)set.Counts.Max() / set.Counts.Min():F1}); ")
            + "the builder's rule and split are in docs/datasets.md (balanced test set of 10 glyphs per class; the validation split is used by `--search` and to choose τ-normalisation's τ, never for training).");
        Line(F($"- Model: CNN conv3×3({width})-BN-ReLU-pool, conv3×3({2 * width})-BN-ReLU-pool, linear (cosine NormedLinear for LDAM); pixels 1 ink / 0 paper. ")
            + F($"Training: the Fashion-MNIST demo's protocol (SGD momentum 0.9, batch 128, lr 0.05, 2 warm-up epochs, ×0.1 at epochs {Protocol.FirstDrop(result.Epochs)} and {Protocol.SecondDrop(result.Epochs)} of {result.Epochs}, weight decay 5e-4 on weights). ")
            + "Seeds: `torch.manual_seed(seed)` for the weights, `new Random(seed)` for the batch order.");
        Line(F($"- Error: top-1 error on the balanced test set, which is the balanced error. Many/medium/few-shot: mean accuracy of the classes with > {Benchmark.Shots.ManyAbove}, {Benchmark.Shots.FewBelow}–{Benchmark.Shots.ManyAbove}, < {Benchmark.Shots.FewBelow} training glyphs ({Count(set, ShotGroup.Many)}/{Count(set, ShotGroup.Medium)}/{Count(set, ShotGroup.Few)} classes)."));
        Line("- Loss from: `generated` = the `Glyph*Loss` types the generator made from glyphs.counts.csv; `runtime` = `CbLosses.FromCounts` (e.g. with `--classes`); `torch` = `nn.CrossEntropyLoss`.");
        Line();
        int seeds = result.Summary.Count == 0 ? 0 : result.Summary.Max(r => r.Seeds);
        Line(F($"| Loss | Balanced error % (mean ± std, {seeds} seeds) | Many-shot acc % | Medium-shot acc % | Few-shot acc % | Train time / run | Loss from |"));
        Line("|---|---:|---:|---:|---:|---:|---|");
        double best = result.Summary.Min(r => r.TestErrorMean);
        foreach (var r in result.Summary)
        {
            string error = Text.MeanStd(r.TestErrorMean, r.TestErrorStd, r.Seeds);
            Line(F($"| {r.Display} | {(r.TestErrorMean == best ? "**" + error + "**" : error)} | {Text.Percent(r.ManyShotMean)} | {Text.Percent(r.MediumShotMean)} | {Text.Percent(r.FewShotMean)} | {Experiment.FormatDuration(r.TrainSecondsMean)} | {r.Source} |"));
        }

        foreach (string png in result.Files.Where(f => f.EndsWith(".png", StringComparison.OrdinalIgnoreCase)))
        {
            Line();
            Line(F($"![{Path.GetFileNameWithoutExtension(png)}]({Path.GetFileName(png)})"));
        }

        return md.ToString();
    }

    /// <summary>The table on the console and the wall time.</summary>
    public static void Print(IAnsiConsole console, ExperimentResult result)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(result);
        var table = new Table().Title(Markup.Escape(F($"Glyphs → radicals, {result.ClassNames.Count} classes, {result.Epochs} epochs, balanced test set")))
            .AddColumn("Loss").AddColumn(new TableColumn("Bal. error %").RightAligned()).AddColumn(new TableColumn("Many %").RightAligned())
            .AddColumn(new TableColumn("Medium %").RightAligned()).AddColumn(new TableColumn("Few %").RightAligned()).AddColumn("Loss from");
        foreach (var r in result.Summary)
        {
            table.AddRow(Markup.Escape(r.Display), Markup.Escape(Text.MeanStd(r.TestErrorMean, r.TestErrorStd, r.Seeds)),
                Text.Percent(r.ManyShotMean), Text.Percent(r.MediumShotMean), Text.Percent(r.FewShotMean), Markup.Escape(r.Source));
        }

        console.Write(table);
        console.WriteLine(F($"Wall time: {Experiment.FormatDuration(result.WallSeconds)} ({result.WallSeconds:F0} s). Results in {string.Join(", ", result.Files)}."));
    }

    private static int Count(TrainingSetInfo set, ShotGroup group) => set.Counts.Count(n => Benchmark.Shots.Classify(n) == group);

    private static string F(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
