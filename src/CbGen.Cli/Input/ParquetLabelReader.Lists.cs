using System;
using System.Collections.Generic;
using Parquet;
using Parquet.Schema;

namespace CbGen.Cli.Input;

// ParquetLabelReader with --multi-label: a column of label lists.
internal static partial class ParquetLabelReader
{
    /// <summary>--multi-label: a list column (<see cref="ReadListColumn"/>), or a string column of label lists ("a;b;c",
    /// split at --separator), one sample per row; a null or empty string is a sample without labels.</summary>
    private static CountTable ReadLists(ParquetReader reader, DataField field, string path, string what, SourceOptions options)
    {
        if (field.MaxRepetitionLevel > 0)
        {
            return ReadListColumn(reader, field, path, what, options);
        }

        if (field.ClrType != typeof(string) && field.ClrType != typeof(ReadOnlyMemory<char>))
        {
            throw new InputException(path + ": " + what + " holds single " + field.ClrType.Name + " values, not label lists; with --multi-label "
                + "the label column is a list column (a list of strings or of integers) or a string column of labels separated by '"
                + options.Separator + "' (e.g. \"a" + options.Separator + "b\"). Choose that column with --column, or drop --multi-label "
                + "to count one label per row.");
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
            throw new InputException(path + (lists.Samples == 0 ? ": the Parquet file has no rows." : ": " + LabelLists.NoLabels(what)));
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
