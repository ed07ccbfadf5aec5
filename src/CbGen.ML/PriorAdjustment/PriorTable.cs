using System;
using System.Globalization;
using System.Linq;

namespace CbGen.ML;

/// <summary>The log-priors of a prior adjustment, per entry of its source (class index or label value), and their
/// matching to the keys of a scored data set's predicted-label column.</summary>
internal sealed class PriorTable
{
    private PriorTable(WeightSource source, double[] logPriors)
    {
        Source = source;
        LogPriors = logPriors;
    }

    internal WeightSource Source { get; }

    /// <summary>log π per entry of <see cref="Source"/>.</summary>
    internal double[] LogPriors { get; }

    /// <summary>log π_c from counts with <see cref="ClassPriors.LogPriors"/>, the runtime's one rule (zero counts
    /// refused: a class of prior 0 has log-prior −∞, no usable shift).</summary>
    internal static PriorTable FromCounts(WeightSource source, string paramName)
    {
        try
        {
            return new PriorTable(source, ClassPriors.LogPriors(source.Counts!));
        }
        catch (ArgumentException e)
        {
            throw new ArgumentException(e.Message + " Give an empty class a pseudo-count (e.g. 1).", paramName, e);
        }
    }

    internal static PriorTable FromLogPriors(WeightSource source) => new PriorTable(source, source.Weights!);

    /// <summary>log π of the class of each key k + 1 (index k), matched by the key values.</summary>
    /// <exception cref="InvalidOperationException">No key values, or a key without an entry.</exception>
    internal double[] ForKeys(string column, object[]? keyValues, string? keyValuesType)
    {
        string what = Source.Counts is null ? "log-priors" : "counts";
        int?[] classOf = KeyTable.ClassOfKeys(Source, column, what, keyValues, keyValuesType);
        int[] missing = Enumerable.Range(0, classOf.Length).Where(k => classOf[k] is null).ToArray();
        if (missing.Length > 0)
        {
            throw new InvalidOperationException(
                "Column '" + column + "' has " + string.Join(", ", missing.Take(5).Select(k => KeyLabels.Describe((uint)(k + 1), keyValues[k])))
                + (missing.Length > 5 ? ", …" : string.Empty) + ", which the given " + what + " have no entry for; "
                + "every class the model scores needs a prior. Give the " + what + " of every training class (the "
                + "training counts, " + classOf.Length.ToString(CultureInfo.InvariantCulture) + " classes here).");
        }

        return classOf.Select(c => LogPriors[c!.Value]).ToArray();
    }
}
