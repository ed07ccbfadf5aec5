using System;
using CbGen.TorchSharp.Internal;
using static TorchSharp.torch;
using Reduction = TorchSharp.torch.nn.Reduction;

namespace CbGen.TorchSharp;

/// <summary>
/// The functional forms of every loss, named like <c>torch.nn.functional</c> and with its parameter names
/// (<c>weight</c>, <c>ignore_index</c>, <c>reduction</c>, <c>label_smoothing</c>), which the modules' constructors
/// share: the class-balanced softmax, sigmoid and focal losses, the logit-adjusted loss, LDAM and post-hoc logit
/// adjustment. They compute exactly what the modules compute, with the per-class tensors passed and validated on
/// every call (one min/max reduction each) and cast to the logits' dtype and device when they differ. Prefer the
/// modules in a training loop. Weights from counts and β: <c>tensor(ClassBalancedWeights.Compute(counts, beta))</c>.
/// </summary>
#pragma warning disable CA1707 // snake_case names on purpose: they mirror torch.nn.functional.
public static partial class CbFunctional
{
    /// <summary>Class-balanced softmax cross-entropy: per-sample α_{y_i}·CE_i, through one fused
    /// <c>cross_entropy(weight: α)</c>. See <see cref="ClassBalancedSoftmaxLoss"/>.</summary>
    /// <inheritdoc cref="ClassBalancedSoftmaxLoss.forward(Tensor, Tensor)" path="/param"/>
    /// <inheritdoc cref="ClassBalancedSoftmaxLoss(Tensor, Reduction, MeanNormalizer, long, double, CbDevice)" path="/param[@name!='device']"/>
    /// <returns>A scalar for Mean/Sum, per-sample losses [B] for None.</returns>
    /// <exception cref="ArgumentException">A shape, dtype, device, label, target or weight value is wrong; the
    /// message names the parameter, what was expected and what was passed.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An enum value is undefined or <paramref name="label_smoothing"/>
    /// is outside [0, 1].</exception>
    public static Tensor cb_softmax_cross_entropy(
        Tensor logits,
        Tensor target,
        Tensor weight,
        Reduction reduction = Reduction.Mean,
        MeanNormalizer normalizer = MeanNormalizer.PositiveLabels,
        long ignore_index = Validation.DefaultIgnoreIndex,
        double label_smoothing = 0.0)
    {
        CheckOptions(reduction, normalizer);
        Validation.LabelSmoothing(label_smoothing, nameof(label_smoothing));
        var weights = CheckInputs(logits, target, weight);
        using var scope = NewDisposeScope();
        return LossCore.Softmax(logits, target, weights, reduction, normalizer, ignore_index, label_smoothing)
            .MoveToOuterDisposeScope();
    }

    /// <summary>Class-balanced sigmoid cross-entropy: BCE-with-logits with all C terms of sample i weighted by
    /// α_{y_i} (class indices) or element (i, c) by α_c (float targets). See <see cref="ClassBalancedSigmoidLoss"/>.</summary>
    /// <inheritdoc cref="ClassBalancedSigmoidLoss.forward(Tensor, Tensor)" path="/param"/>
    /// <inheritdoc cref="ClassBalancedSigmoidLoss(Tensor, Reduction, MeanNormalizer, CbDevice)" path="/param[@name!='device']"/>
    /// <returns>A scalar for Mean/Sum, element losses [B, C] for None.</returns>
    /// <exception cref="ArgumentException">A shape, dtype, device, label, target or weight value is wrong; the
    /// message names the parameter, what was expected and what was passed.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An enum value is undefined.</exception>
    public static Tensor cb_sigmoid_cross_entropy(
        Tensor logits,
        Tensor target,
        Tensor weight,
        Reduction reduction = Reduction.Mean,
        MeanNormalizer normalizer = MeanNormalizer.PositiveLabels)
    {
        CheckOptions(reduction, normalizer);
        var weights = CheckInputs(logits, target, weight);
        using var scope = NewDisposeScope();
        return LossCore.Sigmoid(logits, target, weights, reduction, normalizer).MoveToOuterDisposeScope();
    }

    /// <summary>Class-balanced focal loss: the sigmoid loss of each element times (1 - p_t)^γ, computed in log
    /// space so extreme logits and γ &lt; 1 stay finite. See <see cref="ClassBalancedFocalLoss"/>.</summary>
    /// <inheritdoc cref="ClassBalancedFocalLoss.forward(Tensor, Tensor)" path="/param"/>
    /// <inheritdoc cref="ClassBalancedFocalLoss(Tensor, Reduction, MeanNormalizer, double, CbDevice)" path="/param[@name!='device']"/>
    /// <returns>A scalar for Mean/Sum, element losses [B, C] for None.</returns>
    /// <exception cref="ArgumentException">A shape, dtype, device, label, target or weight value is wrong; the
    /// message names the parameter, what was expected and what was passed.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An enum value is undefined, or γ is negative or not finite.</exception>
    public static Tensor cb_focal_loss(
        Tensor logits,
        Tensor target,
        Tensor weight,
        Reduction reduction = Reduction.Mean,
        MeanNormalizer normalizer = MeanNormalizer.PositiveLabels,
        double gamma = CbDefaults.Gamma)
    {
        CheckOptions(reduction, normalizer);
        Validation.Gamma(gamma, nameof(gamma));
        var weights = CheckInputs(logits, target, weight);
        using var scope = NewDisposeScope();
        return LossCore.Focal(logits, target, weights, gamma, reduction, normalizer).MoveToOuterDisposeScope();
    }

    private static void CheckOptions(Reduction reduction, MeanNormalizer normalizer)
    {
        Validation.Reduction(reduction, nameof(reduction));
        Validation.Normalizer(normalizer, nameof(normalizer));
    }

    /// <summary>Checks the weight, the logits against it and the target's presence (the target's shape and
    /// values are checked by the loss); returns the per-call weights, which allocate nothing until used.</summary>
    private static TransientWeights CheckInputs(Tensor logits, Tensor target, Tensor weight)
    {
        bool positive = Validation.Weights(weight, nameof(weight));
        Validation.Logits(logits, weight.numel(), Validation.LogitsName);
        Validation.NotNullOrDisposed(target, nameof(target));
        return new TransientWeights(weight, positive);
    }
}
#pragma warning restore CA1707

