using System;
using System.Collections.Generic;
using System.Globalization;
using CbGen.TorchSharp.Internal;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace CbGen.TorchSharp;

/// <summary>Training helpers from the paper's set-up: the sigmoid/focal bias initialisation and SGD without
/// weight decay on biases.</summary>
public static class CbTraining
{
    /// <summary>
    /// Initialises the bias of the classifier layer for the sigmoid and focal losses to b = -log(C - 1), the
    /// prior π = 1/C, so the initial loss is not dominated by the C - 1 negatives (Cui et al., §4; Lin et al.).
    /// </summary>
    /// <param name="layer">The last linear layer, producing the C logits; must have a bias.</param>
    /// <exception cref="ArgumentNullException"><paramref name="layer"/> is null.</exception>
    /// <exception cref="ArgumentException">The layer has no bias, or fewer than 2 outputs (-log(C - 1) is
    /// undefined for C = 1).</exception>
    public static void InitializeBiasForSigmoid(Linear layer)
    {
        ArgumentNullException.ThrowIfNull(layer);
        long classes = layer.out_features;
        if (classes < 2)
        {
            throw new ArgumentException(
                "InitializeBiasForSigmoid needs C ≥ 2 outputs (b = -log(C - 1)); the layer has out_features = "
                + classes.ToString(CultureInfo.InvariantCulture) + ".", nameof(layer));
        }

        Fill(layer, -Math.Log(classes - 1), nameof(layer));
    }

    /// <summary>Initialises the bias of the classifier layer to b = -log((1 - π) / π), so every sigmoid starts at
    /// probability π (the paper and RetinaNet use π = 0.1 for the focal loss).</summary>
    /// <param name="layer">The last linear layer, producing the logits; must have a bias.</param>
    /// <param name="prior">π in the open interval (0, 1).</param>
    /// <exception cref="ArgumentNullException"><paramref name="layer"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="prior"/> is not in (0, 1).</exception>
    /// <exception cref="ArgumentException">The layer has no bias.</exception>
    public static void InitializeBiasFromPrior(Linear layer, double prior)
    {
        ArgumentNullException.ThrowIfNull(layer);
        if (!(prior > 0.0 && prior < 1.0))
        {
            throw Validation.OutOfRange(nameof(prior), prior,
                "The prior π must lie in the open interval (0, 1); pass the positive class's share of the training "
                + "labels (the focal-loss paper uses 0.01).");
        }

        Fill(layer, -Math.Log((1.0 - prior) / prior), nameof(layer));
    }

    /// <summary>
    /// Creates SGD with two parameter groups: weight decay <paramref name="weightDecay"/> on the weights, and none
    /// on biases and other 1-d parameters (batch-norm scales and shifts), as the paper's ResNet recipes do.
    /// Parameters with <c>requires_grad = false</c> are left out.
    /// </summary>
    /// <param name="model">The model whose parameters to optimise.</param>
    /// <param name="lr">The learning rate, finite and &gt; 0.</param>
    /// <param name="momentum">The momentum, finite and ≥ 0.</param>
    /// <param name="weightDecay">The L2 weight decay of the weights group, finite and ≥ 0.</param>
    /// <returns>A TorchSharp SGD optimizer whose first group decays and second does not (an empty group is
    /// left out).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="model"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A hyper-parameter is out of range.</exception>
    /// <exception cref="ArgumentException">The model has no trainable parameters.</exception>
    public static SGD SgdWithoutBiasDecay(nn.Module model, double lr, double momentum, double weightDecay)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (!(lr > 0.0) || double.IsInfinity(lr))
        {
            throw Validation.OutOfRange(nameof(lr), lr,
                "The learning rate must be finite and > 0; the paper's ResNet recipes start at 0.1.");
        }

        if (!(momentum >= 0.0) || double.IsInfinity(momentum))
        {
            throw Validation.OutOfRange(nameof(momentum), momentum,
                "The momentum must be finite and ≥ 0; use 0 for plain SGD, or 0.9 as the paper's recipes do.");
        }

        if (!(weightDecay >= 0.0) || double.IsInfinity(weightDecay))
        {
            throw Validation.OutOfRange(nameof(weightDecay), weightDecay,
                "The weight decay must be finite and ≥ 0; use 0 for none, or e.g. 2e-4 as the paper's CIFAR recipe does.");
        }

        var decay = new List<Parameter>();
        var noDecay = new List<Parameter>();
        foreach (var (name, parameter) in model.named_parameters())
        {
            if (!parameter.requires_grad)
            {
                continue;
            }

            bool isBias = parameter.dim() <= 1
                || name == "bias"
                || name.EndsWith(".bias", StringComparison.Ordinal);
            (isBias ? noDecay : decay).Add(parameter);
        }

        if (decay.Count == 0 && noDecay.Count == 0)
        {
            throw new ArgumentException("The model has no trainable parameters.", nameof(model));
        }

        var groups = new List<SGD.ParamGroup>(2);
        if (decay.Count > 0)
        {
            groups.Add(new SGD.ParamGroup(decay, lr, momentum, 0.0, weightDecay));
        }

        if (noDecay.Count > 0)
        {
            groups.Add(new SGD.ParamGroup(noDecay, lr, momentum, 0.0, 0.0));
        }

        return optim.SGD(groups, lr, momentum, 0.0, weightDecay);
    }

    private static void Fill(Linear layer, double value, string paramName)
    {
        var bias = layer.bias;
        if (bias is null || bias.IsInvalid)
        {
            throw new ArgumentException(
                "The layer has no bias (it was created with hasBias: false); the bias initialisation needs one.",
                paramName);
        }

        using (no_grad())
        {
            using var fill = value.ToScalar();
            bias.fill_(fill);
        }
    }
}
