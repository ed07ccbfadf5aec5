using System;
using CbGen.TorchSharp.Internal;
using static TorchSharp.torch;
using Reduction = TorchSharp.torch.nn.Reduction;

namespace CbGen.TorchSharp;

/// <summary>
/// The asymmetric loss (ASL) of Ridnik et al. (ICCV 2021) for multi-label data: with p = σ(z) and the shifted
/// probability p_m = max(p − m, 0), a positive costs −(1 − p)^{γ+}·log p and a negative −p_m^{γ−}·log(1 − p_m).
/// The paper's defaults are γ+ = 0, γ− = 4 and m = 0.05.
/// </summary>
/// <remarks>
/// <para><b>Targets:</b> floating multi-hot or soft targets [B, C] (values in [0, 1]; another value,
/// NaN or ±∞ is an <see cref="ArgumentException"/> naming it and its position): element (i, c)
/// is t·(positive term) + (1 − t)·(negative term). <b>Reductions:</b> as <see cref="DistributionBalancedLoss"/>
/// (no class weights, so no <see cref="MeanNormalizer.WeightSum"/>).</para>
/// <para><b>Near 0 and 1:</b> the logs are exact by default (log σ(z), log σ(−z), and 1 − p_m = σ(−z) + m), so a
/// confidently wrong positive keeps its gradient; <see cref="Epsilon"/> = 1e-8 floors every log at log ε as the
/// official code's clamp does. A negative with p ≤ m costs exactly 0 with a zero gradient. See docs/losses.md.</para>
/// <para>The module owns no buffer; <see cref="PerClassLoss.ClassWeights"/> is null.</para>
/// </remarks>
public sealed class AsymmetricLoss : PerClassLoss
{
    /// <summary>Creates the loss.</summary>
    /// <param name="numClasses">C ≥ 1, the logits' column count.</param>
    /// <param name="reduction">None (element losses [B, C]), Mean (default) or Sum.</param>
    /// <param name="normalizer">PositiveLabels (default) or AllTerms.</param>
    /// <param name="gammaPositive">γ+ ≥ 0 (finite; default 0).</param>
    /// <param name="gammaNegative">γ− ≥ 0 (finite; default 4).</param>
    /// <param name="clip">The probability margin m in [0, 1) (default 0.05; 0 turns the shift off).</param>
    /// <param name="epsilon">The log floor ε in [0, 1): 0 (default) for exact logs, 1e-8 for the official code's clamp.</param>
    /// <exception cref="ArgumentOutOfRangeException">C, a hyper-parameter or an enum value is out of range.</exception>
    public AsymmetricLoss(
        int numClasses,
        Reduction reduction = Reduction.Mean,
        MeanNormalizer normalizer = MeanNormalizer.PositiveLabels,
        double gammaPositive = CbDefaults.AslGammaPositive,
        double gammaNegative = CbDefaults.AslGammaNegative,
        double clip = CbDefaults.AslClip,
        double epsilon = 0.0)
        : base(Check(numClasses, reduction, normalizer, gammaPositive, gammaNegative, clip, epsilon), default,
            reduction, normalizer)
    {
        GammaPositive = gammaPositive;
        GammaNegative = gammaNegative;
        Clip = clip;
        Epsilon = epsilon;
    }

    /// <summary>γ+, the positives' focusing parameter.</summary>
    public double GammaPositive { get; }

    /// <summary>γ−, the negatives' focusing parameter.</summary>
    public double GammaNegative { get; }

    /// <summary>m, the probability margin of the negatives.</summary>
    public double Clip { get; }

    /// <summary>ε, the floor of the logs (0: exact).</summary>
    public double Epsilon { get; }

    /// <inheritdoc/>
    private protected override string ClassesFrom => "the loss's numClasses";

    /// <summary>Computes the loss.</summary>
    /// <param name="logits">Logits [B, C] of a floating dtype.</param>
    /// <param name="target">Floating multi-hot or soft targets [B, C] on the logits' device, every value in [0, 1].</param>
    /// <returns>A scalar for Mean/Sum, element losses [B, C] for None, in the logits' dtype.</returns>
    /// <exception cref="ArgumentException">A shape, dtype, device or target value is wrong; the message names it.</exception>
    /// <exception cref="ObjectDisposedException">The module has been disposed.</exception>
    public override Tensor forward(Tensor logits, Tensor target)
    {
        WeightsFor(logits, target);
        MultiLabelValidation.SoftTargets(logits, target, MultiLabelValidation.AslName, LossCore.TargetName);
        return MultiLabelCore.Asymmetric(logits, target, GammaPositive, GammaNegative, Clip, Epsilon, reduction, Normalizer);
    }

    /// <summary>Checks the constructor's arguments; <paramref name="functional"/> names γ+, γ− and ε as
    /// <c>CbFunctional.asymmetric_loss</c> does (<c>gamma_pos</c>, <c>gamma_neg</c>, <c>eps</c>).</summary>
    internal static int Check(
        int numClasses, Reduction reduction, MeanNormalizer normalizer, double gammaPositive, double gammaNegative,
        double clip, double epsilon, bool functional = false)
    {
        Validation.Reduction(reduction, nameof(reduction));
        MultiLabelValidation.Normalizer(normalizer, MultiLabelValidation.AslName, nameof(normalizer));
        MultiLabelValidation.AslGamma(gammaPositive, "+", CbDefaults.AslGammaPositive,
            functional ? "gamma_pos" : nameof(gammaPositive));
        MultiLabelValidation.AslGamma(gammaNegative, "−", CbDefaults.AslGammaNegative,
            functional ? "gamma_neg" : nameof(gammaNegative));
        MultiLabelValidation.Clip(clip, nameof(clip));
        MultiLabelValidation.Epsilon(epsilon, functional ? "eps" : nameof(epsilon));
        if (numClasses < 1)
        {
            throw Validation.OutOfRange(nameof(numClasses), numClasses,
                "The number of classes C must be ≥ 1; pass the logits' column count.");
        }

        return numClasses;
    }
}
