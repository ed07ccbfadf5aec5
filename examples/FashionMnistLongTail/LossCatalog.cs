using System;
using System.Collections.Generic;
using System.Linq;
using CbGen;
using CbGen.TorchSharp;
using static TorchSharp.torch;

namespace FashionMnistLongTail;

/// <summary>The runs of the demo.</summary>
public enum LossKind
{
    /// <summary>Plain softmax cross-entropy, the baseline.</summary>
    CrossEntropy,

    /// <summary>Class-balanced softmax cross-entropy, β = 0.9999.</summary>
    CbSoftmax,

    /// <summary>Class-balanced sigmoid cross-entropy, β = 0.9999.</summary>
    CbSigmoid,

    /// <summary>Class-balanced focal loss, γ = 1, β = 0.9999.</summary>
    CbFocalGamma1,

    /// <summary>Class-balanced focal loss, γ = 0.5, β = 0.999.</summary>
    CbFocalGammaHalf,

    /// <summary>Logit-adjusted loss (Menon et al. 2021), τ = 1 (the balanced softmax).</summary>
    LogitAdjusted,

    /// <summary>LDAM (Cao et al. 2019), m_max = 0.5, s = 30, on a normalised (cosine) last layer, with deferred
    /// re-weighting (β = 0.9999) from the first learning-rate drop.</summary>
    LdamDrw,

    /// <summary>The cross-entropy baseline's trained model with post-hoc logit adjustment (τ = 1) at prediction: no
    /// training of its own.</summary>
    CrossEntropyPostHoc,

    /// <summary>The cross-entropy baseline's features with a classifier re-trained by a class-balanced sampler (cRT,
    /// Kang et al., ICLR 2020): no training of the features of its own.</summary>
    CrossEntropyCrt,

    /// <summary>The cross-entropy baseline's classifier τ-normalised, τ chosen by balanced error on the training
    /// subset (Kang et al., ICLR 2020).</summary>
    CrossEntropyTauNorm,

    /// <summary>The cross-entropy baseline's classifier with learnt per-class logit scales (LWS, Kang et al.).</summary>
    CrossEntropyLws,

    /// <summary>Weight balancing (Alshammari et al., CVPR 2022): cross-entropy with a 10× weight decay, then the
    /// classifier fine-tuned with the class-balanced softmax (β = 0.9999) under a MaxNorm bound.</summary>
    WeightBalancing,

    /// <summary>The VS loss (Kini et al., NeurIPS 2021) with the library's default γ = 0.3 and τ = 1: logits scaled by
    /// (n_c / n_max)^γ and shifted by τ·log π_c.</summary>
    VectorScaling,

    /// <summary>A point of the β × loss × γ grid of <c>--search</c> (never in <c>--losses</c>).</summary>
    SweepPoint,
}

/// <summary>What a row does to the trained model's classifier before it is evaluated (docs/rebalancing.md).</summary>
public enum Decoupling
{
    /// <summary>Nothing: the model as trained.</summary>
    None,

    /// <summary>cRT: a new last layer trained on the frozen features with a class-balanced sampler.</summary>
    ClassifierRetraining,

    /// <summary>τ-normalisation of the last layer, τ chosen on a validation split.</summary>
    TauNormalisation,

    /// <summary>LWS: a learnt scale per class on the frozen last layer's logits.</summary>
    WeightScaling,

    /// <summary>Weight balancing's stage 2: the last layer fine-tuned with a class-balanced loss and MaxNorm.</summary>
    WeightBalancingStage2,
}

/// <summary>One run's loss.</summary>
/// <param name="Kind">Which run.</param>
/// <param name="Key">The name on the command line (<c>--losses</c>) and in results.json.</param>
/// <param name="Display">The name in tables and plots.</param>
/// <param name="Variant">The CbGen loss (class-balanced, logit-adjusted or LDAM), or <c>null</c> for plain
/// cross-entropy (the baseline and the post-hoc row).</param>
/// <param name="Beta">β of the effective number (0 where no class-balanced weights are used).</param>
/// <param name="Gamma">γ of the focal loss (0 otherwise).</param>
public sealed record LossSpec(LossKind Kind, string Key, string Display, CbLoss? Variant, double Beta, double Gamma)
{
    /// <summary>τ of the logit-adjusted loss, or of the post-hoc adjustment (0 otherwise).</summary>
    public double Tau { get; init; }

