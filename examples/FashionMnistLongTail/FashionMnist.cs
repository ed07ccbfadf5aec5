using CbGen;

namespace FashionMnistLongTail;

/// <summary>
/// The ten Fashion-MNIST classes, in label order, annotated with the training counts of the long-tailed subset
/// at imbalance factor 100 (<c>n_i = ⌊6000 · (1/100)^(i/9)⌋</c>, see <see cref="Data.LongTail.Counts"/>). The CbGen
/// generator turns each <see cref="ClassBalancedAttribute"/> into a constant weight table
/// (<c>FashionMnistSoftmaxWeights</c>, …) and a typed loss (<c>FashionMnistSoftmaxLoss</c>, …, and the logit-adjusted
/// <c>FashionMnistLaLoss</c>, LDAM-DRW <c>FashionMnistLdamDrwLoss</c> and VS <c>FashionMnistVsLoss</c>) at compile time;
/// <see cref="GeneratedLosses.Verify"/> checks them against the runtime maths at start-up.
/// </summary>
[ClassBalanced(Beta = 0.9999, Loss = CbLoss.Softmax, Name = "FashionMnistSoftmax")]
[ClassBalanced(Beta = 0.9999, Loss = CbLoss.Sigmoid, Name = "FashionMnistSigmoid")]
[ClassBalanced(Beta = 0.9999, Loss = CbLoss.Focal, Gamma = 1.0, Name = "FashionMnistFocal1")]
[ClassBalanced(Beta = 0.999, Loss = CbLoss.Focal, Gamma = 0.5, Name = "FashionMnistFocalHalf")]
[ClassBalanced(Loss = CbLoss.LogitAdjusted, Tau = 1.0, Name = "FashionMnistLa")]
[ClassBalanced(Loss = CbLoss.Ldam, Beta = 0.9999, MaxMargin = 0.5, Scale = 30, DeferUntilEpoch = 20, Name = "FashionMnistLdamDrw")] // K = the first lr drop of 30 epochs
[ClassBalanced(Loss = CbLoss.VectorScaling, Name = "FashionMnistVs")] // the VS loss with CbDefaults' γ = 0.3, τ = 1
[ClassBalancedSweep] // the paper's 20-point grid as typed configs: FashionMnistSweep.Points (used by --search)
public enum FashionMnist
{
    /// <summary>T-shirt/top (label 0).</summary>
    [Samples(6000)] TShirtTop = 0,

    /// <summary>Trouser (label 1).</summary>
    [Samples(3596)] Trouser = 1,

    /// <summary>Pullover (label 2).</summary>
    [Samples(2156)] Pullover = 2,

    /// <summary>Dress (label 3).</summary>
    [Samples(1292)] Dress = 3,

    /// <summary>Coat (label 4).</summary>
    [Samples(774)] Coat = 4,

    /// <summary>Sandal (label 5).</summary>
    [Samples(464)] Sandal = 5,

    /// <summary>Shirt (label 6).</summary>
    [Samples(278)] Shirt = 6,

    /// <summary>Sneaker (label 7).</summary>
    [Samples(166)] Sneaker = 7,

    /// <summary>Bag (label 8).</summary>
    [Samples(100)] Bag = 8,

    /// <summary>Ankle boot (label 9).</summary>
    [Samples(60)] AnkleBoot = 9,
}
