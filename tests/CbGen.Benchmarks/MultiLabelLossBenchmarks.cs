using System;
using System.Linq;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using CbGen.TorchSharp;
using TorchSharp;
using static TorchSharp.torch;

namespace CbGen.Benchmarks;

/// <summary>
/// Forward + backward of the distribution-balanced and asymmetric losses on float32 CPU logits with multi-hot targets
/// (about 3 positives per row), each against the fused, unweighted <c>binary_cross_entropy_with_logits</c>, so the
/// ratio column reads against the target: DB ≤ 1.5×. The DB row includes its multi-hot check (one read per call).
/// The class-balanced sigmoid and focal losses take the same multi-hot targets (category MultiHot), so their target
/// check is timed too.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory, BenchmarkLogicalGroupRule.ByParams)]
[CategoriesColumn]
public class MultiLabelLossBenchmarks
{
    private Tensor logits = null!;
    private Tensor targets = null!;
    private DistributionBalancedLoss db = null!;
    private AsymmetricLoss asl = null!;
    private ClassBalancedSigmoidLoss sigmoid = null!;
    private ClassBalancedFocalLoss focal = null!;

    /// <summary>Batch × classes: ImageNet-like, iNaturalist-2018-like.</summary>
    [Params("128x1000", "64x8142")]
    public string Shape { get; set; } = "128x1000";

    [GlobalSetup]
    public void Setup()
    {
        torch.set_num_threads(Math.Max(1, Environment.ProcessorCount));
        (logits, targets, db) = Data(Shape);
        asl = new AsymmetricLoss((int)logits.shape[1]);
        long[] counts = Counts((int)logits.shape[1]);
        sigmoid = ClassBalancedSigmoidLoss.FromCounts(counts, 0.9999, device: CbDevice.Cpu);
        focal = ClassBalancedFocalLoss.FromCounts(counts, 0.9999, gamma: 2.0, device: CbDevice.Cpu);
    }

    /// <summary>For a shape "BxC": seeded logits [B, C] (requiring grad), multi-hot targets with about 3 positives
    /// per row, and a DB loss over counts falling from 5,000 to 50 out of N = 20,000 (what every DB benchmark
    /// uses).</summary>
    internal static (Tensor Logits, Tensor Targets, DistributionBalancedLoss Loss) Data(string shape)
    {
        string[] parts = shape.Split('x');
        int batch = int.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture);
        int classes = int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture);
        torch.manual_seed(0);
        long[] counts = Counts(classes);
        var z = randn(batch, classes).requires_grad_(true);
        Tensor t;
        using (no_grad())
        {
            t = rand(batch, classes).lt(3.0 / classes).to(ScalarType.Float32);
        }

        return (z, t, new DistributionBalancedLoss(counts, 20_000, device: CbDevice.Cpu));
    }

    /// <summary>Positives per class falling from 5,000 to 50.</summary>
    private static long[] Counts(int classes) =>
        Enumerable.Range(0, classes)
            .Select(i => Math.Max(1L, (long)Math.Floor(5000 * Math.Pow(0.01, i / (double)(classes - 1)))))
            .ToArray();

    [GlobalCleanup]
    public void Cleanup()
    {
        db.Dispose();
        asl.Dispose();
        sigmoid.Dispose();
        focal.Dispose();
        logits.Dispose();
        targets.Dispose();
    }

    private void Step(Func<Tensor> loss)
    {
        using var scope = NewDisposeScope();
        loss().backward();
        logits.grad!.zero_();
    }

    [Benchmark(Baseline = true, Description = "binary_cross_entropy_with_logits"), BenchmarkCategory("DistributionBalanced")]
    public void BceForDb() => Step(() => nn.functional.binary_cross_entropy_with_logits(logits, targets));

    [Benchmark(Description = "CbGen distribution-balanced"), BenchmarkCategory("DistributionBalanced")]
    public void DistributionBalanced() => Step(() => db.forward(logits, targets));

    [Benchmark(Baseline = true, Description = "binary_cross_entropy_with_logits"), BenchmarkCategory("Asymmetric")]
    public void BceForAsl() => Step(() => nn.functional.binary_cross_entropy_with_logits(logits, targets));

    [Benchmark(Description = "CbGen asymmetric (γ− = 4, m = 0.05)"), BenchmarkCategory("Asymmetric")]
    public void Asymmetric() => Step(() => asl.forward(logits, targets));

    [Benchmark(Baseline = true, Description = "binary_cross_entropy_with_logits"), BenchmarkCategory("MultiHot")]
    public void BceForMultiHot() => Step(() => nn.functional.binary_cross_entropy_with_logits(logits, targets));

    [Benchmark(Description = "CbGen sigmoid (multi-hot)"), BenchmarkCategory("MultiHot")]
    public void SigmoidMultiHot() => Step(() => sigmoid.forward(logits, targets));

    [Benchmark(Description = "CbGen focal γ=2 (multi-hot)"), BenchmarkCategory("MultiHot")]
    public void FocalMultiHot() => Step(() => focal.forward(logits, targets));
}
