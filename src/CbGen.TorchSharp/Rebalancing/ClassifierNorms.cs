using System;
using System.Collections.Generic;
using System.Linq;
using CbGen.TorchSharp.Internal;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace CbGen.TorchSharp;

/// <summary>
/// Re-balancing a trained classifier through the norms of its class rows: τ-normalisation (Kang et al., ICLR 2020)
/// and the MaxNorm projection of weight balancing (Alshammari et al., CVPR 2022). A long-tailed training run leaves
/// the head classes' rows w_c of the last layer with larger norms, which biases the argmax toward them.
/// </summary>
public static class ClassifierNorms
{
    /// <summary>
    /// τ-normalisation of a classifier's weight matrix: row c becomes w_c / ‖w_c‖^τ (L2 norm). τ = 0 leaves it
    /// unchanged; τ = 1 gives every row unit norm. A row of norm 0 stays 0. Differentiable (autograd flows to
    /// <paramref name="weight"/>), and <paramref name="weight"/> itself is not modified.
    /// </summary>
    /// <param name="weight">The weight [C, D] of the last linear layer (TorchSharp's <c>Linear.weight</c> layout),
    /// floating point.</param>
    /// <param name="tau">τ, finite and ≥ 0, and small enough that every ‖w_c‖^τ and normalised row stay finite and
    /// nonzero in the weight's dtype.</param>
    /// <returns>A new [C, D] tensor.</returns>
    /// <exception cref="ArgumentException"><paramref name="weight"/> is not a 2-D floating-point tensor or has a row of
    /// non-finite norm, or <paramref name="tau"/> is not finite and ≥ 0, or at <paramref name="tau"/> a row's ‖w_c‖^τ
    /// or normalised row leaves the weight's dtype (the message names the largest τ the weight allows).</exception>
    public static Tensor TauNormalize(Tensor weight, double tau)
    {
        RebalancingValidation.Weight(weight, nameof(weight));
        RebalancingValidation.Tau(tau, nameof(tau));
        return Normalized(weight, tau, nameof(weight), nameof(tau));
    }

    /// <summary>
    /// The logits of a τ-normalised classifier on <paramref name="features"/>: x · (w_c / ‖w_c‖^τ)ᵀ. As in the
    /// official τ-normalisation code of Kang et al., the bias is dropped by default (the logits are the dot products
    /// with the normalised rows alone); <paramref name="keepBias"/> adds the trained bias unchanged.
    /// </summary>
    /// <param name="head">The trained last layer [D → C].</param>
    /// <param name="features">The frozen features [N, D] that feed <paramref name="head"/>, of its weight's dtype and
    /// on its device.</param>
    /// <param name="tau">τ, finite and ≥ 0.</param>
    /// <param name="keepBias">Whether to add the head's bias (if it has one); false by default.</param>
    /// <returns>The logits [N, C].</returns>
    /// <exception cref="ArgumentException">A shape, dtype or device does not fit, a feature is NaN or infinite,
    /// <paramref name="tau"/> is refused as by <see cref="TauNormalize"/>, or the logits are not finite (a non-finite
    /// classifier, or logits that overflow its dtype).</exception>
    public static Tensor TauNormalizedLogits(Linear head, Tensor features, double tau, bool keepBias = false)
    {
        ArgumentNullException.ThrowIfNull(head);
        RebalancingValidation.Features(features, head, nameof(features));
        RebalancingValidation.FiniteFeatures(features, nameof(features));
        RebalancingValidation.Tau(tau, nameof(tau));
        return Logits(head, features, tau, keepBias, nameof(tau));
    }

