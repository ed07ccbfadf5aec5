using System;
using System.Globalization;

namespace CbGen.Evaluation;

/// <summary>The usual long-tail split of the classes by their number of training samples.</summary>
public enum ShotGroup
{
    /// <summary>Classes with more than <see cref="ShotThresholds.ManyAbove"/> training samples.</summary>
    Many = 0,

    /// <summary>The classes in between.</summary>
    Medium = 1,

    /// <summary>Classes with fewer than <see cref="ShotThresholds.FewBelow"/> training samples.</summary>
    Few = 2,
}

/// <summary>
/// Where many-shot ends and few-shot begins: a class with more than <see cref="ManyAbove"/> training samples is
/// many-shot, one with fewer than <see cref="FewBelow"/> is few-shot, the rest are medium-shot.
/// <see cref="Literature"/> is the convention of the long-tail papers (ImageNet-LT, iNaturalist: &gt; 100 and
/// &lt; 20); data sets with larger classes, such as Fashion-MNIST-LT, scale both up (e.g. 1000 and 200).
/// </summary>
public readonly struct ShotThresholds : IEquatable<ShotThresholds>
{
    /// <summary>Creates thresholds; <paramref name="fewBelow"/> must not exceed <paramref name="manyAbove"/> + 1.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A threshold is negative, or few-shot would overlap many-shot.</exception>
    public ShotThresholds(long manyAbove, long fewBelow)
    {
        if (manyAbove < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(manyAbove), manyAbove, "The many-shot threshold must be 0 or more.");
        }

        if (fewBelow < 0 || fewBelow > manyAbove + 1)
        {
            throw new ArgumentOutOfRangeException(nameof(fewBelow), fewBelow,
                "The few-shot threshold must be between 0 and the many-shot threshold + 1 ("
                + (manyAbove + 1).ToString(CultureInfo.InvariantCulture) + "), so that no class is both many- and few-shot.");
        }

        ManyAbove = manyAbove;
        FewBelow = fewBelow;
    }

    /// <summary>The long-tail papers' thresholds: many-shot &gt; 100, few-shot &lt; 20 training samples.</summary>
    public static ShotThresholds Literature => new(100, 20);

    /// <summary>A class with more training samples than this is many-shot.</summary>
    public long ManyAbove { get; }

    /// <summary>A class with fewer training samples than this is few-shot.</summary>
    public long FewBelow { get; }

    /// <summary>The group of a class with <paramref name="trainingCount"/> training samples.</summary>
    public ShotGroup Classify(long trainingCount) =>
        trainingCount > ManyAbove ? ShotGroup.Many : trainingCount < FewBelow ? ShotGroup.Few : ShotGroup.Medium;

    /// <summary>The mean of the non-null <paramref name="perClass"/> values of the classes in
    /// <paramref name="group"/> by <paramref name="trainingCounts"/>; <c>null</c> when there are none. The one home
    /// of the shot-group means of <see cref="LongTailReport"/> and <see cref="MultiLabelReport"/>.</summary>
    internal double? GroupMean(double?[] perClass, long[] trainingCounts, ShotGroup group)
    {
        double sum = 0;
        int n = 0;
        for (int k = 0; k < perClass.Length; k++)
        {
            if (perClass[k] is double value && Classify(trainingCounts[k]) == group)
            {
                sum += value;
                n++;
            }
        }

        return n == 0 ? null : sum / n;
    }

    /// <inheritdoc />
    public bool Equals(ShotThresholds other) => ManyAbove == other.ManyAbove && FewBelow == other.FewBelow;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is ShotThresholds other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => (ManyAbove.GetHashCode() * 397) ^ FewBelow.GetHashCode();

    /// <summary>Equality of both thresholds.</summary>
    public static bool operator ==(ShotThresholds left, ShotThresholds right) => left.Equals(right);

    /// <summary>Inequality of either threshold.</summary>
    public static bool operator !=(ShotThresholds left, ShotThresholds right) => !left.Equals(right);

    /// <inheritdoc />
    public override string ToString() => string.Format(CultureInfo.InvariantCulture,
        "many > {0}, few < {1} training samples", ManyAbove, FewBelow);
}
