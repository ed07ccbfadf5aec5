using static TorchSharp.torch;

namespace CbGen.TorchSharp;

/// <summary>
/// How <see cref="ClassifierRetraining"/> trains on frozen features: SGD with momentum and a cosine learning rate
/// over <see cref="Epochs"/> epochs of mini-batches drawn by a seeded <see cref="Sampling.IndexSampler"/>
/// (class-balanced by default). Every property has a default; set only what differs.
/// </summary>
public sealed class ClassifierRetrainingOptions
{
    /// <summary>The defaults (cRT: class-balanced sampling, cross-entropy, 10 epochs).</summary>
    public static ClassifierRetrainingOptions Default { get; } = new();

    /// <summary>Epochs; each draws as many rows as the data set has. 10 by default.</summary>
    public int Epochs { get; init; } = CbDefaults.RetrainingEpochs;

    /// <summary>Rows per mini-batch; 128 by default.</summary>
    public int BatchSize { get; init; } = CbDefaults.RetrainingBatchSize;

    /// <summary>The peak learning rate, decayed to 0 by a cosine over all steps; 0.1 by default.</summary>
    public double LearningRate { get; init; } = CbDefaults.RetrainingLearningRate;

    /// <summary>SGD momentum; 0.9 by default.</summary>
    public double Momentum { get; init; } = CbDefaults.RetrainingMomentum;

    /// <summary>L2 weight decay on the classifier's weight matrix (never its bias nor LWS's scales); 5e-4 by default.
    /// Weight balancing tunes it.</summary>
    public double WeightDecay { get; init; } = CbDefaults.RetrainingWeightDecay;

    /// <summary>The sampler's q: classes are drawn with p_c ∝ n_c^q. 0 (class-balanced, cRT's and LWS's sampler) by
    /// default; 1 draws every row equally often (instance-balanced, weight balancing's stage 2, whose loss does the
    /// re-balancing).</summary>
    public double SamplingPower { get; init; }

    /// <summary>What to do with a class that has no rows in the re-training data: <see cref="ZeroCountPolicy.Throw"/>
    /// by default, since it can never be drawn; <see cref="ZeroCountPolicy.ZeroWeight"/> re-trains on the classes
    /// that have rows.</summary>
    public ZeroCountPolicy ZeroCounts { get; init; } = ZeroCountPolicy.Throw;

    /// <summary>The sampler's seed; the same seed, data and initial classifier give the same result on a given
    /// machine.</summary>
    public long Seed { get; init; }

    /// <summary>The loss, called as <c>loss.call(logits, labels)</c> with int64 labels; <c>null</c> (the default) is
    /// plain cross-entropy. Weight balancing's stage 2 passes a class-balanced loss (e.g.
    /// <c>CbLosses.FromCounts(CbLoss.Softmax, counts)</c>) with <see cref="SamplingPower"/> = 1. Not disposed here.</summary>
    public nn.Module<Tensor, Tensor, Tensor>? Loss { get; init; }

    /// <summary>The MaxNorm bound of weight balancing: after each step every class row of the classifier is
    /// projected onto the L2 ball of this radius (<see cref="ClassifierNorms.ProjectMaxNorm"/>); <c>null</c> (the
    /// default) for no projection.</summary>
    public double? MaxNorm { get; init; }
}
