using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Numerics;
using Parquet;
using Parquet.Schema;

namespace CbGen.Cli.Input;

/// <summary>Counts one label column of a Parquet file (read with Parquet.Net, one row group at a time): a string
/// column (classes sorted ordinally, as for CSV) or an integer column (class indices 0..max, missing ones count 0).</summary>
internal static partial class ParquetLabelReader
{
    public static CountTable Read(string path, SourceOptions options)
    {
        ParquetFrame.Check(path);
        try
        {
            ParquetReader reader = ParquetReader.CreateAsync(path).GetAwaiter().GetResult();
            try
            {
                return Read(reader, path, options);
            }
            finally
            {
                reader.DisposeAsync().AsTask().GetAwaiter().GetResult();
            }
        }
        catch (Exception e) when (e is not InputException and not OutOfMemoryException)
        {
            // A corrupt file can fail anywhere in Parquet.Net (its Thrift decoder throws its own exception types).
            throw ParquetFrame.Invalid(path, e.Message.TrimEnd('.', ' '), e);
        }
    }

    private static CountTable Read(ParquetReader reader, string path, SourceOptions options)
    {
        int maxClasses = options.MaxClasses;
        DataField field = Choose(reader.Schema, options.Column, path);
        string what = "column '" + ColumnName(reader.Schema, field) + "'";
        var notes = new List<string>();
        var warnings = new List<string>();
        List<ClassCount> classes;
        string type;
        if (options.MultiLabel)
        {
            return ReadLists(reader, field, path, what, options);
        }

        if (field.MaxRepetitionLevel > 0)
        {
            throw new InputException(path + ": " + what + " is a list (several labels per row); add --multi-label to count each row's list "
                + "as one sample's labels, or choose a column of single labels with --column.");
        }

        if (field.ClrType == typeof(string) || field.ClrType == typeof(ReadOnlyMemory<char>))
        {
            type = "string";
            classes = ReadStrings(reader, field, path, what, maxClasses, notes, warnings);
        }
        else
        {
            type = field.ClrType.Name.ToLowerInvariant();
            var dense = new DenseCounts(path, what, maxClasses);
            Type t = field.ClrType;
            long rows = t == typeof(int) ? ReadIntegers<int>(reader, field, dense, path)
                : t == typeof(long) ? ReadIntegers<long>(reader, field, dense, path)
                : t == typeof(short) ? ReadIntegers<short>(reader, field, dense, path)
                : t == typeof(sbyte) ? ReadIntegers<sbyte>(reader, field, dense, path)
                : t == typeof(byte) ? ReadIntegers<byte>(reader, field, dense, path)
                : t == typeof(ushort) ? ReadIntegers<ushort>(reader, field, dense, path)
                : t == typeof(uint) ? ReadIntegers<uint>(reader, field, dense, path)
                : t == typeof(ulong) ? ReadIntegers<ulong>(reader, field, dense, path)
                : throw new InputException(path + ": " + what + " holds " + field.ClrType.Name + " values; a label column holds "
                    + "strings or integers (class indices).");
            IReadOnlyList<string>? names = field.Path.Length == 1
                ? HuggingFaceClassLabels.Names(reader.CustomMetadata, field.Name)
                : null;
            classes = dense.Classes(rows, names, notes, warnings);
        }

        return new CountTable(path, SourceKind.Parquet, what + " (" + type + ") of a Parquet file", classes, notes, warnings);
    }

    private static DataField Choose(ParquetSchema schema, string? column, string path)
    {
        DataField[] fields = schema.GetDataFields();
        if (fields.Length == 0)
        {
            throw new InputException(path + ": the Parquet file has no columns.");
        }

        DataField? field;
        if (column is null)
        {
            field = fields[^1];
        }
        else if (long.TryParse(column, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long index))
        {
            long resolved = index < 0 ? fields.Length + index : index;
            if (resolved < 0 || resolved >= fields.Length)
            {
                throw new InputException(path + ": --column " + column + " is out of range: the file has " + Invariant.Format(fields.Length)
                    + " column(s), so use 0.." + Invariant.Format(fields.Length - 1) + " (or -1 for the last).");
            }

            field = fields[resolved];
        }
        else
        {
            field = Array.Find(fields, f => ColumnName(schema, f) == column || f.Path.ToString() == column || f.Name == column)
                ?? Array.Find(fields, f => string.Equals(ColumnName(schema, f), column, StringComparison.OrdinalIgnoreCase)
                    || string.Equals(f.Path.ToString(), column, StringComparison.OrdinalIgnoreCase));
            if (field is null)
            {
                throw new InputException(path + ": no column is named '" + column + "'; the file has: "
                    + string.Join(", ", Array.ConvertAll(fields, f => "'" + ColumnName(schema, f) + "'")) + ".");
            }
        }

        return field;
    }

