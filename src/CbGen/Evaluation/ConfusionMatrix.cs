using System;
using System.Globalization;

namespace CbGen.Evaluation;

/// <summary>A C × C confusion matrix: <c>this[actual, predicted]</c> counts the samples of class
/// <c>actual</c> that were predicted as <c>predicted</c>.</summary>
public sealed class ConfusionMatrix
{
    private readonly long[] _cells;

    /// <summary>Creates an empty matrix for <paramref name="classCount"/> classes.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="classCount"/> is less than 1 or too large.</exception>
    public ConfusionMatrix(int classCount)
    {
        if (classCount < 1 || classCount > 46_340)
        {
            throw new ArgumentOutOfRangeException(nameof(classCount), classCount,
                "A confusion matrix needs between 1 and 46,340 classes (C × C cells must fit one array).");
        }

        ClassCount = classCount;
        _cells = new long[classCount * classCount];
    }

    /// <summary>The number of classes C.</summary>
    public int ClassCount { get; }

    /// <summary>The number of samples counted.</summary>
    public long Total { get; private set; }

    /// <summary>How many samples of class <paramref name="actual"/> were predicted as <paramref name="predicted"/>.</summary>
    public long this[int actual, int predicted] => _cells[Index(actual, nameof(actual)) * ClassCount + Index(predicted, nameof(predicted))];

    /// <summary>Counts <paramref name="predicted"/> against <paramref name="actual"/>, sample by sample.</summary>
    /// <exception cref="ArgumentException">The spans differ in length, or a label is outside [0, C).</exception>
    public static ConfusionMatrix From(ReadOnlySpan<int> predicted, ReadOnlySpan<int> actual, int classCount)
    {
        if (predicted.Length != actual.Length)
        {
            throw new ArgumentException(
                "There are " + F(predicted.Length) + " predictions but " + F(actual.Length)
                + " true labels; pass one prediction per labelled sample.", nameof(predicted));
        }

        var matrix = new ConfusionMatrix(classCount);
        for (int i = 0; i < actual.Length; i++)
        {
            matrix.Add(actual[i], predicted[i], i);
        }

        return matrix;
    }

    /// <summary>The number of samples whose true class is <paramref name="actual"/> (the row sum).</summary>
    public long ActualCount(int actual)
    {
        int row = Index(actual, nameof(actual)) * ClassCount;
        long sum = 0;
        for (int p = 0; p < ClassCount; p++)
        {
            sum += _cells[row + p];
        }

        return sum;
    }

    /// <summary>The number of samples predicted as <paramref name="predicted"/> (the column sum).</summary>
    public long PredictedCount(int predicted)
    {
        int column = Index(predicted, nameof(predicted));
        long sum = 0;
        for (int a = 0; a < ClassCount; a++)
        {
            sum += _cells[a * ClassCount + column];
        }

        return sum;
    }

    private void Add(int actual, int predicted, int sample)
    {
        if ((uint)actual >= (uint)ClassCount || (uint)predicted >= (uint)ClassCount)
        {
            throw new ArgumentException(
                "Sample " + F(sample) + " has true label " + F(actual) + " and prediction " + F(predicted)
                + "; both must be class indices in [0, " + F(ClassCount) + ").", nameof(actual));
        }

        _cells[actual * ClassCount + predicted]++;
        Total++;
    }

    private int Index(int c, string name)
    {
        if ((uint)c >= (uint)ClassCount)
        {
            throw new ArgumentOutOfRangeException(name, c, "A class index must be in [0, " + F(ClassCount) + ").");
        }

        return c;
    }

    private static string F(long value) => EffectiveNumber.Format(value);
}
