using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using CbGen.Sampling;

namespace CbGen.Tests.Sampling;

/// <summary>Same seed, same sequence; another seed or epoch, another sequence; an epoch does not depend on the
/// thread or on the epochs drawn before it; draws stream without allocating.</summary>
public class SamplerReproducibilityTests
{
    private static readonly LabelIndex Index = new(SamplerData.LongTailLabels(), 10);

    [Fact]
    public void The_same_seed_gives_the_same_sequence()
    {
        long[] first = IndexSampler.SquareRoot(Index, seed: 42).Epoch(0).ToArray();
        long[] second = IndexSampler.SquareRoot(new LabelIndex(SamplerData.LongTailLabels(), 10), seed: 42).Epoch(0).ToArray();

        Assert.Equal(first, second);
    }

    [Fact]
    public void Another_seed_gives_another_sequence()
    {
        long[] first = IndexSampler.SquareRoot(Index, seed: 42).Epoch(0, 1000).ToArray();
        long[] second = IndexSampler.SquareRoot(Index, seed: 43).Epoch(0, 1000).ToArray();

        Assert.True(first.Zip(second, (a, b) => a == b).Count(same => same) < 100, "seeds 42 and 43 drew nearly the same rows");
    }

    [Fact]
    public void Each_epoch_has_its_own_sequence_and_repeats_it()
    {
        IndexSampler sampler = IndexSampler.ClassBalanced(Index, seed: 7);
        IEnumerable<long> epoch3 = sampler.Epoch(3, 1000);

        Assert.Equal(epoch3.ToArray(), epoch3.ToArray());
        Assert.NotEqual(sampler.Epoch(2, 1000).ToArray(), epoch3.ToArray());
    }

    [Fact]
    public void Seed_and_epoch_are_not_interchangeable()
    {
        // Seed 3's epoch 5 must not be seed 5's epoch 3 (a symmetric mix of the two made them equal).
        long[] seed3Epoch5 = IndexSampler.ClassBalanced(Index, seed: 3).Epoch(5, 1000).ToArray();
        long[] seed5Epoch3 = IndexSampler.ClassBalanced(Index, seed: 5).Epoch(3, 1000).ToArray();

        Assert.NotEqual(seed3Epoch5, seed5Epoch3);
    }

    [Fact]
    public void Enumerating_the_sampler_runs_epoch_after_epoch()
    {
        IndexSampler sampler = IndexSampler.ClassBalanced(Index, seed: 7, epochLength: 500);
        var passes = new List<long[]>();
        for (int pass = 0; pass < 3; pass++)
        {
            var drawn = new List<long>();
            foreach (long row in sampler)
            {
                drawn.Add(row);
            }

            passes.Add(drawn.ToArray());
        }

        for (int e = 0; e < 3; e++)
        {
            Assert.Equal(sampler.Epoch(e).ToArray(), passes[e]);
        }
    }

    [Fact]
    public void An_epoch_does_not_depend_on_the_thread_or_the_order()
    {
        IndexSampler sampler = IndexSampler.ProgressivelyBalanced(Index, totalEpochs: 8, seed: 99, epochLength: 2000);
        long[][] sequential = Enumerable.Range(0, 9).Select(e => sampler.Epoch(e).ToArray()).ToArray();
        var parallel = new long[9][];

        IndexSampler fresh = IndexSampler.ProgressivelyBalanced(Index, totalEpochs: 8, seed: 99, epochLength: 2000);
        Parallel.For(0, 9, new ParallelOptions { MaxDegreeOfParallelism = 4 }, e => parallel[8 - e] = fresh.Epoch(8 - e).ToArray());

        Assert.Equal(sequential, parallel);
    }

    [Fact]
    public void Drawing_streams_without_allocating()
    {
        IndexStream stream = IndexSampler.RepeatFactor(Index, 0.1, seed: 3).Stream(0);
        long sum = stream.Next();
        long before = GC.GetAllocatedBytesForCurrentThread();

        for (int i = 0; i < 100_000; i++)
        {
            sum += stream.Next();
        }

        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 1024, "100,000 draws allocated");
        Assert.True(sum > 0);
    }

    [Fact]
    public void A_long_epoch_is_not_materialised()
    {
        IndexSampler sampler = IndexSampler.ClassBalanced(Index, seed: 1);
        long before = GC.GetAllocatedBytesForCurrentThread();

        long[] head = sampler.Epoch(0, 10_000_000_000L).Take(10).ToArray();

        Assert.Equal(10, head.Length);
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 64 * 1024, "a 10^10-index epoch allocated its indices");
    }
}
