using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Threading;
using CbGen.Generators.Helpers;
using CbGen.Generators.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace CbGen.Generators.Parsing;

// Parser: the checks of each config's own values (options, β, γ, name) and the weights-collapse warning.
internal static partial class Parser
{
    /// <summary>The checks of one config's own values (options, β, γ, name, DeferUntilEpoch), shared by enums and
    /// counts-file datasets.</summary>
    internal static void CheckConfig(
        RawConfig config,
        AttributeData attribute,
        int i,
        Action<DiagnosticDescriptor, Func<Location?>, int, object?[]> report,
        Dictionary<string, int> seenNames,
        string namespaceText,
        CancellationToken cancellationToken)
    {
        void Report(DiagnosticDescriptor descriptor, Func<Location?> location, int index, params object?[] args) =>
            report(descriptor, location, index, args);

        CheckOption(config.Loss, "Loss", "CbLoss", attribute, i, report, cancellationToken);
        CheckOption(config.Device, "Device", "CbDevice", attribute, i, report, cancellationToken);
        CheckOption(config.Normalizer, "Normalizer", "MeanNormalizer", attribute, i, report, cancellationToken);
        CheckOption(config.ZeroCounts, "ZeroCounts", "ZeroCountPolicy", attribute, i, report, cancellationToken);

        if (double.IsNaN(config.Beta) || config.Beta < 0.0 || config.Beta > 1.0)
        {
            Report(DiagnosticDescriptors.BetaOutOfRange, () => ArgumentLocation(attribute, "Beta", cancellationToken), i,
                Literals.Text(config.Beta));
        }

        if (config.Loss == CbLoss.Focal)
        {
            if (double.IsNaN(config.Gamma) || double.IsInfinity(config.Gamma) || config.Gamma < 0.0)
            {
                Report(DiagnosticDescriptors.GammaOutOfRange, () => ArgumentLocation(attribute, "Gamma", cancellationToken), i,
                    Literals.Text(config.Gamma));
            }
        }
        else if (config.GammaSet)
        {
            Report(DiagnosticDescriptors.GammaIgnored, () => ArgumentLocation(attribute, "Gamma", cancellationToken), i,
                "Gamma", "CbLoss." + config.Loss.ToString(), GammaIgnoredFix(sweep: false, config.Loss == CbLoss.VectorScaling));
        }

        CheckLongTail(config, attribute, i, report, cancellationToken);
        CheckMultiLabelLoss(config, attribute, i, report, cancellationToken);
        CheckMultiLabel(config, attribute, i, report, cancellationToken);

        if (config.DeferUntilEpoch < 0)
        {
            Report(DiagnosticDescriptors.InvalidDeferUntilEpoch,
                () => ArgumentLocation(attribute, "DeferUntilEpoch", cancellationToken), i,
                Literals.Text((long)config.DeferUntilEpoch));
        }

        if (config.ExplicitName is { } explicitName && !IsValidTypeName(explicitName))
        {
            Report(DiagnosticDescriptors.InvalidName, () => ArgumentLocation(attribute, "Name", cancellationToken), i,
                explicitName);
        }
        else if (seenNames.ContainsKey(config.TypeName))
        {
            Report(DiagnosticDescriptors.DuplicateName, () => ArgumentLocation(attribute, "Name", cancellationToken), i,
                config.TypeName + "Weights", namespaceText, "another config of this " + (attribute.AttributeClass?.Name == "ClassBalancedDatasetAttribute" ? "class" : "enum"));
        }
        else
        {
            seenNames.Add(config.TypeName, i);
        }
    }


    /// <summary>CB005's fix in the properties of the attribute it is reported on: a config's Gamma and Loss, a sweep's
    /// Gammas and Losses; where VS is among the losses, the γ meant is likely its own (VsGamma, VsGammas).</summary>
    internal static string GammaIgnoredFix(bool sweep, bool vectorScaling) => (sweep, vectorScaling) switch
    {
        (false, false) => "remove it, or use Loss = CbLoss.Focal",
        (false, true) => "the VS loss's γ is VsGamma: write VsGamma instead, or remove Gamma",
        (true, false) => "remove it, or add CbLoss.Focal to Losses",
        (true, true) => "the VS points' γ axis is VsGammas: write VsGammas instead, remove Gammas, or add CbLoss.Focal to Losses",
    };

