using Microsoft.CodeAnalysis;

namespace CbGen.Generators;

// DiagnosticDescriptors: the VS loss's γ (CB040) and the generated sampling probabilities' exponent (CB041).
internal static partial class DiagnosticDescriptors
{
    /// <summary>CB040: the VS loss's γ (VsGamma, or an element of a sweep's VsGammas) is negative, NaN or infinite.</summary>
    public static readonly DiagnosticDescriptor VsGammaOutOfRange = Create(
        DiagnosticIds.VsGammaOutOfRange, "VsGamma must be a finite number ≥ 0",
        "VsGamma is {0}; the VS loss's γ must be a finite number ≥ 0 (the official code's default is 0.3, 0 gives the logit-adjusted loss)",
        DiagnosticSeverity.Error,
        "The VS loss multiplies each logit by Δ_c = (n_c / n_max)^γ; a negative γ would enlarge the rare classes' logits instead of shrinking them, and NaN or ∞ makes every scale undefined. Use a finite VsGamma ≥ 0: 0.3 (the default) is the official code's, 0 is the logit-adjusted loss.");

    /// <summary>CB041: the exponent q of the generated sampling probabilities is negative, NaN or infinite.</summary>
    public static readonly DiagnosticDescriptor SamplingPowerOutOfRange = Create(
        DiagnosticIds.SamplingPowerOutOfRange, "SamplingPower must be a finite number ≥ 0",
        "SamplingPower is {0}; the sampling exponent q of p_c ∝ n_c^q must be a finite number ≥ 0 (0 class-balanced, 0.5 square-root, 1 instance-balanced), or remove it for no table",
        DiagnosticSeverity.Error,
        "SamplingPower asks for the per-class sampling probabilities p_c ∝ n_c^q as constants, computed by the runtime samplers' rule (SamplingProbabilities.Power); a negative q favours the head classes beyond instance-balanced sampling and NaN or ∞ gives no distribution. Use a finite q ≥ 0, or remove the option.");
}
