using System;
using System.Collections.Generic;
using System.Threading;
using CbGen.Generators.Helpers;
using CbGen.Generators.Model;
using Microsoft.CodeAnalysis;

namespace CbGen.Generators.Parsing;

/// <summary>The weight-decay axis of a sweep: every point once per weight decay.</summary>
internal static partial class SweepParser
{
    /// <summary>Checks <c>WeightDecays</c> when it is written (<paramref name="weightDecays"/> non-null): empty (CB023),
    /// negative, NaN or infinite (CB060), duplicate (CB024).</summary>
    private static void CheckWeightDecays(
        AttributeData attribute,
        double[]? weightDecays,
        Action<DiagnosticDescriptor, Func<Location?>, int, object?[]> report,
        CancellationToken cancellationToken)
    {
        if (weightDecays is null)
        {
            return;
        }

        void Report(DiagnosticDescriptor descriptor, Func<Location?> location, params object?[] args) =>
            report(descriptor, location, 0, args);

        if (weightDecays.Length == 0)
        {
            Report(DiagnosticDescriptors.EmptySweepAxis, () => Parser.ArgumentLocation(attribute, "WeightDecays", cancellationToken),
                "WeightDecays", "(none: no weight-decay axis)");
        }

        for (int i = 0; i < weightDecays.Length; i++)
        {
            int index = i;
            double decay = weightDecays[i];
            if (!(decay >= 0.0) || double.IsInfinity(decay))
            {
                Report(DiagnosticDescriptors.WeightDecayOutOfRange, () => ElementLocation(attribute, "WeightDecays", index, cancellationToken),
                    Literals.Text(decay));
            }
            else if (Array.IndexOf(weightDecays, decay) < i)
            {
                Report(DiagnosticDescriptors.DuplicateSweepValue, () => ElementLocation(attribute, "WeightDecays", index, cancellationToken),
                    "WeightDecays", Literals.Text(decay));
            }
        }
    }

    /// <summary>Each point of <paramref name="points"/> once per weight decay, point-major, named
    /// <c>{point}_WD{decay}</c>; <paramref name="points"/> itself without a weight-decay axis.</summary>
    private static List<SweepPoint> WithWeightDecays(
        List<SweepPoint> points, double[]? weightDecays)
    {
        if (weightDecays is null)
        {
            return points;
        }

        var crossed = new List<SweepPoint>(points.Count * weightDecays.Length);
        foreach (SweepPoint point in points)
        {
            foreach (double decay in weightDecays)
            {
                crossed.Add(point with { Member = point.Member + "_WD" + NumberName(decay), WeightDecay = decay });
            }
        }

        return crossed;
    }
}