    /// <summary>
    /// Chooses τ on a validation split: the τ of <paramref name="taus"/> whose τ-normalised logits
    /// (<see cref="TauNormalizedLogits"/>) give the lowest balanced error (the mean over the classes present of
    /// each class's error rate, which is the error on a class-balanced validation set); the first such τ on a tie.
    /// </summary>
    /// <param name="head">The trained last layer.</param>
    /// <param name="features">The frozen validation features [N, D], of the head's dtype and on its device.</param>
    /// <param name="labels">The validation labels [N], int64 class indices in [0, C).</param>
    /// <param name="taus">The grid; 0, 0.1, …, 2 by default.</param>
    /// <param name="keepBias">As in <see cref="TauNormalizedLogits"/>.</param>
    /// <returns>The chosen τ and every τ's balanced error.</returns>
    /// <exception cref="ArgumentException">The validation split is empty, a shape, dtype, device or label does not
    /// fit, a feature is NaN or infinite, the grid is empty, a τ is not finite and ≥ 0, or a τ's logits are not finite
    /// (a non-finite classifier, or logits that overflow its dtype).</exception>
    public static TauSelection SelectTau(Linear head, Tensor features, Tensor labels, IEnumerable<double>? taus = null,
        bool keepBias = false)
    {
        ArgumentNullException.ThrowIfNull(head);
        RebalancingValidation.Features(features, head, nameof(features));
        RebalancingValidation.FiniteFeatures(features, nameof(features));
        long[] y = RebalancingValidation.Labels(labels, features, head.out_features, nameof(labels));
        double[] grid = (taus ?? CbDefaults.TauNormGrid).ToArray();
        if (grid.Length == 0)
        {
            throw new ArgumentException("The τ grid is empty; pass at least one τ, or null for the default grid 0, 0.1, …, 2.",
                nameof(taus));
        }

        foreach (double tau in grid)
        {
            RebalancingValidation.Tau(tau, nameof(taus));
        }

        var errors = new double[grid.Length];
        using (no_grad())
        {
            for (int i = 0; i < grid.Length; i++)
            {
                using var scope = NewDisposeScope();
                long[] predicted = Logits(head, features, grid[i], keepBias, nameof(taus)).argmax(1).cpu().data<long>().ToArray();
                errors[i] = BalancedError(predicted, y, (int)head.out_features);
            }
        }

        int best = 0;
        for (int i = 1; i < grid.Length; i++)
        {
            if (errors[i] < errors[best])
            {
                best = i;
            }
        }

        return new TauSelection(grid[best], grid, errors);
    }

    /// <summary>
    /// The MaxNorm projection of weight balancing, in place: every row w_c of <paramref name="weight"/> whose L2 norm
    /// exceeds <paramref name="maxNorm"/> is scaled back onto the ball, w_c ← w_c · maxNorm / ‖w_c‖; shorter rows are
    /// left as they are. Call it after each optimiser step (projected gradient descent). Not recorded by autograd.
    /// </summary>
    /// <param name="weight">The classifier weight [C, D] (e.g. <c>head.weight</c>), floating point.</param>
    /// <param name="maxNorm">The per-class bound, finite, &gt; 0 and at least the smallest normal value of the
    /// weight's dtype.</param>
    /// <exception cref="ArgumentException"><paramref name="weight"/> is not a 2-D floating-point tensor, or
    /// <paramref name="maxNorm"/> is not finite and &gt; 0, or is below its dtype's smallest normal value.</exception>
    public static void ProjectMaxNorm(Tensor weight, double maxNorm)
    {
        RebalancingValidation.Weight(weight, nameof(weight));
        RebalancingValidation.MaxNorm(maxNorm, weight.dtype, nameof(maxNorm));
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        using var bound = maxNorm.ToScalar();
        using var one = 1.0.ToScalar();
        var norms = weight.norm(1, keepdim: true, p: 2);
        var factor = norms.reciprocal().mul_(bound).clamp_max(one);
        weight.mul_(where(norms.gt(bound), factor, ones_like(factor)));
    }

    /// <summary>w_c / ‖w_c‖^τ (a zero row stays zero), refusing a τ whose scale the dtype cannot hold.</summary>
    private static Tensor Normalized(Tensor weight, double tau, string weightName, string tauName)
    {
        using var scope = NewDisposeScope();
        using var zero = 0.0.ToScalar();
        using var exponent = tau.ToScalar();
        var norms = weight.norm(1, keepdim: true, p: 2);
        var safe = where(norms.gt(zero), norms, ones_like(norms));
        var scale = safe.pow(exponent);
        RebalancingValidation.TauScale(norms, scale, tau, weightName, tauName);
        return weight.div(scale).MoveToOuterDisposeScope();
    }

    /// <summary>The τ-normalised logits, refused when not finite (on finite features: a non-finite head, or logits that
    /// overflow the dtype); a refused tensor is disposed with the scope.</summary>
    private static Tensor Logits(Linear head, Tensor features, double tau, bool keepBias, string tauName)
    {
        using var scope = NewDisposeScope();
        var logits = features.matmul(Normalized(head.weight!, tau, nameof(head), tauName).t());
        if (keepBias && head.bias is { } bias && !bias.IsInvalid)
        {
            logits = logits.add(bias);
        }

        RebalancingValidation.FiniteLogits(logits, tau, nameof(head));
        return logits.MoveToOuterDisposeScope();
    }

    private static double BalancedError(long[] predicted, long[] labels, int classes)
    {
        var total = new long[classes];
        var wrong = new long[classes];
        for (int i = 0; i < labels.Length; i++)
        {
            total[labels[i]]++;
            if (predicted[i] != labels[i])
            {
                wrong[labels[i]]++;
            }
        }

        double sum = 0.0;
        int present = 0;
        for (int c = 0; c < classes; c++)
        {
            if (total[c] > 0)
            {
                sum += wrong[c] / (double)total[c];
                present++;
            }
        }

        return sum / present;
    }
}
