using System;
using System.Collections.Generic;
using System.Linq;
using CbGen.Evaluation;

namespace LongTailData.Splits;

/// <summary>
/// The three parts of a labelled sample list, as indices into it (ascending): a balanced test set (the same number
/// of samples from every class), a stratified validation set and the training set.
/// </summary>
public sealed class LabelSplit
{
    private LabelSplit(int[] train, int[] validation, int[] test, long[] trainCounts, long[] validationCounts, int testPerClass)
    {
        TrainIndices = train;
        ValidationIndices = validation;
        TestIndices = test;
        TrainCounts = trainCounts;
        ValidationCounts = validationCounts;
        TestPerClass = testPerClass;
    }

    /// <summary>The training samples.</summary>
    public IReadOnlyList<int> TrainIndices { get; }

    /// <summary>The validation samples: a share of each class, as <see cref="StratifiedSplit"/> draws it.</summary>
    public IReadOnlyList<int> ValidationIndices { get; }

    /// <summary>The balanced test samples: <see cref="TestPerClass"/> of each class.</summary>
    public IReadOnlyList<int> TestIndices { get; }

    /// <summary>Training samples per class: the counts the class-balanced losses take.</summary>
    public IReadOnlyList<long> TrainCounts { get; }

    /// <summary>Validation samples per class.</summary>
    public IReadOnlyList<long> ValidationCounts { get; }

    /// <summary>Test samples per class.</summary>
    public int TestPerClass { get; }

    /// <summary>
    /// Splits <paramref name="labels"/> (class indices in [0, <paramref name="classCount"/>)). Both draws are
    /// <see cref="StratifiedSplit"/>'s seeded per-class shuffle (SplitMix64, the same on every machine): first
    /// exactly <see cref="SplitOptions.TestPerClass"/> per class for the test set (seed), then
    /// ⌊fraction · n⌋ (at least 1) of each class's remaining samples for validation (seed + 1).
    /// </summary>
    /// <exception cref="ArgumentException">A label is out of range, or a class has fewer than
    /// <see cref="SplitOptions.TestPerClass"/> + 2 samples (the message names the class).</exception>
    public static LabelSplit Create(IReadOnlyList<int> labels, int classCount, SplitOptions options)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        int[] all = labels.ToArray();

        // A fraction too small to take anything, so each class gives exactly its minimum: TestPerClass.
        StratifiedSplitResult test = StratifiedSplit.Create(all, classCount, double.Epsilon, options.Seed,
            minValidation: options.TestPerClass, minTrain: 2);

        int[] rest = test.TrainIndices.ToArray();
        int[] restLabels = rest.Select(i => all[i]).ToArray();
        StratifiedSplitResult validation = StratifiedSplit.Create(restLabels, classCount, options.ValidationFraction,
            unchecked(options.Seed + 1), minValidation: 1, minTrain: 1);

        return new LabelSplit(
            validation.TrainIndices.Select(i => rest[i]).ToArray(),
            validation.ValidationIndices.Select(i => rest[i]).ToArray(),
            test.ValidationIndices.ToArray(),
            validation.TrainCounts.ToArray(),
            validation.ValidationCounts.ToArray(),
            options.TestPerClass);
    }
}