    /// <summary>VS: γ, the exponent of the logit scales (n_c / n_max)^γ (0 otherwise).</summary>
    public double VsGamma { get; init; }

    /// <summary>LDAM: m_max, the rarest class's margin (0 otherwise).</summary>
    public double MaxMargin { get; init; }

    /// <summary>LDAM: the logit scale s (0 otherwise).</summary>
    public double Scale { get; init; }

    /// <summary>Whether the class-balanced weights are deferred to the first learning-rate drop (DRW).</summary>
    public bool DeferredReweighting { get; init; }

    /// <summary>The run whose trained model this row evaluates (post-hoc adjustment), or <c>null</c> when the row
    /// trains its own model.</summary>
    public LossKind? EvaluatesModelOf { get; init; }

    /// <summary>The L2 weight decay of the run's training (the protocol's unless weight balancing tunes it).</summary>
    public double WeightDecay { get; init; } = Protocol.WeightDecay;

    /// <summary>What the row does to the trained classifier before evaluating it.</summary>
    public Decoupling Decoupling { get; init; }

    /// <summary>Whether the run uses the class-balanced weights α of <see cref="Beta"/> at some epoch.</summary>
    public bool IsClassBalanced => Variant is CbLoss.Softmax or CbLoss.Sigmoid or CbLoss.Focal || DeferredReweighting;

    /// <summary>Whether the last bias starts at <c>-log(C-1)</c> (sigmoid and focal: the paper's prior init).</summary>
    public bool UsesSigmoidBias => Variant is CbLoss.Sigmoid or CbLoss.Focal;

    /// <summary>Whether the last layer is the normalised (cosine) one of the LDAM official code
    /// (<see cref="NormedLinear"/>): LDAM multiplies the logits by s = 30, which assumes logits in [−1, 1].</summary>
    public bool UsesNormedHead => Variant is CbLoss.Ldam;

    /// <summary>Whether the row adjusts the logits at prediction time (post-hoc logit adjustment).</summary>
    public bool IsPostHoc => EvaluatesModelOf is not null && Decoupling == Decoupling.None;
}

/// <summary>A loss ready to train with, and where its weights came from.</summary>
/// <param name="Module">The loss module: <c>loss.call(logits, labels)</c> with int64 labels.</param>
/// <param name="Source">"torch" (baseline), "generated" (the compile-time <c>{Name}Loss</c>) or "runtime"
/// (<c>ClassBalanced*Loss.FromCounts</c>).</param>
/// <param name="Weights">The class weights α (all 1 for the baseline).</param>
public sealed record LossInstance(nn.Module<Tensor, Tensor, Tensor> Module, string Source, double[] Weights);

