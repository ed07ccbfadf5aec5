using System;
using static TorchSharp.torch;

namespace CbGen.TorchSharp.Internal;

/// <summary>What a long-tail loss is built from, made in one place and in one order: its per-class vector (log-priors
/// or margins, already validated), then its optional class weights (validated against the class count and copied to
/// the device), then the device, resolved once for both buffers.</summary>
internal readonly struct LongTailParts
{
    private LongTailParts(double[] values, OwnedWeights weights, Device device)
    {
        Values = values;
        Weights = weights;
        Device = device;
    }

    /// <summary>The per-class vector the loss keeps in its own buffer.</summary>
    internal double[] Values { get; }

    /// <summary>The class weights (no buffer when unweighted).</summary>
    internal OwnedWeights Weights { get; }

    internal Device Device { get; }

    internal int Count => Values.Length;

    internal static LongTailParts Of(double[] values, ReadOnlySpan<double> weight, CbDevice device, string weightName)
    {
        bool? allPositive = LongTailValidation.ClassWeights(weight, values.Length, weightName);
        Device resolved = CbDevices.Resolve(device);
        return new LongTailParts(values, OwnedWeights.Optional(weight, allPositive, resolved), resolved);
    }

    /// <summary>A float64 copy of <see cref="Values"/> on the device, owned by the module that registers it.</summary>
    internal Tensor NewBuffer() => ClassWeightStore.Create(Values, Device);
}
