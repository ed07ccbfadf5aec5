using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using CbGen.Evaluation;
using CbGen.TorchSharp;
using FashionMnistLongTail.Data;
using FashionMnistLongTail.Reporting;
using TorchSharp;
using static TorchSharp.torch;

namespace FashionMnistLongTail.Training;

/// <summary>Progress of one run, after each epoch.</summary>
/// <param name="Epoch">The epoch just finished, 1-based.</param>
/// <param name="Epochs">Epochs in the run.</param>
/// <param name="MeanLoss">The epoch's mean training loss.</param>
/// <param name="LearningRate">The learning rate at the end of the epoch.</param>
public readonly record struct EpochReport(int Epoch, int Epochs, double MeanLoss, double LearningRate);

/// <summary>A trained model with its training record; disposing it disposes the model.</summary>
/// <param name="Model">The trained network.</param>
/// <param name="Source">Where the loss came from (torch, generated, runtime).</param>
/// <param name="EpochLosses">The mean training loss of each epoch.</param>
/// <param name="TrainSeconds">Training time.</param>
public sealed record TrainedModel(Classifier Model, string Source, double[] EpochLosses, double TrainSeconds) : IDisposable
{
    /// <inheritdoc />
    public void Dispose() => Model.Dispose();
}

/// <summary>Trains and evaluates one run of the protocol (see <see cref="Protocol"/>).</summary>
public static class Trainer
{
    /// <summary>Examples per forward pass when evaluating.</summary>
    public const int EvalBatchSize = 2500;

