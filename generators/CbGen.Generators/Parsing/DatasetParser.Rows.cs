using System.Collections.Generic;
using CbGen.Generators.Helpers;
using CbGen.Generators.Model;

namespace CbGen.Generators.Parsing;

// DatasetParser: the diagnostics on a counts file's rows that the counts alone decide: CB002 on every empty row.
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

    /// <summary>How the diagnostics over a counts file name a class: "dog (line 2 of labels.csv)".</summary>
    private static string RowName(CountsRow row, string fileName) => row.Name + " (line " + Literals.Text((long)row.Line) + " of " + fileName + ")";
}