/// <summary>The runs and how to build their losses.</summary>
public static class LossCatalog
{
    /// <summary>The runs, in table order.</summary>
    public static IReadOnlyList<LossSpec> All { get; } =
    [
        new(LossKind.CrossEntropy, "ce", "Softmax CE (baseline)", null, 0.0, 0.0),
        new(LossKind.CrossEntropyPostHoc, "ce-posthoc", "CE + post-hoc adjustment τ=1", null, 0.0, 0.0)
        {
            Tau = 1.0, EvaluatesModelOf = LossKind.CrossEntropy,
        },
        new(LossKind.CbSoftmax, "cb-softmax", "CB softmax β=0.9999", CbLoss.Softmax, 0.9999, 0.0),
        new(LossKind.CbSigmoid, "cb-sigmoid", "CB sigmoid β=0.9999", CbLoss.Sigmoid, 0.9999, 0.0),
        new(LossKind.CbFocalGamma1, "cb-focal1", "CB focal γ=1 β=0.9999", CbLoss.Focal, 0.9999, 1.0),
        new(LossKind.CbFocalGammaHalf, "cb-focal0.5", "CB focal γ=0.5 β=0.999", CbLoss.Focal, 0.999, 0.5),
        new(LossKind.LogitAdjusted, "la", "Logit-adjusted τ=1", CbLoss.LogitAdjusted, 0.0, 0.0) { Tau = 1.0 },
        new(LossKind.LdamDrw, "ldam-drw", "LDAM-DRW β=0.9999", CbLoss.Ldam, DeferredReweighting.LdamDrwBeta, 0.0)
        {
            MaxMargin = LdamMargins.DefaultMaxMargin, Scale = LdamLoss.DefaultScale, DeferredReweighting = true,
        },
        new(LossKind.CrossEntropyCrt, "ce-crt", "CE + cRT (class-balanced re-training)", null, 0.0, 0.0)
        {
            EvaluatesModelOf = LossKind.CrossEntropy, Decoupling = Decoupling.ClassifierRetraining,
        },
        new(LossKind.CrossEntropyTauNorm, "ce-taunorm", "CE + τ-normalisation", null, 0.0, 0.0)
        {
            EvaluatesModelOf = LossKind.CrossEntropy, Decoupling = Decoupling.TauNormalisation,
        },
        new(LossKind.CrossEntropyLws, "ce-lws", "CE + LWS", null, 0.0, 0.0)
        {
            EvaluatesModelOf = LossKind.CrossEntropy, Decoupling = Decoupling.WeightScaling,
        },
        new(LossKind.WeightBalancing, "wb", "Weight balancing: WD 5e-3, CB softmax β=0.9999 + MaxNorm", null, 0.9999, 0.0)
        {
            WeightDecay = WeightBalancingDecay, Decoupling = Decoupling.WeightBalancingStage2,
        },
        new(LossKind.VectorScaling, "vs", FormattableString.Invariant($"VS γ={VectorScalingTables.DefaultGamma} τ=1"),
            CbLoss.VectorScaling, 0.0, 0.0)
        {
            VsGamma = VectorScalingTables.DefaultGamma, Tau = 1.0,   // the library's defaults (τ = 1 as in la)
        },
    ];

    /// <summary>Weight balancing's stage-1 weight decay: 10× the protocol's (the paper tunes it; 5e-3 is its
    /// CIFAR-LT value).</summary>
    public const double WeightBalancingDecay = 5e-3;

    /// <summary>The spec of <paramref name="kind"/>.</summary>
    public static LossSpec Get(LossKind kind) => All.First(s => s.Kind == kind);

    /// <summary>The spec whose training gives <paramref name="spec"/>'s model: itself, or the run a post-hoc row
    /// evaluates.</summary>
    public static LossSpec TrainingOf(LossSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return spec.EvaluatesModelOf is LossKind kind ? Get(kind) : spec;
    }

