using TorchSharp;
using static TorchSharp.torch;

namespace CbGen.TorchSharp.Internal;

/// <summary>
/// Where a loss gets its class weights during <c>forward</c>: the plain weights, the weights pre-divided by the
/// mean's normaliser (so Mean costs no extra op), and a column of ones for building one-hot targets — all in the
/// logits' dtype and on their device. A module caches them (<see cref="ClassWeightStore"/>); the functional forms
/// compute them per call (<see cref="TransientWeights"/>), inside the caller's dispose scope.
/// </summary>
internal abstract class WeightSource
{
    protected WeightSource(bool allPositive) => AllPositive = allPositive;

    /// <summary>True when every weight is &gt; 0, so Σ α_{y_i} over a non-empty batch is never 0.</summary>
    internal bool AllPositive { get; }

    /// <summary>The weights α [C] in the logits' dtype and device. Owned by the source: do not dispose.</summary>
    internal abstract Tensor Plain(Tensor input);

    /// <summary>α / <paramref name="divisor"/> [C] in the logits' dtype and device. Owned by the source.</summary>
    internal abstract Tensor Scaled(Tensor input, long divisor);

    /// <summary>α / <paramref name="divisor"/> as a column [C, 1] (α itself for a divisor of 1), so that gathering
    /// it by class indices gives the row weights [B, 1] without a reshape. Owned by the source.</summary>
    internal abstract Tensor Column(Tensor input, long divisor);

    /// <summary>The one-hot targets [B, C] of class indices <paramref name="target"/>, in the logits' dtype and
    /// device. A new tensor in the current dispose scope.</summary>
    internal abstract Tensor OneHot(Tensor input, Tensor target);

    /// <summary>The signs 2·one-hot − 1 [B, C] (+1 at the label, −1 elsewhere) of class indices
    /// <paramref name="target"/>, in the logits' dtype and device. A new tensor in the current dispose scope.</summary>
    internal abstract Tensor Signs(Tensor input, Tensor target);

    /// <summary>Signs by scattering a column of ones into −1s (any C).</summary>
    protected static Tensor ScatterSigns(Tensor input, Tensor target, Tensor onesColumn)
    {
        using var column = target.unsqueeze(1);
        using var minusOne = (-1.0).ToScalar();
        return full_like(input, minusOne).scatter_(1, column, onesColumn);
    }

    /// <summary>One-hot by scattering a column of ones into zeros (any C).</summary>
    protected static Tensor ScatterOneHot(Tensor input, Tensor target, Tensor onesColumn)
    {
        using var column = target.unsqueeze(1);
        return zeros_like(input).scatter_(1, column, onesColumn);
    }
}

/// <summary>Per-call weights for the functional forms: everything is created in the current dispose scope.</summary>
internal sealed class TransientWeights : WeightSource
{
    private readonly Tensor? _weight;
    private readonly double[]? _managed;
    private Tensor? _plain;

    internal TransientWeights(Tensor weight, bool allPositive)
        : base(allPositive) => _weight = weight;

    /// <summary>Managed weights (already validated), made a tensor on first use, in the current dispose scope.</summary>
    internal TransientWeights(double[] weight, bool allPositive)
        : base(allPositive) => _managed = weight;

    internal override Tensor Plain(Tensor input)
    {
        if (_plain is null)
        {
            using var guard = no_grad();
            _plain = _weight is not null
                ? _weight.to(input.dtype, input.device)
                : tensor(_managed!, input.dtype, input.device);
        }

        return _plain;
    }

    internal override Tensor Scaled(Tensor input, long divisor)
    {
        using var guard = no_grad();
        using var by = divisor.ToScalar();
        return Plain(input).div(by);
    }

    internal override Tensor Column(Tensor input, long divisor) =>
        (divisor == 1 ? Plain(input) : Scaled(input, divisor)).unsqueeze(1);

    internal override Tensor OneHot(Tensor input, Tensor target)
    {
        using var column = ones(input.size(0), 1, input.dtype, input.device);
        return ScatterOneHot(input, target, column);
    }

    internal override Tensor Signs(Tensor input, Tensor target)
    {
        using var column = ones(input.size(0), 1, input.dtype, input.device);
        return ScatterSigns(input, target, column);
    }
}
