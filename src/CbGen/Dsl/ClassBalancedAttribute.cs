using System;

namespace CbGen;

/// <summary>
/// Asks the CbGen generator for one class-balanced config of the annotated label enum: a static class of
/// compile-time constant weight tables and, when the project references CbGen.TorchSharp, a typed loss.
/// Every member of the enum needs a <see cref="SamplesAttribute"/>, and the member values must be exactly
/// 0..C-1 (the logits columns). Apply it several times for several configs. The
/// options are those of <see cref="ClassBalancedOptionsAttribute"/>.
/// </summary>
/// <example>
/// <code>
/// [ClassBalanced(Beta = 0.9999, Loss = CbLoss.Focal, Gamma = 1.0)]
/// public enum Cifar10Lt { [Samples(5000)] Airplane, [Samples(2997)] Automobile, /* … */ [Samples(50)] Truck }
/// </code>
/// </example>
[AttributeUsage(AttributeTargets.Enum, AllowMultiple = true, Inherited = false)]
[System.Diagnostics.Conditional("CBGEN_KEEP_ATTRIBUTES")]
public sealed class ClassBalancedAttribute : ClassBalancedOptionsAttribute
{
}
