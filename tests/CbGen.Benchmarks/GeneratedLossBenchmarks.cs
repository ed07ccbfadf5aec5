using System;
using BenchmarkDotNet.Attributes;
using CbGen.TorchSharp;
using TorchSharp;
using static TorchSharp.torch;

namespace CbGen.Benchmarks;

/// <summary>A label enum compiled by the generator in this very project (CIFAR-10-LT counts).</summary>
[ClassBalanced(Beta = 0.9999, Loss = CbLoss.Softmax, Device = CbDevice.Cpu, Name = "BenchSoftmax")]
[ClassBalanced(Beta = 0.9999, Loss = CbLoss.Sigmoid, Device = CbDevice.Cpu, Name = "BenchSigmoid")]
[ClassBalanced(Beta = 0.9999, Loss = CbLoss.Focal, Gamma = 1.0, Device = CbDevice.Cpu, Name = "BenchFocal")]
public enum Cifar10Lt
{
    [Samples(5000)] Airplane,
    [Samples(2997)] Automobile,
    [Samples(1796)] Bird,
    [Samples(1077)] Cat,
    [Samples(645)] Deer,
    [Samples(387)] Dog,
    [Samples(232)] Frog,
    [Samples(139)] Horse,
    [Samples(83)] Ship,
    [Samples(50)] Truck,
}

/// <summary>Generated losses against the same runtime modules built by hand (B = 256, C = 10): the ratio should be 1.</summary>
[MemoryDiagnoser]
public class GeneratedLossBenchmarks
{
    private Tensor logits = null!;
    private Tensor labels = null!;
    private Cifar10Lt[] typedLabels = null!;
    private ClassBalancedFocalLoss handFocal = null!;
    private BenchFocalLoss generatedFocal = null!;
    private BenchSoftmaxLoss generatedSoftmax = null!;
    private BenchSigmoidLoss generatedSigmoid = null!;

    [GlobalSetup]
    public void Setup()
    {
        torch.manual_seed(0);
        logits = randn(256, 10).requires_grad_(true);
        labels = randint(0, 10, new long[] { 256 }, dtype: ScalarType.Int64);
        typedLabels = new Cifar10Lt[256];
        long[] raw = labels.data<long>().ToArray();
        for (int i = 0; i < raw.Length; i++) typedLabels[i] = (Cifar10Lt)raw[i];
        handFocal = ClassBalancedFocalLoss.FromCounts(BenchFocalWeights.Counts, 0.9999, gamma: 1.0, device: CbDevice.Cpu);
        generatedFocal = new BenchFocalLoss();
        generatedSoftmax = new BenchSoftmaxLoss();
        generatedSigmoid = new BenchSigmoidLoss();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        handFocal.Dispose();
        generatedFocal.Dispose();
        generatedSoftmax.Dispose();
        generatedSigmoid.Dispose();
        logits.Dispose();
        labels.Dispose();
    }

    private void Step(Func<Tensor> loss)
    {
        using var scope = NewDisposeScope();
        loss().backward();
        logits.grad!.zero_();
    }

    [Benchmark(Baseline = true, Description = "hand-built focal")]
    public void HandFocal() => Step(() => handFocal.forward(logits, labels));

    [Benchmark(Description = "generated focal (tensor labels)")]
    public void GeneratedFocal() => Step(() => generatedFocal.forward(logits, labels));

    [Benchmark(Description = "generated focal (Cifar10Lt[] labels)")]
    public void GeneratedFocalTyped() => Step(() => generatedFocal.forward(logits, typedLabels));

    [Benchmark(Description = "generated softmax")]
    public void GeneratedSoftmax() => Step(() => generatedSoftmax.forward(logits, labels));

    [Benchmark(Description = "generated sigmoid")]
    public void GeneratedSigmoid() => Step(() => generatedSigmoid.forward(logits, labels));
}
