using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace CbGen.ML;

/// <summary>Turns a <see cref="WeightSource"/> and the training labels into the fitted table of
/// <see cref="ClassWeight"/>s, with the checks that need the label column's type or its data.</summary>
internal static class WeightTable
{
    /// <summary>Checks that the given table fits the label column (no data needed).</summary>
    /// <remarks>Key labels are matched to the given table by the label value of each key, in Fit
    /// (<see cref="KeyTable"/>).</remarks>
    /// <exception cref="InvalidOperationException">The table cannot describe this column's labels.</exception>
    internal static void CheckCompatible(WeightSource source, string column, LabelKind kind, Type raw)
    {
        if (source.FromData)
        {
            return;
        }

        string what = source.Counts is null ? "weights" : "counts";
        if (source.ByIndex)
        {
            if (kind is LabelKind.Text or LabelKind.Boolean)
            {
                throw new InvalidOperationException(
                    "Label column '" + column + "' holds " + LabelTypes.TableType(kind, raw).Name + " values, but the " + what
                    + " are a list indexed by "
                    + "class index, which fits key or integer labels only. Pass a dictionary from each label value to its "
                    + what.TrimEnd('s') + " instead, or map the labels to keys (MapValueToKey) first.");
            }

            if (kind == LabelKind.Integer)
            {
                ulong max = MaxValue(raw);
                if ((ulong)(source.ClassCount - 1) > max)
                {
                    throw new InvalidOperationException(string.Format(CultureInfo.InvariantCulture,
                        "Label column '{0}' is {1}, which cannot hold the class indices 0..{2} of the {3} given {4}.",
                        column, raw.Name, source.ClassCount - 1, source.ClassCount, what));
                }
            }

            return;
        }

        if (kind == LabelKind.Key)
        {
            // Matched to the keys' label values (their KeyValues) in Fit.
            return;
        }

        Type expected = LabelTypes.TableType(kind, raw);
        if (source.LabelType != expected)
        {
            throw new InvalidOperationException(
                "Label column '" + column + "' holds " + expected.Name + " values, but the " + what + " are keyed by "
                + source.LabelType!.Name + ". Key the dictionary by " + expected.Name + " (the label column's type).");
        }
    }

    /// <summary>Builds the table in class order.</summary>
    /// <remarks><paramref name="seen"/>: rows per label value in the training data (from <see cref="LabelCounter"/>).</remarks>
    /// <exception cref="InvalidOperationException">A training label is not in the given table, or a class has no rows.</exception>
    /// <remarks><paramref name="keyValues"/>: the label value of each key (key labels with a KeyValues
    /// annotation), else <c>null</c>; <paramref name="keyValuesType"/> names an annotation type no label is.</remarks>
    internal static ClassWeight[] Build(
        WeightSource source, string column, LabelKind kind, Type raw, ulong keyCount, object[]? keyValues, string? keyValuesType,
        IReadOnlyDictionary<object, long> seen, double beta, WeightNormalization normalization, ZeroCountPolicy zeroCounts)
    {
        if (kind == LabelKind.Key && !source.FromData)
        {
            return KeyTable.Build(source, column, keyValues, keyValuesType, seen, beta, normalization, zeroCounts);
        }

        object[] labels;
        long[]? counts;
        if (source.FromData)
        {
            // Stryker disable once Checked : a key type of more than int.MaxValue values cannot be built in a test
            labels = kind == LabelKind.Key
                ? Enumerable.Range(1, checked((int)keyCount)).Select(k => (object)(uint)k).ToArray()
                : seen.Keys.OrderBy(k => k, LabelOrder.Instance).ToArray();
            counts = labels.Select(l => seen.TryGetValue(l, out long n) ? n : 0L).ToArray();
        }
        else
        {
            labels = source.ByIndex
                ? Enumerable.Range(0, source.ClassCount).Select(i => IndexLabel(kind, raw, i)).ToArray()
                : source.Labels!;
            counts = source.Counts;
            CheckCovered(column, labels, seen, source.Counts is null ? "weights" : "counts");
        }

        bool isKey = kind == LabelKind.Key;
        object? KeyValue(int c) => isKey && keyValues is not null ? keyValues[c] : null;
        string Describe(int c) => isKey ? KeyLabels.Describe((uint)labels[c], KeyValue(c)) : "label " + ClassWeight.LabelText(labels[c]);
        double[] weights = counts is null
            ? source.Weights!
            : Weigh(column, counts, Describe, beta, normalization, zeroCounts, source.FromData);

        var table = new ClassWeight[labels.Length];
        for (int c = 0; c < labels.Length; c++)
        {
            table[c] = new ClassWeight(labels[c], counts?[c], weights[c], KeyValue(c), isKey);
        }

        return table;
    }