    /// <summary>
    /// Builds the loss of <paramref name="spec"/> for a training set with <paramref name="counts"/> images per class.
    /// When the counts are exactly the ones the <see cref="FashionMnist"/> enum declares (IF 100, no cap), the
    /// losses are the generated <c>FashionMnist*Loss</c> types (LDAM-DRW only when its K, 20, is the first lr
    /// drop of <paramref name="epochs"/>); otherwise they come from the runtime factory, <c>CbLosses.FromCounts</c>,
    /// with the same formula evaluated at run time.
    /// </summary>
    /// <param name="spec">The run (a post-hoc row builds the loss of the run it evaluates).</param>
    /// <param name="counts">Training images per class.</param>
    /// <param name="epochs">Epochs of the run: LDAM-DRW re-weights from <see cref="Protocol.FirstDrop"/> of it.</param>
    public static LossInstance Create(LossSpec spec, ReadOnlySpan<long> counts, int epochs = Protocol.Epochs)
    {
        ArgumentNullException.ThrowIfNull(spec);
        spec = TrainingOf(spec);
        if (spec.Variant is not CbLoss variant)
        {
            var ones = Enumerable.Repeat(1.0, counts.Length).ToArray();
            return new LossInstance(nn.CrossEntropyLoss(), "torch", ones);
        }

        bool longTail = variant is CbLoss.LogitAdjusted or CbLoss.Ldam or CbLoss.VectorScaling;
        double[] weights = spec.IsClassBalanced
            ? ClassBalancedWeights.Compute(counts, spec.Beta)
            : Enumerable.Repeat(1.0, counts.Length).ToArray();
        if (GeneratedLosses.Matches(counts) && GeneratedLosses.TryCreate(spec.Kind, epochs) is { } generated)
        {
            return new LossInstance(generated, "generated", weights);
        }

        var runtime = longTail
            ? CbLosses.FromCounts(variant, counts, spec.Beta, LongTailOptions(spec, epochs))
            : CreateRuntime(variant, counts, spec.Beta, spec.Gamma);
        return new LossInstance(runtime, "runtime", weights);
    }

    /// <summary>
    /// The post-hoc adjustment of a row (<see cref="LossSpec.IsPostHoc"/>): z ↦ z − τ·log π with the priors of
    /// <paramref name="counts"/>, from the generated <c>FashionMnistLaWeights.AdjustLogits</c> when the counts are
    /// the enum's, otherwise from the runtime <c>CbFunctional.adjust_logits</c>.
    /// </summary>
    public static (Func<Tensor, Tensor> Adjust, string Source) PostHocAdjustment(LossSpec spec, long[] counts)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(counts);
        double tau = spec.Tau;
        if (GeneratedLosses.Matches(counts))
        {
            return (z => FashionMnistLaWeights.AdjustLogits(z, tau), "generated AdjustLogits");
        }

        double[] logPriors = ClassPriors.LogPriors(counts);
        return (z =>
        {
            using var priors = tensor(logPriors, ScalarType.Float64);
            return CbFunctional.adjust_logits(z, priors, tau);
        }, "runtime adjust_logits");
    }

    /// <summary>
    /// The factory options of a logit-adjusted, VS or LDAM run: τ, VS γ, m_max, s and, for LDAM-DRW, K = the first
    /// learning-rate drop with the official code's weighted mean (<see cref="MeanNormalizer.WeightSum"/>, what
    /// PyTorch's <c>cross_entropy(weight=…)</c> divides by).
    /// </summary>
    public static CbLossOptions LongTailOptions(LossSpec spec, int epochs)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return new CbLossOptions
        {
            Tau = spec.Variant is CbLoss.LogitAdjusted or CbLoss.VectorScaling ? spec.Tau : CbLossOptions.Default.Tau,
            VsGamma = spec.Variant == CbLoss.VectorScaling ? spec.VsGamma : CbLossOptions.Default.VsGamma,
            MaxMargin = spec.Variant == CbLoss.Ldam ? spec.MaxMargin : CbLossOptions.Default.MaxMargin,
            Scale = spec.Variant == CbLoss.Ldam ? spec.Scale : CbLossOptions.Default.Scale,
            Normalizer = MeanNormalizer.WeightSum,
            DeferUntilEpoch = spec.DeferredReweighting ? Protocol.FirstDrop(epochs) : null,
        };
    }

    /// <summary>The runtime class-balanced loss of <paramref name="variant"/> with weights from <paramref name="counts"/>.</summary>
    public static nn.Module<Tensor, Tensor, Tensor> CreateRuntime(CbLoss variant, ReadOnlySpan<long> counts, double beta, double gamma) =>
        // One factory; γ is set for focal only (an option a loss does not use is an ArgumentException).
        CbLosses.FromCounts(variant, counts, beta, new CbLossOptions { Gamma = variant == CbLoss.Focal ? gamma : null });
}
