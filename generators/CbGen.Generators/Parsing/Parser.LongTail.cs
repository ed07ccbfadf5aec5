using System;
using System.Collections.Generic;
using System.Threading;
using CbGen.Generators.Helpers;
using CbGen.Generators.Model;
using CbGen.Sampling;
using Microsoft.CodeAnalysis;

namespace CbGen.Generators.Parsing;

// Parser: the checks of the long-tail losses' knobs (CB027-CB029, VS's CB040), of SamplingPower (CB041), of options set on a loss they do not apply to
// (CB030), of empty classes under those losses (CB031), and of the VS scales and sampling probabilities that underflow (CB062, CB063).
internal static partial class Parser
{
    /// <summary>τ, m_max and s of a LogitAdjusted or Ldam config, and every option written for a loss that ignores it.</summary>
    internal static void CheckLongTail(
        RawConfig config,
        AttributeData attribute,
        int i,
        Action<DiagnosticDescriptor, Func<Location?>, int, object?[]> report,
        CancellationToken cancellationToken)
    {
        void Report(DiagnosticDescriptor descriptor, string argument, params object?[] args) =>
            report(descriptor, () => ArgumentLocation(attribute, argument, cancellationToken), i, args);

        LongTailKnobs knobs = config.Knobs;
        string loss = "CbLoss." + config.Loss.ToString();
        if (config.Loss is CbLoss.LogitAdjusted or CbLoss.VectorScaling)
        {
            if (!IsFinite(knobs.Tau) || knobs.Tau < 0.0)
            {
                (string whose, string values) = TauWords(config.Loss == CbLoss.LogitAdjusted, config.Loss == CbLoss.VectorScaling);
                Report(DiagnosticDescriptors.TauOutOfRange, "Tau", "Tau is " + Literals.Text(knobs.Tau), whose, values);
            }
        }
        else if (knobs.TauSet)
        {
            Report(DiagnosticDescriptors.OptionNotApplicable, "Tau", "Tau", loss, "CbLoss.LogitAdjusted and CbLoss.VectorScaling", DiagnosticDescriptors.ConfigOptionFix);
        }

        if (config.Loss == CbLoss.VectorScaling)
        {
            if (!VectorScalingTables.IsValidGamma(knobs.VsGamma))
            {
                Report(DiagnosticDescriptors.VsGammaOutOfRange, "VsGamma", Literals.Text(knobs.VsGamma));
            }
        }
        else if (knobs.VsGammaSet)
        {
            Report(DiagnosticDescriptors.OptionNotApplicable, "VsGamma", "VsGamma", loss, "CbLoss.VectorScaling", DiagnosticDescriptors.ConfigOptionFix);
        }

        if (knobs.SamplingPowerSet && !SamplingProbabilities.IsValidExponent(knobs.SamplingPower))
        {
            Report(DiagnosticDescriptors.SamplingPowerOutOfRange, "SamplingPower", Literals.Text(knobs.SamplingPower));
        }

        if (config.Loss == CbLoss.Ldam)
        {
            if (!IsFinite(knobs.MaxMargin) || knobs.MaxMargin <= 0.0)
            {
                Report(DiagnosticDescriptors.MaxMarginOutOfRange, "MaxMargin", Literals.Text(knobs.MaxMargin));
            }

            if (!IsFinite(knobs.Scale) || knobs.Scale <= 0.0)
            {
                Report(DiagnosticDescriptors.ScaleOutOfRange, "Scale", Literals.Text(knobs.Scale));
            }
        }
        else
        {
            if (knobs.MaxMarginSet)
            {
                Report(DiagnosticDescriptors.OptionNotApplicable, "MaxMargin", "MaxMargin", loss, "CbLoss.Ldam", DiagnosticDescriptors.ConfigOptionFix);
            }

            if (knobs.ScaleSet)
            {
                Report(DiagnosticDescriptors.OptionNotApplicable, "Scale", "Scale", loss, "CbLoss.Ldam", DiagnosticDescriptors.ConfigOptionFix);
            }
        }

        if (knobs.BetaSet && !config.UsesWeights && !config.IsMultiLabelLoss)
        {
            Report(DiagnosticDescriptors.OptionNotApplicable, "Beta", "Beta",
                loss + (config.Loss == CbLoss.Ldam ? " without DeferUntilEpoch" : string.Empty),
                "the class-balanced losses and LDAM-DRW (CbLoss.Ldam with DeferUntilEpoch ≥ 1)", DiagnosticDescriptors.ConfigOptionFix);
        }

        if (config.DeferUntilEpoch > 0 && config.Loss is CbLoss.LogitAdjusted or CbLoss.VectorScaling)
        {
            Report(DiagnosticDescriptors.OptionNotApplicable, "DeferUntilEpoch", "DeferUntilEpoch", loss,
                "the class-balanced losses and CbLoss.Ldam (LDAM-DRW)", DiagnosticDescriptors.ConfigOptionFix);
        }
    }

