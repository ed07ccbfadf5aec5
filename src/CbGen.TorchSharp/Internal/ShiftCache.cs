using System;
using static TorchSharp.torch;

namespace CbGen.TorchSharp.Internal;

/// <summary>
/// One tensor derived from a module's per-class buffer (τ·log π as a row, −s·Δ as a column), made in the logits'
/// dtype and device on first use and reused until the buffer is replaced (by <c>.to()</c>), or the dtype or
/// device changes: a training loop does no weight arithmetic per step. Like <see cref="ClassWeightStore"/>, the
/// cached tensor lives here (never in a module field that TorchSharp's reflection could take for a buffer), is
/// detached from every dispose scope and is disposed with the module.
/// </summary>
internal sealed class ShiftCache : IDisposable
{
    private readonly Func<Tensor, Tensor> _derive;
    private Tensor? _buffer;
    private Tensor? _value;

    /// <param name="derive">Makes the cached tensor from a fresh copy of the buffer in the logits' dtype/device
    /// (it may return that copy); runs under <c>no_grad</c> inside a dispose scope.</param>
    internal ShiftCache(Func<Tensor, Tensor> derive) => _derive = derive;

    /// <summary>The derived tensor for <paramref name="buffer"/> in <paramref name="input"/>'s dtype and device.
    /// Owned by the cache: do not dispose.</summary>
    internal Tensor For(Tensor buffer, Tensor input)
    {
        if (!ReferenceEquals(buffer, _buffer) || _value is null || _value.IsInvalid
            || _value.dtype != input.dtype || _value.device_type != input.device_type
            || _value.device_index != input.device_index)
        {
            Dispose();
            using var guard = no_grad();
            using var scope = NewDisposeScope();
            var cast = buffer.to(input.dtype, input.device, copy: true);
            _value = _derive(cast).DetachFromDisposeScope();   // intermediates die with the scope
            _buffer = buffer;
        }

        return _value;
    }

    public void Dispose()
    {
        _value?.Dispose();
        _value = null;
        _buffer = null;
    }
}
