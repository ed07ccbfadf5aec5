using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using CbGen.CountsFiles;
using CbGen.Generators.Helpers;
using CbGen.Generators.Model;
using Microsoft.CodeAnalysis;

namespace CbGen.Generators.Parsing;

/// <summary>The multi-label points of a sweep (DistributionBalanced, Asymmetric) and the N the distribution-balanced
/// one needs: the sweep's <c>Samples</c>, or on a dataset its counts file's <c># samples: N</c> line.</summary>
internal static partial class SweepParser
{
    /// <summary>What the attribute alone shows: Samples ≤ 0 (CB051), a DistributionBalanced point on an enum without
    /// Samples (CB048; a dataset's file may give N, <see cref="JoinSamples"/>), Samples without such a point (CB030),
    /// and one Normalizer = WeightSum for points without class weights (CB047).</summary>
    private static void CheckMultiLabel(
        AttributeData attribute,
        INamedTypeSymbol symbol,
        CbLoss[] losses,
        long samples,
        bool samplesSet,
        MeanNormalizer normalizer,
        Action<DiagnosticDescriptor, Func<Location?>, int, object?[]> report,
        CancellationToken cancellationToken)
    {
        void Report(DiagnosticDescriptor descriptor, Func<Location?> location, params object?[] args) =>
            report(descriptor, location, 0, args);

        int db = Array.IndexOf(losses, CbLoss.DistributionBalanced);
        if (samplesSet && samples <= 0)
        {
            Report(DiagnosticDescriptors.SamplesOutOfRange, () => Parser.ArgumentLocation(attribute, "Samples", cancellationToken),
                "Samples", Literals.Text(samples), samples == 0 ? "is 0" : "is negative");
        }
        else if (samplesSet && db < 0 && losses.Length > 0)
        {
            Report(DiagnosticDescriptors.OptionNotApplicable, () => Parser.ArgumentLocation(attribute, "Samples", cancellationToken),
                "Samples", string.Join(", ", losses.Select(l => "CbLoss." + l.ToString())), "the CbLoss.DistributionBalanced points", DiagnosticDescriptors.SweepOptionFix);
        }

        if (db >= 0 && !samplesSet && symbol.TypeKind == TypeKind.Enum)
        {
            Report(DiagnosticDescriptors.SweepSamplesMissing, () => ElementLocation(attribute, "Losses", db, cancellationToken),
                "The [ClassBalancedSweep] of '" + symbol.Name + "'", SamplesFix);
        }

        if (normalizer == MeanNormalizer.WeightSum && losses.FirstOrDefault(IsMultiLabelLoss) is var unweighted && IsMultiLabelLoss(unweighted))
        {
            Report(DiagnosticDescriptors.NormalizerWithoutWeights, () => Parser.ArgumentLocation(attribute, "Normalizer", cancellationToken),
                "the sweep's CbLoss." + unweighted.ToString() + " point");
        }
    }

    private const string SamplesFix = "set Samples = N on [ClassBalancedSweep], N being the number of training samples (labelled or not)";

    private static bool IsMultiLabelLoss(CbLoss loss) => loss is CbLoss.DistributionBalanced or CbLoss.Asymmetric;

    /// <summary>The first member with more positives than the sweep's N (CB052), or null (also without N).</summary>
    internal static MemberSpec? FirstAboveSamples(SweepSpec sweep, IEnumerable<MemberSpec> members) =>
        sweep.Samples > 0 ? members.FirstOrDefault(m => m.Count > sweep.Samples) : null;

    /// <summary>The first member positive in all of the sweep's N samples when the sweep has a DistributionBalanced
    /// point, whose prior bias (the default BiasScale, which a sweep cannot change) is then infinite (CB061); null
    /// without N, without that point, or with a member above N (CB052).</summary>
    internal static MemberSpec? FirstPositiveInEverySample(SweepSpec sweep, IEnumerable<MemberSpec> members) =>
        sweep.Samples > 0 && HasDistributionBalancedPoint(sweep) && FirstAboveSamples(sweep, members) is null
            ? members.FirstOrDefault(m => m.Count == sweep.Samples)
            : null;

    private static bool HasDistributionBalancedPoint(SweepSpec sweep) => sweep.Points.Any(p => p.Loss == CbLoss.DistributionBalanced);

    /// <summary>A dataset's sweep with the N its DistributionBalanced point uses (the sweep's Samples, else the counts
    /// file's), or null after reporting why there is none (CB048), why it is ambiguous (CB053), which rows exceed it
    /// (CB052) or, none exceeding it, which rows equal it (CB061: the point's prior bias). A sweep without that point
    /// is returned as it is.</summary>
    internal static SweepSpec? JoinSamples(SweepSpec sweep, CountsFileSpec file, string fileName, List<DiagnosticInfo> diagnostics)
    {
        if (!HasDistributionBalancedPoint(sweep))
        {
            return sweep;
        }

        var fileStart = new LocationInfo(file.Path, 0, 0, 0, 0, 0, 0);
        string fileLine = "line " + Literals.Text((long)file.SamplesLine) + " of '" + fileName + "'";
        if (sweep.Samples > 0 && file.Samples > 0 && sweep.Samples != file.Samples)
        {
            Add(DiagnosticDescriptors.SamplesGivenTwice, file.SamplesLocation ?? fileStart,
                "Samples = " + Literals.Text(sweep.Samples) + " on [ClassBalancedSweep]", "'" + Literals.Text(file.Samples) + "' on " + fileLine,
                "remove Samples and keep the file's line, or correct the one that is wrong");
            return null;
        }

        long samples = sweep.Samples > 0 ? sweep.Samples : file.Samples;
        if (samples <= 0)
        {
            Add(DiagnosticDescriptors.SweepSamplesMissing, fileStart, "The [ClassBalancedSweep] over '" + fileName + "'",
                "add a line '# " + CountsFileFormat.SamplesKey + ": N' to '" + fileName + "' (cbgen count writes it for multi-label sources), or " + SamplesFix);
            return null;
        }

        bool fits = true;
        foreach (CountsRow row in file.Rows)
        {
            if (row.Count > samples)
            {
                // The file's own N is checked against its rows with the configs (DatasetParser.JoinMultiLabel).
                if (sweep.Samples > 0)
                {
                    Add(DiagnosticDescriptors.CountAboveSamples, row.CountLocation, row.Name, Literals.Text(row.Count),
                        "Samples on [ClassBalancedSweep]", Literals.Text(samples));
                }

                fits = false;
            }
        }

        if (fits)
        {
            // Whether N is the sweep's or the file's: the file's rows at N are fine for a config without the prior
            // bias, so the configs do not report them for the sweep.
            string source = sweep.Samples > 0 ? "Samples on [ClassBalancedSweep]" : fileLine;
            foreach (CountsRow row in file.Rows)
            {
                if (row.Count == samples)
                {
                    Add(DiagnosticDescriptors.PositiveInEverySample, row.CountLocation, row.Name, Literals.Text(row.Count), source,
                        Literals.Text(samples), DiagnosticDescriptors.SweepPriorBiasPoint, DiagnosticDescriptors.SweepPriorBiasFix);
                    fits = false;
                }
            }
        }

        return fits ? sweep with { Samples = samples } : null;

        void Add(DiagnosticDescriptor descriptor, LocationInfo location, params string[] args) =>
            diagnostics.Add(new DiagnosticInfo(descriptor.Id, location, new EquatableArray<string>(args)));
    }
}
