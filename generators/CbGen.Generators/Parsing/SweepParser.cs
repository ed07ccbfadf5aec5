using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using CbGen.Generators.Helpers;
using CbGen.Generators.Model;
using Microsoft.CodeAnalysis;

namespace CbGen.Generators.Parsing;

/// <summary>Reads and checks a <c>[ClassBalancedSweep]</c> and expands its grid: loss-major, then β, then γ (focal
/// only), in the order the arrays give them.</summary>
internal static partial class SweepParser
{
    public const string SweepAttributeName = "CbGen.ClassBalancedSweepAttribute";

    private static readonly double[] DefaultBetas = CbDefaults.SweepBetas;
    private static readonly CbLoss[] DefaultLosses = { CbLoss.Softmax, CbLoss.Sigmoid, CbLoss.Focal };
    private static readonly double[] DefaultGammas = CbDefaults.SweepGammas;
    private static readonly double[] DefaultTaus = CbDefaults.SweepTaus;

    /// <summary>The generator's entry point for a sweep on an enum: the enum's members and the expanded grid, or
    /// null when either is invalid (the analyzers report why).</summary>
    public static EnumSweepSpec? ParseForGenerator(AnnotatedType context, CancellationToken cancellationToken)
    {
        if (context.TargetSymbol is not INamedTypeSymbol { TypeKind: TypeKind.Enum } symbol || context.Attributes.Length != 1)
        {
            return null;
        }

        try
        {
            EnumSpec? members = Parser.Parse(symbol, context.Attributes, default, issues: null, cancellationToken, requireConfigs: false);
            SweepSpec? sweep = Read(context.Attributes[0], symbol, issues: null, cancellationToken);
            // Sweeps use ZeroCountPolicy.Throw: a zero count (reported as CB002) leaves nothing to generate, nor do
            // long-tail points over counts summing past Int64.MaxValue (CB032), nor a count above N (CB052), nor a
            // DistributionBalanced point over a class positive in every sample (CB061).
            if (members is null || sweep is null || members.Members.Any(m => m.Count <= 0)
                || CountTotalSubject(sweep, members.Members.Select(m => m.Count).ToArray()) is not null
                || FirstAboveSamples(sweep, members.Members) is not null
                || FirstPositiveInEverySample(sweep, members.Members) is not null)
            {
                return null;
            }

            return new EnumSweepSpec(members, sweep);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return new EnumSweepSpec(EnumSpec.Failed(symbol.Name, ex.GetType().Name + ": " + ex.Message),
                new SweepSpec(symbol.Name, EquatableArray<double>.Empty, EquatableArray<double>.Empty,
                    EquatableArray<SweepPoint>.Empty, CbDevice.Auto, MeanNormalizer.PositiveLabels, 0));
        }
    }

    /// <summary>The sweep attribute of <paramref name="symbol"/>, or null.</summary>
    public static AttributeData? Find(INamedTypeSymbol symbol)
    {
        foreach (AttributeData attribute in symbol.GetAttributes())
        {
            if (Parser.IsAttribute(attribute, "CbGen", "ClassBalancedSweepAttribute"))
            {
                return attribute;
            }
        }

        return null;
    }

    /// <summary>The Losses of the sweep <paramref name="attribute"/> as written (the last, as <see cref="Read"/> reads
    /// them, when written twice), or the default losses.</summary>
    public static CbLoss[] LossesOf(AttributeData attribute)
    {
        CbLoss[] losses = DefaultLosses;
        foreach (KeyValuePair<string, TypedConstant> argument in attribute.NamedArguments)
        {
            if (argument.Key == "Losses" && argument.Value.Kind != TypedConstantKind.Error)
            {
                losses = ReadLosses(argument.Value);
            }
        }

        return losses;
    }

    /// <summary>An element that is not a CbLoss reads as an undefined loss (CB015).</summary>
    private static CbLoss[] ReadLosses(TypedConstant constant) =>
        constant.IsNull ? Array.Empty<CbLoss>() : constant.Values.Select(v => v.Value is int l ? (CbLoss)l : (CbLoss)(-1)).ToArray();