    /// <summary>CB062 and CB063 of a valid config (warnings: it still generates), on VsGamma and SamplingPower.</summary>
    private static void CheckUnderflows(
        MemberSpec[] members,
        RawConfig config,
        AttributeData attribute,
        int index,
        List<Issue> issues,
        CancellationToken cancellationToken)
    {
        bool vs = config.Loss == CbLoss.VectorScaling;
        if (!vs && !config.Knobs.SamplingPowerSet)
        {
            return;
        }

        long[] counts = Array.ConvertAll(members, m => m.Count);
        if (vs && Underflows.InVsScales(counts, config.Knobs.VsGamma) is { } scale)
        {
            issues.Add(new Issue(DiagnosticDescriptors.VsScaleUnderflow, ArgumentLocation(attribute, "VsGamma", cancellationToken), index,
                "VsGamma is " + Literals.Text(config.Knobs.VsGamma), members[scale.Class].Name, scale.ValueText, scale.MoreText,
                DiagnosticDescriptors.VsGammaFix));
        }

        if (config.Knobs.SamplingPowerSet
            && Underflows.InSamplingProbabilities(counts, config.Knobs.SamplingPower, config.ZeroCounts) is { } probability)
        {
            issues.Add(new Issue(DiagnosticDescriptors.SamplingProbabilityUnderflow, ArgumentLocation(attribute, "SamplingPower", cancellationToken),
                index, "SamplingPower is " + Literals.Text(config.Knobs.SamplingPower), members[probability.Class].Name,
                probability.ValueText, probability.MoreText));
        }
    }

    /// <summary>CB027's words for τ on the losses it is reported on: whose τ it is, and what its values mean.</summary>
    internal static (string Whose, string Values) TauWords(bool logitAdjusted, bool vectorScaling) => (logitAdjusted, vectorScaling) switch
    {
        (false, true) => ("the VS loss's τ, the factor of its offsets ι_c = τ·log π_c,",
            "1 is the official code's default, 0 leaves the scales Δ_c = (n_c / n_max)^γ alone"),
        (true, true) => ("the τ of the logit-adjusted and VS points",
            "1 is the default: the balanced softmax for the logit-adjusted points, the official code's choice for VS"),
        _ => ("the logit adjustment's τ", "1 is the balanced softmax and the paper's choice, 0 plain cross-entropy"),
    };

    /// <summary>What a long-tail loss needs of every class, for CB031: "log π_c" or "the margin n_c^(-1/4)".</summary>
    internal static string LongTailNeed(CbLoss loss) => loss switch
    {
        CbLoss.LogitAdjusted or CbLoss.VectorScaling => "the log-prior log π_c",
        CbLoss.DistributionBalanced => "the re-balancing weight 1/n_c",
        _ => "the margin n_c^(-1/4)",
    };

    /// <summary>CB002's fix for a count below 1 under the configs that keep <c>ZeroCountPolicy.Throw</c>: ZeroWeight
    /// when it helps them all, else (<paramref name="longTail"/>, the first long-tail loss among them, where ZeroWeight
    /// would only give CB031) the pseudo-count, which works for every loss.</summary>
    internal static string ZeroCountFix(CbLoss? longTail) => longTail is CbLoss loss
        ? "CbLoss." + loss.ToString() + " needs " + LongTailNeed(loss) + " of every class, which is infinite for a count of 0 even with "
            + "ZeroCounts = ZeroCountPolicy.ZeroWeight: " + DiagnosticDescriptors.PseudoCountFix
        : "0 is allowed only with ZeroCounts = ZeroCountPolicy.ZeroWeight, which gives the class weight 0";

    /// <summary>CB002's fix for a count below 1 when a <c>[ClassBalancedSweep]</c> needs the class too: a sweep has no
    /// <c>ZeroCounts</c>, so only the pseudo-count helps it (and every config next to it), with what the first of
    /// <paramref name="losses"/> (the sweep's) that needs every class needs of it.</summary>
    internal static string SweepZeroCountFix(IEnumerable<CbLoss> losses)
    {
        foreach (CbLoss loss in losses)
        {
            if (ConfigSpec.NeedsEveryClassFor(loss))
            {
                return "the [ClassBalancedSweep]'s CbLoss." + loss.ToString() + " points need " + LongTailNeed(loss) + " of every class, "
                    + "which is infinite for a count of 0, and a sweep has no ZeroCounts option: " + DiagnosticDescriptors.PseudoCountFix;
            }
        }

        return "a [ClassBalancedSweep] has no ZeroCounts option, so every class needs at least 1 sample: " + DiagnosticDescriptors.PseudoCountFix;
    }

    private static bool IsFinite(double value) => !double.IsNaN(value) && !double.IsInfinity(value);
}
