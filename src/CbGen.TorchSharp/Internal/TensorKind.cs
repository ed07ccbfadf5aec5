using TorchSharp;
using static TorchSharp.torch;

namespace CbGen.TorchSharp.Internal;

/// <summary>A tensor's dtype and device: the key of the per-module caches, which keep one tensor per kind of logits
/// (three native reads, no allocation).</summary>
internal readonly record struct TensorKind(ScalarType Dtype, DeviceType DeviceType, int DeviceIndex)
{
    internal static TensorKind Of(Tensor tensor) => new(tensor.dtype, tensor.device_type, tensor.device_index);
}
