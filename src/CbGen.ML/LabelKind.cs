using System;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace CbGen.ML;

/// <summary>The kinds of label column <see cref="ClassBalancedWeightsEstimator"/> accepts.</summary>
public enum LabelKind
{
    /// <summary>A key type with <see cref="uint"/> raw values (the output of <c>MapValueToKey</c>); key 0 is a
    /// missing label. Each key stands for the label value in the column's KeyValues annotation, and given counts or
    /// weights follow that value, not the key's position (MapValueToKey numbers keys by first appearance).</summary>
    Key = 0,

    /// <summary>An integer type (<see cref="sbyte"/> … <see cref="ulong"/>): each value is a class.</summary>
    Integer = 1,

    /// <summary>Text (<see cref="string"/> in the row class): each non-empty value is a class; an empty
    /// string is a missing label.</summary>
    Text = 2,

    /// <summary><see cref="bool"/> (binary tasks): <c>false</c> and <c>true</c> are the two classes.</summary>
    Boolean = 3,
}

/// <summary>Recognises the label column's type and words the schema errors.</summary>
internal static class LabelTypes
{
    internal const string Accepted =
        "a scalar key type with UInt32 raw values (e.g. from MapValueToKey), an integer type (SByte … UInt64), "
        + "String or Boolean";

    private const string FloatHint =
        " Floating-point labels are not class labels: convert them with mlContext.Transforms.Conversion.MapValueToKey "
        + "(or to an integer type) before ClassBalancedWeights.";

    /// <summary>The kind of a label column in a <see cref="DataViewSchema"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The column is missing or has another type.</exception>
    internal static LabelKind Classify(DataViewSchema schema, string column, string paramName)
    {
        DataViewSchema.Column? found = schema.GetColumnOrNull(column);
        if (found is null)
        {
            throw MissingColumn(column, paramName);
        }

        DataViewType type = found.Value.Type;
        LabelKind? kind = type switch
        {
            KeyDataViewType key when key.RawType == typeof(uint) => LabelKind.Key,
            TextDataViewType => LabelKind.Text,
            BooleanDataViewType => LabelKind.Boolean,
            NumberDataViewType n when IsInteger(n.RawType) => LabelKind.Integer,
            _ => null,
        };
        // An integer number type has a kind: a number type here is floating.
        return kind ?? throw WrongType(column, $"{type}", type is NumberDataViewType, paramName);
    }

    /// <summary>The kind of a label column in a <see cref="SchemaShape"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The column is missing or has another type.</exception>
    internal static LabelKind Classify(SchemaShape shape, string column, string paramName)
    {
        SchemaShape.Column? found = null;
        foreach (SchemaShape.Column c in shape)
        {
            if (c.Name == column)
            {
                found = c;
            }
        }

        if (found is not SchemaShape.Column col)
        {
            throw MissingColumn(column, paramName);
        }

        string described = (col.Kind == SchemaShape.Column.VectorKind.Scalar ? string.Empty : col.Kind + " of ")
            + (col.IsKey ? "Key<" + col.ItemType + ">" : col.ItemType.ToString());
        if (col.Kind != SchemaShape.Column.VectorKind.Scalar)
        {
            throw WrongType(column, described, floating: false, paramName);
        }

        Type raw = col.ItemType.RawType;
        if (col.IsKey)
        {
            return raw == typeof(uint) ? LabelKind.Key : throw WrongType(column, described, floating: false, paramName);
        }

        if (col.ItemType is TextDataViewType)
        {
            return LabelKind.Text;
        }

        if (col.ItemType is BooleanDataViewType)
        {
            return LabelKind.Boolean;
        }

        if (col.ItemType is NumberDataViewType && IsInteger(raw))
        {
            return LabelKind.Integer;
        }

        throw WrongType(column, described, raw == typeof(float) || raw == typeof(double), paramName);
    }

    internal static bool IsInteger(Type raw) =>
        raw == typeof(sbyte) || raw == typeof(byte) || raw == typeof(short) || raw == typeof(ushort)
        || raw == typeof(int) || raw == typeof(uint) || raw == typeof(long) || raw == typeof(ulong);

    /// <summary>The raw (CLR) type of the label values the weight table is keyed by: <see cref="uint"/> for keys,
    /// <see cref="string"/> for text.</summary>
    internal static Type TableType(LabelKind kind, Type columnRawType) => kind switch
    {
        LabelKind.Key => typeof(uint),
        LabelKind.Text => typeof(string),
        LabelKind.Boolean => typeof(bool),
        _ => columnRawType,
    };

    private static ArgumentOutOfRangeException MissingColumn(string column, string paramName) =>
        new ArgumentOutOfRangeException(paramName,
            "Label column '" + column + "' not found in the input schema; ClassBalancedWeights needs it to look up each "
            + "row's class weight. Pass the name of the label column (labelColumnName), or, to score rows that have no "
            + "label, fit the label steps (MapValueToKey, ClassBalancedWeights) on the training data apart from the "
            + "model and score with the model alone (see \"Train, evaluate, predict\" in docs/mlnet.md).");

    private static ArgumentOutOfRangeException WrongType(string column, string actual, bool floating, string paramName) =>
        new ArgumentOutOfRangeException(paramName,
            "Label column '" + column + "' has type " + actual + "; ClassBalancedWeights expects " + Accepted + "."
            + (floating ? FloatHint : string.Empty));
}