    /// <summary>
    /// Trains the MLP with <paramref name="spec"/>'s loss on <paramref name="train"/> and evaluates it on
    /// <paramref name="test"/>. Deterministic for a given seed on a given machine: the weights come from
    /// <c>torch.manual_seed(seed)</c> and the batch order from <c>new Random(seed)</c>.
    /// </summary>
    /// <param name="spec">The loss.</param>
    /// <param name="counts">Training images per class (the class-balanced weights come from these).</param>
    /// <param name="train">The long-tailed training set.</param>
    /// <param name="test">The balanced test set.</param>
    /// <param name="imbalance">The imbalance factor (reported only).</param>
    /// <param name="seed">The seed.</param>
    /// <param name="epochs">Epochs.</param>
    /// <param name="onEpoch">Called after each epoch (may be null).</param>
    /// <param name="loss">The loss to train with; <c>null</c> builds <paramref name="spec"/>'s (see <see cref="LossCatalog.Create"/>).</param>
    /// <param name="setup">The network and shot thresholds; <c>null</c> for the demo's (<see cref="TrainingSetup.Default"/>).</param>
    public static RunResult Run(LossSpec spec, long[] counts, TensorData train, TensorData test, int imbalance,
        int seed, int epochs, Action<EpochReport>? onEpoch = null, LossInstance? loss = null, TrainingSetup? setup = null)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return RunShared(LossCatalog.TrainingOf(spec), [spec], counts, train, test, imbalance, seed, epochs, onEpoch, loss, setup)[0];
    }

    /// <summary>
    /// Trains one model with <paramref name="trained"/>'s loss and evaluates it once per row of
    /// <paramref name="rows"/>: the run itself, and post-hoc rows that adjust its logits at prediction
    /// (<see cref="LossSpec.EvaluatesModelOf"/>) — the same weights, no second training. Every row's
    /// <see cref="RunResult.TrainSeconds"/> and epoch losses are that one training's.
    /// </summary>
    /// <remarks><paramref name="validation"/>, data disjoint from <paramref name="train"/>, is where the τ-normalisation
    /// row chooses τ (see <see cref="DecoupledClassifier.Build"/>); no other row uses it.</remarks>
    /// <exception cref="ArgumentException">A row does not evaluate <paramref name="trained"/>'s model, or the τ-normalisation
    /// row has no validation split.</exception>
    public static IReadOnlyList<RunResult> RunShared(LossSpec trained, IReadOnlyList<LossSpec> rows, long[] counts,
        TensorData train, TensorData test, int imbalance, int seed, int epochs, Action<EpochReport>? onEpoch = null,
        LossInstance? loss = null, TrainingSetup? setup = null, TensorData? validation = null)
    {
        ArgumentNullException.ThrowIfNull(trained);
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(test);
        foreach (var row in rows)
        {
            if (LossCatalog.TrainingOf(row) != trained)
            {
                throw new ArgumentException($"Row {row.Key} does not evaluate the model of run {trained.Key}.", nameof(rows));
            }
        }

        setup ??= TrainingSetup.Default;
        using TrainedModel model = Train(trained, counts, train, seed, epochs, onEpoch, loss, setup);
        var results = new List<RunResult>(rows.Count);
        foreach (var row in rows)
        {
            LongTailReport report;
            string source;
            if (row.Decoupling != Decoupling.None)
            {
                using DecoupledClassifier decoupled = DecoupledClassifier.Build(row, model.Model, train, counts, seed, validation);
                report = Evaluate(decoupled.Logits, test, counts, setup.Shots);
                source = model.Source + " + " + decoupled.Source;
            }
            else
            {
                (Func<Tensor, Tensor>? adjust, string? adjustSource) = row.IsPostHoc ? LossCatalog.PostHocAdjustment(row, counts) : (null, null);
                report = Evaluate(model.Model, test, counts, adjust, setup.Shots);
                source = row.IsPostHoc ? model.Source + " + " + adjustSource : model.Source;
            }

            results.Add(new RunResult(imbalance, row.Key, row.Display, seed, source, 100.0 * report.Error,
                report.PerClassAccuracy.Select(a => a is double v ? 100.0 * v : double.NaN).ToArray(),
                100.0 * report.ManyShotAccuracy, 100.0 * report.MediumShotAccuracy, 100.0 * report.FewShotAccuracy,
                model.TrainSeconds, model.EpochLosses));
        }

        return results;
    }

    /// <summary>Trains the network of <paramref name="setup"/> (the demo's MLP by default; see <see cref="Run"/>) and
    /// returns it with its training record; the caller disposes it.</summary>
    public static TrainedModel Train(LossSpec spec, long[] counts, TensorData train, int seed, int epochs,
        Action<EpochReport>? onEpoch = null, LossInstance? loss = null, TrainingSetup? setup = null)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(counts);
        ArgumentNullException.ThrowIfNull(train);
        ArgumentOutOfRangeException.ThrowIfLessThan(epochs, 1);

        torch.manual_seed(seed);
        int classes = counts.Length;
        var model = (setup ?? TrainingSetup.Default).CreateModel((int)train.Features.shape[1], classes, spec.UsesNormedHead);
        try
        {
            if (spec.UsesSigmoidBias)
            {
                CbTraining.InitializeBiasForSigmoid(model.Head);
            }

            loss ??= LossCatalog.Create(spec, counts, epochs);
            var (epochLosses, seconds) = Fit(model, loss.Module, train, spec, seed, epochs, onEpoch);
            return new TrainedModel(model, loss.Source, epochLosses, seconds);
        }
        catch
        {
            model.Dispose();
            throw;
        }
    }

    private static (double[] EpochLosses, double Seconds) Fit(Classifier model, nn.Module<Tensor, Tensor, Tensor> loss, TensorData train,
        LossSpec spec, int seed, int epochs, Action<EpochReport>? onEpoch)
    {
        using var lossModule = loss;
        using var optimizer = CbTraining.SgdWithoutBiasDecay(model, Protocol.LearningRate, Protocol.Momentum, spec.WeightDecay);
        int n = train.Count;
        int iterationsPerEpoch = (n + Protocol.BatchSize - 1) / Protocol.BatchSize;
        var order = new long[n];
        for (int i = 0; i < n; i++)
        {
            order[i] = i;
        }

        var rng = new Random(seed);
        var epochLosses = new double[epochs];
        var clock = Stopwatch.StartNew();
        int iteration = 0;
        double lr = 0.0;
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            model.train();
            if (DeferredOf(lossModule) is { } drw)
            {
                drw.Step(epoch);    // LDAM-DRW: unweighted until the first lr drop, class-balanced from then on
            }

            Shuffle(order, rng);
            using var permutation = tensor(order);
            using var lossSum = zeros(1, dtype: float64);
            for (int start = 0; start < n; start += Protocol.BatchSize, iteration++)
            {
                using var scope = NewDisposeScope();
                int size = Math.Min(Protocol.BatchSize, n - start);
                lr = Protocol.LearningRateAt(epoch, iteration, iterationsPerEpoch, epochs);
                foreach (var group in optimizer.ParamGroups)
                {
                    group.LearningRate = lr;
                }

                var index = permutation.narrow(0, start, size);
                var x = train.Features.index_select(0, index);
                var y = train.Labels.index_select(0, index);
                optimizer.zero_grad();
                var value = lossModule.call(model.call(x), y);
                value.backward();
                optimizer.step();
                using (no_grad())
                {
                    lossSum.add_(value.detach().to(float64) * size);
                }
            }

            epochLosses[epoch] = lossSum.item<double>() / n;
            if (!double.IsFinite(epochLosses[epoch]))
            {
                throw new InvalidOperationException(
                    $"Run {spec.Key} seed {seed}: the training loss became {epochLosses[epoch]} in epoch {epoch + 1}.");
            }

            onEpoch?.Invoke(new EpochReport(epoch + 1, epochs, epochLosses[epoch], lr));
        }

        clock.Stop();
        return (epochLosses, clock.Elapsed.TotalSeconds);
    }

    /// <summary>The predicted class of every example of <paramref name="data"/>, batched and without gradients;
    /// with <paramref name="adjust"/> (post-hoc logit adjustment, see <see cref="LossCatalog.PostHocAdjustment"/>)
    /// the argmax is taken over the adjusted logits.</summary>
    public static long[] Predict(nn.Module<Tensor, Tensor> model, TensorData data, Func<Tensor, Tensor>? adjust = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(data);
        model.eval();
        return Predict(x => adjust is null ? model.call(x) : adjust(model.call(x)), data);
    }

    /// <summary>The predicted class of every example of <paramref name="data"/>: the argmax of
    /// <paramref name="logitsOf"/>, batched and without gradients.</summary>
    public static long[] Predict(Func<Tensor, Tensor> logitsOf, TensorData data)
    {
        ArgumentNullException.ThrowIfNull(logitsOf);
        ArgumentNullException.ThrowIfNull(data);
        var predictions = new long[data.Count];
        using (no_grad())
        {
            for (int start = 0; start < data.Count; start += EvalBatchSize)
            {
                using var scope = NewDisposeScope();
                int size = Math.Min(EvalBatchSize, data.Count - start);
                var logits = logitsOf(data.Features.narrow(0, start, size));
                logits.argmax(1).data<long>().CopyTo(predictions, start);
            }
        }

        return predictions;
    }

    /// <summary>The long-tail metrics of <paramref name="model"/> on <paramref name="data"/> (CbGen.Evaluation), with
    /// shot groups taken from the training <paramref name="counts"/> (<paramref name="shots"/>; the demo's
    /// <see cref="LongTail.Thresholds"/> by default); with <paramref name="adjust"/>, of the logits adjusted post hoc
    /// (see <see cref="Predict(nn.Module{Tensor, Tensor}, TensorData, Func{Tensor, Tensor})"/>).</summary>
    public static LongTailReport Evaluate(nn.Module<Tensor, Tensor> model, TensorData data, long[] counts, Func<Tensor, Tensor>? adjust = null,
        ShotThresholds? shots = null)
    {
        long[] predicted = Predict(model, data, adjust);
        long[] actual = Array.ConvertAll(data.LabelBytes, b => (long)b);
        return LongTailMetrics.Compute(predicted, actual, counts, shots ?? LongTail.Thresholds);
    }

    /// <summary>The long-tail metrics of the predictions <paramref name="logitsOf"/> makes on <paramref name="data"/>
    /// (a decoupled classifier, see <see cref="DecoupledClassifier"/>).</summary>
    public static LongTailReport Evaluate(Func<Tensor, Tensor> logitsOf, TensorData data, long[] counts, ShotThresholds? shots = null)
    {
        long[] predicted = Predict(logitsOf, data);
        long[] actual = Array.ConvertAll(data.LabelBytes, b => (long)b);
        return LongTailMetrics.Compute(predicted, actual, counts, shots ?? LongTail.Thresholds);
    }

    /// <summary>The deferred re-weighting loss to step each epoch: <paramref name="loss"/> itself, or the one a generated
    /// <c>{Name}Loss</c> wraps (<see cref="PerClassLoss{TLoss}.Inner"/>); null for a loss that defers nothing.</summary>
    public static DeferredReweightingLoss? DeferredOf(object loss) => loss switch
    {
        DeferredReweightingLoss deferred => deferred,
        PerClassLoss<DeferredReweightingLoss> generated => generated.Inner,
        _ => null,
    };

    private static void Shuffle(long[] order, Random rng)
    {
        for (int i = order.Length - 1; i > 0; i--)
        {
            int j = rng.Next(i + 1);
            (order[i], order[j]) = (order[j], order[i]);
        }
    }
}
