using System;
using CbGen.TorchSharp;
using CsCheck;
using TorchSharp;
using static TorchSharp.torch;
using Reduction = TorchSharp.torch.nn.Reduction;

namespace CbGen.TorchSharp.Tests;

/// <summary>Random shapes, logits, labels, weights and options against the loop references (float64).</summary>
public class PropertyTests
{
    private static readonly Gen<(int seed, int b, int c, double gamma, int normalizer, bool soft)> Cases =
        Gen.Select(Gen.Int[0, 1_000_000], Gen.Int[1, 9], Gen.Int[1, 7], Gen.Double[0.0, 3.0], Gen.Int[0, 2], Gen.Bool);

    [Fact]
    public void Focal_and_sigmoid_losses_match_the_references_on_random_inputs()
    {
        Cases.Sample(x =>
        {
            var (seed, b, c, gamma, normalizerIndex, soft) = x;
            var n = (MeanNormalizer)normalizerIndex;
            var z = TestData.Logits(seed, b, c, scale: 8.0);
            var alpha = TestData.Weights(seed, c);
            long[]? y = soft ? null : TestData.Labels(seed, b, c);
            var (t, w) = soft ? (TestData.SoftTargets(seed, b, c), Reference.SoftWeights(b, alpha)) : Reference.IndexTargets(y!, alpha, c);
            double denominator = Reference.SigmoidDenominator(t, alpha, y, n);
            double focal = Reference.Sum(Reference.FocalElements(z, t, w, gamma)) / denominator;
            double sigmoid = Reference.Sum(Reference.SigmoidElements(z, t, w)) / denominator;

            using var scope = NewDisposeScope();
            var input = TestData.ToTensor(z, ScalarType.Float64);
            var target = soft ? TestData.ToTensor(t, ScalarType.Float64) : TestData.ToTensor(y!);
            using var focalLoss = new ClassBalancedFocalLoss(alpha, Reduction.Mean, n, gamma, CbDevice.Cpu);
            using var sigmoidLoss = new ClassBalancedSigmoidLoss(alpha, Reduction.Mean, n, CbDevice.Cpu);
            TestData.Close(focal, TestData.Scalar(focalLoss.forward(input, target)), 1e-9, "focal");
            TestData.Close(sigmoid, TestData.Scalar(sigmoidLoss.forward(input, target)), 1e-9, "sigmoid");
        }, iter: 150);
    }

    [Fact]
    public void The_softmax_loss_matches_the_reference_on_random_inputs()
    {
        Gen.Select(Cases, Gen.Double[0.0, 1.0], Gen.Bool).Sample(x =>
        {
            var ((seed, b, c, _, normalizerIndex, withIgnored), eps, _) = x;
            var n = (MeanNormalizer)normalizerIndex;
            var z = TestData.Logits(seed, b, c, scale: 8.0);
            var alpha = TestData.Weights(seed, c);
            var y = TestData.Labels(seed, b, c);
            if (withIgnored && b > 1)
            {
                y[0] = -100;
            }

            double expected = Reference.SoftmaxMean(z, y, alpha, -100, eps, n);
            using var scope = NewDisposeScope();
            using var loss = new ClassBalancedSoftmaxLoss(alpha, Reduction.Mean, n, -100, eps, CbDevice.Cpu);
            var actual = TestData.Scalar(loss.forward(TestData.ToTensor(z, ScalarType.Float64), TestData.ToTensor(y)));
            TestData.Close(expected, actual, 1e-9, "softmax");
        }, iter: 150);
    }

    [Theory]
    [InlineData(ScalarType.Float16)]
    [InlineData(ScalarType.BFloat16)]
    public void Half_precision_logits_keep_their_dtype_and_give_finite_losses(ScalarType dtype)
    {
        using var scope = NewDisposeScope();
        var alpha = new[] { 0.5, 1.0, 2.0 };
        var labels = tensor(new long[] { 0, 1, 2, 0 });
        var soft = rand(4, 3).to(dtype);
        foreach (var (loss, target) in new (nn.Module<Tensor, Tensor, Tensor>, Tensor)[]
        {
            (new ClassBalancedSoftmaxLoss(alpha, device: CbDevice.Cpu), labels),
            (new ClassBalancedSigmoidLoss(alpha, device: CbDevice.Cpu), soft),
            (new ClassBalancedFocalLoss(alpha, gamma: 0.5, device: CbDevice.Cpu), labels),
        })
        {
            var input = randn(4, 3).to(dtype).requires_grad_(true);
            var value = loss.forward(input, target);
            value.backward();
            Assert.Equal(dtype, value.dtype);
            Assert.True(value.isfinite().item<bool>());
            Assert.True(input.grad!.isfinite().all().item<bool>());
            loss.Dispose();
        }
    }
}
