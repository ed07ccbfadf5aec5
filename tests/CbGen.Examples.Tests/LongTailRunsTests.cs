using System;
using System.IO;
using System.Linq;
using CbGen.TorchSharp;
using FashionMnistLongTail;
using FashionMnistLongTail.Data;
using FashionMnistLongTail.Training;
using Spectre.Console;
using static TorchSharp.torch;

namespace CbGen.Examples.Tests;

/// <summary>
/// The demo's logit-adjusted, LDAM-DRW and post-hoc rows: the catalog builds the right modules (values checked
/// against float64 loops of the papers' formulas), the post-hoc row evaluates the baseline's model without training
/// one, and a short run covers the three rows end to end.
/// </summary>
[Collection(TrainingCollection.Name)]
public sealed class LongTailRunsTests : IDisposable
{
    private readonly string dir = SyntheticIdx.TempDir();

    public void Dispose() => Directory.Delete(dir, recursive: true);

    private static readonly long[] Counts = LongTail.Counts(100);

    /// <summary>Per-sample softmax cross-entropy of shifted logits, by loops (log-sum-exp with the row max).</summary>
    private static double[] CrossEntropy(double[,] shifted, long[] y)
    {
        int b = shifted.GetLength(0), c = shifted.GetLength(1);
        var loss = new double[b];
        for (int i = 0; i < b; i++)
        {
            double max = double.NegativeInfinity;
            for (int k = 0; k < c; k++) max = Math.Max(max, shifted[i, k]);
            double sum = 0.0;
            for (int k = 0; k < c; k++) sum += Math.Exp(shifted[i, k] - max);
            loss[i] = max + Math.Log(sum) - shifted[i, y[i]];
        }

        return loss;
    }

    private static double[,] Logits(int b, int c, int seed)
    {
        var rng = new Random(seed);
        var z = new double[b, c];
        for (int i = 0; i < b; i++)
            for (int k = 0; k < c; k++)
                z[i, k] = rng.NextDouble() * 4 - 2;
        return z;
    }

    private static double Call(nn.Module<Tensor, Tensor, Tensor> loss, double[,] z, long[] y)
    {
        using var logits = tensor(z);
        using var target = tensor(y);
        using var value = loss.call(logits, target);
        return value.item<double>();
    }

    private static readonly long[] Y = [0, 3, 9, 8, 5, 1, 9, 7];

    [Fact]
    public void The_la_row_is_the_logit_adjusted_loss_with_tau_1_and_no_weights()
    {
        var spec = LossCatalog.Get(LossKind.LogitAdjusted);
        var loss = LossCatalog.Create(spec, Counts);
        using var module = loss.Module;
        Assert.Equal("generated", loss.Source);                  // the enum's FashionMnistLaLoss at IF 100
        Assert.IsType<FashionMnistLaLoss>(module);
        var la = Assert.IsType<FashionMnistLaLoss>(module).Inner;
        Assert.Equal(1.0, la.Tau);
        Assert.Null(la.ClassWeights);
        Assert.All(loss.Weights, w => Assert.Equal(1.0, w));

        double total = Counts.Sum();
        var z = Logits(Y.Length, 10, 1);
        var shifted = (double[,])z.Clone();
        for (int i = 0; i < Y.Length; i++)
            for (int k = 0; k < 10; k++)
                shifted[i, k] += Math.Log(Counts[k] / total);
        Assert.Equal(CrossEntropy(shifted, Y).Average(), Call(module, z, Y), 1e-12);

        var other = LossCatalog.Create(spec, LongTail.Counts(50));      // not the enum's counts: the runtime factory
        using var otherModule = other.Module;
        Assert.Equal("runtime", other.Source);
        Assert.IsType<LogitAdjustedLoss>(otherModule);
    }