    private static void CheckCollapse(
        MemberSpec[] members,
        RawConfig config,
        AttributeData attribute,
        int index,
        List<Issue> issues,
        CancellationToken cancellationToken)
    {
        // Plain logit-adjusted and LDAM configs apply no weights at all (the rule itself exempts β = 0, the paper's
        // deliberate "no re-weighting" baseline).
        if (!config.UsesWeights)
        {
            return;
        }

        long[] counts = members.Select(m => m.Count).ToArray();
        if (WeightCollapse.Check(counts, config.Beta, config.ZeroCounts) is { } collapse)
        {
            double suggested = collapse.SuggestedBeta;
            long maxCount = collapse.LargestCount;
            // A warning: it leaves the config valid, so it skips ConfigChecks.Report and carries the exact β for the
            // code fix (CbGen.CodeFixes) in its property bag.
            issues.Add(new Issue(DiagnosticDescriptors.WeightsCollapse, ArgumentLocation(attribute, "Beta", cancellationToken), index,
                Literals.Text(config.Beta),
                collapse.Ratio.ToString("0.###", CultureInfo.InvariantCulture),
                collapse.CountRatio.ToString("0.#", CultureInfo.InvariantCulture),
                suggested.ToString("G6", CultureInfo.InvariantCulture),
                Literals.Text(maxCount))
            {
                Properties = ImmutableDictionary<string, string?>.Empty
                    .Add(DiagnosticIds.SuggestedBetaProperty, Literals.Text(suggested))
                    .Add(DiagnosticIds.LargestCountProperty, Literals.Text(maxCount)),
            });
        }
    }

    internal static void CheckOption<TEnum>(
        TEnum value,
        string property,
        string enumName,
        AttributeData attribute,
        int index,
        Action<DiagnosticDescriptor, Func<Location?>, int, object?[]> report,
        CancellationToken cancellationToken)
        where TEnum : struct, Enum
    {
        if (!Enum.IsDefined(typeof(TEnum), value))
        {
            string names = string.Join(", ", Enum.GetNames(typeof(TEnum)).Select(n => enumName + "." + n));
            report(DiagnosticDescriptors.UnknownOption, () => ArgumentLocation(attribute, property, cancellationToken), index,
                new object?[] { property, Convert.ToInt64(value, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture), enumName, names });
        }
    }

    internal static bool IsValidTypeName(string name) =>
        SyntaxFacts.IsValidIdentifier(name) && SyntaxFacts.GetKeywordKind(name + "Weights") == SyntaxKind.None;

    /// <summary>The longest name .NET metadata holds, in UTF-8 bytes (a type's counts its namespace too).</summary>
    internal const int MetadataNameLimit = 1023;

    /// <summary>The UTF-8 length of <paramref name="name"/> when it exceeds <see cref="MetadataNameLimit"/>, else 0.</summary>
    internal static int TooLong(string name)
    {
        int bytes = System.Text.Encoding.UTF8.GetByteCount(name);
        return bytes > MetadataNameLimit ? bytes : 0;
    }

    /// <summary>CB026 when the longest metadata name a config generates (<see cref="GeneratedNames.MetadataNames"/>:
    /// <c>{Name}Weights</c> with its namespace, and with Microsoft.ML the helper class and methods) would not fit.
    /// <paramref name="metadataNamespace"/> is the namespace without '@' escapes (null for the global namespace).</summary>
    internal static void CheckTypeNameLength(
        RawConfig config,
        AttributeData attribute,
        int i,
        string? metadataNamespace,
        CompilationFeatures features,
        Action<DiagnosticDescriptor, Func<Location?>, int, object?[]> report,
        CancellationToken cancellationToken)
    {
        string longest = string.Empty;
        int longestBytes = 0;
        foreach (string name in GeneratedNames.MetadataNames(metadataNamespace, config.TypeName, config.UsesWeights, features))
        {
            if (TooLong(name) is var bytes && bytes > longestBytes)
            {
                (longest, longestBytes) = (name, bytes);
            }
        }

        if (longestBytes > 0)
        {
            report(DiagnosticDescriptors.NameTooLong, () => ArgumentLocation(attribute, "Name", cancellationToken), i,
                new object?[] { Shorten(longest), Literals.Text((long)longestBytes), config.ExplicitName is null ? "the enum or class name" : "Name" });
        }
    }

    /// <summary>A long name cut for a message: its start and its end.</summary>
    internal static string Shorten(string name) =>
        name.Length <= 60 ? name : name.Substring(0, 24) + "…" + name.Substring(name.Length - 24);
}
