using CbGen.TorchSharp;
using TorchSharp;
using static TorchSharp.torch;
using R = CbGen.TorchSharp.Tests.RuntimeReference;

namespace CbGen.TorchSharp.Tests;

/// <summary>
/// A module caches its weights cast to the logits' dtype and pre-divided by the Mean's normaliser (issue 16, gaps
/// 1 and 2). One module is reused here the way a training loop reuses it: a smaller last batch, a different number
/// of ignored labels, and logits of another dtype; every value must match a fresh float64 loop reference, so a
/// cache keyed too loosely (on nothing but "was it made") fails.
/// </summary>
public class WeightCacheTests
{
    private static readonly double[] Alpha = { 0.4, 1.7, 0.9, 2.6 };

    public static TheoryData<CbLoss, MeanNormalizer> ReusedMeans => new()
    {
        { CbLoss.Softmax, MeanNormalizer.PositiveLabels },
        { CbLoss.Softmax, MeanNormalizer.AllTerms },
        { CbLoss.Sigmoid, MeanNormalizer.PositiveLabels },
        { CbLoss.Sigmoid, MeanNormalizer.AllTerms },
        { CbLoss.Focal, MeanNormalizer.PositiveLabels },
        { CbLoss.Focal, MeanNormalizer.AllTerms },
        { CbLoss.Sigmoid, MeanNormalizer.WeightSum },
        { CbLoss.Focal, MeanNormalizer.WeightSum },
    };

    [Theory]
    [MemberData(nameof(ReusedMeans))]
    public void A_reused_module_divides_by_each_batch_size_not_the_first(CbLoss variant, MeanNormalizer n)
    {
        using var loss = R.Module(variant, Alpha, n);
        int seed = 11;
        foreach (int b in new[] { 8, 3, 3, 8, 5 })
        {
            using var scope = NewDisposeScope();
            var z = TestData.Logits(seed++, b, Alpha.Length);
            var y = TestData.Labels(seed, b, Alpha.Length);
            var value = loss.forward(TestData.ToTensor(z, ScalarType.Float64), TestData.ToTensor(y));
            R.Close(R.Mean(variant, z, y, Alpha, n), value, ScalarType.Float64, $"{variant}/{n} B={b}");
        }
    }

    [Fact]
    public void A_reused_softmax_module_divides_by_each_batchs_kept_labels()
    {
        // Same B = 6, but 6, 4 and 5 kept labels: the divisor changes without the batch size changing.
        using var loss = new ClassBalancedSoftmaxLoss(Alpha, normalizer: MeanNormalizer.PositiveLabels, device: CbDevice.Cpu);
        var z = TestData.Logits(3, 6, Alpha.Length);
        foreach (var y in new[]
        {
            new long[] { 0, 1, 2, 3, 1, 0 },
            new long[] { 0, -100, 2, -100, 1, 0 },
            new long[] { 0, 1, 2, 3, 1, -100 },
            new long[] { 3, 1, 2, 3, 1, 0 },
        })
        {
            using var scope = NewDisposeScope();
            var value = loss.forward(TestData.ToTensor(z, ScalarType.Float64), TestData.ToTensor(y));
            R.Close(R.Mean(CbLoss.Softmax, z, y, Alpha, MeanNormalizer.PositiveLabels), value, ScalarType.Float64,
                string.Join(",", y));
        }
    }

    [Theory]
    [InlineData(CbLoss.Softmax, MeanNormalizer.PositiveLabels)]
    [InlineData(CbLoss.Softmax, MeanNormalizer.WeightSum)]
    [InlineData(CbLoss.Sigmoid, MeanNormalizer.PositiveLabels)]
    [InlineData(CbLoss.Sigmoid, MeanNormalizer.WeightSum)]
    [InlineData(CbLoss.Focal, MeanNormalizer.PositiveLabels)]
    [InlineData(CbLoss.Focal, MeanNormalizer.AllTerms)]
    public void A_reused_module_follows_the_logits_dtype(CbLoss variant, MeanNormalizer n)
    {
        using var loss = R.Module(variant, Alpha, n);
        var z = TestData.Logits(5, 6, Alpha.Length);
        var y = TestData.Labels(5, 6, Alpha.Length);
        foreach (var dtype in new[]
        {
            ScalarType.Float32, ScalarType.BFloat16, ScalarType.Float64, ScalarType.Float32, ScalarType.Float64,
            ScalarType.BFloat16,
        })
        {
            using var scope = NewDisposeScope();
            var value = loss.forward(TestData.ToTensor(z, dtype), TestData.ToTensor(y));
            Assert.Equal(dtype, value.dtype);
            R.Close(R.Mean(variant, R.RoundedTo(z, dtype), y, Alpha, n), value, dtype, $"{variant}/{n} {dtype}");
        }
    }

    [Theory]
    [InlineData(CbLoss.Sigmoid)]
    [InlineData(CbLoss.Focal)]
    public void Above_the_identity_limit_the_ones_column_follows_the_batch_size_and_dtype(CbLoss variant)
    {
        // C > 1024 builds one-hot rows by scattering a cached ones column [B, 1]; it must follow B and the dtype.
        var alpha = TestData.Weights(9, 1030);
        using var loss = R.Module(variant, alpha, MeanNormalizer.WeightSum);
        int seed = 20;
        foreach (var (b, dtype) in new[]
        {
            (2, ScalarType.Float64), (5, ScalarType.Float64), (5, ScalarType.Float32), (2, ScalarType.Float32),
            (5, ScalarType.Float64),
        })
        {
            using var scope = NewDisposeScope();
            var z = TestData.Logits(seed++, b, alpha.Length);
            var y = TestData.Labels(seed, b, alpha.Length);
            var value = loss.forward(TestData.ToTensor(z, dtype), TestData.ToTensor(y));
            R.Close(R.Mean(variant, R.RoundedTo(z, dtype), y, alpha, MeanNormalizer.WeightSum), value, dtype,
                $"{variant} B={b} {dtype}");
        }
    }
}
