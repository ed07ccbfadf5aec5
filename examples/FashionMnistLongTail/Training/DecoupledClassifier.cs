using System;
using System.Globalization;
using CbGen;
using CbGen.TorchSharp;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace FashionMnistLongTail.Training;

/// <summary>
/// A trained model's classifier re-balanced on frozen features (docs/rebalancing.md): cRT, τ-normalisation, LWS or
/// weight balancing's stage 2, from CbGen.TorchSharp's <see cref="ClassifierRetraining"/> and
/// <see cref="ClassifierNorms"/>. The features are the MLP's penultimate activations of the training subset,
/// computed once in eval mode without gradients; the layers under them never change. τ-normalisation chooses τ on a
/// validation split disjoint from the training data instead (on the training data the model has fitted, the tail
/// rows look right already).
/// </summary>
public sealed class DecoupledClassifier : IDisposable
{
    private readonly IDisposable? owned;

    private DecoupledClassifier(Func<Tensor, Tensor> logits, string source, IDisposable? owned)
    {
        Logits = logits;
        Source = source;
        this.owned = owned;
    }

    /// <summary>Images [B, 784] to re-balanced logits [B, C].</summary>
    public Func<Tensor, Tensor> Logits { get; }

    /// <summary>What was done, for the reports (e.g. "τ-normalisation τ=0.6").</summary>
    public string Source { get; }

    /// <summary>Builds <paramref name="row"/>'s classifier on <paramref name="model"/> (whose last layer weight
    /// balancing's stage 2 fine-tunes in place). Seeded: the new head's initialisation and the sampler use
    /// <paramref name="seed"/>. <paramref name="validation"/>, data the model did not train on, is where
    /// τ-normalisation chooses τ; the other rows do not use it.</summary>
    /// <exception cref="ArgumentException">The τ-normalisation row without a validation split, or with an empty one.</exception>
    public static DecoupledClassifier Build(LossSpec row, Classifier model, TensorData train, long[] counts, int seed,
        TensorData? validation = null)
    {
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(train);
        model.eval();
        using var features = FeaturesOf(model, train);
        var options = new ClassifierRetrainingOptions { Seed = seed };
        switch (row.Decoupling)
        {
            case Decoupling.ClassifierRetraining:
                {
                    torch.manual_seed(seed);
                    var head = nn.Linear(features.shape[1], counts.Length);
                    ClassifierRetraining.Retrain(head, features, train.Labels, options);
                    head.eval();
                    return new DecoupledClassifier(x => head.call(model.Features(x)), "cRT (class-balanced sampler, 10 epochs)", head);
                }

            case Decoupling.TauNormalisation:
                {
                    if (validation is null || validation.Count == 0)
                    {
                        throw new ArgumentException("Row " + row.Key + " chooses τ on a validation split disjoint from the training data, "
                            + "and none was given (or it is empty): pass validation (the Fashion-MNIST demo's is LongTail.Validation, "
                            + "unused training images; the glyph benchmark's is the builder's validation split).", nameof(validation));
                    }

                    using var held = FeaturesOf(model, validation);
                    TauSelection selection = ClassifierNorms.SelectTau(model.Head, held, validation.Labels);
                    double tau = selection.Tau;
                    return new DecoupledClassifier(x => ClassifierNorms.TauNormalizedLogits(model.Head, model.Features(x), tau),
                        "τ-normalisation τ=" + tau.ToString("0.0", CultureInfo.InvariantCulture) + " on "
                        + validation.Count.ToString(CultureInfo.InvariantCulture) + " validation images (bias dropped)", null);
                }

            case Decoupling.WeightScaling:
                {
                    Tensor scales = ClassifierRetraining.LearnWeightScaling(model.Head, features, train.Labels, options);
                    return new DecoupledClassifier(x => model.call(x).mul(scales), "LWS (class-balanced sampler, 10 epochs)", scales);
                }

            case Decoupling.WeightBalancingStage2:
                {
                    // MaxNorm bound: the smallest class row's norm after stage 1, so no class keeps a longer row than the
                    // rarest-norm one; stage 2 draws rows as they come (q = 1) and re-balances through the CB loss.
                    double bound;
                    using (no_grad())
                    {
                        using var norms = model.Head.weight!.norm(1, p: 2);
                        bound = norms.min().item<float>();
                    }

                    using var loss = CbLosses.FromCounts(CbLoss.Softmax, counts, row.Beta);
                    ClassifierRetraining.Retrain(model.Head, features, train.Labels, new ClassifierRetrainingOptions
                    {
                        Seed = seed,
                        SamplingPower = 1.0,
                        Loss = loss,
                        MaxNorm = bound,
                        WeightDecay = row.WeightDecay,
                    });
                    return new DecoupledClassifier(x => model.call(x), "stage 2: CB softmax + MaxNorm "
                        + bound.ToString("0.00", CultureInfo.InvariantCulture), null);
                }

            default:
                throw new ArgumentException("Row " + row.Key + " re-balances no classifier.", nameof(row));
        }
    }

    private static Tensor FeaturesOf(Classifier model, TensorData data)
    {
        using var noGrad = no_grad();
        var parts = new Tensor[(data.Count + Trainer.EvalBatchSize - 1) / Trainer.EvalBatchSize];
        for (int b = 0; b < parts.Length; b++)
        {
            int start = b * Trainer.EvalBatchSize;
            parts[b] = model.Features(data.Features.narrow(0, start, Math.Min(Trainer.EvalBatchSize, data.Count - start)));
        }

        var all = cat(parts, 0);
        foreach (var part in parts)
        {
            part.Dispose();
        }

        return all;
    }

    /// <inheritdoc />
    public void Dispose() => owned?.Dispose();
}
