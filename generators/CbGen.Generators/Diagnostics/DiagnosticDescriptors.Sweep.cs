using Microsoft.CodeAnalysis;

namespace CbGen.Generators;

// DiagnosticDescriptors: the weight-decay axis of a sweep (CB060).
internal static partial class DiagnosticDescriptors
{
    /// <summary>CB060: an element of a sweep's WeightDecays is negative, NaN or infinite.</summary>
    public static readonly DiagnosticDescriptor WeightDecayOutOfRange = Create(
        DiagnosticIds.WeightDecayOutOfRange, "A weight decay must be a finite number ≥ 0",
        "WeightDecays holds {0}; a weight decay is an L2 penalty coefficient and must be a finite number ≥ 0 (0 for none; weight balancing tunes values such as 5e-4 and 5e-3): correct or remove it",
        DiagnosticSeverity.Error,
        "Each element of a [ClassBalancedSweep]'s WeightDecays becomes a point's WeightDecay, which a training loop passes to its optimiser as the L2 penalty coefficient: a negative one rewards large weights, and NaN or ∞ makes every step undefined (the runtime's optimiser helpers refuse them). Use finite values ≥ 0, or omit WeightDecays for no weight-decay axis.");
}
