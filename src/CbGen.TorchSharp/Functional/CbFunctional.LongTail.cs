using System;
using CbGen.TorchSharp.Internal;
using static TorchSharp.torch;
using Reduction = TorchSharp.torch.nn.Reduction;

namespace CbGen.TorchSharp;

/// <summary>The long-tail functional forms: the logit-adjusted loss, LDAM and post-hoc logit adjustment.</summary>
#pragma warning disable CA1707 // snake_case names on purpose: they mirror torch.nn.functional.
public static partial class CbFunctional
{
    /// <summary>The logit-adjusted loss CE(z + τ·log π, y). See <see cref="LogitAdjustedLoss"/>.</summary>
    /// <param name="logits">Logits [B, C] of a floating dtype.</param>
    /// <param name="target">Int64 class indices [B] in [0, C) or equal to <paramref name="ignore_index"/>.</param>
    /// <param name="log_priors">Floating rank-1 tensor of C finite log-priors (<see cref="ClassPriors.LogPriors"/>).</param>
    /// <param name="tau">τ ≥ 0 (finite); 1 by default.</param>
    /// <param name="weight">Optional rank-1 tensor of C finite, non-negative class weights.</param>
    /// <param name="reduction">None (per-sample [B]), Mean (default) or Sum.</param>
    /// <param name="normalizer">What Mean divides by (default WeightSum, PyTorch's weighted mean).</param>
    /// <param name="ignore_index">A label value that contributes nothing (PyTorch's default −100).</param>
    /// <returns>A scalar for Mean/Sum, per-sample losses [B] for None.</returns>
    /// <exception cref="ArgumentException">A shape, dtype, device, label or per-class value is wrong.</exception>
    /// <exception cref="ArgumentOutOfRangeException">τ is out of range or an enum value is undefined.</exception>
    public static Tensor logit_adjusted_cross_entropy(
        Tensor logits,
        Tensor target,
        Tensor log_priors,
        double tau = CbDefaults.Tau,
        Tensor? weight = null,
        Reduction reduction = Reduction.Mean,
        MeanNormalizer normalizer = MeanNormalizer.WeightSum,
        long ignore_index = Validation.DefaultIgnoreIndex)
    {
        LongTailValidation.Tau(tau, nameof(tau));
        CheckOptions(reduction, normalizer);
        var weights = CheckInputs(logits, target, log_priors, nameof(log_priors), "log-priors", false, weight);
        using var scope = NewDisposeScope();
        Tensor? shift = null;
        if (tau != 0.0)
        {
            using var guard = no_grad();
            shift = LongTailCore.ScaledLike(log_priors, logits, tau);
        }

        return LongTailCore.LogitAdjusted(logits, target, shift, weights, reduction, normalizer, ignore_index)
            .MoveToOuterDisposeScope();
    }

    /// <summary>The LDAM loss CE(s·(z − Δ_y·e_y), y). See <see cref="LdamLoss"/>.</summary>
    /// <param name="logits">Logits [B, C] of a floating dtype.</param>
    /// <param name="target">Int64 class indices [B] in [0, C) or equal to <paramref name="ignore_index"/>.</param>
    /// <param name="margins">Floating rank-1 tensor of C finite margins ≥ 0 (<see cref="LdamMargins.Compute"/>).</param>
    /// <param name="scale">s &gt; 0 (finite); 30 by default.</param>
    /// <param name="weight">Optional rank-1 tensor of C finite, non-negative class weights.</param>
    /// <param name="reduction">None (per-sample [B]), Mean (default) or Sum.</param>
    /// <param name="normalizer">What Mean divides by (default WeightSum, the official code's weighted mean).</param>
    /// <param name="ignore_index">A label value that contributes nothing (PyTorch's default −100).</param>
    /// <returns>A scalar for Mean/Sum, per-sample losses [B] for None.</returns>
    /// <exception cref="ArgumentException">A shape, dtype, device, label or per-class value is wrong.</exception>
    /// <exception cref="ArgumentOutOfRangeException">s is out of range or an enum value is undefined.</exception>
    public static Tensor ldam_cross_entropy(
        Tensor logits,
        Tensor target,
        Tensor margins,
        double scale = LdamLoss.DefaultScale,
        Tensor? weight = null,
        Reduction reduction = Reduction.Mean,
        MeanNormalizer normalizer = MeanNormalizer.WeightSum,
        long ignore_index = Validation.DefaultIgnoreIndex)
    {
        LongTailValidation.Scale(scale, nameof(scale));
        CheckOptions(reduction, normalizer);
        var weights = CheckInputs(logits, target, margins, nameof(margins), "margins", true, weight);
        using var scope = NewDisposeScope();
        Tensor column;
        using (no_grad())
        {
            column = LongTailCore.ScaledLike(margins, logits, -scale).unsqueeze(1);
        }

        return LongTailCore.Ldam(logits, target, column, scale, weights, reduction, normalizer, ignore_index)
            .MoveToOuterDisposeScope();
    }

