using System;
using CbGen.Generators.Model;

namespace CbGen.Generators.Emitting;

/// <summary>
/// The one home of what the generator writes differently per loss: each <see cref="CbLoss"/> is one
/// <see cref="LossKind"/> entry below (the sealed runtime loss a <c>{Name}Loss</c> wraps, the per-class table it is
/// built from, its words in the docs and its knobs). Every part that differs by loss — the <c>{Name}Loss</c> class
/// (<see cref="EmitLoss"/>), the knob constants of <c>{Name}Weights</c> and the header comment — reads the entry.
/// </summary>
internal static partial class Emitter
{
    /// <summary>The entry of <paramref name="loss"/>. Adding a loss: add its runtime leaf (sealed, with a constructor
    /// taking the table first and <c>reduction</c>, <c>normalizer</c> and <c>device</c> by name) and one case here.</summary>
    private static LossKind KindOf(CbLoss loss) => loss switch
    {
        CbLoss.Softmax => new LossKind("ClassBalancedSoftmaxLoss", LossTable.Weights, "class-balanced softmax cross-entropy"),
        CbLoss.Sigmoid => new LossKind("ClassBalancedSigmoidLoss", LossTable.Weights, "class-balanced sigmoid (one-vs-all binary) cross-entropy"),
        CbLoss.Focal => new LossKind("ClassBalancedFocalLoss", LossTable.Weights, "class-balanced focal loss",
            new LossKnob("gamma", "Gamma", "γ", "γ of the focal modulator (1 - p_t)^γ.", c => c.Gamma)),
        CbLoss.LogitAdjusted => new LossKind("LogitAdjustedLoss", LossTable.Counts, "logit-adjusted softmax cross-entropy CE(z + τ·log π, y)",
            new LossKnob("tau", "Tau", "τ", "τ of the logit adjustment CE(z + τ·log π, y) (1: the balanced softmax; 0: plain cross-entropy).", c => c.Tau))
        {
            BakedIn = "log-priors",
        },
        CbLoss.VectorScaling => new LossKind("VectorScalingLoss", LossTable.Counts, "VS (vector-scaling) softmax cross-entropy CE(Δ ⊙ z + τ·log π, y)",
            new LossKnob("gamma", "VsGamma", "γ", "γ of the VS loss's scales Δ_c = (n_c / n_max)^γ (0: the logit-adjusted loss).", c => c.VsGamma, "vs gamma"),
            new LossKnob("tau", "Tau", "τ", "τ of the VS loss's offsets ι_c = τ·log π_c (0: the scales alone).", c => c.Tau))
        {
            BakedIn = "scales and log-priors",
        },
        CbLoss.Ldam => new LossKind("LdamLoss", LossTable.Counts, "LDAM loss (label-distribution-aware margins)",
            new LossKnob("maxMargin", "MaxMargin", "m_max", "m_max: LDAM's largest margin, the rarest class's.", c => c.MaxMargin, "max margin"),
            new LossKnob("scale", "Scale", "s", "s: the scale of LDAM's margin-shifted logits, CE(s·(z − Δ_y·e_y), y).", c => c.Scale))
        {
            BakedIn = "margins",
            DeferredWhat = "LDAM-DRW loss (label-distribution-aware margins, deferred re-weighting)",
        },
        CbLoss.DistributionBalanced => new LossKind("DistributionBalancedLoss", LossTable.Counts,
            "distribution-balanced loss (re-balanced weighting, negative-tolerant regularisation)",
            new LossKnob("alpha", "SmoothingAlpha", "α", "α, the floor of the smoothed re-balancing weight r̂ = α + σ(β·(r − μ)).", c => c.MultiLabelKnobs.SmoothingAlpha),
            new LossKnob("beta", "SmoothingBeta", "β", "β, the slope of the smoothing function.", c => c.MultiLabelKnobs.SmoothingBeta),
            new LossKnob("mu", "SmoothingMu", "μ", "μ, the centre of the smoothing function.", c => c.MultiLabelKnobs.SmoothingMu),
            new LossKnob("lambda", "NegativeScale", "λ", "λ, the scale of the negatives' logits (negative-tolerant regularisation).", c => c.MultiLabelKnobs.NegativeScale),
            new LossKnob("kappa", "BiasScale", "κ", "κ, the scale of the class-prior bias ν_c = κ·(−log(1/p_c − 1)).", c => c.MultiLabelKnobs.BiasScale))
        {
            BakedIn = "counts",
            MultiLabel = true,
            TakesSamples = true,
        },
        CbLoss.Asymmetric => new LossKind("AsymmetricLoss", LossTable.ClassCount, "asymmetric loss (ASL)",
            new LossKnob("gammaPositive", "GammaPositive", "γ+", "γ+, the positives' focusing parameter.", c => c.MultiLabelKnobs.GammaPositive),
            new LossKnob("gammaNegative", "GammaNegative", "γ−", "γ−, the negatives' focusing parameter.", c => c.MultiLabelKnobs.GammaNegative),
            new LossKnob("clip", "Clip", "m", "m, the probability margin of the negatives: p_m = max(p − m, 0).", c => c.MultiLabelKnobs.Clip))
        {
            BakedIn = "class count",
            MultiLabel = true,
            HasDevice = false,
        },
        _ => throw new InvalidOperationException("Unknown loss " + loss.ToString() + "."),
    };

