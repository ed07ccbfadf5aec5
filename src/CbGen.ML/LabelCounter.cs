using System;
using System.Collections.Generic;
using System.Globalization;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace CbGen.ML;

/// <summary>Counts the rows of each label value in one streaming pass over the label column only, and rejects
/// missing labels (key 0, an empty string) with the row that holds one.</summary>
internal static class LabelCounter
{
    /// <summary>Rows per label value, keyed by the table's label type (<see cref="LabelTypes.TableType"/>), in
    /// first-seen order.</summary>
    /// <exception cref="InvalidOperationException">A row has a missing label.</exception>
    internal static Dictionary<object, long> Count(IDataView data, string column, LabelKind kind)
    {
        DataViewSchema.Column col = data.Schema[column];
        Type raw = col.Type.RawType;
        return kind switch
        {
            LabelKind.Key => Tally<uint>(data, col, k => k, k => k == 0, "key 0 (the missing key)"),
            LabelKind.Text => Tally<ReadOnlyMemory<char>>(data, col, t => t.ToString(), t => t.IsEmpty, "an empty string"),
            LabelKind.Boolean => Tally<bool>(data, col, b => b, _ => false),
            _ when raw == typeof(sbyte) => Tally<sbyte>(data, col, v => v, _ => false),
            _ when raw == typeof(byte) => Tally<byte>(data, col, v => v, _ => false),
            _ when raw == typeof(short) => Tally<short>(data, col, v => v, _ => false),
            _ when raw == typeof(ushort) => Tally<ushort>(data, col, v => v, _ => false),
            _ when raw == typeof(int) => Tally<int>(data, col, v => v, _ => false),
            _ when raw == typeof(uint) => Tally<uint>(data, col, v => v, _ => false),
            _ when raw == typeof(long) => Tally<long>(data, col, v => v, _ => false),
            _ when raw == typeof(ulong) => Tally<ulong>(data, col, v => v, _ => false),
            _ => throw new InvalidOperationException("Unsupported label type " + col.Type + "."),
        };
    }

    private static Dictionary<object, long> Tally<T>(
        IDataView data, DataViewSchema.Column col, Func<T, object> box, Func<T, bool> isMissing, string missingName = "")
        where T : IEquatable<T>
    {
        var counts = new Dictionary<object, long>();
        using DataViewRowCursor cursor = data.GetRowCursor(new[] { col });
        ValueGetter<T> getter = cursor.GetGetter<T>(col);
        T value = default!;
        long row = 0;

        // Most label columns hold runs of one value: box once per run.
        bool hasLast = false;
        T last = default!;
        object lastBoxed = null!;
        while (cursor.MoveNext())
        {
            getter(ref value);
            if (isMissing(value))
            {
                throw new InvalidOperationException(string.Format(CultureInfo.InvariantCulture,
                    "Label column '{0}' holds a missing label ({1}) in row {2}; class-balanced weights need a class for "
                    + "every training row. Remove such rows before ClassBalancedWeights (e.g. with "
                    + "mlContext.Data.FilterRowsByMissingValues or FilterRowsByKeyColumnFraction), or fix the data.",
                    col.Name, missingName, row));
            }

            // Stryker disable once Equality : reboxing every row gives the same counts; text is always reboxed
            // because a getter may reuse its buffer, which no loader used in the tests does
            if (!hasLast || typeof(T) == typeof(ReadOnlyMemory<char>) || !last.Equals(value))
            {
                lastBoxed = box(value);
                last = value;
                // Stryker disable once Boolean : only saves boxing
                hasLast = true;
            }

            counts.TryGetValue(lastBoxed, out long n);
            counts[lastBoxed] = n + 1;
            row++;
        }

        return counts;
    }
}