    /// <summary>The class-balanced weights of <paramref name="counts"/>, after the checks that name the class
    /// (<paramref name="describe"/>: e.g. <c>label 'cat' (key 2)</c>) of a bad count.</summary>
    internal static double[] Weigh(
        string column, long[] counts, Func<int, string> describe, double beta, WeightNormalization normalization,
        ZeroCountPolicy zeroCounts, bool fromData)
    {
        for (int c = 0; c < counts.Length; c++)
        {
            if (counts[c] < 0)
            {
                throw new ArgumentException(string.Format(CultureInfo.InvariantCulture,
                    "The count of {0} is {1}; counts are numbers of training samples and must be ≥ 0.",
                    describe(c), counts[c]));
            }

            if (counts[c] == 0 && zeroCounts == ZeroCountPolicy.Throw)
            {
                string name = describe(c);
                throw new InvalidOperationException(
                    char.ToUpperInvariant(name[0]) + name.Substring(1) + " of column '" + column + "' has "
                    + (fromData ? "no rows in the training data" : "count 0")
                    + ". Give every class at least one sample, or pass zeroCounts: ZeroCountPolicy.ZeroWeight to give "
                    + "empty classes weight 0.");
            }
        }

        return ClassBalancedWeights.Compute(counts, beta, normalization, zeroCounts);
    }

    private static object IndexLabel(LabelKind kind, Type raw, int index) =>
        kind == LabelKind.Key
            ? (uint)(index + 1)
            : Convert.ChangeType(index, raw, CultureInfo.InvariantCulture);

    private static void CheckCovered(string column, object[] labels, IReadOnlyDictionary<object, long> seen, string what)
    {
        var known = new HashSet<object>(labels);
        object[] unseen = seen.Keys.Where(k => !known.Contains(k)).OrderBy(k => k, LabelOrder.Instance).ToArray();
        if (unseen.Length == 0)
        {
            return;
        }

        string Show(object l) => ClassWeight.LabelText(l) + " (" + seen[l].ToString(CultureInfo.InvariantCulture) + " rows)";
        throw new InvalidOperationException(
            "Label column '" + column + "' holds " + (unseen.Length == 1 ? "the value " : "values ")
            + string.Join(", ", unseen.Take(5).Select(Show)) + (unseen.Length > 5 ? ", …" : string.Empty)
            + " that the given " + what + " have no entry for (they cover " + string.Join(", ", labels.Take(10).Select(ClassWeight.LabelText))
            + (labels.Length > 10 ? ", …" : string.Empty) + "). Add " + (unseen.Length == 1 ? "it" : "them")
            + " to the " + what + ", or remove those rows from the training data.");
    }

    /// <summary>The largest value of an integer type narrower than int; int and wider hold every class index (the
    /// class count is an int).</summary>
    private static ulong MaxValue(Type raw) =>
        raw == typeof(sbyte) ? (ulong)sbyte.MaxValue
        : raw == typeof(byte) ? byte.MaxValue
        : raw == typeof(short) ? (ulong)short.MaxValue
        : raw == typeof(ushort) ? ushort.MaxValue
        : (ulong)int.MaxValue;

    /// <summary>Numbers ascending (false before true), strings in ordinal order.</summary>
    internal sealed class LabelOrder : IComparer<object>
    {
        internal static readonly LabelOrder Instance = new LabelOrder();

        public int Compare(object? x, object? y) => (x, y) switch
        {
            (string a, string b) => string.CompareOrdinal(a, b),
            (IComparable a, _) => a.CompareTo(y),
            _ => 0,
        };
    }
}
