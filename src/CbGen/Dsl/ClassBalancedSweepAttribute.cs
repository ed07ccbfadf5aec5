using System;
using System.Diagnostics.CodeAnalysis;

namespace CbGen;

/// <summary>
/// Asks the CbGen generator for the paper's hyper-parameter search as typed configs: one point per
/// (β, loss, γ) of the grid, γ only for the focal loss, so the default grid has 4 · (1 + 1 + 3) = 20 points. The
/// generator emits <c>{Name}Sweep</c> with one static property per point (e.g. <c>Focal_B0_9999_G0_5</c>) and
/// <c>Points</c>, the whole grid in a fixed order, each point with its name, β, loss, γ and weights and, when the
/// project references CbGen.TorchSharp, <c>CreateLoss()</c>. Put it on a class-balanced enum (every member with
/// <see cref="SamplesAttribute"/>; a <see cref="ClassBalancedAttribute"/> is not needed) or on a
/// <see cref="ClassBalancedDatasetAttribute"/> class.
/// </summary>
/// <example>
/// <code>
/// [ClassBalancedSweep]   // β ∈ {0.9, 0.99, 0.999, 0.9999}, loss ∈ {softmax, sigmoid, focal}, γ ∈ {0.5, 1, 2}
/// public enum Cifar10Lt { [Samples(5000)] Airplane, /* … */ [Samples(50)] Truck }
///
/// foreach (Cifar10LtSweepPoint point in Cifar10LtSweep.Points)
/// {
///     using var loss = point.CreateLoss();
///     /* train and evaluate; report point.Name */
/// }
/// </code>
/// </example>
[AttributeUsage(AttributeTargets.Enum | AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
[System.Diagnostics.Conditional("CBGEN_KEEP_ATTRIBUTES")]
[SuppressMessage("Performance", "CA1819:Properties should not return arrays",
    Justification = "Attribute arguments: C# attributes take arrays, not collections.")]
public sealed class ClassBalancedSweepAttribute : Attribute
{
    /// <summary>The β values, each in [0, 1]. Default: the paper's 0.9, 0.99, 0.999, 0.9999.</summary>
    public double[] Betas { get; set; } = CbDefaults.SweepBetas;

    /// <summary>The losses. Default: softmax, sigmoid and focal. <see cref="CbLoss.DistributionBalanced"/> and
    /// <see cref="CbLoss.Asymmetric"/> (multi-label, no β) add one point each, with their runtime defaults.</summary>
    public CbLoss[] Losses { get; set; } = { CbLoss.Softmax, CbLoss.Sigmoid, CbLoss.Focal };

    /// <summary>The focal loss's γ values, each ≥ 0 (used with <see cref="CbLoss.Focal"/> only). Default: the
    /// paper's 0.5, 1.0, 2.0.</summary>
    public double[] Gammas { get; set; } = CbDefaults.SweepGammas;

    /// <summary>The logit adjustment's τ values, each ≥ 0 (used with <see cref="CbLoss.LogitAdjusted"/> and
    /// <see cref="CbLoss.VectorScaling"/> only, which the default <see cref="Losses"/> do not include). Default: 1.0.</summary>
    public double[] Taus { get; set; } = CbDefaults.SweepTaus;

    /// <summary>The VS loss's γ values, each ≥ 0 (used with <see cref="CbLoss.VectorScaling"/> only: one point per
    /// (γ, τ)). Default: 0.3, the official code's.</summary>
    public double[] VsGammas { get; set; } = CbDefaults.SweepVsGammas;

    /// <summary>The weight decays, each a finite number ≥ 0: every point of the other axes is repeated once per weight
    /// decay (point-major, in the order given), named <c>{point}_WD{decay}</c> (<c>Focal_B0_9999_G0_5_WD0_0005</c>),
    /// and exposes it as <c>WeightDecay</c> for the training loop to read (weight balancing's first stage tunes it).
    /// Default <c>null</c>: no weight-decay axis, and the points have no <c>WeightDecay</c>.</summary>
    public double[]? WeightDecays { get; set; }

    /// <summary>N, the number of training samples the counts are positives out of, for the
    /// <see cref="CbLoss.DistributionBalanced"/> points (which need it; the other points ignore it). On a
    /// <see cref="ClassBalancedDatasetAttribute"/> class the counts file's <c># samples: N</c> line gives it instead.
    /// Default 0: not given.</summary>
    public long Samples { get; set; }

    /// <summary>Where the losses keep their weights. Default <see cref="CbDevice.Auto"/>.</summary>
    public CbDevice Device { get; set; } = CbDevice.Auto;

    /// <summary>What <c>Reduction.Mean</c> divides by. Default <see cref="MeanNormalizer.PositiveLabels"/>.</summary>
    public MeanNormalizer Normalizer { get; set; } = MeanNormalizer.PositiveLabels;

    /// <summary>Deferred re-weighting for every weighted point: K ≥ 1 makes <c>CreateLoss()</c> return a
    /// <c>DeferredReweightingLoss</c> (and turns the <see cref="CbLoss.Ldam"/> points into LDAM-DRW, one per β; the
    /// <see cref="CbLoss.LogitAdjusted"/> points have no weights to defer). Default 0: always weighted.</summary>
    public int DeferUntilEpoch { get; set; }

    /// <summary>The prefix of the generated types (<c>{Name}Sweep</c>, <c>{Name}SweepPoint</c>) and of the point
    /// names. Default: the enum's (or class's) name.</summary>
    public string? Name { get; set; }
}
