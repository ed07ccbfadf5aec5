using System;
using static TorchSharp.torch;

namespace CbGen.TorchSharp.Internal;

/// <summary>
/// Creates a module's class-weight buffer (always a fresh float64 tensor the module owns) and serves
/// <c>forward</c> from small caches: the buffer cast to the logits' dtype/device, the same divided by the last
/// normaliser used, and the identity matrix and its signs 2·I − 1 (or a ones column) that one-hot targets
/// are gathered from. Each is made once and reused until the buffer is
/// replaced (by <c>.to()</c>) or the dtype, device, normaliser or batch size changes, so a training loop does
/// no CPU-to-tensor copies and no weight arithmetic per step. The cached tensors live in this object, not in
/// <see cref="Tensor"/> fields of the module, so TorchSharp's reflection (<c>RegisterComponents</c>,
/// <c>.to()</c>) never mistakes them for buffers; they are detached from every dispose scope and disposed with
/// the module.
/// </summary>
internal sealed class ClassWeightStore : WeightSource, IDisposable
{
    private Tensor? _buffer;          // the module's current buffer (compared by reference)
    private Tensor? _plain;           // the buffer in the logits' dtype/device, when it differs from the buffer
    private Tensor? _scaled;
    private long _scaledDivisor;
    private Tensor? _column;          // a [C, 1] view of _columnSource
    private Tensor? _columnSource;    // the cached tensor (plain or scaled) the column views; not owned here
    private Tensor? _ones;
    private Tensor? _eye;
    private Tensor? _signs;

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
        if (!ReferenceEquals(buffer, _buffer))
        {
            Dispose();
            _buffer = buffer;
        }

        return this;
    }

    internal override Tensor Plain(Tensor input)
    {
        var buffer = _buffer!;
        if (Matches(buffer, input))
        {
            return buffer;
        }

        if (_plain is null || !Matches(_plain, input))
        {
            Replace(ref _plain, null);
            using var guard = no_grad();
            _plain = buffer.to(input.dtype, input.device).DetachFromDisposeScope();
            Replace(ref _scaled, null);
        }

        return _plain;
    }

    internal override Tensor Scaled(Tensor input, long divisor)
    {
        if (_scaled is null || _scaledDivisor != divisor || !Matches(_scaled, input))
        {
            var plain = Plain(input);
            using var guard = no_grad();
            Replace(ref _scaled, plain.div(divisor).DetachFromDisposeScope());
            _scaledDivisor = divisor;
        }

        return _scaled!;
    }

    internal override Tensor Column(Tensor input, long divisor)
    {
        var source = divisor == 1 ? Plain(input) : Scaled(input, divisor);
        if (_column is null || !ReferenceEquals(source, _columnSource))
        {
            Replace(ref _column, source.unsqueeze(1).DetachFromDisposeScope());
            _columnSource = source;
        }

        return _column!;
    }

    internal override Tensor OneHot(Tensor input, Tensor target)
    {
        long classes = input.size(1);
        if (classes <= EyeLimit)
        {
            if (_eye is null || !Matches(_eye, input))
            {
                Replace(ref _eye, eye(classes, classes, input.dtype, input.device).DetachFromDisposeScope());
            }

            return _eye!.index_select(0, target);
        }

        return ScatterOneHot(input, target, OnesColumn(input));
    }

    internal override Tensor Signs(Tensor input, Tensor target)
    {
        long classes = input.size(1);
        if (classes <= EyeLimit)
        {
            if (_signs is null || !Matches(_signs, input))
            {
                using var identity = eye(classes, classes, input.dtype, input.device);
                Replace(ref _signs, identity.mul(2.0).sub_(1.0).DetachFromDisposeScope());
            }

            return _signs!.index_select(0, target);
        }

        return ScatterSigns(input, target, OnesColumn(input));
    }

    private Tensor OnesColumn(Tensor input)
    {
        long rows = input.size(0);
        if (_ones is null || _ones.size(0) != rows || !Matches(_ones, input))
        {
            Replace(ref _ones, ones(rows, 1, input.dtype, input.device).DetachFromDisposeScope());
        }

        return _ones!;
    }

    public void Dispose()
    {
        Replace(ref _plain, null);
        Replace(ref _scaled, null);
        Replace(ref _column, null);
        _columnSource = null;
        Replace(ref _ones, null);
        Replace(ref _eye, null);
        Replace(ref _signs, null);
        _buffer = null;
    }

    private static bool Matches(Tensor t, Tensor input) =>
        !t.IsInvalid && t.dtype == input.dtype && t.device_type == input.device_type
        && t.device_index == input.device_index;

    private static void Replace(ref Tensor? slot, Tensor? value)
    {
        slot?.Dispose();
        slot = value;
    }
}
