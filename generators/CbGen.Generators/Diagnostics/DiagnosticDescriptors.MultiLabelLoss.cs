using Microsoft.CodeAnalysis;

namespace CbGen.Generators;

// DiagnosticDescriptors: CB045-CB048, the knobs of the multi-label losses (distribution-balanced and asymmetric) and
// the N their sweep points need.
internal static partial class DiagnosticDescriptors
{
    /// <summary>CB045: a knob of the asymmetric loss is out of range (GammaPositive, GammaNegative, Clip).</summary>
    public static readonly DiagnosticDescriptor AsymmetricKnobOutOfRange = Create(
        DiagnosticIds.AsymmetricKnobOutOfRange, "An asymmetric-loss knob is out of range",
        "{0} is {1}; the asymmetric loss needs {2}",
        DiagnosticSeverity.Error,
        "The asymmetric loss (Ridnik et al. 2021) focuses positives by (1 − p)^γ+ and negatives by p_m^γ−, with the shifted probability p_m = max(p − m, 0): γ+ and γ− must be finite and ≥ 0 (the paper's 0 and 4), and the margin m (Clip) must lie in [0, 1) (the paper's 0.05; 0 turns the shift off). Use a value in range.");

    /// <summary>CB046: a knob of the distribution-balanced loss is out of range.</summary>
    public static readonly DiagnosticDescriptor DistributionBalancedKnobOutOfRange = Create(
        DiagnosticIds.DistributionBalancedKnobOutOfRange, "A distribution-balanced-loss knob is out of range",
        "{0} is {1}; the distribution-balanced loss needs {2}",
        DiagnosticSeverity.Error,
        "The distribution-balanced loss (Wu et al. 2020) smooths its re-balancing weight as r̂ = α + σ(β·(r − μ)) and scales the negatives' logits by λ after shifting them by ν = κ·(−log(1/p − 1)): SmoothingAlpha (α) and SmoothingBeta (β) must be finite and ≥ 0, SmoothingMu (μ) and BiasScale (κ) finite, NegativeScale (λ) finite and > 0. Use a value in range (the defaults are 0.1, 10, 0.3, 5 and 0.05).");

    /// <summary>CB047: Normalizer = WeightSum on a loss without class weights (distribution-balanced, asymmetric).</summary>
    public static readonly DiagnosticDescriptor NormalizerWithoutWeights = Create(
        DiagnosticIds.NormalizerWithoutWeights, "MeanNormalizer.WeightSum needs class weights",
        "Normalizer is MeanNormalizer.WeightSum but {0} has no class weights to sum; use MeanNormalizer.PositiveLabels (the default) or MeanNormalizer.AllTerms",
        DiagnosticSeverity.Error,
        "WeightSum divides a Mean by the sum of the class weights applied, and the distribution-balanced and asymmetric losses apply none (the distribution-balanced loss re-weights per sample and label instead); the runtime refuses it. Use PositiveLabels (the number of positive labels, the default) or AllTerms (B·C).");

    /// <summary>CB048: a distribution-balanced point in a sweep that gives no N (the sweep's Samples, or its dataset's
    /// '# samples: N' line).</summary>
    public static readonly DiagnosticDescriptor SweepSamplesMissing = Create(
        DiagnosticIds.SweepSamplesMissing, "A distribution-balanced sweep point needs the number of samples N",
        "{0} has a CbLoss.DistributionBalanced point but gives no number of samples N, which that loss needs (its priors are n_c / N); {1}",
        DiagnosticSeverity.Error,
        "The distribution-balanced loss re-weights each label from the positives per class n_c and the number of samples N, which is not the sum of the counts (a sample may carry several labels, or none). A sweep with a CbLoss.DistributionBalanced point takes N from its Samples property, or on a [ClassBalancedDataset] class from the counts file's '# samples: N' line. Give N, or remove the point from Losses.");
}
