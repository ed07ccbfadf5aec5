using CbGen.Generators.Helpers;
using CbGen.Generators.Model;

namespace CbGen.Generators.Emitting
{
    /// <summary>The parts of <c>{Name}Weights</c> and <c>{Name}Loss</c> for the multi-label losses: the knobs of the
    /// distribution-balanced (Wu et al. 2020) and asymmetric (Ridnik et al. 2021) losses, and their base-constructor
    /// arguments. Neither applies class-balanced weights.</summary>
    internal static partial class Emitter
    {
        private static void WriteMultiLabelSummary(SourceWriter w, ConfigSpec config, string enumType)
        {
            if (config.Loss == CbLoss.DistributionBalanced)
            {
                w.WriteLine("/// The distribution-balanced loss's tables (Wu et al., ECCV 2020) of <see cref=\"" + enumType + "\"/> as compile-time");
                w.WriteLine("/// constants: the positives per class n_c, the smoothing r̂ = α + σ(β·(r − μ)) and the negative-tolerant λ and κ.");
                w.WriteLine("/// No class-balanced weights: the loss re-weights each sample's labels from n_c and N.");
            }
            else
            {
                w.WriteLine("/// The asymmetric loss's knobs (Ridnik et al., ICCV 2021) of <see cref=\"" + enumType + "\"/> as compile-time");
                w.WriteLine("/// constants: γ+, γ− and the probability margin m. No class-balanced weights: this loss uses none.");
            }
        }

        private static void WriteMultiLabelConstants(SourceWriter w, ConfigSpec config)
        {
            MultiLabelKnobs k = config.MultiLabel;
            if (config.Loss == CbLoss.DistributionBalanced)
            {
                WriteConstant(w, "SmoothingAlpha", k.SmoothingAlpha, "α, the floor of the smoothed re-balancing weight r̂ = α + σ(β·(r − μ)).");
                WriteConstant(w, "SmoothingBeta", k.SmoothingBeta, "β, the slope of the smoothing function.");
                WriteConstant(w, "SmoothingMu", k.SmoothingMu, "μ, the centre of the smoothing function.");
                WriteConstant(w, "NegativeScale", k.NegativeScale, "λ, the scale of the negatives' logits (negative-tolerant regularisation).");
                WriteConstant(w, "BiasScale", k.BiasScale, "κ, the scale of the class-prior bias ν_c = κ·(−log(1/p_c − 1)).");
            }
            else if (config.Loss == CbLoss.Asymmetric)
            {
                WriteConstant(w, "GammaPositive", k.GammaPositive, "γ+, the positives' focusing parameter.");
                WriteConstant(w, "GammaNegative", k.GammaNegative, "γ−, the negatives' focusing parameter.");
                WriteConstant(w, "Clip", k.Clip, "m, the probability margin of the negatives: p_m = max(p − m, 0).");
            }
        }

        private static void WriteConstant(SourceWriter w, string name, double value, string summary)
        {
            w.WriteLine();
            w.WriteLine("/// <summary>" + summary + "</summary>");
            w.WriteLine("public const double " + name + " = " + Literals.Double(value) + ";");
        }

        /// <summary>The base type, base-constructor arguments and description of a multi-label <c>{Name}Loss</c>; the
        /// distribution-balanced one takes N (<c>samples</c>) from its constructor.</summary>
        private static (string BaseType, string Arguments, string What) MultiLabelBase(ConfigSpec config, string weightsType, string normalizer, string device)
        {
            MultiLabelKnobs k = config.MultiLabel;
            return config.Loss == CbLoss.DistributionBalanced
                ? ("global::CbGen.TorchSharp.DistributionBalancedLoss",
                    weightsType + ".Counts, samples, reduction: reduction, normalizer: " + normalizer + ", alpha: " + weightsType
                    + ".SmoothingAlpha, beta: " + weightsType + ".SmoothingBeta, mu: " + weightsType + ".SmoothingMu, lambda: "
                    + weightsType + ".NegativeScale, kappa: " + weightsType + ".BiasScale, device: " + device,
                    "distribution-balanced loss (re-balanced weighting, negative-tolerant regularisation)")
                : ("global::CbGen.TorchSharp.AsymmetricLoss",
                    weightsType + ".ClassCount, reduction: reduction, normalizer: " + normalizer + ", gammaPositive: " + weightsType
                    + ".GammaPositive, gammaNegative: " + weightsType + ".GammaNegative, clip: " + weightsType + ".Clip",
                    "asymmetric loss (ASL)");
        }

        /// <summary>The knobs of a multi-label config for its docs and header.</summary>
        private static string MultiLabelKnobsText(ConfigSpec config)
        {
            MultiLabelKnobs k = config.MultiLabel;
            return config.Loss == CbLoss.DistributionBalanced
                ? "α = " + Literals.Text(k.SmoothingAlpha) + ", β = " + Literals.Text(k.SmoothingBeta) + ", μ = " + Literals.Text(k.SmoothingMu)
                    + ", λ = " + Literals.Text(k.NegativeScale) + ", κ = " + Literals.Text(k.BiasScale)
                : "γ+ = " + Literals.Text(k.GammaPositive) + ", γ− = " + Literals.Text(k.GammaNegative) + ", m = " + Literals.Text(k.Clip);
        }
    }
}