    /// <summary>
    /// Post-hoc logit adjustment (Menon et al., ICLR 2021): z − τ·log π, applied at prediction time to the logits of
    /// a model trained with plain cross-entropy, so the argmax moves toward rare classes without retraining. The
    /// result is a new tensor without a gradient graph; τ = 0 returns a copy of the logits.
    /// </summary>
    /// <param name="logits">Logits [B, C] of a floating dtype.</param>
    /// <param name="log_priors">Floating rank-1 tensor of C finite log-priors, on any device.</param>
    /// <param name="tau">τ ≥ 0 (finite); 1 by default (the Bayes-optimal choice for the balanced error).</param>
    /// <returns>The adjusted logits [B, C] in the logits' dtype and device.</returns>
    /// <exception cref="ArgumentException">A shape or dtype is wrong, or a log-prior is not finite.</exception>
    /// <exception cref="ArgumentOutOfRangeException">τ is negative or not finite.</exception>
    public static Tensor adjust_logits(Tensor logits, Tensor log_priors, double tau = CbDefaults.Tau)
    {
        LongTailValidation.Tau(tau, nameof(tau));
        CheckPerClass(logits, nameof(logits), log_priors, nameof(log_priors), "log-priors", false);
        return LongTailCore.AdjustLogits(logits, log_priors, tau);
    }

    /// <summary>Checks the logits and a per-class tensor against each other, naming whichever is wrong: a per-class
    /// tensor that is not a floating rank-1 tensor is named; one that is sets C, so logits of another width are named
    /// with its count (the generated <c>AdjustLogits</c> passes its own table, which the caller cannot change); then
    /// the per-class values.</summary>
    private static void CheckPerClass(
        Tensor input, string inputName, Tensor perClass, string perClassName, string what, bool nonNegative)
    {
        Validation.NotNullOrDisposed(input, inputName);
        Validation.NotNullOrDisposed(perClass, perClassName);
        bool perClassShaped = perClass.dim() == 1 && perClass.numel() > 0 && is_floating_point(perClass.dtype);
        if (input.dim() == 2 && !perClassShaped)
        {
            LongTailValidation.PerClassTensor(perClass, input.size(1), nonNegative, what, perClassName);
        }

        Validation.Logits(input, perClass.numel(), inputName, "as many as the " + what + " in '" + perClassName + "'");

        // The logits have perClass.numel() columns: what is left to check is the values.
        LongTailValidation.PerClassTensor(perClass, input.size(1), nonNegative, what, perClassName);
    }

    private static TransientWeights? CheckInputs(
        Tensor input, Tensor target, Tensor perClass, string perClassName, string what, bool nonNegative,
        Tensor? weight)
    {
        CheckPerClass(input, "logits", perClass, perClassName, what, nonNegative);
        Validation.NotNullOrDisposed(target, nameof(target));
        if (weight is null)
        {
            return null;
        }

        bool positive = Validation.Weights(weight, nameof(weight));
        if (weight.numel() != input.size(1))
        {
            throw new ArgumentException(
                "Expected 'weight' to hold " + Validation.Format(input.size(1)) + " class weights (one per logits "
                + "column), got shape " + Validation.Shape(weight) + ".", nameof(weight));
        }

        return new TransientWeights(weight, positive);
    }
}
#pragma warning restore CA1707

