using System;
using CbGen.TorchSharp.Internal;
using static TorchSharp.torch;
using Reduction = TorchSharp.torch.nn.Reduction;

namespace CbGen.TorchSharp;

/// <summary>The VS loss's functional form.</summary>
#pragma warning disable CA1707 // snake_case names on purpose: they mirror torch.nn.functional.
public static partial class CbFunctional
{
    /// <summary>The vector-scaling (VS) loss CE(Δ ⊙ z + τ·log π, y) of Kini et al. (NeurIPS 2021). See
    /// <see cref="VectorScalingLoss"/>.</summary>
    /// <param name="logits">Logits [B, C] of a floating dtype.</param>
    /// <param name="target">Int64 class indices [B] in [0, C) or equal to <paramref name="ignore_index"/>.</param>
    /// <param name="scales">Floating rank-1 tensor of C finite scales Δ_c ≥ 0 (<see cref="VectorScalingTables.Scales"/>).</param>
    /// <param name="log_priors">Floating rank-1 tensor of C finite log-priors (<see cref="ClassPriors.LogPriors"/>).</param>
    /// <param name="tau">τ ≥ 0 (finite); 1 by default.</param>
    /// <param name="weight">Optional rank-1 tensor of C finite, non-negative class weights.</param>
    /// <param name="reduction">None (per-sample [B]), Mean (default) or Sum.</param>
    /// <param name="normalizer">What Mean divides by (default WeightSum, PyTorch's weighted mean).</param>
    /// <param name="ignore_index">A label value that contributes nothing (PyTorch's default −100).</param>
    /// <returns>A scalar for Mean/Sum, per-sample losses [B] for None.</returns>
    /// <exception cref="ArgumentException">A shape, dtype, device, label or per-class value is wrong.</exception>
    /// <exception cref="ArgumentOutOfRangeException">τ is out of range or an enum value is undefined.</exception>
    public static Tensor vector_scaling_cross_entropy(
        Tensor logits,
        Tensor target,
        Tensor scales,
        Tensor log_priors,
        double tau = CbDefaults.Tau,
        Tensor? weight = null,
        Reduction reduction = Reduction.Mean,
        MeanNormalizer normalizer = MeanNormalizer.WeightSum,
        long ignore_index = Validation.DefaultIgnoreIndex)
    {
        LongTailValidation.Tau(tau, nameof(tau));
        CheckOptions(reduction, normalizer);
        var weights = CheckInputs(logits, target, scales, nameof(scales), "scales", true, weight);
        CheckPerClass(logits, nameof(logits), log_priors, nameof(log_priors), "log-priors", false);
        using var scope = NewDisposeScope();
        Tensor row;
        Tensor? shift = null;
        using (no_grad())
        {
            row = scales.to(logits.dtype, logits.device);
            if (tau != 0.0)
            {
                shift = LongTailCore.ScaledLike(log_priors, logits, tau);
            }
        }

        return LongTailCore.VectorScaling(logits, target, row, shift, weights, reduction, normalizer, ignore_index)
            .MoveToOuterDisposeScope();
    }
}
#pragma warning restore CA1707

