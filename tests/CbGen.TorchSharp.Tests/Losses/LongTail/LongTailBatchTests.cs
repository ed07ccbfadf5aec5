using System;
using System.IO;
using CbGen.TorchSharp;
using TorchSharp;
using static TorchSharp.torch;
using R = CbGen.TorchSharp.Tests.RuntimeReference;
using Reduction = TorchSharp.torch.nn.Reduction;

namespace CbGen.TorchSharp.Tests;

/// <summary>
/// The logit-adjusted and LDAM losses where the module and reference tests do not go (issue 16, applied to the
/// long-tail losses): labels on the reduction path that GPU and non-contiguous labels take, where the number of
/// kept labels must be counted on the device; <c>load</c> from a stream replacing the cached shift; and the
/// per-class tensors of the functional forms.
/// </summary>
public sealed class LongTailBatchTests
{
    private static readonly long[] Counts = { 300, 40, 5 };
    private static readonly long[] OtherCounts = { 300, 300, 300 };

    private static PerClassLoss Make(bool ldam, long[] counts, MeanNormalizer n = MeanNormalizer.WeightSum,
        double[]? alpha = null) => ldam
        ? new LdamLoss(counts, normalizer: n, weight: alpha ?? Array.Empty<double>(), device: CbDevice.Cpu)
        : new LogitAdjustedLoss(counts, normalizer: n, weight: alpha ?? Array.Empty<double>(), device: CbDevice.Cpu);

    public static TheoryData<bool, MeanNormalizer> Variants()
    {
        var data = new TheoryData<bool, MeanNormalizer>();
        foreach (bool ldam in new[] { false, true })
            foreach (var n in new[] { MeanNormalizer.WeightSum, MeanNormalizer.PositiveLabels, MeanNormalizer.AllTerms })
                data.Add(ldam, n);
        return data;
    }

    [Theory]
    [MemberData(nameof(Variants))]
    public void Non_contiguous_labels_with_ignored_ones_give_the_host_paths_mean(bool ldam, MeanNormalizer n)
    {
        // The host path counts the kept labels while checking them; the reduction path must count them on the
        // device. AllTerms divides by B = 5, the others by the 3 kept labels.
        using var scope = NewDisposeScope();
        long[] y = { 0, -100, 2, -100, 1 };
        var z = TestData.ToTensor(TestData.Logits(61, 5, 3), ScalarType.Float64);
        using var loss = Make(ldam, Counts, n);
        double onHost = TestData.Scalar(loss.forward(z, TestData.ToTensor(y)));
        double onDevice = TestData.Scalar(loss.forward(z, R.NonContiguous(y)));
        TestData.Close(onHost, onDevice, 1e-14, "non-contiguous labels");

        double total = TestData.Scalar(CbFunctional.logit_adjusted_cross_entropy(z, TestData.ToTensor(y),
            tensor(ClassPriors.LogPriors(Counts)), reduction: Reduction.Sum));
        if (!ldam)
        {
            TestData.Close(total / (n == MeanNormalizer.AllTerms ? 5 : 3), onDevice, 1e-14, "the divisor");
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Non_contiguous_labels_all_ignored_give_zero_with_zero_gradients(bool ldam)
    {
        using var scope = NewDisposeScope();
        foreach (var n in new[] { MeanNormalizer.WeightSum, MeanNormalizer.AllTerms })
        {
            using var loss = Make(ldam, Counts, n);
            var z = TestData.ToTensor(TestData.Logits(62, 3, 3), ScalarType.Float64, requiresGrad: true);
            var value = loss.forward(z, R.NonContiguous(new long[] { -100, -100, -100 }));
            value.backward();
            Assert.Equal(0.0, TestData.Scalar(value));
            Assert.True(z.grad!.eq(0).all().item<bool>());
        }
    }

    [Theory]
    [InlineData(false, false)]
    [InlineData(false, true)]
    [InlineData(true, false)]
    [InlineData(true, true)]
    public void Load_from_a_stream_replaces_the_cached_shift(bool ldam, bool weighted)
    {
        using var scope = NewDisposeScope();
        double[]? alpha = weighted ? new[] { 0.5, 1.0, 2.0 } : null;
        double[]? otherAlpha = weighted ? new[] { 2.0, 1.0, 0.5 } : null;
        var z = TestData.ToTensor(TestData.Logits(63, 6, 3), ScalarType.Float32);
        var y = TestData.ToTensor(TestData.Labels(63, 6, 3));
        using var loss = Make(ldam, Counts, alpha: alpha);
        using var reference = Make(ldam, OtherCounts, alpha: otherAlpha);
        double before = TestData.Scalar(loss.forward(z, y));             // fills the float32 caches
        double expected = TestData.Scalar(reference.forward(z, y));
        Assert.NotEqual(expected, before, 3);

        var saved = new MemoryStream();
        reference.save(saved);                                           // closes the stream
        using var stream = new MemoryStream(saved.ToArray());
        loss.load(stream);
        TestData.Close(expected, TestData.Scalar(loss.forward(z, y)), 1e-6, "after load");
    }

    [Fact]
    public void Max_margin_is_the_largest_margin_given()
    {
        using var loss = LdamLoss.FromMargins(new[] { 0.1, 0.4, 0.2 }, device: CbDevice.Cpu);
        Assert.Equal(0.4, loss.MaxMargin);
        using var counted = new LdamLoss(Counts, maxMargin: 0.7, device: CbDevice.Cpu);
        Assert.Equal(0.7, counted.MaxMargin, 15);
    }

    [Fact]
    public void Functional_per_class_tensors_must_be_floating_rank_1_and_finite()
    {
        using var scope = NewDisposeScope();
        var logits = zeros(2, 3);
        var labels = tensor(new long[] { 0, 1 });
        var column = Assert.Throws<ArgumentException>(() =>
            CbFunctional.logit_adjusted_cross_entropy(logits, labels, zeros(3, 1)));
        Assert.Equal("log_priors", column.ParamName);
        var integral = Assert.Throws<ArgumentException>(() =>
            CbFunctional.ldam_cross_entropy(logits, labels, zeros(3, ScalarType.Int64)));
        Assert.Equal("margins", integral.ParamName);
        Assert.Contains("Int64", integral.Message);
        foreach (double bad in new[] { double.NaN, double.PositiveInfinity })
        {
            Assert.Equal("log_priors", Assert.Throws<ArgumentException>(() =>
                CbFunctional.adjust_logits(logits, tensor(new[] { -1.0, bad, -2.0 }))).ParamName);
            Assert.Equal("margins", Assert.Throws<ArgumentException>(() =>
                CbFunctional.ldam_cross_entropy(logits, labels, tensor(new[] { 0.1, bad, 0.2 }))).ParamName);
        }

        // Zero margins and negative log-priors are valid.
        Assert.Equal(ScalarType.Float32, CbFunctional.ldam_cross_entropy(logits, labels, zeros(3), scale: 1.0).dtype);
        Assert.Equal(ScalarType.Float32, CbFunctional.adjust_logits(logits, tensor(new[] { -1.0, -2.0, -3.0 })).dtype);
    }
}
