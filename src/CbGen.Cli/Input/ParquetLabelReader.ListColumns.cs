using System;
using System.Collections.Generic;
using System.Linq;
using System.Numerics;
using Parquet;
using Parquet.Data;
using Parquet.Schema;

namespace CbGen.Cli.Input;

// ParquetLabelReader with --multi-label on a list column: LIST<string>, LIST<integer> or a repeated field.
internal static partial class ParquetLabelReader
{
    /// <summary>The definition level at which a row's list holds an element: the list column's leaf
    /// <paramref name="field"/> is the item of a <see cref="ListField"/> (or a repeated field of its own). Below it
    /// by one, the list is empty; further below, the list is null; from it up to the leaf's maximum, the element is
    /// null. Null when the column is not a list of values (a list of lists, structs or maps).</summary>
    private static int? ListLevel(ParquetSchema schema, DataField field)
    {
        if (field.MaxRepetitionLevel != 1)
        {
            return null;
        }

        if (field.IsArray)
        {
            return field.MaxDefinitionLevel;
        }

        return ListOf(schema.Fields, field)?.MaxDefinitionLevel;
    }

    /// <summary>The list field whose item is <paramref name="field"/>, searched through structs.</summary>
    private static ListField? ListOf(IEnumerable<Field> fields, DataField field)
    {
        foreach (Field f in fields)
        {
            switch (f)
            {
                case ListField list when list.Item is DataField item && item.Path.ToString() == field.Path.ToString():
                    return list;
                case StructField s when ListOf(s.Fields, field) is { } found:
                    return found;
            }
        }

        return null;
    }

    /// <summary>The name a user gives a column: a list's own name for its items ("tags", not "tags/list/element":
    /// the path without the list's container and element).</summary>
    private static string ColumnName(ParquetSchema schema, DataField field) =>
        field.MaxRepetitionLevel == 1 && !field.IsArray && field.Path.Length > 2 && ListOf(schema.Fields, field) is not null
            ? new FieldPath(field.Path.ToList().Take(field.Path.Length - 2)).ToString()
            : field.Path.ToString();

    /// <summary>--multi-label on a list column: one sample per row, its list the sample's labels (strings, or
    /// integers as class indices), counted by <see cref="LabelLists{T}"/>; an empty list is a sample without labels, a
    /// null list or a null element is an error naming the row.</summary>
    private static CountTable ReadListColumn(ParquetReader reader, DataField field, string path, string what, SourceOptions options)
    {
        int listLevel = ListLevel(reader.Schema, field)
            ?? throw new InputException(path + ": " + what + " is nested (a list of lists, structs or maps); with --multi-label the label "
                + "column is a list of strings or integers (class indices), one list per row.");
        Type t = field.ClrType;
        var notes = new List<string>();
        var warnings = new List<string>();
        if (t == typeof(string) || t == typeof(ReadOnlyMemory<char>))
        {
            var tally = new LabelTally(path, what, options.MaxClasses);
            var lists = new LabelLists<string>(tally.Add);
            // Parquet.Net hands strings over as character memory (RawColumnData holds value types only).
            long rows = Walk<ReadOnlyMemory<char>>(reader, field, listLevel, path, what,
                (labels, row) => AddStrings(lists, labels.Select(m => m.ToString()), row, path, what));
            RequireLabels(rows, tally.DistinctLabels, path, what);
            List<ClassCount> classes = tally.Classes(notes, warnings);
            return Lists(path, what + " (list of strings) of a Parquet file", lists.Describe, classes, notes, warnings, lists.Samples);
        }

        return t == typeof(int) ? ReadIntegerLists<int>(reader, field, listLevel, path, what, options)
            : t == typeof(long) ? ReadIntegerLists<long>(reader, field, listLevel, path, what, options)
            : t == typeof(short) ? ReadIntegerLists<short>(reader, field, listLevel, path, what, options)
            : t == typeof(sbyte) ? ReadIntegerLists<sbyte>(reader, field, listLevel, path, what, options)
            : t == typeof(byte) ? ReadIntegerLists<byte>(reader, field, listLevel, path, what, options)
            : t == typeof(ushort) ? ReadIntegerLists<ushort>(reader, field, listLevel, path, what, options)
            : t == typeof(uint) ? ReadIntegerLists<uint>(reader, field, listLevel, path, what, options)
            : t == typeof(ulong) ? ReadIntegerLists<ulong>(reader, field, listLevel, path, what, options)
            : throw new InputException(path + ": " + what + " is a list of " + t.Name + " values; a label list holds strings or integers "
                + "(class indices).");
    }