    /// <summary>Checks the grid (adding every violation to <paramref name="issues"/> when non-null) and expands it;
    /// null when it is invalid.</summary>
    public static SweepSpec? Read(AttributeData attribute, INamedTypeSymbol symbol, List<Issue>? issues, CancellationToken cancellationToken)
    {
        if (attribute.AttributeConstructor is null)
        {
            return null;
        }

        string defaultPrefix = symbol.Name;
        string? ns = Parser.MetadataNamespaceOf(symbol);

        bool valid = true;
        void Report(DiagnosticDescriptor descriptor, Func<Location?> location, int config, params object?[] args)
        {
            if (descriptor.DefaultSeverity == DiagnosticSeverity.Error)
            {
                valid = false;
            }

            issues?.Add(new Issue(descriptor, location(), config, args));
        }

        double[] betas = DefaultBetas;
        CbLoss[] losses = DefaultLosses;
        double[] gammas = DefaultGammas;
        bool gammasSet = false;
        double[] taus = DefaultTaus;
        bool tausSet = false;
        double[] vsGammas = CbDefaults.SweepVsGammas;
        bool vsGammasSet = false;
        double[]? weightDecays = null;
        long samples = 0;
        bool samplesSet = false;
        var device = CbDevice.Auto;
        var normalizer = MeanNormalizer.PositiveLabels;
        int deferUntilEpoch = 0;
        string? name = null;
        foreach (KeyValuePair<string, TypedConstant> argument in attribute.NamedArguments)
        {
            TypedConstant constant = argument.Value;
            if (constant.Kind == TypedConstantKind.Error)
            {
                return null;
            }

            switch (argument.Key)
            {
                case "Betas":
                    betas = constant.IsNull ? Array.Empty<double>() : constant.Values.Select(v => v.Value is double d ? d : double.NaN).ToArray();
                    break;
                case "Losses":
                    losses = ReadLosses(constant);
                    break;
                case "Taus":
                    taus = constant.IsNull ? Array.Empty<double>() : constant.Values.Select(v => v.Value is double d ? d : double.NaN).ToArray();
                    tausSet = true;
                    break;
                case "VsGammas":
                    vsGammas = constant.IsNull ? Array.Empty<double>() : constant.Values.Select(v => v.Value is double d ? d : double.NaN).ToArray();
                    vsGammasSet = true;
                    break;
                case "Gammas":
                    gammas = constant.IsNull ? Array.Empty<double>() : constant.Values.Select(v => v.Value is double d ? d : double.NaN).ToArray();
                    gammasSet = true;
                    break;
                case "WeightDecays":
                    // + 0.0 turns -0.0 into 0: the point is named WD0, not WDm0.
                    weightDecays = constant.IsNull ? Array.Empty<double>() : constant.Values.Select(v => v.Value is double d ? d + 0.0 : double.NaN).ToArray();
                    break;
                case "Samples" when constant.Value is long n:
                    samples = n;
                    samplesSet = true;
                    break;
                case "Device" when constant.Value is int d:
                    device = (CbDevice)d;
                    break;
                case "Normalizer" when constant.Value is int m:
                    normalizer = (MeanNormalizer)m;
                    break;
                case "DeferUntilEpoch" when constant.Value is int k:
                    deferUntilEpoch = k;
                    break;
                case "Name":
                    name = constant.Value as string;
                    break;
                default:
                    return null;
            }
        }

        Parser.CheckOption(device, "Device", "CbDevice", attribute, 0, Report, cancellationToken);
        Parser.CheckOption(normalizer, "Normalizer", "MeanNormalizer", attribute, 0, Report, cancellationToken);
        if (deferUntilEpoch < 0)
        {
            Report(DiagnosticDescriptors.InvalidDeferUntilEpoch,
                () => Parser.ArgumentLocation(attribute, "DeferUntilEpoch", cancellationToken), 0,
                Literals.Text((long)deferUntilEpoch));
        }

        if (name is not null && !Parser.IsValidTypeName(name))
        {
            Report(DiagnosticDescriptors.InvalidName, () => Parser.ArgumentLocation(attribute, "Name", cancellationToken), 0, name);
        }
        else if (Parser.TooLong(QualifiedPointType(ns, name ?? defaultPrefix)) is var bytes and > 0)
        {
            // {Prefix}SweepPoint is the longest type name a sweep generates (its members are short).
            Report(DiagnosticDescriptors.NameTooLong, () => Parser.ArgumentLocation(attribute, "Name", cancellationToken), 0,
                Parser.Shorten(QualifiedPointType(ns, name ?? defaultPrefix)), Literals.Text((long)bytes),
                name is null ? "the enum or class name" : "Name");
        }

        CheckAxes(attribute, betas, losses, gammas, gammasSet, Report, cancellationToken);
        CheckTaus(attribute, losses, taus, tausSet, Report, cancellationToken);
        CheckVsGammas(attribute, losses, vsGammas, vsGammasSet, Report, cancellationToken);
        CheckWeightDecays(attribute, weightDecays, Report, cancellationToken);
        CheckMultiLabel(attribute, symbol, losses, samples, samplesSet, normalizer, Report, cancellationToken);

        if (!valid)
        {
            return null;
        }

        bool anyFocal = losses.Contains(CbLoss.Focal);
        bool anyAdjusted = losses.Contains(CbLoss.LogitAdjusted) || losses.Contains(CbLoss.VectorScaling);
        bool anyVs = losses.Contains(CbLoss.VectorScaling);
        EquatableArray<SweepPoint> points = WithWeightDecays(Expand(losses, betas, gammas, taus, vsGammas, deferUntilEpoch), weightDecays).ToEquatableArray();
        return new SweepSpec(name ?? defaultPrefix, betas.ToEquatableArray(), (anyFocal ? gammas : Array.Empty<double>()).ToEquatableArray(),
            points, device, normalizer, deferUntilEpoch,
            LocationInfo.From(Parser.ArgumentLocation(attribute, "Name", cancellationToken)))
        {
            Taus = (anyAdjusted ? taus : Array.Empty<double>()).ToEquatableArray(),
            VsGammas = (anyVs ? vsGammas : Array.Empty<double>()).ToEquatableArray(),
            WeightDecays = (weightDecays ?? Array.Empty<double>()).ToEquatableArray(),
            Samples = losses.Contains(CbLoss.DistributionBalanced) ? samples : 0,
        };
    }

    /// <summary>CB032's subject when <paramref name="counts"/> sum past Int64.MaxValue and the sweep has
    /// LogitAdjusted or Ldam points (their runtime losses check the counts by that total); null otherwise.</summary>
    internal static string? CountTotalSubject(SweepSpec sweep, IReadOnlyList<long> counts) =>
        CountTotals.FirstOverflow(counts) >= 0
            && sweep.Points.FirstOrDefault(p => p.Loss is CbLoss.LogitAdjusted or CbLoss.Ldam or CbLoss.VectorScaling) is { } point
            ? "the CbLoss." + point.Loss.ToString() + " points of [ClassBalancedSweep]"
            : null;

    private static string QualifiedPointType(string? ns, string prefix) =>
        (ns is null ? string.Empty : ns + ".") + prefix + "SweepPoint";

    internal static ImmutableArray<AttributeData> AsArray(AttributeData attribute) => ImmutableArray.Create(attribute);
}
