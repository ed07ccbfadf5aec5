using System;
using System.Linq;
using BenchmarkDotNet.Attributes;
using CbGen.Sampling;

namespace CbGen.Benchmarks;

/// <summary>
/// One sampler draw (target ≤ 50 ns): a row index from a square-root sampler (alias table over the classes, then a
/// uniform row of the class), and a class alone, over a CIFAR-like and an iNaturalist-2018-like long tail. Each
/// benchmark makes 1,024 draws; the reported time is per draw.
/// </summary>
[MemoryDiagnoser]
public class SamplerBenchmarks
{
    private const int DrawsPerInvoke = 1024;

    private IndexStream stream = null!;

    /// <summary>Classes, with counts from 5,000 (10 classes) or 1,000 (8,142 classes) down by a factor of 100.</summary>
    [Params(10, 8142)]
    public int Classes { get; set; } = 10;

    [GlobalSetup]
    public void Setup()
    {
        int head = Classes <= 10 ? 5000 : 1000;
        int[] counts = Enumerable.Range(0, Classes)
            .Select(c => Math.Max(1, (int)Math.Floor(head * Math.Pow(0.01, c / (double)(Classes - 1)))))
            .ToArray();
        int[] labels = counts.SelectMany((n, c) => Enumerable.Repeat(c, n)).ToArray();
        new Random(0).Shuffle(labels);
        stream = IndexSampler.SquareRoot(new LabelIndex(labels, Classes), seed: 0).Stream(0);
    }

    [Benchmark(OperationsPerInvoke = DrawsPerInvoke)]
    public long NextRow()
    {
        long sum = 0;
        for (int i = 0; i < DrawsPerInvoke; i++)
        {
            sum += stream.Next();
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = DrawsPerInvoke)]
    public long NextClass()
    {
        long sum = 0;
        for (int i = 0; i < DrawsPerInvoke; i++)
        {
            sum += stream.NextClass();
        }

        return sum;
    }
}
