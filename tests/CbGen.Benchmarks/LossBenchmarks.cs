using System;
using System.Linq;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using CbGen.TorchSharp;
using TorchSharp;
using static TorchSharp.torch;

namespace CbGen.Benchmarks;

/// <summary>
/// Forward + backward of every loss on float32 CPU logits. Each category has its own baseline, so the ratio column
/// reads directly against the targets: CB softmax vs unweighted cross-entropy, CB sigmoid and CB focal vs fused
/// binary cross-entropy with logits.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory, BenchmarkLogicalGroupRule.ByParams)]
[CategoriesColumn]
public class LossBenchmarks
{
    private Tensor logits = null!;
    private Tensor labels = null!;
    private Tensor oneHot = null!;
    private Tensor weightTensor = null!;
    private long[] counts = null!;
    private ClassBalancedSoftmaxLoss softmax = null!;
    private ClassBalancedSigmoidLoss sigmoid = null!;
    private ClassBalancedFocalLoss focal = null!;
    private ClassBalancedSoftmaxLoss softmaxChecked = null!;
    private ClassBalancedFocalLoss focalChecked = null!;

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
        counts = Enumerable.Range(0, classes)
            .Select(i => Math.Max(1L, (long)Math.Floor(5000 * Math.Pow(0.01, i / (double)(classes - 1)))))
            .ToArray();
        logits = randn(batch, classes).requires_grad_(true);
        labels = randint(0, classes, new long[] { batch }, dtype: ScalarType.Int64);
        oneHot = nn.functional.one_hot(labels, classes).to_type(ScalarType.Float32);
        double[] w = ClassBalancedWeights.Compute(counts, 0.9999);
        weightTensor = tensor(w.Select(x => (float)x).ToArray());
        softmax = ClassBalancedSoftmaxLoss.FromCounts(counts, 0.9999, device: CbDevice.Cpu);
        sigmoid = ClassBalancedSigmoidLoss.FromCounts(counts, 0.9999, device: CbDevice.Cpu);
        focal = ClassBalancedFocalLoss.FromCounts(counts, 0.9999, gamma: 1.0, device: CbDevice.Cpu);
        softmaxChecked = ClassBalancedSoftmaxLoss.FromCounts(counts, 0.9999, device: CbDevice.Cpu);
        softmaxChecked.CheckFiniteLogits = true;
        focalChecked = ClassBalancedFocalLoss.FromCounts(counts, 0.9999, gamma: 1.0, device: CbDevice.Cpu);
        focalChecked.CheckFiniteLogits = true;
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        softmax.Dispose();
        sigmoid.Dispose();
        focal.Dispose();
        softmaxChecked.Dispose();
        focalChecked.Dispose();
        logits.Dispose();
        labels.Dispose();
        oneHot.Dispose();
        weightTensor.Dispose();
    }

    private void Step(Func<Tensor> loss)
    {
        using var scope = NewDisposeScope();
        loss().backward();
        logits.grad!.zero_();
    }

    [Benchmark(Baseline = true, Description = "cross_entropy (unweighted)"), BenchmarkCategory("Softmax")]
    public void CrossEntropy() => Step(() => nn.functional.cross_entropy(logits, labels));

    [Benchmark(Description = "cross_entropy (weight tensor)"), BenchmarkCategory("Softmax")]
    public void CrossEntropyWeighted() => Step(() => nn.functional.cross_entropy(logits, labels, weightTensor));

    [Benchmark(Description = "CbGen softmax"), BenchmarkCategory("Softmax")]
    public void CbSoftmax() => Step(() => softmax.forward(logits, labels));

    /// <summary>The opt-in finite check's cost: one min/max reduction over the logits and a host read.</summary>
    [Benchmark(Description = "CbGen softmax + CheckFiniteLogits"), BenchmarkCategory("Softmax")]
    public void CbSoftmaxChecked() => Step(() => softmaxChecked.forward(logits, labels));

    [Benchmark(Baseline = true, Description = "BCE with logits (fused)"), BenchmarkCategory("Sigmoid")]
    public void BceForSigmoid() => Step(() => nn.functional.binary_cross_entropy_with_logits(logits, oneHot));

    [Benchmark(Description = "CbGen sigmoid"), BenchmarkCategory("Sigmoid")]
    public void CbSigmoid() => Step(() => sigmoid.forward(logits, labels));

    [Benchmark(Description = "peer port sigmoid"), BenchmarkCategory("Sigmoid")]
    public void PeerSigmoid() => Step(() => PeerPort.Loss(logits, labels, counts, "sigmoid", 0.9999, 0.0));

    [Benchmark(Baseline = true, Description = "BCE with logits (fused)"), BenchmarkCategory("Focal")]
    public void BceForFocal() => Step(() => nn.functional.binary_cross_entropy_with_logits(logits, oneHot));

    [Benchmark(Description = "CbGen focal γ=1"), BenchmarkCategory("Focal")]
    public void CbFocal() => Step(() => focal.forward(logits, labels));

    [Benchmark(Description = "CbGen focal γ=1 + CheckFiniteLogits"), BenchmarkCategory("Focal")]
    public void CbFocalChecked() => Step(() => focalChecked.forward(logits, labels));

    [Benchmark(Description = "peer port focal γ=1"), BenchmarkCategory("Focal")]
    public void PeerFocal() => Step(() => PeerPort.Loss(logits, labels, counts, "focal", 0.9999, 1.0));
}
