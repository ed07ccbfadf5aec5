using System;
using System.Collections.Generic;
using CbGen.Sampling;
using CbGen.TorchSharp.Internal;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace CbGen.TorchSharp;

/// <summary>
/// Decoupled classifier re-training (Kang et al., ICLR 2020) on frozen features: the representation is learnt by
/// ordinary (instance-balanced) training, then only the last layer is re-balanced. The features are the
/// penultimate activations of the trained model, computed once under <c>no_grad</c>; nothing upstream of them
/// changes.
/// </summary>
public static class ClassifierRetraining
{
    /// <summary>
    /// cRT: trains <paramref name="head"/> in place on <paramref name="features"/> with mini-batches from a
    /// class-balanced sampler (<see cref="ClassifierRetrainingOptions.SamplingPower"/> = 0). The paper re-initialises
    /// the classifier first: pass a new <c>nn.Linear(D, C)</c>, or the trained head to fine-tune it. With
    /// <see cref="ClassifierRetrainingOptions.Loss"/>, <see cref="ClassifierRetrainingOptions.MaxNorm"/> and
    /// <see cref="ClassifierRetrainingOptions.SamplingPower"/> = 1 it is also weight balancing's stage 2.
    /// </summary>
    /// <param name="head">The last layer [D → C] to train, on the features' device.</param>
    /// <param name="features">The frozen training features [N, D], of the head's dtype and on its device; features
    /// still attached to the backbone's graph are detached here (no gradient flows upstream).</param>
    /// <param name="labels">The training labels [N], int64 class indices in [0, C).</param>
    /// <param name="options">How to train; <see cref="ClassifierRetrainingOptions.Default"/> when null.</param>
    /// <returns>The mean training loss of each epoch.</returns>
    /// <exception cref="ArgumentException">The data set is empty, a shape, dtype, device or label does not fit, a
    /// feature is NaN or infinite, a class has no rows (unless <see cref="ClassifierRetrainingOptions.ZeroCounts"/>
    /// allows it), or an option is out of range.</exception>
    /// <exception cref="InvalidOperationException">The loss became NaN or infinite.</exception>
    public static double[] Retrain(Linear head, Tensor features, Tensor labels, ClassifierRetrainingOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(head);
        options ??= ClassifierRetrainingOptions.Default;
        RebalancingValidation.Features(features, head, nameof(features));
        RebalancingValidation.FiniteFeatures(features, nameof(features));
        long[] y = RebalancingValidation.Labels(labels, features, head.out_features, nameof(labels));
        RebalancingValidation.Options(options, head.weight!.dtype, nameof(options));
        using var optimizer = CbTraining.SgdWithoutBiasDecay(head, options.LearningRate, options.Momentum, options.WeightDecay);
        Action? project = options.MaxNorm is double bound
            ? () => ClassifierNorms.ProjectMaxNorm(head.weight!, bound)
            : null;
        return Fit(features, labels, y, (int)head.out_features, x => head.call(x), optimizer, project, options);
    }

