using Microsoft.CodeAnalysis;

namespace CbGen.Generators;

// DiagnosticDescriptors: the VS loss's γ (CB040) and the generated sampling probabilities' exponent (CB041), and the per-class
// values they make underflow (CB062, CB063).
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

    /// <summary>CB062's fix on a config (or a counts-file config).</summary>
    internal const string VsGammaFix = "use a VsGamma in the paper's range 0.05–0.3 (0.3 is the default)";

    /// <summary>CB062's fix on a sweep.</summary>
    internal const string VsGammasFix = "keep the VsGammas in the paper's range 0.05–0.3 (0.3 is the default)";

    /// <summary>CB062: a VS γ so large that a class's scale (n_c / n_max)^γ underflows to 0 or below the smallest normal double.</summary>
    public static readonly DiagnosticDescriptor VsScaleUnderflow = Create(
        DiagnosticIds.VsScaleUnderflow, "A VS scale underflows: VsGamma is too large for these counts",
        "{0}, so the VS scale (n_c / n_max)^γ of class '{1}' is {2}{3}: its logits are multiplied by (almost) 0 and the model cannot learn it; {4}",
        DiagnosticSeverity.Warning,
        "The VS loss multiplies class c's logit by Δ_c = (n_c / n_max)^γ. For a rare class and a large γ that power underflows: to 0, or below the smallest normal double (2.2e-308), where it has lost its precision. The class's logit is then (almost) 0 whatever the model outputs, so it can never be predicted with confidence and gets no useful gradient. The paper tunes γ in 0.05–0.3 (the official code's default is 0.3): use a γ in that range. Values of γ up to about 16 never underflow, whatever the counts.");

    /// <summary>CB063: a SamplingPower q so large that a class's sampling probability p_c ∝ n_c^q underflows.</summary>
    public static readonly DiagnosticDescriptor SamplingProbabilityUnderflow = Create(
        DiagnosticIds.SamplingProbabilityUnderflow, "SamplingPower is so large that a class is (almost) never sampled",
        "{0}, so the sampling probability p_c ∝ n_c^q of class '{1}' is {2}{3}: a sampler drawing classes by SamplingProbabilities (almost) never draws it; use a SamplingPower q in [0, 1] (0 class-balanced, 0.5 square-root, 1 instance-balanced)",
        DiagnosticSeverity.Warning,
        "SamplingProbabilities holds p_c = n_c^q / Σ_k n_k^q. For a rare class and a large q the power underflows: to 0, or below the smallest normal double (2.2e-308), so a sampler drawing from these probabilities never draws that class although it has samples. q = 0 is class-balanced, 0.5 square-root and 1 instance-balanced sampling; a q above 1 favours the head classes beyond their share. Use a q in [0, 1].");
}
