using System;
using System.Collections.Generic;
using Parquet;
using Parquet.Schema;

namespace CbGen.Cli.Input;

// ParquetLabelReader with --multi-label: a column of label lists.
internal static partial class ParquetLabelReader
{
    /// <summary>--multi-label: a string column of label lists ("a;b;c", split at --separator), one sample per row; a
    /// null or empty value is a sample without labels.</summary>
    private static CountTable ReadLists(ParquetReader reader, DataField field, string path, string what, SourceOptions options)
    {
        if (field.ClrType != typeof(string) && field.ClrType != typeof(ReadOnlyMemory<char>))
        {
            throw new InputException(path + ": " + what + " holds " + field.ClrType.Name + " values; with --multi-label the label column is a "
                + "string column of label lists separated by '" + options.Separator + "' (e.g. \"a" + options.Separator + "b\").");
        }

        var tally = new LabelTally(path, what, options.MaxClasses);
        var lists = new LabelLists(tally, options.Separator);
        for (int g = 0; g < reader.RowGroupCount; g++)
        {
            using ParquetRowGroupReader group = reader.OpenRowGroupReader(g);
            var values = new string?[checked((int)group.RowCount)];
            group.ReadAsync(field, values.AsMemory()).GetAwaiter().GetResult();
            foreach (string? list in values)
            {
                long at = lists.Samples + 1;
                lists.Add(list ?? string.Empty, () => "row " + Invariant.Format(at));
            }
        }

        if (tally.DistinctLabels == 0)
        {
            throw new InputException(path + (lists.Samples == 0 ? ": the Parquet file has no rows." : ": no sample carries a label (every label list in " + what + " is empty)."));
        }

        var notes = new List<string>();
        var warnings = new List<string>();
        List<ClassCount> classes = tally.Classes(notes, warnings);
        return new CountTable(path, SourceKind.Parquet, lists.Describe(what + " (string) of a Parquet file"), classes, notes, warnings)
        {
            Samples = lists.Samples,
        };
    }
}
