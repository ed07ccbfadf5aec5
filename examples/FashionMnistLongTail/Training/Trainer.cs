using System;
using System.Diagnostics;
using System.Linq;
using CbGen.TorchSharp;
using FashionMnistLongTail.Data;
using FashionMnistLongTail.Reporting;
using TorchSharp;
using static TorchSharp.torch;

namespace FashionMnistLongTail.Training
{
    /// <summary>Progress of one run, after each epoch.</summary>
    /// <param name="Epoch">The epoch just finished, 1-based.</param>
    /// <param name="Epochs">Epochs in the run.</param>
    /// <param name="MeanLoss">The epoch's mean training loss.</param>
    /// <param name="LearningRate">The learning rate at the end of the epoch.</param>
    public readonly record struct EpochReport(int Epoch, int Epochs, double MeanLoss, double LearningRate);

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
        public static RunResult Run(LossSpec spec, long[] counts, TensorData train, TensorData test, int imbalance,
            int seed, int epochs, Action<EpochReport>? onEpoch = null)
        {
            ArgumentNullException.ThrowIfNull(spec);
            ArgumentNullException.ThrowIfNull(counts);
            ArgumentNullException.ThrowIfNull(train);
            ArgumentNullException.ThrowIfNull(test);
            ArgumentOutOfRangeException.ThrowIfLessThan(epochs, 1);

            torch.manual_seed(seed);
            int classes = counts.Length;
            using var model = new Mlp((int)train.Features.shape[1], Protocol.Hidden[0], Protocol.Hidden[1], classes);
            if (spec.UsesSigmoidBias)
            {
                CbTraining.InitializeBiasForSigmoid(model.Head);
            }

            var loss = LossCatalog.Create(spec, counts);
            using var lossModule = loss.Module;
            using var optimizer = CbTraining.SgdWithoutBiasDecay(model, Protocol.LearningRate, Protocol.Momentum, Protocol.WeightDecay);

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
            var (perClass, error) = Evaluate(model, test, classes);
            return new RunResult(imbalance, spec.Key, spec.Display, seed, loss.Source, error, perClass,
                GroupMean(perClass, counts, ShotGroup.Many), GroupMean(perClass, counts, ShotGroup.Medium),
                GroupMean(perClass, counts, ShotGroup.Few), clock.Elapsed.TotalSeconds, epochLosses);
        }

        /// <summary>Per-class accuracy and overall top-1 error of <paramref name="model"/> on <paramref name="data"/>, in %,
        /// batched and without gradients.</summary>
        public static (double[] PerClassAccuracy, double ErrorPercent) Evaluate(nn.Module<Tensor, Tensor> model, TensorData data, int classes)
        {
            ArgumentNullException.ThrowIfNull(model);
            ArgumentNullException.ThrowIfNull(data);
            model.eval();
            var predictions = new long[data.Count];
            using (no_grad())
            {
                for (int start = 0; start < data.Count; start += EvalBatchSize)
                {
                    using var scope = NewDisposeScope();
                    int size = Math.Min(EvalBatchSize, data.Count - start);
                    var logits = model.call(data.Features.narrow(0, start, size));
                    logits.argmax(1).data<long>().CopyTo(predictions, start);
                }
            }

            var correct = new long[classes];
            var total = new long[classes];
            for (int i = 0; i < data.Count; i++)
            {
                int c = data.LabelBytes[i];
                total[c]++;
                if (predictions[i] == c)
                {
                    correct[c]++;
                }
            }

            var perClass = Enumerable.Range(0, classes)
                .Select(c => total[c] == 0 ? double.NaN : 100.0 * correct[c] / total[c])
                .ToArray();
            return (perClass, 100.0 * (data.Count - correct.Sum()) / data.Count);
        }

        /// <summary>The mean of <paramref name="perClass"/> over the classes of <paramref name="group"/>, or null if it has none.</summary>
        public static double? GroupMean(double[] perClass, long[] counts, ShotGroup group)
        {
            ArgumentNullException.ThrowIfNull(perClass);
            ArgumentNullException.ThrowIfNull(counts);
            double sum = 0.0;
            int k = 0;
            for (int c = 0; c < counts.Length; c++)
            {
                if (LongTail.GroupOf(counts[c]) == group && !double.IsNaN(perClass[c]))
                {
                    sum += perClass[c];
                    k++;
                }
            }

            return k == 0 ? null : sum / k;
        }

        private static void Shuffle(long[] order, Random rng)
        {
            for (int i = order.Length - 1; i > 0; i--)
            {
                int j = rng.Next(i + 1);
                (order[i], order[j]) = (order[j], order[i]);
            }
        }
    }
}