    /// <summary>The per-class table of <c>{Name}Weights</c> a runtime loss is built from (its first argument).</summary>
    private enum LossTable
    {
        /// <summary><c>Weights</c>, the class-balanced weights α_c.</summary>
        Weights,

        /// <summary><c>Counts</c>, the training samples per class; under deferred re-weighting the loss also gets
        /// <c>weight: Weights</c>.</summary>
        Counts,

        /// <summary><c>ClassCount</c>, the number of classes C (a loss with no per-class table).</summary>
        ClassCount,
    }

    /// <summary>One loss's entry.</summary>
    /// <param name="Runtime">The sealed loss of CbGen.TorchSharp (a simple name).</param>
    /// <param name="Table">The table it is built from.</param>
    /// <param name="What">The loss in words, for the class docs.</param>
    /// <param name="Knobs">Its knobs beyond β, in the order of the docs and the constants.</param>
    private sealed record LossKind(string Runtime, LossTable Table, string What, params LossKnob[] Knobs)
    {
        /// <summary>What the loss takes from the weights class, for the docs.</summary>
        public string BakedIn { get; init; } = "weights";

        /// <summary>The words under deferred re-weighting, when they differ from <see cref="What"/>.</summary>
        public string? DeferredWhat { get; init; }

        /// <summary>Whether the loss takes floating multi-hot targets [B, C] (no typed label overloads).</summary>
        public bool MultiLabel { get; init; }

        /// <summary>Whether the runtime loss takes N, the number of training samples, after its table: the generated
        /// constructors then take <c>long samples</c>.</summary>
        public bool TakesSamples { get; init; }

        /// <summary>Whether the runtime loss takes a <c>device</c> (a loss with no buffers takes none).</summary>
        public bool HasDevice { get; init; } = true;

        public string RuntimeType => "global::CbGen.TorchSharp." + Runtime;
    }

    /// <summary>A knob of a loss: a <c>public const double</c> of <c>{Name}Weights</c> passed to the runtime loss.</summary>
    /// <param name="Parameter">The runtime constructor's parameter name.</param>
    /// <param name="Constant">The constant's name in <c>{Name}Weights</c>.</param>
    /// <param name="Symbol">The knob's symbol in the docs (γ, τ, …).</param>
    /// <param name="Summary">The constant's XML summary.</param>
    /// <param name="Value">The knob's value in a config.</param>
    /// <param name="HeaderName">Its name in the file header comment; null for <paramref name="Parameter"/>.</param>
    private sealed record LossKnob(
        string Parameter, string Constant, string Symbol, string Summary, Func<ConfigSpec, double> Value, string? HeaderName = null)
    {
        public string Header => HeaderName ?? Parameter;
    }
}
