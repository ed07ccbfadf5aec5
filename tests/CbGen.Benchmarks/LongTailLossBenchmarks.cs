using System;
using System.Linq;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using CbGen.TorchSharp;
using TorchSharp;
using static TorchSharp.torch;

namespace CbGen.Benchmarks;

/// <summary>
/// Forward + backward of the logit-adjusted, VS and LDAM losses on float32 CPU logits, each category against unweighted
/// <c>cross_entropy</c> so the ratio column reads against the targets: logit-adjusted ≤ 1.10×, VS ≤ 1.2×, LDAM ≤ 1.3×. The LDAM
/// category also times <c>cross_entropy(30·z)</c>, the cost of the scale alone, which no LDAM can go below, and both
/// again on cosine-like logits in [−1, 1] (tanh of the same draws), what the official LDAM code's normalised last
/// layer feeds the loss: with N(0, 1) logits, 30·z reaches ±120 and the softmax's exponentials fall into float32
/// subnormals, whose arithmetic is several times slower on x86, so there the scale alone costs more than 1.3×. The VS
/// category likewise times <c>cross_entropy(Δ·z)</c>, one product forward and one backward: the least any VS can cost.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory, BenchmarkLogicalGroupRule.ByParams)]
[CategoriesColumn]
public class LongTailLossBenchmarks
{
    private Tensor logits = null!;
    private Tensor cosineLogits = null!;
    private Tensor labels = null!;
    private LogitAdjustedLoss logitAdjusted = null!;
    private LdamLoss ldam = null!;
    private LdamLoss ldamWeighted = null!;
    private VectorScalingLoss vectorScaling = null!;
    private Tensor vsScales = null!;

    /// <summary>Batch × classes: CIFAR-10-like, ImageNet-like, iNaturalist-2018-like.</summary>
    [Params("256x10", "128x1000", "64x8142")]
    public string Shape { get; set; } = "256x10";

    [GlobalSetup]
    public void Setup()
    {
        torch.set_num_threads(Math.Max(1, Environment.ProcessorCount));
        string[] parts = Shape.Split('x');
        int batch = int.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture);
        int classes = int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture);
        torch.manual_seed(0);
        long[] counts = Enumerable.Range(0, classes)
            .Select(i => Math.Max(1L, (long)Math.Floor(5000 * Math.Pow(0.01, i / (double)(classes - 1)))))
            .ToArray();
        logits = randn(batch, classes).requires_grad_(true);
        using (no_grad())
        {
            cosineLogits = logits.tanh().requires_grad_(true);
        }

        labels = randint(0, classes, new long[] { batch }, dtype: ScalarType.Int64);
        logitAdjusted = new LogitAdjustedLoss(counts, device: CbDevice.Cpu);
        ldam = new LdamLoss(counts, device: CbDevice.Cpu);
        ldamWeighted = new LdamLoss(counts, weight: ClassBalancedWeights.Compute(counts, 0.9999), device: CbDevice.Cpu);
        vectorScaling = new VectorScalingLoss(counts, device: CbDevice.Cpu);
        vsScales = vectorScaling.Scales.to(ScalarType.Float32, copy: true);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        logitAdjusted.Dispose();
        ldam.Dispose();
        ldamWeighted.Dispose();
        vectorScaling.Dispose();
        vsScales.Dispose();
        logits.Dispose();
        cosineLogits.Dispose();
        labels.Dispose();
    }

    private void Step(Func<Tensor> loss) => Step(logits, loss);

    private static void Step(Tensor input, Func<Tensor> loss)
    {
        using var scope = NewDisposeScope();
        loss().backward();
        input.grad!.zero_();
    }

    [Benchmark(Baseline = true, Description = "cross_entropy (unweighted)"), BenchmarkCategory("LogitAdjusted")]
    public void CrossEntropyForLogitAdjusted() => Step(() => nn.functional.cross_entropy(logits, labels));

    [Benchmark(Description = "CbGen logit-adjusted τ=1"), BenchmarkCategory("LogitAdjusted")]
    public void LogitAdjusted() => Step(() => logitAdjusted.forward(logits, labels));

    [Benchmark(Baseline = true, Description = "cross_entropy (unweighted)"), BenchmarkCategory("VectorScaling")]
    public void CrossEntropyForVectorScaling() => Step(() => nn.functional.cross_entropy(logits, labels));

    [Benchmark(Description = "CbGen VS γ=0.3 τ=1"), BenchmarkCategory("VectorScaling")]
    public void VectorScaling() => Step(() => vectorScaling.forward(logits, labels));

    /// <summary>The floor of any VS: cross-entropy of the scaled logits Δ·z, one [B, C] product and its backward (VS adds
    /// the offsets in the same fused op, and its backward one [C] op, Δ·1).</summary>
    [Benchmark(Description = "cross_entropy(Δ·z)"), BenchmarkCategory("VectorScaling")]
    public void CrossEntropyVsScaled() => Step(() => nn.functional.cross_entropy(logits.mul(vsScales), labels));

    [Benchmark(Baseline = true, Description = "cross_entropy (unweighted)"), BenchmarkCategory("Ldam")]
    public void CrossEntropyForLdam() => Step(() => nn.functional.cross_entropy(logits, labels));

    /// <summary>The floor of any LDAM: cross-entropy of the scaled logits s·z (one extra [B, C] op and its backward).</summary>
    [Benchmark(Description = "cross_entropy(30·z)"), BenchmarkCategory("Ldam")]
    public void CrossEntropyScaled() => Step(() => nn.functional.cross_entropy(logits.mul(30.0), labels));

    [Benchmark(Description = "CbGen LDAM"), BenchmarkCategory("Ldam")]
    public void Ldam() => Step(() => ldam.forward(logits, labels));

    [Benchmark(Description = "CbGen LDAM, DRW weights"), BenchmarkCategory("Ldam")]
    public void LdamWeighted() => Step(() => ldamWeighted.forward(logits, labels));

    [Benchmark(Description = "cross_entropy(30·z), |z| ≤ 1"), BenchmarkCategory("Ldam")]
    public void CrossEntropyScaledCosine() => Step(cosineLogits, () => nn.functional.cross_entropy(cosineLogits.mul(30.0), labels));

    [Benchmark(Description = "CbGen LDAM, |z| ≤ 1"), BenchmarkCategory("Ldam")]
    public void LdamCosine() => Step(cosineLogits, () => ldam.forward(cosineLogits, labels));
}
