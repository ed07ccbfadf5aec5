using System;
using System.Collections.Generic;
using FashionMnistLongTail.Data;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace FashionMnistLongTail.MlNet;

/// <summary>One image: 784 standardised pixels and its class 0..9.</summary>
public sealed class ImageRow
{
    /// <summary>The pixels, <c>(p/255 - 0.2860) / 0.3530</c> as in the TorchSharp demo.</summary>
    [VectorType(FashionMnistFiles.Side * FashionMnistFiles.Side)]
    public float[] Features { get; set; } = Array.Empty<float>();

    /// <summary>The class index 0..9 (a key 1..10 after <see cref="PixelData.Keyed"/>).</summary>
    public uint Label { get; set; }
}

/// <summary>Fashion-MNIST images as ML.NET data views.</summary>
public static class PixelData
{
    /// <summary>Mean of Fashion-MNIST pixels scaled to [0, 1] (the TorchSharp demo's constant).</summary>
    public const double PixelMean = 0.2860;

    /// <summary>Standard deviation of Fashion-MNIST pixels scaled to [0, 1].</summary>
    public const double PixelStd = 0.3530;

    /// <summary>The rows of <paramref name="indices"/> (all when <c>null</c>).</summary>
    public static List<ImageRow> Rows(IdxImages images, IdxLabels labels, int[]? indices = null)
    {
        ArgumentNullException.ThrowIfNull(images);
        ArgumentNullException.ThrowIfNull(labels);
        int n = indices?.Length ?? images.Count;
        int d = images.PixelsPerImage;
        float scale = (float)(1.0 / (255.0 * PixelStd));
        float shift = (float)(PixelMean / PixelStd);
        var rows = new List<ImageRow>(n);
        for (int i = 0; i < n; i++)
        {
            int src = indices is null ? i : indices[i];
            ReadOnlySpan<byte> pixels = images.Pixels.AsSpan(src * d, d);
            var x = new float[d];
            for (int j = 0; j < d; j++)
            {
                x[j] = (pixels[j] * scale) - shift;
            }

            rows.Add(new ImageRow { Features = x, Label = labels.Labels[src] });
        }

        return rows;
    }

    /// <summary>The label as a key type of the ten classes, key c + 1 for class c (by value, not first-seen order).</summary>
    public static IDataView Keyed(MLContext ml, IEnumerable<ImageRow> rows)
    {
        ArgumentNullException.ThrowIfNull(ml);
        IDataView data = ml.Data.LoadFromEnumerable(rows);
        var classes = new ImageRow[FashionMnistFiles.ClassCount];
        for (int c = 0; c < classes.Length; c++)
        {
            classes[c] = new ImageRow { Features = new float[FashionMnistFiles.Side * FashionMnistFiles.Side], Label = (uint)c };
        }

        IDataView keyData = ml.Transforms.SelectColumns("Label").Fit(ml.Data.LoadFromEnumerable(classes))
            .Transform(ml.Data.LoadFromEnumerable(classes));
        return ml.Transforms.Conversion.MapValueToKey("Label", keyData: keyData).Fit(data).Transform(data);
    }
}
