using System;
using System.Globalization;
using System.Linq;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace CbGen.ML;

/// <summary>
/// What each key of a key column stands for: the column's <c>KeyValues</c> annotation, which <c>MapValueToKey</c>
/// records (in first-appearance order by default, so key 1 is whatever label came first). Weights given per class
/// index or per label value follow these values, never the key's position.
/// </summary>
internal static class KeyLabels
{
    /// <summary>ML.NET's annotation kind of the key values.</summary>
    internal const string Kind = "KeyValues";

    /// <summary>The label value of key k at index k - 1 (a <see cref="string"/>, <see cref="bool"/> or number of the
    /// annotation's type), or <c>null</c> when the column has no KeyValues annotation or one of a type no label is
    /// (then <paramref name="type"/> names it).</summary>
    internal static object[]? Read(DataViewSchema.Column column, out string? type)
    {
        type = null;
        DataViewSchema.Column? annotation = column.Annotations.Schema.GetColumnOrNull(Kind);
        if (annotation?.Type is not VectorDataViewType vector)
        {
            return null;
        }

        DataViewType item = vector.ItemType;
        Type raw = item.RawType;
        object[]? values = item is TextDataViewType ? Values<ReadOnlyMemory<char>>(column, t => t.ToString())
            : item is BooleanDataViewType ? Values<bool>(column, b => b)
            : raw == typeof(float) ? Values<float>(column, v => v)
            : raw == typeof(double) ? Values<double>(column, v => v)
            : raw == typeof(sbyte) ? Values<sbyte>(column, v => v)
            : raw == typeof(byte) ? Values<byte>(column, v => v)
            : raw == typeof(short) ? Values<short>(column, v => v)
            : raw == typeof(ushort) ? Values<ushort>(column, v => v)
            : raw == typeof(int) ? Values<int>(column, v => v)
            : raw == typeof(uint) ? Values<uint>(column, v => v)
            : raw == typeof(long) ? Values<long>(column, v => v)
            : raw == typeof(ulong) ? Values<ulong>(column, v => v)
            : null;
        type = values is null ? item.ToString() : null;
        return values;
    }

    /// <summary>The whole number a label value is (an integer, a whole float, integer text), or <c>null</c>.</summary>
    internal static long? AsInteger(object value)
    {
        switch (value)
        {
            case string s:
                return long.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out long parsed) ? parsed : null;
            case bool:
                return null;
            case float or double:
                double d = Convert.ToDouble(value, CultureInfo.InvariantCulture);
                return Math.Floor(d) == d && Math.Abs(d) < 1e15 ? (long)d : null;
            case ulong u:
                return u <= long.MaxValue ? (long)u : null;
            default:
                return Convert.ToInt64(value, CultureInfo.InvariantCulture);
        }
    }

    /// <summary>A label value as text, the same for a key value and a dictionary key of any label type, so that
    /// <c>"7"</c>, <c>7</c> and <c>7f</c> match.</summary>
    internal static string Text(object value) => value switch
    {
        string s => s,
        float f => f.ToString("R", CultureInfo.InvariantCulture),
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        _ => Convert.ToString(value, CultureInfo.InvariantCulture)!,
    };

    /// <summary>How a key reads in messages and in <see cref="ClassWeight.ToString"/>: <c>label 'cat' (key 2)</c>, or
    /// <c>key 2</c> when the column has no key values.</summary>
    internal static string Describe(uint key, object? value) =>
        value is null
            ? "key " + key.ToString(CultureInfo.InvariantCulture)
            : "label " + ClassWeight.LabelText(value) + " (key " + key.ToString(CultureInfo.InvariantCulture) + ")";

    /// <summary>The error for a key column whose keys cannot be matched to the given classes.</summary>
    internal static InvalidOperationException Unknown(string column, string what, string? type) =>
        new InvalidOperationException(
            "Label column '" + column + "' is a key type " + (type is null
                ? "that has no KeyValues annotation"
                : "whose KeyValues annotation holds " + type + " values")
            + ", so which class each key stands for cannot be known, and the " + what + " cannot be matched to it. "
            + "Make the keys with "
            + "mlContext.Transforms.Conversion.MapValueToKey from the class indices or names (it records the label of "
            + "each key), or add the weights on the labels before MapValueToKey, or count them from the data "
            + "(ClassBalancedWeights(\"" + column + "\")), which works whatever the key order.");

    private static object[] Values<T>(DataViewSchema.Column column, Func<T, object> box)
    {
        VBuffer<T> buffer = default;
        column.Annotations.GetValue(Kind, ref buffer);
        return buffer.DenseValues().Select(box).ToArray();
    }
}
