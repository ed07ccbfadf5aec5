using System;
using System.Collections.Generic;
using System.Threading;
using CbGen.Generators.Helpers;
using CbGen.Generators.Model;
using Microsoft.CodeAnalysis;

namespace CbGen.Generators.Parsing;

// Parser: the checks of multi-label counts written on the attribute (CB050-CB054, CB061). A counts file's
// "# samples: N" line is checked where the file is read (DatasetParser.MultiLabel).
internal static partial class Parser
{
    /// <summary>Whether <paramref name="loss"/> is a softmax over the classes (one class index per sample), which
    /// multi-label counts cannot use (CB054).</summary>
    internal static bool IsSoftmaxLoss(CbLoss loss) =>
        loss == CbLoss.Softmax || loss == CbLoss.LogitAdjusted || loss == CbLoss.Ldam || loss == CbLoss.VectorScaling;

    /// <summary>How CB054 names what made a config multi-label.</summary>
    internal static string MultiLabelCause(MultiLabelRequest request) =>
        request.SamplesSet ? "Samples = " + Literals.Text(request.Samples) : "MultiLabel = true";

    /// <summary>CB051 (Samples ≤ 0) and CB054 (a softmax loss) of one config, for enums and counts-file datasets.</summary>
    internal static void CheckMultiLabel(
        RawConfig config,
        AttributeData attribute,
        int i,
        Action<DiagnosticDescriptor, Func<Location?>, int, object?[]> report,
        CancellationToken cancellationToken)
    {
        MultiLabelRequest request = config.MultiLabel;
        if (request.SamplesSet && request.Samples <= 0)
        {
            report(DiagnosticDescriptors.SamplesOutOfRange, () => ArgumentLocation(attribute, "Samples", cancellationToken), i,
                new object?[] { "Samples", Literals.Text(request.Samples), request.Samples == 0 ? "is 0" : "is negative" });
        }

        if (request.IsMultiLabel && IsSoftmaxLoss(config.Loss))
        {
            report(DiagnosticDescriptors.MultiLabelSoftmax, () => ArgumentLocation(attribute, "Loss", cancellationToken), i,
                new object?[] { "The config '" + config.TypeName + "'", MultiLabelCause(request), "CbLoss." + config.Loss.ToString() });
        }
    }

    /// <summary>Whether a config of <paramref name="loss"/> adds the distribution-balanced loss's class-prior bias
    /// κ·log(n_c / (N − n_c)), infinite for a class positive in every sample (CB061): the distribution-balanced loss with
    /// a finite BiasScale κ ≠ 0 (a non-finite one is CB046's).</summary>
    internal static bool HasPriorBias(CbLoss loss, MultiLabelKnobs knobs) =>
        loss == CbLoss.DistributionBalanced && knobs.BiasScale != 0.0 && IsFinite(knobs.BiasScale);

    /// <summary>How CB061 names a config with the prior bias, e.g. "the config 'Tag' (BiasScale = 0.05)".</summary>
    internal static string PriorBiasSubject(string typeName, double biasScale) =>
        "the config '" + typeName + "' (BiasScale = " + Literals.Text(biasScale) + ")";

    /// <summary>CB050 (MultiLabel = true without Samples), CB052 (a member's count above N) and CB061 (a member's count
    /// equal to N under the prior bias; only when no count is above N, which says N is wrong) of an enum's config,
    /// whose counts are its members'.</summary>
    internal static void CheckMultiLabelCounts(
        RawConfig config,
        AttributeData attribute,
        int i,
        MemberSpec?[] members,
        Action<DiagnosticDescriptor, Func<Location?>, int, object?[]> report,
        CancellationToken cancellationToken)
    {
        MultiLabelRequest request = config.MultiLabel;
        if (request.Asked && !request.SamplesSet)
        {
            report(DiagnosticDescriptors.MultiLabelSamplesMissing, () => ArgumentLocation(attribute, "MultiLabel", cancellationToken), i,
                new object?[] { "The config '" + config.TypeName + "'", DiagnosticDescriptors.SamplesFix });
        }

        if (!request.SamplesSet || request.Samples <= 0)
        {
            return;
        }

        foreach (MemberSpec? member in members)
        {
            if (member is not null && member.Count > request.Samples)
            {
                report(DiagnosticDescriptors.CountAboveSamples, () => ArgumentLocation(attribute, "Samples", cancellationToken), i,
                    new object?[] { member.Name, Literals.Text(member.Count), "Samples", Literals.Text(request.Samples) });
                return;
            }
        }

        if (!HasPriorBias(config.Loss, config.MultiLabelKnobs))
        {
            return;
        }

        foreach (MemberSpec? member in members)
        {
            if (member is not null && member.Count == request.Samples)
            {
                report(DiagnosticDescriptors.PositiveInEverySample, () => ArgumentLocation(attribute, "Samples", cancellationToken), i,
                    new object?[]
                    {
                        member.Name, Literals.Text(member.Count), "Samples", Literals.Text(request.Samples),
                        PriorBiasSubject(config.TypeName, config.MultiLabelKnobs.BiasScale), DiagnosticDescriptors.PriorBiasFix,
                    });
                return;
            }
        }
    }

    /// <summary>CB053 when config <paramref name="i"/>'s <c>Samples = N</c> differs from an earlier config's: the
    /// configs of one enum or dataset class are one label set, so they count the same training samples.</summary>
    internal static void CheckSamplesAgree(
        RawConfig[] configs,
        AttributeData attribute,
        int i,
        Action<DiagnosticDescriptor, Func<Location?>, int, object?[]> report,
        CancellationToken cancellationToken)
    {
        MultiLabelRequest request = configs[i].MultiLabel;
        if (!request.SamplesSet || request.Samples <= 0)
        {
            return;
        }

        for (int j = 0; j < i; j++)
        {
            MultiLabelRequest earlier = configs[j].MultiLabel;
            if (configs[j].Readable && earlier.SamplesSet && earlier.Samples > 0 && earlier.Samples != request.Samples)
            {
                report(DiagnosticDescriptors.SamplesGivenTwice, () => ArgumentLocation(attribute, "Samples", cancellationToken), i,
                    new object?[]
                    {
                        "Samples = " + Literals.Text(request.Samples) + " on the config '" + configs[i].TypeName + "'",
                        "Samples = " + Literals.Text(earlier.Samples) + " on the config '" + configs[j].TypeName + "'",
                        "make every config say the same N (the configs of one label set describe one training set)",
                    });
                return;
            }
        }
    }

    /// <summary>CB053 when a sweep's <c>Samples = N</c> differs from a config's of the same label set (an enum's or
    /// a dataset class's), or null.</summary>
    internal static Issue? SweepSamplesDisagree(
        AttributeData sweep, long sweepSamples, IEnumerable<RawConfig> configs, CancellationToken cancellationToken)
    {
        if (sweepSamples <= 0)
        {
            return null;
        }

        foreach (RawConfig config in configs)
        {
            MultiLabelRequest request = config.MultiLabel;
            if (config.Readable && request.SamplesSet && request.Samples > 0 && request.Samples != sweepSamples)
            {
                return new Issue(DiagnosticDescriptors.SamplesGivenTwice, ArgumentLocation(sweep, "Samples", cancellationToken), 0,
                    "Samples = " + Literals.Text(sweepSamples) + " on [ClassBalancedSweep]",
                    "Samples = " + Literals.Text(request.Samples) + " on the config '" + config.TypeName + "'",
                    "make the sweep and the config say the same N (a sweep and the configs of its label set describe one training set)");
            }
        }

        return null;
    }
}
