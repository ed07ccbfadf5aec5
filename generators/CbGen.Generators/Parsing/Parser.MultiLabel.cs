using System;
using System.Collections.Generic;
using System.Threading;
using CbGen.Generators.Helpers;
using CbGen.Generators.Model;
using Microsoft.CodeAnalysis;

namespace CbGen.Generators.Parsing;

// Parser: the checks of multi-label counts written on the attribute (CB050-CB054). A counts file's
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

    /// <summary>CB050 (MultiLabel = true without Samples) and CB052 (a member's count above N) of an enum's config,
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
