using System;
using System.Linq;
using CbGen.TorchSharp;
using FashionMnistLongTail;
using FashionMnistLongTail.Data;
using static TorchSharp.torch;

namespace CbGen.Examples.Tests;

/// <summary>The compile-time path (types generated from the FashionMnist enum) against the runtime path.</summary>
public sealed class GeneratedLossTests
{
    [Fact]
    public void Start_up_check_passes()
    {
        GeneratedLosses.Verify();
        Assert.True(GeneratedLosses.Matches(LongTail.Counts(100)));
        Assert.False(GeneratedLosses.Matches(LongTail.Counts(50)));
    }

    [Fact]
    public void Generated_weights_equal_an_independent_float64_computation()
    {
        long[] n = LongTail.Counts(100);
        foreach (var (weights, beta) in new[]
                 {
                     (FashionMnistSoftmaxWeights.Weights.ToArray(), 0.9999),
                     (FashionMnistFocalHalfWeights.Weights.ToArray(), 0.999),
                 })
        {
            // α_c ∝ (1 - β) / (1 - β^n_c), normalised to sum to C.
            double[] raw = n.Select(c => (1 - beta) / (1 - Math.Pow(beta, c))).ToArray();
            double scale = n.Length / raw.Sum();
            for (int c = 0; c < n.Length; c++)
            {
                Assert.Equal(raw[c] * scale, weights[c], 1e-9);
            }
        }
    }

    [Theory]
    [InlineData(LossKind.CbSoftmax)]
    [InlineData(LossKind.CbSigmoid)]
    [InlineData(LossKind.CbFocalGamma1)]
    [InlineData(LossKind.CbFocalGammaHalf)]
    public void Generated_loss_equals_the_runtime_loss_on_the_same_batch(LossKind kind)
    {
        var spec = LossCatalog.Get(kind);
        long[] counts = LongTail.Counts(100);
        var generated = LossCatalog.Create(spec, counts);
        Assert.Equal("generated", generated.Source);
        using nn.Module<Tensor, Tensor, Tensor> runtime = spec.Variant switch
        {
            CbLoss.Softmax => ClassBalancedSoftmaxLoss.FromCounts(counts, spec.Beta),
            CbLoss.Sigmoid => ClassBalancedSigmoidLoss.FromCounts(counts, spec.Beta),
            _ => ClassBalancedFocalLoss.FromCounts(counts, spec.Beta, gamma: spec.Gamma),
        };

        using var gen = generated.Module;
        var g = new Generator(42);
        using var logits = randn(16, 10, generator: g);
        using var labels = randint(0, 10, [16], generator: g);
        using var a = gen.call(logits, labels);
        using var b = runtime.call(logits, labels);

        Assert.Equal(b.item<float>(), a.item<float>(), 6);
        Assert.True(a.item<float>() > 0);
    }

    [Fact]
    public void The_vs_row_uses_the_generated_vs_loss_at_the_enums_counts_and_the_runtime_one_elsewhere()
    {
        var spec = LossCatalog.Get(LossKind.VectorScaling);
        Assert.Equal((VectorScalingTables.DefaultGamma, 1.0, "vs"), (spec.VsGamma, spec.Tau, spec.Key));
        Assert.False(spec.IsClassBalanced);
        var g = new Generator(7);
        using var logits = randn(16, 10, generator: g);
        using var labels = randint(0, 10, [16], generator: g);
        foreach (int imbalance in new[] { 100, 10 })
        {
            long[] counts = LongTail.Counts(imbalance);
            var built = LossCatalog.Create(spec, counts);
            using var module = built.Module;
            Assert.Equal(imbalance == 100 ? "generated" : "runtime", built.Source);
            Assert.Equal(Enumerable.Repeat(1.0, 10), built.Weights);
            if (imbalance == 100)
            {
                Assert.IsAssignableFrom<FashionMnistVsLoss>(module);
            }

            using var reference = new VectorScalingLoss(counts, gamma: spec.VsGamma, tau: spec.Tau);
            using var a = module.call(logits, labels);
            using var b = reference.call(logits, labels);
            Assert.Equal(b.item<float>(), a.item<float>(), 6);
            using var ce = nn.functional.cross_entropy(logits, labels);
            Assert.NotEqual(ce.item<float>(), a.item<float>(), 3);   // the scales and offsets do something
        }
    }

    [Fact]
    public void Other_imbalance_factors_use_the_runtime_api()
    {
        var spec = LossCatalog.Get(LossKind.CbSoftmax);
        var loss = LossCatalog.Create(spec, LongTail.Counts(10));
        using var module = loss.Module;

        Assert.Equal("runtime", loss.Source);
        Assert.Equal(CbGen.ClassBalancedWeights.Compute(LongTail.Counts(10), 0.9999), loss.Weights);
    }
}
