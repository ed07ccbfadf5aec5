using System;
using System.IO;
using System.Linq;
using FashionMnistLongTail;
using Spectre.Console;

namespace CbGen.Examples.Tests;

/// <summary>
/// The demo's decoupled rows (cRT, τ-normalisation, LWS) and weight balancing: the decoupled rows evaluate the
/// cross-entropy model without training features of their own, and adding them leaves every other row's numbers as
/// they were (the demo's committed results must stay bit-identical).
/// </summary>
[Collection(TrainingCollection.Name)]
public sealed class DecoupledRowsTests : IDisposable
{
    private readonly string dir = SyntheticIdx.TempDir();

    public void Dispose() => Directory.Delete(dir, recursive: true);

    private static IAnsiConsole Quiet(StringWriter text) => AnsiConsole.Create(new AnsiConsoleSettings
    {
        Ansi = AnsiSupport.No,
        ColorSystem = ColorSystemSupport.NoColors,
        Interactive = InteractionSupport.No,
        Out = new AnsiConsoleOutput(text),
    });

    [Fact]
    public void The_new_rows_reuse_the_baseline_model_and_leave_the_other_rows_unchanged()
    {
        string data = Path.Combine(dir, "data");
        SyntheticIdx.WriteDataset(data, trainPerClass: 40, testPerClass: 10);
        var text = new StringWriter();
        var with = Experiment.Run(Options.Parse(["--data", data, "--out", Path.Combine(dir, "a"), "--subset", "30",
            "--epochs", "2", "--seeds", "1", "--losses", "ce,ce-crt,ce-taunorm,ce-lws,cb-softmax,wb", "--no-plots"]), Quiet(text)).Runs;
        var without = Experiment.Run(Options.Parse(["--data", data, "--out", Path.Combine(dir, "b"), "--subset", "30",
            "--epochs", "2", "--seeds", "1", "--losses", "ce,cb-softmax", "--no-plots"]), Quiet(new StringWriter())).Runs;

        Assert.Equal(["ce", "ce-crt", "ce-taunorm", "ce-lws", "cb-softmax", "wb"], with.Select(r => r.Loss));
        Assert.Contains("training 3/3", text.ToString(), StringComparison.Ordinal);   // ce, cb-softmax, wb: three trainings
        Assert.All(with.Take(4), r => Assert.Same(with[0].EpochLosses, r.EpochLosses));
        Assert.Contains("on 100 validation images", with[2].Source, StringComparison.Ordinal);   // the 10 per class the subset of 30 leaves
        foreach (string key in new[] { "ce", "cb-softmax" })
        {
            var a = with.Single(r => r.Loss == key);
            var b = without.Single(r => r.Loss == key);
            Assert.Equal(b.EpochLosses, a.EpochLosses);
            Assert.Equal(b.PerClassAccuracyPercent, a.PerClassAccuracyPercent);
            Assert.Equal(b.TestErrorPercent, a.TestErrorPercent);
        }

        Assert.All(with, r => Assert.InRange(r.TestErrorPercent, 0.0, 100.0));
    }
}