    private static CountTable ReadIntegerLists<T>(ParquetReader reader, DataField field, int listLevel, string path, string what, SourceOptions options)
        where T : struct, IBinaryInteger<T>
    {
        var dense = new DenseCounts(path, what, options.MaxClasses);
        long at = 0;
        var lists = new LabelLists<T>((label, _) => dense.Add(label, at));
        long rows = Walk<T>(reader, field, listLevel, path, what, (labels, row) =>
        {
            at = row;
            lists.Add(labels, () => "row " + Invariant.Format(row));
        });
        RequireLabels(rows, dense.Distinct, path, what);
        var notes = new List<string>();
        var warnings = new List<string>();
        // A top-level list (name/list/element) of a Hugging Face file may name its classes: a Sequence of ClassLabel.
        IReadOnlyList<string>? names = field.Path.Length == 3 && !field.IsArray
            ? HuggingFaceClassLabels.Names(reader.CustomMetadata, field.Path.FirstPart!, list: true)
            : null;
        List<ClassCount> classes = dense.Classes(rows, names, notes, warnings);
        return Lists(path, what + " (list of " + typeof(T).Name.ToLowerInvariant() + ") of a Parquet file", lists.Describe, classes, notes, warnings,
            lists.Samples);
    }

    private static void AddStrings(LabelLists<string> lists, IEnumerable<string> labels, long row, string path, string what)
    {
        lists.Add(labels.Select(label => label.Length > 0 ? label : throw new InputException(path + ": row " + Invariant.Format(row)
            + ": the list in " + what + " holds an empty label; drop it from the list (an empty list is a sample without labels).")),
            () => "row " + Invariant.Format(row));
    }

    private static void RequireLabels(long rows, int distinct, string path, string what)
    {
        if (distinct == 0)
        {
            throw new InputException(path + (rows == 0 ? ": the Parquet file has no rows." : ": " + LabelLists.NoLabels(what)));
        }
    }

    private static CountTable Lists(string path, string source, Func<string, string, string> describe, List<ClassCount> classes,
        List<string> notes, List<string> warnings, long samples) =>
        new(path, SourceKind.Parquet, describe(source, "one list per row"), classes, notes, warnings) { Samples = samples };

    /// <summary>Reads a list column row group by row group and hands each row's list to <paramref name="sample"/>
    /// (with the 1-based row); returns the rows. The values come packed (no nulls), with the definition and
    /// repetition levels that place them: repetition level 0 starts a row.</summary>
    private static long Walk<T>(ParquetReader reader, DataField field, int listLevel, string path, string what, Action<List<T>, long> sample)
        where T : struct
    {
        var current = new List<T>();
        long row = 0;
        int element = 0;
        int maxDefinition = field.MaxDefinitionLevel;
        for (int g = 0; g < reader.RowGroupCount; g++)
        {
            using ParquetRowGroupReader group = reader.OpenRowGroupReader(g);
            using RawColumnData raw = group.ReadRawColumnDataBaseAsync(field).AsTask().GetAwaiter().GetResult();
            Span<T> values = ((RawColumnData<T>)raw).Values;
            Span<int> definitions = raw.DefinitionLevels;
            Span<int> repetitions = raw.RepetitionLevels;
            int next = 0;
            for (int i = 0; i < definitions.Length; i++)
            {
                if (repetitions[i] == 0)
                {
                    if (row > 0)
                    {
                        sample(current, row);
                    }

                    row++;
                    element = 0;
                    current.Clear();
                }

                int level = definitions[i];
                element++;
                if (level == maxDefinition)
                {
                    current.Add(values[next++]);
                }
                else if (level > maxDefinition || level < 0)
                {
                    throw new InputException(path + ": row " + Invariant.Format(row) + " of " + what + " has the definition level "
                        + Invariant.Format(level) + ", outside 0.." + Invariant.Format(maxDefinition) + ": the file is corrupt.");
                }
                else if (level >= listLevel)
                {
                    throw new InputException(path + ": row " + Invariant.Format(row) + ": element " + Invariant.Format(element) + " of the list in "
                        + what + " is null; a label list holds no nulls: drop the nulls from the lists (an empty list is a sample without labels).");
                }
                else if (level < listLevel - 1)
                {
                    throw new InputException(path + ": row " + Invariant.Format(row) + " has no list (" + what + " is null); write an empty list "
                        + "for a sample without labels, or drop the row.");
                }
            }
        }

        if (row > 0)
        {
            sample(current, row);
        }

        return row;
    }
}