    [Fact]
    public void The_ldam_drw_row_defers_the_beta_9999_weights_to_the_first_lr_drop()
    {
        var spec = LossCatalog.Get(LossKind.LdamDrw);
        Assert.True(spec.UsesNormedHead);
        var loss = LossCatalog.Create(spec, Counts, epochs: 30);
        using var module = loss.Module;
        Assert.Equal("generated", loss.Source);
        Assert.IsType<FashionMnistLdamDrwLoss>(module);
        var drw = Assert.IsType<FashionMnistLdamDrwLoss>(module).Inner;
        Assert.Same(drw, Trainer.DeferredOf(module));   // the trainer steps the wrapped loss (a type test for the leaf alone missed it)
        Assert.Equal(20, drw.DeferUntilEpoch);
        Assert.Equal(Protocol.FirstDrop(30), drw.DeferUntilEpoch);
        var weighted = Assert.IsType<LdamLoss>(drw.Weighted);
        Assert.Equal(30.0, weighted.Scale);
        Assert.Equal(MeanNormalizer.WeightSum, weighted.Normalizer);

        // α_c ∝ (1 − β)/(1 − β^n_c), summing to C; Δ_c = 0.5·n_c^(−1/4)/max n^(−1/4).
        const double beta = 0.9999;
        double[] raw = Counts.Select(n => (1 - beta) / (1 - Math.Pow(beta, n))).ToArray();
        double[] alpha = raw.Select(a => a * 10 / raw.Sum()).ToArray();
        double[] quarter = Counts.Select(n => Math.Pow(n, -0.25)).ToArray();
        double[] margins = quarter.Select(q => 0.5 * q / quarter.Max()).ToArray();
        for (int c = 0; c < 10; c++)
        {
            Assert.Equal(alpha[c], loss.Weights[c], 1e-12);
        }

        var z = Logits(Y.Length, 10, 2);
        var shifted = new double[Y.Length, 10];
        for (int i = 0; i < Y.Length; i++)
            for (int k = 0; k < 10; k++)
                shifted[i, k] = 30 * (z[i, k] - (k == Y[i] ? margins[k] : 0.0));
        double[] perSample = CrossEntropy(shifted, Y);

        drw.Step(19);
        Assert.Equal(perSample.Average(), Call(module, z, Y), 1e-10);
        drw.Step(20);
        double weightedMean = Y.Select((y, i) => alpha[y] * perSample[i]).Sum() / Y.Select(y => alpha[y]).Sum();
        Assert.Equal(weightedMean, Call(module, z, Y), 1e-10);

        var shortLoss = LossCatalog.Create(spec, Counts, epochs: 3);   // K = 20 is compiled in: 3 epochs need the runtime
        using var shortRun = shortLoss.Module;
        Assert.Equal("runtime", shortLoss.Source);
        Assert.Equal(Protocol.FirstDrop(3), Assert.IsType<DeferredReweightingLoss>(shortRun).DeferUntilEpoch);
    }

    [Fact]
    public void The_posthoc_row_trains_the_baseline_and_the_ldam_row_a_cosine_head()
    {
        var posthoc = LossCatalog.Get(LossKind.CrossEntropyPostHoc);
        Assert.True(posthoc.IsPostHoc);
        Assert.Equal(1.0, posthoc.Tau);
        Assert.Same(LossCatalog.Get(LossKind.CrossEntropy), LossCatalog.TrainingOf(posthoc));
        var loss = LossCatalog.Create(posthoc, Counts);
        using var module = loss.Module;
        Assert.Equal("torch", loss.Source);

        manual_seed(3);
        using var mlp = new Mlp(20, 16, 8, 10, normedHead: true);
        Assert.True(mlp.HasNormedHead);
        Assert.Throws<InvalidOperationException>(() => mlp.Head);
        Assert.DoesNotContain(mlp.named_parameters(), p => p.name.EndsWith("head.bias", StringComparison.Ordinal));
        using var x = randn(64, 20) * 50;
        using var logits = mlp.call(x);
        Assert.True(logits.abs().max().item<float>() <= 1.0f + 1e-5f);
    }

    [Fact]
    public void Post_hoc_prediction_is_the_argmax_of_z_minus_tau_log_pi()
    {
        long[] counts = [5000, 2000, 800, 300, 120, 50, 20, 8, 3, 1];
        manual_seed(5);
        using var mlp = new Mlp(12, 16, 16, 10);
        var rng = new Random(9);
        int n = 300;
        var pixels = new byte[n * 12];
        rng.NextBytes(pixels);
        var labels = Enumerable.Range(0, n).Select(i => (byte)(i % 10)).ToArray();
        using var data = TensorData.From(new IdxImages(n, 3, 4, pixels), new IdxLabels(labels));

        var posthoc = LossCatalog.PostHocAdjustment(LossCatalog.Get(LossKind.CrossEntropyPostHoc), counts);
        Assert.Equal("runtime adjust_logits", posthoc.Source);
        long[] raw = Trainer.Predict(mlp, data);
        long[] adjusted = Trainer.Predict(mlp, data, posthoc.Adjust);

        double total = counts.Sum();
        mlp.eval();
        using (no_grad())
        {
            using var z = mlp.call(data.Features).to(ScalarType.Float64);
            var values = z.data<double>().ToArray();
            for (int i = 0; i < n; i++)
            {
                int best = 0;
                double bestValue = double.NegativeInfinity;
                for (int k = 0; k < 10; k++)
                {
                    double v = values[i * 10 + k] - Math.Log(counts[k] / total);
                    if (v > bestValue)
                    {
                        bestValue = v;
                        best = k;
                    }
                }

                Assert.Equal(best, adjusted[i]);
            }
        }

        // The adjustment really changes predictions, and every change is toward a rarer class.
        Assert.NotEqual(raw, adjusted);
        for (int i = 0; i < n; i++)
        {
            Assert.True(counts[adjusted[i]] <= counts[raw[i]], $"sample {i}: {raw[i]} -> {adjusted[i]}");
        }
    }

