using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace CbGen.ML;

/// <summary>Where the estimator's table comes from: the training data, or counts or weights given per class index
/// or per label value. Checks at construction what it can without a schema.</summary>
internal sealed class WeightSource
{
    private WeightSource(bool fromData, bool byIndex, long[]? counts, double[]? weights, object[]? labels, Type? labelType)
    {
        FromData = fromData;
        ByIndex = byIndex;
        Counts = counts;
        Weights = weights;
        Labels = labels;
        LabelType = labelType;
    }

    /// <summary>Count the labels of the training data in <c>Fit</c>.</summary>
    internal bool FromData { get; }

    /// <summary>The counts or weights are indexed by class index (integer label <c>i</c>, or the key whose label
    /// value is <c>i</c>: see <see cref="KeyTable"/>).</summary>
    internal bool ByIndex { get; }

    internal long[]? Counts { get; }

    internal double[]? Weights { get; }

    /// <summary>The label values, aligned with <see cref="Counts"/> or <see cref="Weights"/> (label mode only).</summary>
    internal object[]? Labels { get; }

    /// <summary>The CLR type of <see cref="Labels"/>.</summary>
    internal Type? LabelType { get; }

    internal int ClassCount => Counts?.Length ?? Weights?.Length ?? 0;

    // Stryker disable once Boolean : a source counted from the data never reads ByIndex
    internal static WeightSource Data() => new WeightSource(true, false, null, null, null, null);

    internal static WeightSource IndexCounts(IReadOnlyList<long> counts, string paramName)
    {
        long[] copy = NonEmpty(counts, paramName).ToArray();
        return new WeightSource(false, true, copy, null, null, null);
    }

    internal static WeightSource IndexWeights(IReadOnlyList<double> weights, string paramName)
    {
        double[] copy = NonEmpty(weights, paramName).ToArray();
        CheckWeights(copy, i => "class " + i.ToString(CultureInfo.InvariantCulture), paramName);
        return new WeightSource(false, true, null, copy, null, null);
    }

    /// <summary>Log-priors log π_c per class index (e.g. a generated <c>…Weights.LogPriors</c> table), each finite
    /// and ≤ 0; held in <see cref="Weights"/>, which only the prior adjustment reads this way.</summary>
    internal static WeightSource IndexLogPriors(ReadOnlySpan<double> logPriors, string paramName)
    {
        if (logPriors.IsEmpty)
        {
            throw new ArgumentException("The log-priors are empty; give one log π_c per class.", paramName);
        }

        double[] copy = logPriors.ToArray();
        for (int i = 0; i < copy.Length; i++)
        {
            if (!double.IsFinite(copy[i]) || copy[i] > 0)
            {
                throw new ArgumentException(
                    "The log-prior of class " + i.ToString(CultureInfo.InvariantCulture) + " is "
                    + copy[i].ToString("R", CultureInfo.InvariantCulture) + "; log-priors are log π_c of priors in (0, 1], "
                    + "so finite and ≤ 0. Pass ClassPriors.LogPriors(counts) or a generated …Weights.LogPriors table.",
                    paramName);
            }
        }

        return new WeightSource(false, true, null, copy, null, null);
    }

    internal static WeightSource LabelCounts<TLabel>(IReadOnlyDictionary<TLabel, long> counts, string paramName)
        where TLabel : notnull
    {
        var pairs = NonEmpty(counts, paramName).ToArray();
        CheckLabelType(typeof(TLabel), paramName);
        return new WeightSource(false, false, pairs.Select(p => p.Value).ToArray(), null,
            pairs.Select(p => (object)p.Key).ToArray(), typeof(TLabel));
    }

    internal static WeightSource LabelWeights<TLabel>(IReadOnlyDictionary<TLabel, double> weights, string paramName)
        where TLabel : notnull
    {
        var pairs = NonEmpty(weights, paramName).ToArray();
        CheckLabelType(typeof(TLabel), paramName);
        object[] labels = pairs.Select(p => (object)p.Key).ToArray();
        double[] values = pairs.Select(p => p.Value).ToArray();
        CheckWeights(values, i => "label " + ClassWeight.LabelText(labels[i]), paramName);
        return new WeightSource(false, false, null, values, labels, typeof(TLabel));
    }

    private static IReadOnlyList<T> NonEmpty<T>(IReadOnlyList<T>? items, string paramName)
    {
        if (items is null)
        {
            throw new ArgumentNullException(paramName);
        }

        if (items.Count == 0)
        {
            throw new ArgumentException("The table is empty; give one entry per class.", paramName);
        }

        return items;
    }

    private static IReadOnlyDictionary<TLabel, TValue> NonEmpty<TLabel, TValue>(
        IReadOnlyDictionary<TLabel, TValue>? items, string paramName)
    {
        if (items is null)
        {
            throw new ArgumentNullException(paramName);
        }

        if (items.Count == 0)
        {
            throw new ArgumentException("The table is empty; give one entry per class.", paramName);
        }

        return items;
    }

    private static void CheckLabelType(Type type, string paramName)
    {
        if (type != typeof(string) && type != typeof(bool) && !LabelTypes.IsInteger(type))
        {
            throw new ArgumentException(
                "Labels of type " + type.Name + " are not supported: key the table by string, bool or an integer type "
                + "(the label column's type), or, for key labels, pass a list indexed by class index.", paramName);
        }
    }

    private static void CheckWeights(double[] weights, Func<int, string> name, string paramName)
    {
        for (int i = 0; i < weights.Length; i++)
        {
            if (double.IsNaN(weights[i]) || double.IsInfinity(weights[i]) || weights[i] < 0)
            {
                throw new ArgumentException(
                    "The weight of " + name(i) + " is " + weights[i].ToString("R", CultureInfo.InvariantCulture)
                    + "; class weights must be finite and ≥ 0.", paramName);
            }
        }
    }
}
