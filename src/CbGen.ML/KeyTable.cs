using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Linq;

namespace CbGen.ML;

/// <summary>
/// Matches given counts or weights to the keys of a key column by the label value each key stands for (its
/// KeyValues), never by the key's position: <c>MapValueToKey</c> numbers keys in order of first appearance.
/// </summary>
/// <remarks>
/// Per class index: the key whose label value is the whole number i (an integer, a whole float, or integer text
/// such as "7") gets entry i. When the label values are not all whole numbers (names), a table per class index is
/// refused in any key order: nothing says which name is class i. Per label value (a dictionary): the key whose label
/// value equals the dictionary key (compared as text, so 7, 7f and "7" match) gets its entry.
/// </remarks>
internal static class KeyTable
{
    internal static ClassWeight[] Build(
        WeightSource source, string column, object[]? keyValues, string? keyValuesType,
        IReadOnlyDictionary<object, long> seen, double beta, WeightNormalization normalization, ZeroCountPolicy zeroCounts)
    {
        string what = source.Counts is null ? "weights" : "counts";
        int?[] classOf = ClassOfKeys(source, column, what, keyValues, keyValuesType);

        // Keys that hold training rows must have an entry; a key without rows and without a class is left out.
        uint[] uncovered = Enumerable.Range(0, keyValues.Length).Where(k => classOf[k] is null && seen.ContainsKey((uint)(k + 1)))
            .Select(k => (uint)(k + 1)).ToArray();
        if (uncovered.Length > 0)
        {
            string Show(uint key) => KeyLabels.Describe(key, keyValues[key - 1]) + " ("
                + seen[key].ToString(CultureInfo.InvariantCulture) + " rows)";
            throw new InvalidOperationException(
                "Label column '" + column + "' holds " + string.Join(", ", uncovered.Take(5).Select(Show))
                + (uncovered.Length > 5 ? ", …" : string.Empty) + " that the given " + what + " have no entry for ("
                + (source.ByIndex
                    ? "class indices 0.." + (source.ClassCount - 1).ToString(CultureInfo.InvariantCulture)
                      + "; with " + what + " per class index, the key whose label value is i gets entry i"
                    : "they cover " + string.Join(", ", source.Labels!.Take(10).Select(ClassWeight.LabelText))
                      + (source.Labels!.Length > 10 ? ", …" : string.Empty))
                + "). Add " + (uncovered.Length == 1 ? "it" : "them") + " to the " + what
                + ", or remove those rows from the training data.");
        }

        // The name of each class in messages: a key that stands for it, else the class's own label.
        var keyOfClass = new Dictionary<int, uint>();
        for (int k = 0; k < classOf.Length; k++)
        {
            if (classOf[k] is int c)
            {
                keyOfClass[c] = (uint)(k + 1);
            }
        }

        string Describe(int c) => keyOfClass.TryGetValue(c, out uint key)
            ? KeyLabels.Describe(key, keyValues[key - 1])
            : source.ByIndex ? "class index " + c.ToString(CultureInfo.InvariantCulture) : "label " + ClassWeight.LabelText(source.Labels![c]);

        double[] weights = source.Weights ?? WeightTable.Weigh(column, source.Counts!, Describe, beta, normalization, zeroCounts, fromData: false);
        return Enumerable.Range(0, keyValues.Length).Where(k => classOf[k] is not null)
            .Select(k => new ClassWeight((uint)(k + 1), source.Counts?[classOf[k]!.Value], weights[classOf[k]!.Value], keyValues[k], isKey: true))
            .ToArray();
    }

    /// <summary>The class (index into the source's table) of each key k + 1 at index k, or <c>null</c> for a key the
    /// table has no entry for; the one matching rule of the weights, the prior adjustment and the evaluation.</summary>
    /// <exception cref="InvalidOperationException">The keys have no KeyValues, or they cannot be matched (see the
    /// remarks of <see cref="KeyTable"/>).</exception>
    internal static int?[] ClassOfKeys(
        WeightSource source, string column, string what, [NotNull] object[]? keyValues, string? keyValuesType)
    {
        if (keyValues is null)
        {
            throw KeyLabels.Unknown(column, what, keyValuesType);
        }

        return source.ByIndex
            ? ByIndex(column, what, keyValues, source.ClassCount)
            : ByLabel(keyValues, source.Labels!);
    }

    private static int?[] ByIndex(string column, string what, object[] keyValues, int classCount)
    {
        long?[] numbers = keyValues.Select(KeyLabels.AsInteger).ToArray();
        if (numbers.All(n => n is not null))
        {
            var classOf = new int?[keyValues.Length];
            var keyOf = new Dictionary<long, int>();
            for (int k = 0; k < keyValues.Length; k++)
            {
                long n = numbers[k]!.Value;
                if (keyOf.TryGetValue(n, out int other))
                {
                    throw new InvalidOperationException(string.Format(CultureInfo.InvariantCulture,
                        "Label column '{0}': {1} and {2} both stand for class index {3}; give the labels one spelling each.",
                        column, KeyLabels.Describe((uint)(other + 1), keyValues[other]), KeyLabels.Describe((uint)(k + 1), keyValues[k]), n));
                }

                keyOf[n] = k;
                classOf[k] = n >= 0 && n < classCount ? (int)n : null;
            }

            return classOf;
        }

        // Names are never matched to class indices by position, in any key order: a generated table is in its enum's
        // order, which sorted keys (keyOrdinality: ByValue) need not be, so that would put weights on the wrong classes.
        string keys = string.Join(", ", keyValues.Take(5).Select((v, k) => ClassWeight.LabelText(v) + " (key "
            + (k + 1).ToString(CultureInfo.InvariantCulture) + ")")) + (keyValues.Length > 5 ? ", …" : string.Empty);
        throw new InvalidOperationException(string.Format(CultureInfo.InvariantCulture,
            "Label column '{0}' is a key type whose keys stand for {1}: names, not class indices, so which class index "
            + "each key is cannot be known from {2} {3} given per class index (a generated table is in its enum's order, "
            + "which neither first-appearance nor sorted keys need follow). {4}",
            column, keys, classCount, what, ByLabelFix(what)));
    }

    /// <summary>The form by label value that fits <paramref name="what"/>: a dictionary for counts and weights; for
    /// log-priors, which have none, the counts they come from.</summary>
    private static string ByLabelFix(string what) => what switch
    {
        "weights" => "Pass the weights by label value: new Dictionary<string, double> { [\"cat\"] = 0.4, … }, "
            + "or use the generated {Name}WeightsByKey, which matches the keys by name.",
        "log-priors" => "Use PriorAdjustment with the counts by label value (new Dictionary<string, long> { [\"cat\"] = 120, … }), "
            + "which derives the same log-priors.",
        _ => "Pass the " + what + " by label value: new Dictionary<string, long> { [\"cat\"] = 120, … }.",
    };

    private static int?[] ByLabel(object[] keyValues, object[] labels)
    {
        var classOfText = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int c = 0; c < labels.Length; c++)
        {
            classOfText[KeyLabels.Text(labels[c])] = c;
        }

        return keyValues.Select(v => classOfText.TryGetValue(KeyLabels.Text(v), out int c) ? c : (int?)null).ToArray();
    }
}
