using System;
using System.Collections.Generic;
using System.Threading;
using CbGen.Generators.Helpers;
using CbGen.Generators.Model;
using Microsoft.CodeAnalysis;

namespace CbGen.Generators.Parsing;

// Parser: the checks of the multi-label losses' knobs (CB045, CB046), of WeightSum on them (CB047), and of their
// knobs (and Beta, DeferUntilEpoch) written for a loss that ignores them (CB030).
internal static partial class Parser
{
    private const string DbLoss = "CbLoss.DistributionBalanced";

    private const string AslLoss = "CbLoss.Asymmetric";

    /// <summary>The knobs of a DistributionBalanced or Asymmetric config, and theirs written on another loss.</summary>
    internal static void CheckMultiLabelLoss(
        RawConfig config,
        AttributeData attribute,
        int i,
        Action<DiagnosticDescriptor, Func<Location?>, int, object?[]> report,
        CancellationToken cancellationToken)
    {
        void Report(DiagnosticDescriptor descriptor, string argument, params object?[] args) =>
            report(descriptor, () => ArgumentLocation(attribute, argument, cancellationToken), i, args);

        string loss = "CbLoss." + config.Loss.ToString();
        MultiLabelKnobs k = config.MultiLabelKnobs;
        foreach (KeyValuePair<string, TypedConstant> argument in attribute.NamedArguments)
        {
            bool db = Array.IndexOf(MultiLabelKnobs.DbNames, argument.Key) >= 0;
            bool asl = Array.IndexOf(MultiLabelKnobs.AslNames, argument.Key) >= 0;
            if ((db && config.Loss != CbLoss.DistributionBalanced) || (asl && config.Loss != CbLoss.Asymmetric))
            {
                Report(DiagnosticDescriptors.OptionNotApplicable, argument.Key, argument.Key, loss, db ? DbLoss : AslLoss, DiagnosticDescriptors.ConfigOptionFix);
            }
        }

        if (config.Loss == CbLoss.DistributionBalanced)
        {
            CheckKnob(DiagnosticDescriptors.DistributionBalancedKnobOutOfRange, "SmoothingAlpha", k.SmoothingAlpha, IsFinite(k.SmoothingAlpha) && k.SmoothingAlpha >= 0.0, "a finite α ≥ 0 (0.1 by default)");
            CheckKnob(DiagnosticDescriptors.DistributionBalancedKnobOutOfRange, "SmoothingBeta", k.SmoothingBeta, IsFinite(k.SmoothingBeta) && k.SmoothingBeta >= 0.0, "a finite β ≥ 0 (10 by default)");
            CheckKnob(DiagnosticDescriptors.DistributionBalancedKnobOutOfRange, "SmoothingMu", k.SmoothingMu, IsFinite(k.SmoothingMu), "a finite μ (0.3 by default)");
            CheckKnob(DiagnosticDescriptors.DistributionBalancedKnobOutOfRange, "NegativeScale", k.NegativeScale, IsFinite(k.NegativeScale) && k.NegativeScale > 0.0, "a finite λ > 0 (5 by default)");
            CheckKnob(DiagnosticDescriptors.DistributionBalancedKnobOutOfRange, "BiasScale", k.BiasScale, IsFinite(k.BiasScale), "a finite κ (0.05 by default; 0 turns the prior bias off)");
        }
        else if (config.Loss == CbLoss.Asymmetric)
        {
            CheckKnob(DiagnosticDescriptors.AsymmetricKnobOutOfRange, "GammaPositive", k.GammaPositive, IsFinite(k.GammaPositive) && k.GammaPositive >= 0.0, "a finite γ+ ≥ 0 (0 by default)");
            CheckKnob(DiagnosticDescriptors.AsymmetricKnobOutOfRange, "GammaNegative", k.GammaNegative, IsFinite(k.GammaNegative) && k.GammaNegative >= 0.0, "a finite γ− ≥ 0 (4 by default)");
            CheckKnob(DiagnosticDescriptors.AsymmetricKnobOutOfRange, "Clip", k.Clip, k.Clip >= 0.0 && k.Clip < 1.0, "a margin m in [0, 1) (0.05 by default; 0 turns the shift off)");
        }

        if (!config.IsMultiLabelLoss)
        {
            return;
        }

        if (config.Knobs.NormalizerSet && config.Normalizer == MeanNormalizer.WeightSum)
        {
            Report(DiagnosticDescriptors.NormalizerWithoutWeights, "Normalizer", loss);
        }

        if (config.Knobs.BetaSet)
        {
            Report(DiagnosticDescriptors.OptionNotApplicable, "Beta", "Beta", loss,
                "the class-balanced losses and LDAM-DRW (CbLoss.Ldam with DeferUntilEpoch ≥ 1)", DiagnosticDescriptors.ConfigOptionFix);
        }

        if (config.DeferUntilEpoch > 0)
        {
            Report(DiagnosticDescriptors.OptionNotApplicable, "DeferUntilEpoch", "DeferUntilEpoch", loss,
                "the class-balanced losses and CbLoss.Ldam (LDAM-DRW)", DiagnosticDescriptors.ConfigOptionFix);
        }

        void CheckKnob(DiagnosticDescriptor descriptor, string name, double value, bool ok, string need)
        {
            if (!ok)
            {
                Report(descriptor, name, name, Literals.Text(value), need);
            }
        }
    }
}
