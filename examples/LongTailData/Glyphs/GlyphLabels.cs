using System;
using System.Globalization;
using System.IO;
using System.Linq;

namespace LongTailData.Glyphs;

/// <summary>
/// The training split's labels as a one-column CSV, the input of <c>cbgen count</c>: its <c>--csv</c> output is the
/// counts file the glyph benchmark's <c>[ClassBalancedDataset]</c> class reads. Each label is
/// <see cref="Key"/> (<c>R085</c>): zero-padded so that cbgen's ordinal order of names is the class-index order
/// (radical number), and a valid identifier for the generated <c>Label</c> enum.
/// </summary>
public static class GlyphLabels
{
    /// <summary>The header of the label column.</summary>
    public const string Column = "radical";

    /// <summary>A radical's label in the counts file: <c>R</c> and its number in three digits (<c>R001</c>–<c>R214</c>).</summary>
    public static string Key(int radical)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(radical, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(radical, RadicalStroke.KangxiRadicalCount);
        return "R" + radical.ToString("D3", CultureInfo.InvariantCulture);
    }

    /// <summary>Writes the header and one line per training sample (in sample order) to <paramref name="writer"/>.</summary>
    public static void WriteTraining(LongTailDataset<GlyphSample> dataset, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write(Column + "\n");
        foreach (int i in dataset.Split.TrainIndices)
        {
            writer.Write(Key(dataset.Samples[i].Radical.Radical) + "\n");
        }
    }

    /// <summary>The class keys of <paramref name="dataset"/>, by class index.</summary>
    public static string[] Keys(LongTailDataset<GlyphSample> dataset)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        var keys = new string[dataset.ClassNames.Count];
        for (int i = 0; i < dataset.Samples.Count; i++)
        {
            keys[dataset.Labels[i]] = Key(dataset.Samples[i].Radical.Radical);
        }

        return keys.Select(k => k ?? throw new InvalidOperationException("A class has no sample.")).ToArray();
    }
}
