using System;
using static TorchSharp.torch;

namespace CbGen.TorchSharp.Internal
{
    /// <summary>
    /// Creates a module's class-weight buffer (always a fresh float64 tensor the module owns) and hands
    /// <c>forward</c> a copy cast to the logits' dtype and device, made once and reused until the buffer or the
    /// logits' dtype/device changes. The copy lives in this object, not in a <see cref="Tensor"/> field, so
    /// TorchSharp's reflection (<c>RegisterComponents</c>, <c>.to()</c>) never mistakes it for a buffer.
    /// </summary>
    internal sealed class ClassWeightStore : IDisposable
    {
        private Tensor? _source;
        private Tensor? _cast;

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

        /// <summary>The buffer itself when it already matches <paramref name="input"/>; otherwise a cached cast copy.</summary>
        internal Tensor For(Tensor buffer, Tensor input)
        {
            var dtype = input.dtype;
            var deviceType = input.device_type;
            int deviceIndex = input.device_index;
            if (buffer.dtype == dtype && buffer.device_type == deviceType && buffer.device_index == deviceIndex)
            {
                return buffer;
            }

            if (_cast is not null && !_cast.IsInvalid && ReferenceEquals(_source, buffer) && !buffer.IsInvalid
                && _cast.dtype == dtype && _cast.device_type == deviceType && _cast.device_index == deviceIndex)
            {
                return _cast;
            }

            Dispose();
            using (no_grad())
            {
                _cast = buffer.to(dtype, input.device).DetachFromDisposeScope();
            }

            _source = buffer;
            return _cast;
        }

        public void Dispose()
        {
            _cast?.Dispose();
            _cast = null;
            _source = null;
        }
    }
}
