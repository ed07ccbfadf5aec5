using System;
using System.Collections.Generic;
using System.Globalization;

namespace CbGen.Evaluation;

/// <summary>
/// Splits a long-tailed training set into training and validation samples class by class, so every class keeps
/// its share, and returns sample indices (works with any data source).
/// </summary>
/// <remarks>
/// The rule, per class c with n_c samples: the validation set gets v_c = max(minValidation, ⌊fraction · n_c⌋)
/// samples, and the class must keep at least minTrain training samples, i.e. n_c ≥ v_c + minTrain (otherwise the
/// split is refused with the class named). So a class never gives more than the fraction, except that every
/// class gives at least minValidation (1 by default): a rare class of 5 with fraction 0.1 gives 1. Which samples
/// go is decided by a seeded shuffle inside each class: the same labels, fraction and seed give the same split
/// on every machine and runtime. Feed <see cref="StratifiedSplitResult.TrainCounts"/>, not the full counts, to the
/// class-balanced weights: validation samples are not training samples.
/// </remarks>
public static class StratifiedSplit
{
    /// <summary>Splits the samples whose labels are <paramref name="labels"/> (class indices in [0, classCount)).</summary>
    /// <param name="labels">The class of each sample; the returned indices point into this span.</param>
    /// <param name="classCount">The number of classes C.</param>
    /// <param name="validationFraction">The share of each class to hold out, in (0, 1).</param>
    /// <param name="seed">Decides which samples are held out.</param>
    /// <param name="minValidation">The least each class gives to validation (default 1; 0 allowed).</param>
    /// <param name="minTrain">The least each class keeps for training (default 1).</param>
    /// <exception cref="ArgumentOutOfRangeException">The fraction is not in (0, 1), C &lt; 1 or a minimum is negative.</exception>
    /// <exception cref="ArgumentException">A label is outside [0, C), or a class is too small for the minimums.</exception>
    public static StratifiedSplitResult Create(
        ReadOnlySpan<int> labels, int classCount, double validationFraction, ulong seed, int minValidation = 1, int minTrain = 1)
    {
        Check(classCount, validationFraction, minValidation, minTrain);
        var members = new List<int>[classCount];
        for (int c = 0; c < classCount; c++)
        {
            members[c] = new List<int>();
        }

        for (int i = 0; i < labels.Length; i++)
        {
            if ((uint)labels[i] >= (uint)classCount)
            {
                throw new ArgumentException(
                    "Sample " + F(i) + " has label " + F(labels[i]) + "; labels must be class indices in [0, " + F(classCount) + ").",
                    nameof(labels));
            }

            members[labels[i]].Add(i);
        }

        var train = new List<int>(labels.Length);
        var validation = new List<int>();
        var trainCounts = new long[classCount];
        var validationCounts = new long[classCount];
        var random = new SplitMix64(seed);
        for (int c = 0; c < classCount; c++)
        {
            List<int> m = members[c];
            int take = Math.Max(minValidation, (int)Math.Floor(validationFraction * m.Count));
            if (m.Count < take + minTrain)
            {
                throw new ArgumentException(string.Format(CultureInfo.InvariantCulture,
                    "Class {0} has {1} sample(s), too few to hold out {2} for validation and keep {3} for training. Lower "
                    + "minValidation/minTrain, merge or drop the class, or gather more samples.",
                    c, m.Count, take, minTrain), nameof(labels));
            }

            // Partial Fisher–Yates: the first `take` positions become a uniform random subset.
            for (int k = 0; k < take; k++)
            {
                int j = k + (int)random.NextBelow((ulong)(m.Count - k));
                (m[k], m[j]) = (m[j], m[k]);
            }

            for (int k = 0; k < m.Count; k++)
            {
                (k < take ? validation : train).Add(m[k]);
            }

            validationCounts[c] = take;
            trainCounts[c] = m.Count - take;
        }

        train.Sort();
        validation.Sort();
        return new StratifiedSplitResult(train.ToArray(), validation.ToArray(), trainCounts, validationCounts);
    }

    /// <summary>As <see cref="Create(ReadOnlySpan{int}, int, double, ulong, int, int)"/> for 64-bit labels.</summary>
    public static StratifiedSplitResult Create(
        ReadOnlySpan<long> labels, int classCount, double validationFraction, ulong seed, int minValidation = 1, int minTrain = 1)
    {
        var narrow = new int[labels.Length];
        for (int i = 0; i < labels.Length; i++)
        {
            if (labels[i] < 0 || labels[i] > int.MaxValue)
            {
                throw new ArgumentException(
                    "Sample " + F(i) + " has label " + F(labels[i]) + "; labels must be class indices in [0, " + F(classCount) + ").",
                    nameof(labels));
            }

            narrow[i] = (int)labels[i];
        }

        return Create(narrow, classCount, validationFraction, seed, minValidation, minTrain);
    }

    private static void Check(int classCount, double validationFraction, int minValidation, int minTrain)
    {
        if (classCount < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(classCount), classCount, "There must be at least one class.");
        }

        if (!(validationFraction > 0 && validationFraction < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(validationFraction), validationFraction,
                "The validation fraction must be strictly between 0 and 1 (e.g. 0.1 holds out a tenth of each class).");
        }

        if (minValidation < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(minValidation), minValidation, "The minimum validation samples per class must be 0 or more.");
        }

        if (minTrain < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(minTrain), minTrain, "The minimum training samples per class must be 0 or more.");
        }
    }

    private static string F(long value) => EffectiveNumber.Format(value);

    /// <summary>SplitMix64 (Steele, Lea, Flood 2014): tiny, fast, and the same sequence everywhere.</summary>
    private struct SplitMix64
    {
        private ulong _state;

        public SplitMix64(ulong seed) => _state = seed;

        public ulong NextBelow(ulong bound)
        {
            // Rejection sampling: no modulo bias.
            ulong limit = ulong.MaxValue - (ulong.MaxValue % bound);
            ulong x;
            do
            {
                x = Next();
            }
            while (x >= limit);
            return x % bound;
        }

        private ulong Next()
        {
            ulong z = _state += 0x9E3779B97F4A7C15UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
    }
}

/// <summary>The indices of a <see cref="StratifiedSplit"/>, in ascending order, and the counts per class.</summary>
public sealed class StratifiedSplitResult
{
    internal StratifiedSplitResult(int[] train, int[] validation, long[] trainCounts, long[] validationCounts)
    {
        TrainIndices = train;
        ValidationIndices = validation;
        TrainCounts = trainCounts;
        ValidationCounts = validationCounts;
    }

    /// <summary>The samples that stay for training.</summary>
    public IReadOnlyList<int> TrainIndices { get; }

    /// <summary>The held-out samples.</summary>
    public IReadOnlyList<int> ValidationIndices { get; }

    /// <summary>Training samples per class after the split: the counts the class-balanced weights need.</summary>
    public IReadOnlyList<long> TrainCounts { get; }

    /// <summary>Validation samples per class.</summary>
    public IReadOnlyList<long> ValidationCounts { get; }
}
