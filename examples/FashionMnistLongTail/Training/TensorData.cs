using System;
using FashionMnistLongTail.Data;
using static TorchSharp.torch;

namespace FashionMnistLongTail.Training;

/// <summary>Images as a standardised float32 matrix [N, 784] and labels as int64 [N], ready for training.</summary>
public sealed class TensorData : IDisposable
{
    private TensorData(Tensor features, Tensor labels, byte[] labelBytes)
    {
        Features = features;
        Labels = labels;
        LabelBytes = labelBytes;
    }

    /// <summary>The inputs, [N, 784]: <c>(pixel/255 - 0.2860) / 0.3530</c>.</summary>
    public Tensor Features { get; }

    /// <summary>The labels, int64 [N].</summary>
    public Tensor Labels { get; }

    /// <summary>The labels as bytes (host copy, for per-class statistics).</summary>
    public byte[] LabelBytes { get; }

    /// <summary>The number of examples.</summary>
    public int Count => LabelBytes.Length;

    /// <summary>Builds the tensors of the examples <paramref name="indices"/> (all when <c>null</c>).</summary>
    public static TensorData From(IdxImages images, IdxLabels labels, int[]? indices = null)
    {
        ArgumentNullException.ThrowIfNull(images);
        ArgumentNullException.ThrowIfNull(labels);
        int n = indices?.Length ?? images.Count;
        int d = images.PixelsPerImage;
        var x = new float[(long)n * d];
        var y = new long[n];
        var yb = new byte[n];
        float scale = (float)(1.0 / (255.0 * Protocol.PixelStd));
        float shift = (float)(Protocol.PixelMean / Protocol.PixelStd);
        for (int i = 0; i < n; i++)
        {
            int src = indices is null ? i : indices[i];
            var pixels = images.Pixels.AsSpan(src * d, d);
            var row = x.AsSpan(i * d, d);
            for (int j = 0; j < d; j++)
            {
                row[j] = (pixels[j] * scale) - shift;
            }

            yb[i] = labels.Labels[src];
            y[i] = yb[i];
        }

        return new TensorData(tensor(x, [n, d]), tensor(y, [n]), yb);
    }

    /// <summary>Builds the tensors of prepared inputs: <paramref name="features"/> row-major [N, <paramref name="width"/>]
    /// (used as given) and one label per row.</summary>
    /// <exception cref="ArgumentException">The lengths disagree.</exception>
    public static TensorData FromRows(float[] features, int width, byte[] labels)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        if (features.Length != (long)labels.Length * width)
        {
            throw new ArgumentException($"{features.Length} feature values are not {labels.Length} rows of {width}.", nameof(features));
        }

        long[] y = Array.ConvertAll(labels, b => (long)b);
        return new TensorData(tensor(features, [labels.Length, width]), tensor(y, [labels.Length]), (byte[])labels.Clone());
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Features.Dispose();
        Labels.Dispose();
    }
}
