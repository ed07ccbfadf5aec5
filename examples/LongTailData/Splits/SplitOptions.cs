using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace LongTailData.Splits;

/// <summary>
/// How a long-tailed data set is cut: classes with fewer than <see cref="MinPerClass"/> samples are dropped,
/// <see cref="TestPerClass"/> samples of every kept class form a balanced test set, and
/// <see cref="ValidationFraction"/> of what remains of each class is held out for validation. The defaults
/// (20, 10, 0.1, seed 25) are the one home of these numbers for both data sets.
/// </summary>
/// <param name="MinPerClass">The least samples a class needs to be kept (default 20).</param>
/// <param name="TestPerClass">Samples per class in the balanced test set (default 10).</param>
/// <param name="ValidationFraction">The share of each class's remaining samples held out for validation, in (0, 1) (default 0.1).</param>
/// <param name="Seed">Decides which samples are held out (test with this seed, validation with seed + 1).</param>
public sealed record SplitOptions(int MinPerClass = 20, int TestPerClass = 10, double ValidationFraction = 0.1, ulong Seed = 25)
{
    /// <summary>The defaults.</summary>
    public static SplitOptions Default { get; } = new();

    /// <summary>
    /// The classes of <paramref name="sizes"/> (class key → samples) that have at least <see cref="MinPerClass"/>
    /// samples, in ascending key order: the one home of the drop rule both data sets use.
    /// </summary>
    /// <param name="sizes">Samples per class key (a radical, a lexicographer file number).</param>
    /// <param name="classWord">What a class is, for the message ("radical").</param>
    /// <param name="sampleWord">What a sample is, in the plural ("glyphs").</param>
    /// <exception cref="ArgumentOutOfRangeException">No class reaches the minimum; the message gives the largest size.</exception>
    public int[] KeptClasses(IReadOnlyDictionary<int, int> sizes, string classWord, string sampleWord)
    {
        ArgumentNullException.ThrowIfNull(sizes);
        int[] kept = sizes.Where(p => p.Value >= MinPerClass).Select(p => p.Key).Order().ToArray();
        if (kept.Length == 0)
        {
            throw new ArgumentOutOfRangeException("options", MinPerClass, string.Format(CultureInfo.InvariantCulture,
                "No {0} has {1} {2} or more; the largest has {3}. Lower MinPerClass (and TestPerClass with it).",
                classWord, MinPerClass, sampleWord, sizes.Count == 0 ? 0 : sizes.Values.Max()));
        }

        return kept;
    }

    /// <summary>Checks the options against each other.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A value is out of range, or <see cref="MinPerClass"/> leaves a
    /// kept class too few samples for its test, validation and training shares.</exception>
    public void Validate()
    {
        if (TestPerClass < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(TestPerClass), TestPerClass,
                "Hold out at least 1 test sample per class.");
        }

        if (!(ValidationFraction > 0 && ValidationFraction < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(ValidationFraction), ValidationFraction,
                "The validation fraction must be strictly between 0 and 1 (e.g. 0.1).");
        }

        if (MinPerClass < LeastMinPerClass(TestPerClass))
        {
            throw new ArgumentOutOfRangeException(nameof(MinPerClass), MinPerClass, string.Format(CultureInfo.InvariantCulture,
                "A kept class needs its {0} test samples plus at least 1 validation and 1 training sample: set "
                + "MinPerClass to {1} or more, or lower TestPerClass.", TestPerClass, LeastMinPerClass(TestPerClass)));
        }
    }

    /// <summary>The least <see cref="MinPerClass"/> that <paramref name="testPerClass"/> allows: a kept class needs its
    /// test samples plus at least 1 validation and 1 training sample.</summary>
    public static int LeastMinPerClass(int testPerClass) => testPerClass + 2;
}
