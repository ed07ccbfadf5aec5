using System;
using CbGen.TorchSharp.Internal;
using TorchSharp;
using static TorchSharp.torch;
using Reduction = TorchSharp.torch.nn.Reduction;

namespace CbGen.TorchSharp;

/// <summary>The multi-label functional forms: the distribution-balanced and asymmetric losses.</summary>
#pragma warning disable CA1707 // snake_case names on purpose: they mirror torch.nn.functional.
public static partial class CbFunctional
{
    /// <summary>The distribution-balanced loss (Wu et al., ECCV 2020). See <see cref="DistributionBalancedLoss"/>;
    /// the per-class tables (1/n_c and ν_c) are built from the counts on every call.</summary>
    /// <param name="logits">Logits [B, C] of a floating dtype.</param>
    /// <param name="target">Floating multi-hot targets [B, C] (every value 0 or 1).</param>
    /// <param name="counts">Positive samples per class n_c, each in [1, N] (and &lt; N unless κ = 0).</param>
    /// <param name="samples">N, the number of training samples.</param>
    /// <param name="alpha">The smoothing floor α ≥ 0 (default 0.1).</param>
    /// <param name="beta">The smoothing slope β ≥ 0 (default 10).</param>
    /// <param name="mu">The smoothing centre μ (default 0.3).</param>
    /// <param name="lambda">The negative-tolerant scale λ &gt; 0 (default 5).</param>
    /// <param name="kappa">The prior-bias scale κ (default 0.05).</param>
    /// <param name="instance_prior">How P^I(x) is normalised (default the paper's Sum).</param>
    /// <param name="reduction">None (element losses [B, C]), Mean (default) or Sum.</param>
    /// <param name="normalizer">PositiveLabels (default) or AllTerms.</param>
    /// <returns>A scalar for Mean/Sum, element losses [B, C] for None.</returns>
    /// <exception cref="ArgumentException">A shape, dtype, device, target value or count is wrong.</exception>
    /// <exception cref="ArgumentOutOfRangeException">N, a hyper-parameter or an enum value is out of range.</exception>
    public static Tensor distribution_balanced_loss(
        Tensor logits,
        Tensor target,
        ClassCounts counts,
        long samples,
        double alpha = CbDefaults.DbAlpha,
        double beta = CbDefaults.DbBeta,
        double mu = CbDefaults.DbMu,
        double lambda = CbDefaults.DbLambda,
        double kappa = CbDefaults.DbKappa,
        DbInstancePrior instance_prior = DbInstancePrior.Sum,
        Reduction reduction = Reduction.Mean,
        MeanNormalizer normalizer = MeanNormalizer.PositiveLabels)
    {
        var settings = DistributionBalancedLoss.Check(counts, samples, reduction, normalizer, alpha, beta, mu, lambda,
            kappa, instance_prior, functional: true);
        Validation.NotNullOrDisposed(logits, nameof(logits));
        Validation.Logits(logits, counts.Span.Length, Validation.LogitsName, "one per class in 'counts'");
        Validation.NotNullOrDisposed(target, nameof(target));
        var span = counts.Span;
        var inverse = new double[span.Length];
        var bias = new double[span.Length];
        for (int c = 0; c < span.Length; c++)
        {
            inverse[c] = 1.0 / span[c];
            bias[c] = kappa == 0.0 ? 0.0 : kappa * MultiLabelCounts.PriorLogit(span[c], samples);
        }

        using var scope = NewDisposeScope();
        var hot = MultiLabelValidation.MultiHot(logits, target, MultiLabelValidation.DbName, nameof(target));
        var inverseTensor = tensor(inverse, dtype: ScalarType.Float64).to(logits.dtype, logits.device);
        // −λ·ν in the logits' dtype, rounded as the module's cached copy is.
        using var minusLambda = (-lambda).ToScalar();
        var biasTensor = tensor(bias, dtype: ScalarType.Float64).to(logits.dtype, logits.device).mul_(minusLambda);
        return MultiLabelCore.DistributionBalanced(logits, target, hot, inverseTensor, biasTensor, settings,
            reduction, normalizer).MoveToOuterDisposeScope();
    }

    /// <summary>The asymmetric loss (Ridnik et al., ICCV 2021). See <see cref="AsymmetricLoss"/>.</summary>
    /// <param name="logits">Logits [B, C] of a floating dtype.</param>
    /// <param name="target">Floating multi-hot or soft targets [B, C], every value in [0, 1].</param>
    /// <param name="gamma_pos">γ+ ≥ 0 (default 0).</param>
    /// <param name="gamma_neg">γ− ≥ 0 (default 4).</param>
    /// <param name="clip">The probability margin m in [0, 1) (default 0.05).</param>
    /// <param name="eps">The log floor ε in [0, 1): 0 (default) for exact logs, 1e-8 for the official code's clamp.</param>
    /// <param name="reduction">None (element losses [B, C]), Mean (default) or Sum.</param>
    /// <param name="normalizer">PositiveLabels (default) or AllTerms.</param>
    /// <returns>A scalar for Mean/Sum, element losses [B, C] for None.</returns>
    /// <exception cref="ArgumentException">A shape, dtype, device or target value is wrong.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A hyper-parameter or an enum value is out of range.</exception>
    public static Tensor asymmetric_loss(
        Tensor logits,
        Tensor target,
        double gamma_pos = CbDefaults.AslGammaPositive,
        double gamma_neg = CbDefaults.AslGammaNegative,
        double clip = CbDefaults.AslClip,
        double eps = 0.0,
        Reduction reduction = Reduction.Mean,
        MeanNormalizer normalizer = MeanNormalizer.PositiveLabels)
    {
        Validation.NotNullOrDisposed(logits, nameof(logits));
        if (logits.dim() != 2 || logits.size(1) < 1)
        {
            throw new ArgumentException(
                "Expected 'logits' to be a tensor of rank 2 [B, C] with C ≥ 1, got shape " + Validation.Shape(logits)
                + ".", nameof(logits));
        }

        AsymmetricLoss.Check(checked((int)logits.size(1)), reduction, normalizer, gamma_pos, gamma_neg, clip, eps,
            functional: true);
        Validation.Logits(logits, logits.size(1), Validation.LogitsName);
        Validation.NotNullOrDisposed(target, nameof(target));
        MultiLabelValidation.SoftTargets(logits, target, MultiLabelValidation.AslName, nameof(target));
        return MultiLabelCore.Asymmetric(logits, target, gamma_pos, gamma_neg, clip, eps, reduction, normalizer);
    }
}
#pragma warning restore CA1707

