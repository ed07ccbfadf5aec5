using System;
using System.Threading;
using static TorchSharp.torch;

namespace CbGen.TorchSharp.Internal;

/// <summary>
/// The tensor derived from a module's per-class buffer (τ·log π as a row, −s·Δ as a column), one per dtype and
/// device of the logits, made on first use and kept until the buffer is replaced (by <c>.to()</c>) or the module is
/// disposed: a training loop does no weight arithmetic per step, and calls in two dtypes (even concurrent ones) each
/// keep theirs, so neither disposes a tensor the other is using. A call reads an immutable snapshot without a lock;
/// only a miss locks. Like <see cref="ClassWeightStore"/>, the cached tensors live here (never in a module field
/// that TorchSharp's reflection could take for a buffer), are detached from every dispose scope and are disposed
/// with the module.
/// </summary>
internal sealed class ShiftCache : IDisposable
{
    private readonly Func<Tensor, Tensor> _derive;
    private readonly object _gate = new();
    private Tensor? _buffer;
    private KeptList<TensorKind, Tensor> _kept = KeptList<TensorKind, Tensor>.Empty;

    /// <param name="derive">Makes the cached tensor from a fresh copy of the buffer in the logits' dtype/device
    /// (it may return that copy); runs under <c>no_grad</c> inside a dispose scope.</param>
    internal ShiftCache(Func<Tensor, Tensor> derive) => _derive = derive;

    /// <summary>The derived tensor for <paramref name="buffer"/> in <paramref name="input"/>'s dtype and device.
    /// Owned by the cache: do not dispose.</summary>
    internal Tensor For(Tensor buffer, Tensor input)
    {
        var kind = TensorKind.Of(input);
        if (ReferenceEquals(buffer, Volatile.Read(ref _buffer)) && Volatile.Read(ref _kept).Find(kind) is { } value
            && !value.IsInvalid)
        {
            return value;
        }

        return Add(buffer, input, kind);
    }

    public void Dispose()
    {
        lock (_gate)
        {
            DisposeKept();
            _buffer = null;
        }
    }

    private Tensor Add(Tensor buffer, Tensor input, TensorKind kind)
    {
        lock (_gate)
        {
            if (!ReferenceEquals(buffer, _buffer))
            {
                DisposeKept();                    // the buffer was replaced: its tensors are stale
                Volatile.Write(ref _buffer, buffer);
            }
            else if (_kept.Find(kind) is { } found)
            {
                if (!found.IsInvalid)
                {
                    return found;                 // another call made it meanwhile
                }

                DisposeKept();                    // disposed from outside: start again
            }

            Tensor value;
            using (no_grad())
            using (NewDisposeScope())
            {
                var cast = buffer.to(input.dtype, input.device, copy: true);
                value = _derive(cast).DetachFromDisposeScope();   // intermediates die with the scope
            }

            Volatile.Write(ref _kept, _kept.With(kind, value));
            return value;
        }
    }

    private void DisposeKept() => KeptList<TensorKind, Tensor>.DisposeAll(ref _kept);
}
