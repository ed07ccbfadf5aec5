using System;
using static TorchSharp.torch;

namespace CbGen.TorchSharp.Internal;

/// <summary>A loss's class weights after validation: the module's own float64 copy (null for an unweighted
/// long-tail loss) and whether every weight is &gt; 0. The one path from a caller's weights to
/// <see cref="PerClassLoss"/>'s <c>class_weights</c> buffer.</summary>
internal readonly struct OwnedWeights
{
    private OwnedWeights(Tensor? buffer, bool allPositive)
    {
        Buffer = buffer;
        AllPositive = allPositive;
    }

    internal Tensor? Buffer { get; }

    internal bool AllPositive { get; }

    /// <summary>The number of weights (0 when unweighted).</summary>
    internal int Count => Buffer is null ? 0 : checked((int)Buffer.numel());

    /// <summary>Validates managed weights (one per class, finite, ≥ 0) and copies them to the device.</summary>
    internal static OwnedWeights Of(ReadOnlySpan<double> weights, CbDevice device, string paramName)
    {
        bool allPositive = Validation.Weights(weights, paramName);
        return new OwnedWeights(ClassWeightStore.Create(weights, CbDevices.Resolve(device)), allPositive);
    }

    /// <summary>Validates a weight tensor and copies it (detached, float64) to the device; never takes it over.</summary>
    internal static OwnedWeights Of(Tensor weights, CbDevice device, string paramName)
    {
        bool allPositive = Validation.Weights(weights, paramName);
        return new OwnedWeights(ClassWeightStore.Create(weights, CbDevices.Resolve(device)), allPositive);
    }

    /// <summary>Optional class weights of a long-tail loss, validated by
    /// <see cref="LongTailValidation.ClassWeights"/> (<paramref name="allPositive"/> is its answer: null for none).</summary>
    internal static OwnedWeights Optional(ReadOnlySpan<double> classWeights, bool? allPositive, Device device) =>
        allPositive is bool positive
            ? new OwnedWeights(ClassWeightStore.Create(classWeights, device), positive)
            : default;
}
