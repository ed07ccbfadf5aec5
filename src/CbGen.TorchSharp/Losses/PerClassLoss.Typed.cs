using System;
using static TorchSharp.torch;

namespace CbGen.TorchSharp;

/// <summary>
/// A loss that is one of the sealed runtime losses (<typeparamref name="TLoss"/>) under a type of its own: the base
/// of the generated <c>{Name}Loss</c> classes, which build <see cref="Inner"/> from the compile-time tables and add
/// typed label overloads. <c>forward</c> is the inner loss's, to the bit.
/// </summary>
/// <remarks>
/// The wrapper owns the inner loss as the sub-module <c>loss</c>: <c>.to()</c> moves its buffers,
/// <c>state_dict</c> saves them under <c>loss.</c> (<c>loss.class_weights</c>, <c>loss.margins</c>, …), disposing
/// the wrapper disposes it, and <c>load_state_dict</c> or <c>load</c> on the wrapper drops its cached copies.
/// <see cref="PerClassLoss.NumClasses"/>, <see cref="PerClassLoss.Normalizer"/> and
/// <see cref="PerClassLoss.ClassWeights"/> are the inner loss's; <see cref="PerClassLoss.CheckFiniteLogits"/> is
/// passed on to it. Its own knobs (γ, τ, the margins, a deferred loss's <c>Step</c>) are on <see cref="Inner"/>.
/// </remarks>
/// <typeparam name="TLoss">The runtime loss inside.</typeparam>
public abstract class PerClassLoss<TLoss> : PerClassLoss
    where TLoss : PerClassLoss
{
    private const string InnerName = "loss";

    /// <summary>Wraps <paramref name="loss"/>; the wrapper takes it over (and disposes it).</summary>
    /// <param name="loss">The runtime loss that computes <c>forward</c>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="loss"/> is null.</exception>
#pragma warning disable RS0022 // Deriving from here is the point; the only protected member this exposes is TorchSharp's Dispose(bool).
    protected PerClassLoss(TLoss loss)
#pragma warning restore RS0022
        : base(loss ?? throw new ArgumentNullException(nameof(loss)))
    {
        Inner = loss;
        register_module(InnerName, loss);
    }

    /// <summary>The runtime loss inside, with its own knobs (e.g. <c>Gamma</c>, <c>Tau</c>, <c>Margins</c>,
    /// a deferred loss's <c>Epoch</c> and <c>Step</c>).</summary>
    public TLoss Inner { get; }

    /// <summary>The loss of <see cref="Inner"/>.</summary>
    /// <param name="logits">Logits [B, C].</param>
    /// <param name="target">The targets <typeparamref name="TLoss"/> accepts.</param>
    /// <returns>As <typeparamref name="TLoss"/>.</returns>
    /// <exception cref="ObjectDisposedException">The wrapper has been disposed.</exception>
    public sealed override Tensor forward(Tensor logits, Tensor target)
    {
        ThrowIfDisposed();
        return Inner.forward(logits, target);
    }

    private protected override void OnCheckFiniteLogitsChanged(bool value) => Inner.CheckFiniteLogits = value;
}
