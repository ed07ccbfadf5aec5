using CbGen.Generators.Helpers;
using CbGen.Generators.Model;

namespace CbGen.Generators.Emitting;

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

    /// <summary>The constructors of a multi-label <c>{Name}Loss</c>, which keeps the base <c>forward(logits, target)</c>
    /// for multi-hot targets; with <paramref name="takesSamples"/> (the distribution-balanced loss) they take N, the
    /// number of training samples.</summary>
    private static void WriteMultiLabelConstructors(SourceWriter w, string type, string inner, bool takesSamples)
    {
        string samples = takesSamples ? "long samples" : string.Empty;
        const string SamplesDoc = "/// <param name=\"samples\">N, the number of training samples the positives per class are counted out of.</param>";
        w.WriteLine("/// <summary>Creates the loss with <c>Reduction.Mean</c>.</summary>");
        if (takesSamples)
        {
            w.WriteLine(SamplesDoc);
        }

        w.WriteLine("public " + type + "(" + samples + ")");
        w.WriteLine("    : this(" + (takesSamples ? "samples, " : string.Empty) + Reduction + ".Mean)");
        w.OpenBrace();
        w.CloseBrace();
        w.WriteLine();
        w.WriteLine("/// <summary>Creates the loss with the given reduction.</summary>");
        if (takesSamples)
        {
            w.WriteLine(SamplesDoc);
        }

        w.WriteLine("/// <param name=\"reduction\">How the element losses are reduced.</param>");
        w.WriteLine("public " + type + "(" + (takesSamples ? samples + ", " : string.Empty) + Reduction + " reduction)");
        w.WriteLine("    : base(" + inner + ")");
        w.OpenBrace();
        w.CloseBrace();
    }
}
