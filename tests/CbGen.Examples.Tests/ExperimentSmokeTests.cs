using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using FashionMnistLongTail;
using FashionMnistLongTail.Reporting;
using Spectre.Console;

namespace CbGen.Examples.Tests;

/// <summary>End-to-end runs of <see cref="Experiment.Run"/> on synthetic IDX files (no Debian package needed).</summary>
[Collection(TrainingCollection.Name)]
public sealed class ExperimentSmokeTests : IDisposable
{
    private readonly string dir = SyntheticIdx.TempDir();

    public void Dispose() => Directory.Delete(dir, recursive: true);

    private static (IAnsiConsole Console, StringWriter Text) QuietConsole()
    {
        var text = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(text),
        });
        return (console, text);
    }

    [Fact]
    public void One_epoch_with_every_loss_writes_results_and_plots()
    {
        string data = Path.Combine(dir, "data");
        string output = Path.Combine(dir, "out");
        SyntheticIdx.WriteDataset(data, trainPerClass: 60, testPerClass: 20);
        var options = Options.Parse(["--data", data, "--out", output, "--subset", "50", "--epochs", "1", "--seeds", "1"]);
        var (console, text) = QuietConsole();

        var result = Experiment.Run(options, console);

        Assert.Equal(13, result.Runs.Count);
        // One training per group (the rows that evaluate ce's model follow it), in catalogue order.
        Assert.Equal(LossCatalog.All.GroupBy(LossCatalog.TrainingOf).SelectMany(g => g.Select(s => s.Key)), result.Runs.Select(r => r.Loss));
        Assert.All(result.Runs, r =>
        {
            Assert.InRange(r.TestErrorPercent, 0.0, 100.0);
            Assert.Single(r.EpochLosses);
            Assert.True(double.IsFinite(r.EpochLosses[0]) && r.EpochLosses[0] > 0);
            Assert.Equal(10, r.PerClassAccuracyPercent.Length);
        });

        // IF 100 capped at 50 per class: [50 × 9, 50] → not the enum's counts, so the runtime API builds the CB losses.
        Assert.Equal(Enumerable.Repeat(50L, 10), result.TrainingSets[0].Counts);
        Assert.Equal("torch", result.Runs[0].Source);
        Assert.Equal("torch + runtime adjust_logits", result.Runs[1].Source);
        Assert.StartsWith("torch + cRT", result.Runs[2].Source, StringComparison.Ordinal);
        Assert.StartsWith("torch + τ-normalisation τ=", result.Runs[3].Source, StringComparison.Ordinal);
        Assert.StartsWith("torch + LWS", result.Runs[4].Source, StringComparison.Ordinal);
        Assert.All(result.Runs.Skip(5).SkipLast(2), r => Assert.Equal("runtime", r.Source));
        Assert.StartsWith("torch + stage 2: CB softmax + MaxNorm", result.Runs[^2].Source, StringComparison.Ordinal);
        Assert.Equal(("vs", "runtime"), (result.Runs[^1].Loss, result.Runs[^1].Source));
        Assert.Contains("training 9/9", text.ToString(), StringComparison.Ordinal);     // ce-posthoc, ce-crt, ce-taunorm and ce-lws train no features of their own

        foreach (string file in new[] { "results.json", "results.md", "per_class_accuracy_if100.png",
                     "class_counts_weights_if100.png", "effective_number.png" })
        {
            var info = new FileInfo(Path.Combine(output, file));
            Assert.True(info.Exists, file + " was not written");
            Assert.True(info.Length > 200, file + " is suspiciously small");
        }

        var png = File.ReadAllBytes(Path.Combine(output, "effective_number.png"));
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, png.Take(4));

        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "results.json")));
        Assert.Equal(13, json.RootElement.GetProperty("runs").GetArrayLength());
        Assert.Equal(13, json.RootElement.GetProperty("summary").GetArrayLength());

        string md = File.ReadAllText(Path.Combine(output, "results.md"));
        Assert.Contains("CB focal γ=0.5 β=0.999", md, StringComparison.Ordinal);
        Assert.Contains("LDAM-DRW β=0.9999", md, StringComparison.Ordinal);
        Assert.Contains("![effective_number](effective_number.png)", md, StringComparison.Ordinal);
        Assert.Contains("Error %", text.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_seed_gives_the_same_numbers()
    {
        string data = Path.Combine(dir, "data");
        SyntheticIdx.WriteDataset(data, trainPerClass: 40, testPerClass: 10);
        RunResult[] Once(string name) => Experiment.Run(
            Options.Parse(["--data", data, "--out", Path.Combine(dir, name), "--subset", "30", "--epochs", "2",
                "--seeds", "2", "--losses", "ce,cb-focal1", "--no-plots"]),
            QuietConsole().Console).Runs.ToArray();

        var first = Once("a");
        var second = Once("b");

        Assert.Equal(4, first.Length);
        for (int i = 0; i < first.Length; i++)
        {
            Assert.Equal(first[i].EpochLosses, second[i].EpochLosses);
            Assert.Equal(first[i].PerClassAccuracyPercent, second[i].PerClassAccuracyPercent);
        }

        // Different seeds really do differ.
        Assert.NotEqual(first[0].EpochLosses, first[1].EpochLosses);
    }

    [Fact]
    public void Missing_data_is_a_DatasetException_naming_the_fix()
    {
        var options = Options.Parse(["--data", Path.Combine(dir, "empty"), "--out", Path.Combine(dir, "o")]);

        var e = Assert.Throws<FashionMnistLongTail.Data.DatasetException>(() => Experiment.Run(options, QuietConsole().Console));

        Assert.Contains("dataset-fashion-mnist", e.Message, StringComparison.Ordinal);
    }
}
