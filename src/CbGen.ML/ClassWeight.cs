using System;
using System.Globalization;

namespace CbGen.ML;

/// <summary>One row of a fitted weight table: a label value, its training count and its class weight α.</summary>
public sealed class ClassWeight
{
    internal ClassWeight(object label, long? count, double weight, object? keyValue = null, bool isKey = false)
    {
        Label = label;
        Count = count;
        Weight = weight;
        KeyValue = keyValue;
        _isKey = isKey;
    }

    private readonly bool _isKey;

    /// <summary>The label value as the label column holds it: the key (<see cref="uint"/>, 1-based) for key
    /// labels, the integer (of the column's type), the <see cref="string"/> or the <see cref="bool"/>.</summary>
    public object Label { get; }

    /// <summary>For key labels, the label value the key stands for, from the key column's KeyValues annotation
    /// (what <c>MapValueToKey</c> mapped to this key: a <see cref="string"/>, number or <see cref="bool"/>);
    /// <c>null</c> for other labels and for a key column without KeyValues.</summary>
    public object? KeyValue { get; }

    /// <summary>The number of training samples the weight was computed from; <c>null</c> when the weights were
    /// given directly.</summary>
    public long? Count { get; }

    /// <summary>The class weight α (float64, as <see cref="ClassBalancedWeights.Compute(ReadOnlySpan{long}, double, WeightNormalization, ZeroCountPolicy)"/>
    /// returns it). The weight column holds it rounded to <see cref="float"/>.</summary>
    public double Weight { get; }

    /// <inheritdoc />
    public override string ToString() =>
        string.Format(CultureInfo.InvariantCulture, "{0}: count {1}, weight {2:R}",
            !_isKey ? LabelText(Label)
            : "key " + LabelText(Label) + (KeyValue is null ? string.Empty : " (" + LabelText(KeyValue) + ")"),
            Count?.ToString(CultureInfo.InvariantCulture) ?? "-", Weight);

    /// <summary>A label value for messages: strings quoted, numbers in the invariant culture.</summary>
    internal static string LabelText(object label) => label switch
    {
        string s => "'" + s + "'",
        bool b => b ? "true" : "false",
        _ => ((IFormattable)label).ToString(null, CultureInfo.InvariantCulture),   // every other label is an integer
    };
}
