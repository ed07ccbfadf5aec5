using System;
using CbGen.Evaluation;
using CbGen.TorchSharp;
using static TorchSharp.torch;

namespace CbGen.TorchSharp.Tests;

public sealed class TensorMetricsTests
{
    private static readonly long[] Counts = { 500, 50, 5 };

    [Fact]
    public void Logits_and_indices_give_the_report_of_the_plain_arrays()
    {
        // argmax of each row: 0, 0, 1, 2, 0 against labels 0, 1, 1, 2, 2.
        using var logits = tensor(new float[] { 3, 1, 0, 2, 1, 0, 0, 5, 1, 0, 0, 9, 4, 1, 2 }, new long[] { 5, 3 });
        using var labels = tensor(new long[] { 0, 1, 1, 2, 2 });
        using var indices = tensor(new int[] { 0, 0, 1, 2, 0 });
        LongTailReport expected = LongTailMetrics.Compute(new[] { 0, 0, 1, 2, 0 }, new[] { 0, 1, 1, 2, 2 }, Counts);

        foreach (LongTailReport r in new[] { TensorMetrics.Compute(logits, labels, Counts), TensorMetrics.Compute(indices, labels, Counts) })
        {
            Assert.Equal(expected.Accuracy, r.Accuracy);
            Assert.Equal(expected.BalancedError, r.BalancedError);
            Assert.Equal(expected.PerClassAccuracy, r.PerClassAccuracy);
            Assert.Equal(0.6, r.Accuracy, 15);
        }
    }

    [Fact]
    public void Wrong_shapes_and_dtypes_are_named()
    {
        using var logits = zeros(4, 3);
        using var labels = zeros(4, dtype: int64);
        Assert.Contains("1-D integer", Assert.Throws<ArgumentException>(() => TensorMetrics.Compute(logits, zeros(4), Counts)).Message);
        Assert.Contains("4 columns but there are 3", Assert.Throws<ArgumentException>(() => TensorMetrics.Compute(zeros(4, 4), labels, Counts)).Message);
        Assert.Contains("logits [B, C] or integer class indices [B]", Assert.Throws<ArgumentException>(() => TensorMetrics.Compute(zeros(4), labels, Counts)).Message);
        Assert.Contains("predictions but 4", Assert.Throws<ArgumentException>(() => TensorMetrics.Compute(zeros(3, 3), labels, Counts)).Message);
    }
}
