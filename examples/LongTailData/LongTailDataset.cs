using System;
using System.Collections.Generic;
using LongTailData.Splits;

namespace LongTailData;

/// <summary>Samples that a building rule left out, and why.</summary>
/// <param name="Reason">The rule, e.g. "code point outside the BMP (unifont.hex draws only U+0000–U+FFFF)".</param>
/// <param name="Samples">How many samples it dropped.</param>
/// <param name="Classes">How many whole classes it dropped (0 when it drops samples, not classes).</param>
public sealed record Dropped(string Reason, int Samples, int Classes = 0);

/// <summary>
/// A labelled, long-tailed data set built from a package's files: the samples, their class indices, the class
/// names, what the rule dropped, and a seeded test/validation/training split.
/// </summary>
/// <typeparam name="TSample">A glyph (<see cref="Glyphs.GlyphSample"/>) or a gloss (<see cref="WordNet.GlossSample"/>).</typeparam>
public sealed class LongTailDataset<TSample>
{
    /// <summary>Creates the data set and splits it.</summary>
    /// <exception cref="ArgumentException">The lists disagree in length, or a label is outside the class names.</exception>
    public LongTailDataset(string name, IReadOnlyList<TSample> samples, IReadOnlyList<int> labels,
        IReadOnlyList<string> classNames, IReadOnlyList<Dropped> dropped, SplitOptions options)
    {
        ArgumentNullException.ThrowIfNull(samples);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(classNames);
        if (samples.Count != labels.Count)
        {
            throw new ArgumentException("There must be one label per sample.", nameof(labels));
        }

        var counts = new long[classNames.Count];
        foreach (int label in labels)
        {
            if ((uint)label >= (uint)classNames.Count)
            {
                throw new ArgumentException("Label " + label + " has no class name.", nameof(labels));
            }

            counts[label]++;
        }

        Name = name;
        Samples = samples;
        Labels = labels;
        ClassNames = classNames;
        ClassCounts = counts;
        Dropped = dropped;
        Options = options;
        Split = LabelSplit.Create(labels, classNames.Count, options);
    }

    /// <summary>The data set's name, e.g. <c>glyphs</c>.</summary>
    public string Name { get; }

    /// <summary>Every kept sample, in the order of the source files.</summary>
    public IReadOnlyList<TSample> Samples { get; }

    /// <summary>Each sample's class index, in [0, <see cref="ClassNames"/>.Count).</summary>
    public IReadOnlyList<int> Labels { get; }

    /// <summary>The class names, by class index.</summary>
    public IReadOnlyList<string> ClassNames { get; }

    /// <summary>Samples per class, over all splits.</summary>
    public IReadOnlyList<long> ClassCounts { get; }

    /// <summary>What the building rule left out.</summary>
    public IReadOnlyList<Dropped> Dropped { get; }

    /// <summary>The options the data set was built and split with.</summary>
    public SplitOptions Options { get; }

    /// <summary>The seeded split; its <see cref="LabelSplit.TrainCounts"/> are the training counts per class.</summary>
    public LabelSplit Split { get; }
}
