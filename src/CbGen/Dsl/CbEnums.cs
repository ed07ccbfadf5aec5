// Linked into CbGen.Generators as well, so the generator maps attribute values with the same enums.
namespace CbGen;

/// <summary>The loss a config uses: the three class-balanced variants of the paper (Cui et al. 2019) and three
/// long-tail successors driven by the same per-class counts.</summary>
public enum CbLoss
{
    /// <summary>Class-balanced softmax cross-entropy: sample i's loss is weighted by α_{y_i}.</summary>
    Softmax = 0,

    /// <summary>Class-balanced sigmoid (one-vs-all binary cross-entropy): α_{y_i} weights all C binary terms of sample i.</summary>
    Sigmoid = 1,

    /// <summary>Class-balanced focal loss: the sigmoid loss times the modulator (1 - p_t)^γ.</summary>
    Focal = 2,

    /// <summary>Logit-adjusted softmax cross-entropy (Menon et al. 2021): CE(z + τ·log π, y) with the class priors
    /// π_c = n_c / Σn; τ = 1 is the balanced softmax of Ren et al. 2020. Knob: τ (<c>Tau</c>).</summary>
    LogitAdjusted = 3,

    /// <summary>Label-distribution-aware margin loss (Cao et al. 2019): CE(s·(z − Δ_y·e_y), y) with margins
    /// Δ_c ∝ n_c^(−1/4), the rarest class's being <c>MaxMargin</c>; with <c>DeferUntilEpoch</c> it is LDAM-DRW
    /// (class-balanced weights from that epoch on). Knobs: <c>MaxMargin</c>, <c>Scale</c>.</summary>
    Ldam = 4,

    /// <summary>Vector-scaling (VS) loss (Kini et al. 2021): CE(Δ ⊙ z + ι, y) with the scales Δ_c = (n_c / n_max)^γ
    /// and the offsets ι_c = τ·log π_c; γ = 0 is <see cref="LogitAdjusted"/>, τ = 0 the multiplicative
    /// (class-dependent temperature) part alone. Knobs: <c>VsGamma</c>, <c>Tau</c>.</summary>
    VectorScaling = 5,

    /// <summary>Distribution-balanced loss (Wu et al. 2020) for multi-hot targets: BCE re-weighted by the smoothed
    /// ratio r̂ = α + σ(β·(r − μ)) of the class-level to the instance-level sampling probability, with the
    /// negative-tolerant regularisation (negatives' logits scaled by λ, logits shifted by the class-prior bias ν).
    /// Needs the positives per class and the number of samples N.</summary>
    DistributionBalanced = 6,

    /// <summary>Asymmetric loss (Ridnik et al. 2021) for multi-hot targets: focusing γ+ on positives, γ− on negatives,
    /// whose probability is shifted by the margin m (p_m = max(p − m, 0)). Knobs: <c>GammaPositive</c>,
    /// <c>GammaNegative</c>, <c>Clip</c>.</summary>
    Asymmetric = 7,
}

/// <summary>How the distribution-balanced loss normalises the instance-level sampling probability P^I(x) of a sample
/// with the positive labels y (see docs/losses.md).</summary>
public enum DbInstancePrior
{
    /// <summary>The paper's sum: P^I(x) = (1/C)·Σ_{j∈y} 1/n_j, so r_c = (1/n_c) / Σ_{j∈y} 1/n_j.</summary>
    Sum = 0,

    /// <summary>The mean over the sample's positive labels: P^I(x) = (1/C)·(1/|y|)·Σ_{j∈y} 1/n_j, so r_c is |y| times
    /// the <see cref="Sum"/> reading's (equal for a sample with one label).</summary>
    Mean = 1,
}

/// <summary>Where a generated loss keeps its weights and expects its logits.</summary>
public enum CbDevice
{
    /// <summary>CUDA when <c>torch.cuda.is_available()</c>, otherwise the CPU.</summary>
    Auto = 0,

    /// <summary>The CPU.</summary>
    Cpu = 1,

    /// <summary>The first CUDA device; construction fails with a clear error when CUDA is unavailable.</summary>
    Cuda = 2,
}

/// <summary>What a class-balanced loss divides the summed loss by under <c>Reduction.Mean</c>.</summary>
public enum MeanNormalizer
{
    /// <summary>The number of positive labels: the batch size for class-index targets, the number of ones for
    /// multi-hot targets (the paper's official code).</summary>
    PositiveLabels = 0,

    /// <summary>Σ_i α_{y_i}, the sum of the weights applied (PyTorch's weighted mean, as in
    /// <c>cross_entropy(weight: …)</c>).</summary>
    WeightSum = 1,

    /// <summary>All elements of the loss: B for softmax, B·C for sigmoid and focal (what the popular PyTorch
    /// ports do for binary cross-entropy).</summary>
    AllTerms = 2,
}