    /// <summary>
    /// LWS (learnable weight scaling): learns one scale f_c per class on the logits of the frozen
    /// <paramref name="head"/>, z'_c = f_c · z_c, with a class-balanced sampler; the head itself does not change.
    /// The scales start at 1 and get no weight decay.
    /// </summary>
    /// <param name="head">The trained last layer [D → C]; not modified.</param>
    /// <param name="features">The frozen training features [N, D], of the head's dtype and on its device; features
    /// still attached to the backbone's graph are detached here (no gradient flows upstream).</param>
    /// <param name="labels">The training labels [N], int64 class indices in [0, C).</param>
    /// <param name="options">How to train; <see cref="ClassifierRetrainingOptions.Default"/> when null. Its
    /// <see cref="ClassifierRetrainingOptions.WeightDecay"/> is not applied to the scales, and a
    /// <see cref="ClassifierRetrainingOptions.MaxNorm"/> is refused.</param>
    /// <returns>The scales f [C] on the features' device, detached; the caller disposes them. Predict with
    /// <c>head.call(x) * f</c>.</returns>
    /// <exception cref="ArgumentException">As <see cref="Retrain"/>, or <see cref="ClassifierRetrainingOptions.MaxNorm"/>
    /// is set.</exception>
    /// <exception cref="InvalidOperationException">The loss became NaN or infinite.</exception>
    public static Tensor LearnWeightScaling(Linear head, Tensor features, Tensor labels, ClassifierRetrainingOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(head);
        options ??= ClassifierRetrainingOptions.Default;
        RebalancingValidation.Features(features, head, nameof(features));
        RebalancingValidation.FiniteFeatures(features, nameof(features));
        long[] y = RebalancingValidation.Labels(labels, features, head.out_features, nameof(labels));
        RebalancingValidation.Options(options, head.weight!.dtype, nameof(options));
        if (options.MaxNorm is not null)
        {
            throw new ArgumentException(
                "ClassifierRetrainingOptions.MaxNorm bounds the rows of a classifier that Retrain trains; LWS trains "
                + "only one scale per class, so there is nothing to project. Leave MaxNorm null for LearnWeightScaling, "
                + "or call Retrain for weight balancing's stage 2.", nameof(options) + ".MaxNorm");
        }

        var scales = new Parameter(ones(head.out_features, dtype: features.dtype, device: features.device));
        try
        {
            using var optimizer = optim.SGD(new[] { scales }, options.LearningRate, options.Momentum);
            Fit(features, labels, y, (int)head.out_features, x => head.call(x).detach().mul(scales), optimizer, null, options);
            return scales.detach().clone();
        }
        finally
        {
            scales.Dispose();
        }
    }

    private static double[] Fit(Tensor features, Tensor labels, long[] y, int classes, Func<Tensor, Tensor> logitsOf,
        optim.Optimizer optimizer, Action? afterStep, ClassifierRetrainingOptions options)
    {
        // Decoupled re-training trains on frozen features by definition: features still attached to the graph that
        // computed them (no no_grad around the backbone) are read as values, so nothing upstream gets a gradient and
        // no step backpropagates into a graph an earlier step has freed. A view, not a copy.
        using var frozen = features.detach();
        var index = new LabelIndex(y, classes);
        RebalancingValidation.EveryClassHasRows(index.Counts(), options.ZeroCounts, nameof(labels));
        IndexSampler sampler = IndexSampler.Power(index, options.SamplingPower, options.Seed, options.ZeroCounts);
        long n = sampler.EpochLength;
        long stepsPerEpoch = (n + options.BatchSize - 1) / options.BatchSize;
        long totalSteps = stepsPerEpoch * options.Epochs;
        var epochLosses = new double[options.Epochs];
        var batch = new List<long>(options.BatchSize);
        long step = 0;
        for (int epoch = 0; epoch < options.Epochs; epoch++)
        {
            IndexStream stream = sampler.Stream(epoch);
            double sum = 0.0;
            for (long start = 0; start < n; start += options.BatchSize, step++)
            {
                using var scope = NewDisposeScope();
                int size = (int)Math.Min(options.BatchSize, n - start);
                batch.Clear();
                for (int i = 0; i < size; i++)
                {
                    batch.Add(stream.Next());
                }

                double lr = 0.5 * options.LearningRate * (1.0 + Math.Cos(Math.PI * step / totalSteps));
                foreach (var group in optimizer.ParamGroups)
                {
                    group.LearningRate = lr;
                }

                var rows = tensor(batch.ToArray(), device: frozen.device);
                var x = frozen.index_select(0, rows);
                var target = labels.index_select(0, rows);
                optimizer.zero_grad();
                var logits = logitsOf(x);
                var loss = options.Loss is { } module ? module.call(logits, target) : nn.functional.cross_entropy(logits, target);
                loss.backward();
                optimizer.step();
                afterStep?.Invoke();
                sum += loss.detach().to(float64).item<double>() * size;
            }

            epochLosses[epoch] = sum / n;
            if (!double.IsFinite(epochLosses[epoch]))
            {
                throw new InvalidOperationException(
                    "The re-training loss became " + Validation.Format(epochLosses[epoch]) + " in epoch "
                    + Validation.Format(epoch + 1) + " although the features are finite; lower "
                    + "ClassifierRetrainingOptions.LearningRate (the training may have diverged), or check the head's "
                    + "weights and ClassifierRetrainingOptions.Loss for NaN or infinite values.");
            }
        }

        return epochLosses;
    }
}
