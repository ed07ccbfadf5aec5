using System.Collections.Generic;
using CbGen.Generators.Helpers;
using CbGen.Generators.Model;

namespace CbGen.Generators.Parsing;

// DatasetParser: the diagnostics on a counts file's rows that the counts alone decide: CB002 on every empty row, and CB062
// and CB063 (warnings: the config or sweep still generates) on the row of the first class whose VS scale or sampling
// probability underflows.
internal static partial class DatasetParser
{
    /// <summary>CB002 on every row of count 0, with the fix that works for what the zeros invalidate.</summary>
    private static void AddZeroCounts(EquatableArray<CountsRow> rows, string fileName, string fix, List<DiagnosticInfo> diagnostics)
    {
        foreach (CountsRow row in rows)
        {
            if (row.Count == 0)
            {
                Add(diagnostics, DiagnosticDescriptors.NonPositiveCount, row.CountLocation, RowName(row, fileName), "0", fix);
            }
        }
    }

    private static void AddUnderflows(ConfigSpec config, EquatableArray<CountsRow> rows, long[] counts, string fileName, List<DiagnosticInfo> diagnostics)
    {
        string of = " (config " + config.TypeName + ")";
        if (config.Loss == CbLoss.VectorScaling && Underflows.InVsScales(counts, config.VsGamma) is { } scale)
        {
            CountsRow row = rows[scale.Class];
            Add(diagnostics, DiagnosticDescriptors.VsScaleUnderflow, row.CountLocation, "VsGamma is " + Literals.Text(config.VsGamma) + of,
                RowName(row, fileName), scale.ValueText, scale.MoreText, DiagnosticDescriptors.VsGammaFix);
        }

        if (config.HasSamplingPower && Underflows.InSamplingProbabilities(counts, config.SamplingPower, config.ZeroCounts) is { } probability)
        {
            CountsRow row = rows[probability.Class];
            Add(diagnostics, DiagnosticDescriptors.SamplingProbabilityUnderflow, row.CountLocation,
                "SamplingPower is " + Literals.Text(config.SamplingPower) + of, RowName(row, fileName), probability.ValueText, probability.MoreText);
        }
    }

    private static void AddUnderflows(SweepSpec sweep, EquatableArray<CountsRow> rows, long[] counts, string fileName, List<DiagnosticInfo> diagnostics)
    {
        foreach (double gamma in sweep.VsGammas)
        {
            if (Underflows.InVsScales(counts, gamma) is { } scale)
            {
                CountsRow row = rows[scale.Class];
                Add(diagnostics, DiagnosticDescriptors.VsScaleUnderflow, row.CountLocation, "VsGammas holds " + Literals.Text(gamma),
                    RowName(row, fileName), scale.ValueText, scale.MoreText, DiagnosticDescriptors.VsGammasFix);
            }
        }
    }

    /// <summary>How the diagnostics over a counts file name a class: "dog (line 2 of labels.csv)".</summary>
    private static string RowName(CountsRow row, string fileName) => row.Name + " (line " + Literals.Text((long)row.Line) + " of " + fileName + ")";
}
