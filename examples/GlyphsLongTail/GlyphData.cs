using System;
using System.Collections.Generic;
using System.Linq;
using FashionMnistLongTail.Training;
using LongTailData;
using LongTailData.Glyphs;
using LongTailData.Splits;

namespace GlyphsLongTail;

/// <summary>
/// The glyph data set as tensors: the builder's training, validation and balanced test splits
/// (<see cref="GlyphDataset.Build"/>, docs/datasets.md), optionally cut to the first classes for quick runs.
/// Disposing it disposes the tensors.
/// </summary>
public sealed class GlyphData : IDisposable
{
    private GlyphData(LongTailDataset<GlyphSample> dataset, int classes)
    {
        Dataset = dataset;
        ClassCount = classes;
        ClassNames = dataset.ClassNames.Take(classes).ToArray();
        Keys = GlyphLabels.Keys(dataset).Take(classes).ToArray();
        TrainCounts = dataset.Split.TrainCounts.Take(classes).ToArray();
        ValidationCounts = dataset.Split.ValidationCounts.Take(classes).ToArray();
        Train = Tensors(dataset.Split.TrainIndices);
        Validation = Tensors(dataset.Split.ValidationIndices);
        Test = Tensors(dataset.Split.TestIndices);
    }

    /// <summary>The whole data set as built (all classes).</summary>
    public LongTailDataset<GlyphSample> Dataset { get; }

    /// <summary>The classes used: all, or the first <c>--classes</c>.</summary>
    public int ClassCount { get; }

    /// <summary>The class names (<c>85 ⽔</c>), by class index.</summary>
    public IReadOnlyList<string> ClassNames { get; }

    /// <summary>The counts file's names (<c>R085</c>), by class index.</summary>
    public IReadOnlyList<string> Keys { get; }

    /// <summary>Training glyphs per class: the counts the losses take.</summary>
    public long[] TrainCounts { get; }

    /// <summary>Validation glyphs per class.</summary>
    public long[] ValidationCounts { get; }

    /// <summary>The training split.</summary>
    public TensorData Train { get; }

    /// <summary>The stratified validation split (for <c>--search</c>, and where the τ-normalisation row chooses τ).</summary>
    public TensorData Validation { get; }

    /// <summary>The balanced test split.</summary>
    public TensorData Test { get; }

    /// <summary>Largest over smallest training count.</summary>
    public double Imbalance => (double)TrainCounts.Max() / TrainCounts.Min();

    /// <summary>Builds the data set from the Debian files (or the given ones) with the builder's split (its defaults
    /// unless <paramref name="split"/> is given) and keeps the first <paramref name="classes"/>.</summary>
    /// <exception cref="LongTailData.Files.DataFileException">A file is missing or damaged; the message names it and the fix.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="classes"/> is below 2 or above the data set's.</exception>
    public static GlyphData Load(string? unifont = null, string? unihan = null, int? classes = null, SplitOptions? split = null)
    {
        var dataset = GlyphDataset.Build(unifont, unihan, split);
        int count = classes ?? dataset.ClassNames.Count;
        if (count < 2 || count > dataset.ClassNames.Count)
        {
            throw new ArgumentOutOfRangeException(nameof(classes), count,
                $"--classes must be between 2 and {dataset.ClassNames.Count} (the data set's classes).");
        }

        return new GlyphData(dataset, count);
    }

    private TensorData Tensors(IReadOnlyList<int> indices)
    {
        int[] kept = indices.Where(i => Dataset.Labels[i] < ClassCount).ToArray();
        float[] pixels = GlyphDataset.ToFloats(Dataset.Samples, kept);
        byte[] labels = kept.Select(i => checked((byte)Dataset.Labels[i])).ToArray();
        return TensorData.FromRows(pixels, GlyphDataset.Side * GlyphDataset.Side, labels);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Train.Dispose();
        Validation.Dispose();
        Test.Dispose();
    }
}
