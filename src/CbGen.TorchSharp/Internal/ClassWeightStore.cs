using System;
using System.Threading;
using static TorchSharp.torch;

namespace CbGen.TorchSharp.Internal;

/// <summary>
/// Creates a module's class-weight buffer (always a fresh float64 tensor the module owns) and serves
/// <c>forward</c> from small caches: the buffer cast to the logits' dtype/device, the same divided by the
/// normaliser, and the identity matrix and its signs 2·I − 1 (or a ones column) that one-hot targets are gathered
/// from — one <see cref="ClassWeightSlot"/> per dtype and device of the logits. Each is made once and kept until
/// the buffer is replaced (by <c>.to()</c>) or the module is disposed, so a training loop does no CPU-to-tensor
/// copies and no weight arithmetic per step, and calls in two dtypes (even concurrent ones) never dispose a tensor
/// the other is using. Calls read immutable snapshots without a lock; only a miss locks. The cached tensors live in
/// this object, not in <see cref="Tensor"/> fields of the module, so TorchSharp's reflection
/// (<c>RegisterComponents</c>, <c>.to()</c>) never mistakes them for buffers; they are detached from every dispose
/// scope and disposed with the module.
/// </summary>
internal sealed class ClassWeightStore : WeightSource, IDisposable
{
    private readonly object _gate = new();
    private Tensor? _buffer;          // the module's current buffer (compared by reference)
    private KeptList<TensorKind, ClassWeightSlot> _slots = KeptList<TensorKind, ClassWeightSlot>.Empty;

    /// <summary>Up to this many classes a cached identity matrix (≤ 8 MB in float64) gives one-hot rows with one
    /// <c>index_select</c>; above it a scatter into zeros does, without the C² memory.</summary>
    internal const long EyeLimit = 1024;

    internal ClassWeightStore(bool allPositive)
        : base(allPositive)
    {
    }

    internal static Tensor Create(ReadOnlySpan<double> weights, Device device)
    {
        using var cpu = tensor(weights.ToArray(), ScalarType.Float64);
        return cpu.to(ScalarType.Float64, device, copy: true).DetachFromDisposeScope();
    }

    /// <summary>Copies the caller's tensor (detached, float64, on <paramref name="device"/>); never aliases it.</summary>
    internal static Tensor Create(Tensor weights, Device device)
    {
        using var guard = no_grad();
        using var detached = weights.detach();
        return detached.to(ScalarType.Float64, device, copy: true).DetachFromDisposeScope();
    }

    /// <summary>Points the caches at the module's current buffer; call at the start of every forward.</summary>
    internal ClassWeightStore Using(Tensor buffer)
    {
        if (!ReferenceEquals(buffer, Volatile.Read(ref _buffer)))
        {
            lock (_gate)
            {
                if (!ReferenceEquals(buffer, _buffer))
                {
                    DisposeSlots();           // the buffer was replaced: its copies are stale
                    Volatile.Write(ref _buffer, buffer);
                }
            }
        }

        return this;
    }

    internal override Tensor Plain(Tensor input) => SlotFor(input).Plain;

    internal override Tensor Scaled(Tensor input, long divisor) => SlotFor(input).Scaled(divisor);

    internal override Tensor Column(Tensor input, long divisor) => SlotFor(input).Column(divisor);

    internal override Tensor OneHot(Tensor input, Tensor target)
    {
        var slot = SlotFor(input);
        return input.size(1) <= EyeLimit
            ? slot.Eye(input).index_select(0, target)
            : ScatterOneHot(input, target, slot.Ones(input));
    }

    internal override Tensor Signs(Tensor input, Tensor target)
    {
        var slot = SlotFor(input);
        return input.size(1) <= EyeLimit
            ? slot.Signs(input).index_select(0, target)
            : ScatterSigns(input, target, slot.Ones(input));
    }

    public void Dispose()
    {
        lock (_gate)
        {
            DisposeSlots();
            Volatile.Write(ref _buffer, null);
        }
    }

    /// <summary>The tensors kept for <paramref name="input"/>'s dtype and device (made on first use).</summary>
    internal ClassWeightSlot SlotFor(Tensor input)
    {
        var kind = TensorKind.Of(input);
        return Volatile.Read(ref _slots).Find(kind) ?? AddSlot(input, kind);
    }

    private ClassWeightSlot AddSlot(Tensor input, TensorKind kind)
    {
        lock (_gate)
        {
            if (_slots.Find(kind) is { } found)
            {
                return found;
            }

            var slot = new ClassWeightSlot(_buffer!, input, kind, _gate);
            Volatile.Write(ref _slots, _slots.With(kind, slot));
            return slot;
        }
    }

    private void DisposeSlots() => KeptList<TensorKind, ClassWeightSlot>.DisposeAll(ref _slots);
}