    [Fact]
    public void At_the_enums_counts_the_posthoc_row_uses_the_generated_AdjustLogits()
    {
        var posthoc = LossCatalog.PostHocAdjustment(LossCatalog.Get(LossKind.CrossEntropyPostHoc), Counts);
        Assert.Equal("generated AdjustLogits", posthoc.Source);
        var z = Logits(Y.Length, 10, 4);
        using var logits = tensor(z);
        using var adjusted = posthoc.Adjust(logits);
        var values = adjusted.data<double>().ToArray();
        double total = Counts.Sum();
        for (int i = 0; i < Y.Length; i++)
            for (int k = 0; k < 10; k++)
                Assert.Equal(z[i, k] - Math.Log(Counts[k] / total), values[i * 10 + k], 1e-12);
    }

    private static IAnsiConsole Quiet(StringWriter text) => AnsiConsole.Create(new AnsiConsoleSettings
    {
        Ansi = AnsiSupport.No,
        ColorSystem = ColorSystemSupport.NoColors,
        Interactive = InteractionSupport.No,
        Out = new AnsiConsoleOutput(text),
    });

    [Fact]
    public void The_posthoc_row_reuses_the_baseline_model_and_trains_nothing_itself()
    {
        string data = Path.Combine(dir, "data");
        SyntheticIdx.WriteDataset(data, trainPerClass: 40, testPerClass: 10);
        var text = new StringWriter();
        var both = Experiment.Run(Options.Parse(["--data", data, "--out", Path.Combine(dir, "a"), "--subset", "30",
            "--epochs", "2", "--seeds", "1", "--losses", "ce,ce-posthoc", "--no-plots"]), Quiet(text)).Runs;
        var alone = Experiment.Run(Options.Parse(["--data", data, "--out", Path.Combine(dir, "b"), "--subset", "30",
            "--epochs", "2", "--seeds", "1", "--losses", "ce-posthoc", "--no-plots"]), Quiet(new StringWriter())).Runs;

        Assert.Equal(["ce", "ce-posthoc"], both.Select(r => r.Loss));
        Assert.Contains("training 1/1", text.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("training 2/", text.ToString(), StringComparison.Ordinal);
        Assert.Same(both[0].EpochLosses, both[1].EpochLosses);      // one training, two evaluations
        Assert.Equal(both[0].TrainSeconds, both[1].TrainSeconds);
        Assert.Equal(both[0].EpochLosses, alone[0].EpochLosses);    // alone, it still trains the plain CE model
        Assert.Equal(both[1].PerClassAccuracyPercent, alone[0].PerClassAccuracyPercent);
    }

    [Fact]
    public void A_short_run_covers_la_ldam_drw_and_ce_posthoc()
    {
        string data = Path.Combine(dir, "data");
        string output = Path.Combine(dir, "out");
        SyntheticIdx.WriteDataset(data, trainPerClass: 40, testPerClass: 10);
        var text = new StringWriter();
        var result = Experiment.Run(Options.Parse(["--data", data, "--out", output, "--subset", "30", "--epochs", "3",
            "--seeds", "1", "--losses", "la,ldam-drw,ce-posthoc"]), Quiet(text));

        Assert.Equal(["la", "ldam-drw", "ce-posthoc"], result.Runs.Select(r => r.Loss));
        Assert.Equal(["runtime", "runtime", "torch + runtime adjust_logits"], result.Runs.Select(r => r.Source));
        Assert.All(result.Runs, r =>
        {
            Assert.Equal(3, r.EpochLosses.Length);
            Assert.All(r.EpochLosses, l => Assert.True(double.IsFinite(l) && l > 0, "epoch loss " + l));
            Assert.InRange(r.TestErrorPercent, 0.0, 100.0);
        });
        Assert.Equal(3, result.Summary.Count);
        string md = File.ReadAllText(Path.Combine(output, "results.md"));
        Assert.Contains("Logit-adjusted τ=1", md, StringComparison.Ordinal);
        Assert.Contains("CE + post-hoc adjustment τ=1", md, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(output, "per_class_accuracy_if100.png")));
    }
}