    private static List<ClassCount> ReadStrings(ParquetReader reader, DataField field, string path, string what, int maxClasses,
        List<string> notes, List<string> warnings)
    {
        var tally = new LabelTally(path, what, maxClasses);
        long row = 0;
        for (int g = 0; g < reader.RowGroupCount; g++)
        {
            using ParquetRowGroupReader group = reader.OpenRowGroupReader(g);
            var values = new string?[checked((int)group.RowCount)];
            group.ReadAsync(field, values.AsMemory()).GetAwaiter().GetResult();
            foreach (string? label in values)
            {
                long at = ++row;
                if (string.IsNullOrEmpty(label))
                {
                    throw new InputException(path + ": row " + Invariant.Format(at) + " has no label (" + what + " is "
                        + (label is null ? "null" : "empty") + ").");
                }

                tally.Add(label, () => "row " + Invariant.Format(at));
            }
        }

        if (tally.DistinctLabels == 0)
        {
            throw new InputException(path + ": the Parquet file has no rows.");
        }

        return tally.Classes(notes, warnings, SourceOptions.DefaultSeparator);
    }

    private static long ReadIntegers<T>(ParquetReader reader, DataField field, DenseCounts dense, string path)
        where T : struct, IBinaryInteger<T>
    {
        long row = 0;
        for (int g = 0; g < reader.RowGroupCount; g++)
        {
            using ParquetRowGroupReader group = reader.OpenRowGroupReader(g);
            int n = checked((int)group.RowCount);
            if (field.IsNullable)
            {
                var values = new T?[n];
                group.ReadAsync<T>(field, values.AsMemory()).GetAwaiter().GetResult();
                foreach (T? value in values)
                {
                    row++;
                    if (value is not T v)
                    {
                        throw new InputException(path + ": row " + Invariant.Format(row) + " has no label (null).");
                    }

                    dense.Add(v, row);
                }
            }
            else
            {
                var values = new T[n];
                group.ReadAsync<T>(field, values.AsMemory()).GetAwaiter().GetResult();
                foreach (T value in values)
                {
                    dense.Add(value, ++row);
                }
            }
        }

        if (row == 0)
        {
            throw new InputException(path + ": the Parquet file has no rows.");
        }

        return row;
    }

    /// <summary>Counts of class indices 0..max, bounded by <c>--max-classes</c> (no index past it is stored).</summary>
    private sealed class DenseCounts
    {
        private readonly string path;
        private readonly string what;
        private readonly int maxClasses;
        private long[] counts = new long[16];
        private long max = -1;
        private int distinct;

        public DenseCounts(string path, string what, int maxClasses)
        {
            this.path = path;
            this.what = what;
            this.maxClasses = maxClasses;
        }

        /// <summary>The distinct class indices counted so far.</summary>
        public int Distinct => distinct;

        public void Add<T>(T value, long row)
            where T : struct, IBinaryInteger<T>
        {
            if (T.IsNegative(value))
            {
                throw new InputException(path + ": row " + Invariant.Format(row) + ": the label " + value + " is negative; integer labels are "
                    + "class indices 0..C-1 (drop or relabel rows marked " + value + ", e.g. 'unlabelled').");
            }

            if (value >= T.CreateSaturating(maxClasses))
            {
                throw LabelTally.TooManyClasses(path, what, maxClasses, "the class index " + Text(value) + " at row " + Invariant.Format(row)
                    + ", past --max-classes");
            }

            int index = int.CreateChecked(value);
            if (index >= counts.Length)
            {
                Array.Resize(ref counts, Math.Min(maxClasses, Math.Max(index + 1, counts.Length * 2)));
            }

            distinct += counts[index] == 0 ? 1 : 0;
            counts[index]++;
            max = Math.Max(max, index);
        }

        private static string Text<T>(T value)
            where T : struct, IBinaryInteger<T> => value.ToString(null, CultureInfo.InvariantCulture);

        /// <summary>Classes 0..max named by their index or, when the file's Hugging Face metadata names the classes
        /// (<paramref name="names"/>), classes 0..names-1 named from it.</summary>
        public List<ClassCount> Classes(long rows, IReadOnlyList<string>? names, List<string> notes, List<string> warnings)
        {
            if (rows >= 20 && distinct * 2L > rows)
            {
                warnings.Add(LabelTally.ManyClassesWarning(what, distinct, rows));
            }

            if (names is null)
            {
                var dense = new long[max + 1];
                Array.Copy(counts, dense, dense.Length);
                return LabelTally.Dense(dense, notes);
            }

            if (max >= names.Count)
            {
                throw new InputException(path + ": " + what + " holds the class index " + Invariant.Format(max) + ", but the file's Hugging Face "
                    + "ClassLabel metadata names only " + Invariant.Plural(names.Count, "class", "classes") + " (0.." + Invariant.Format(names.Count - 1) + ").");
            }

            var classes = new List<ClassCount>(names.Count);
            int empty = 0;
            for (int c = 0; c < names.Count; c++)
            {
                long n = c < counts.Length ? counts[c] : 0;
                empty += n == 0 ? 1 : 0;
                classes.Add(new ClassCount(names[c], n));
            }

            notes.Add("class names from the file's Hugging Face ClassLabel metadata" + (empty == 0 ? "." : "; "
                + Invariant.Plural(empty, "class has", "classes have") + " no rows (count 0)."));
            return classes;
        }
    }
}
