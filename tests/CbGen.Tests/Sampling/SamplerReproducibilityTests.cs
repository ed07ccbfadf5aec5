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
    public void Progressive_draws_equal_the_recorded_sequences()
    {
        // Recorded from the sampler that built every epoch's alias table up front; building them on demand must not
        // change a single draw.
        var index = new LabelIndex(new[] { 0, 1, 1, 2, 2, 2, 2, 2, 2, 2, 2, 2, 0, 1 }, 3);
        IndexSampler sampler = IndexSampler.ProgressivelyBalanced(index, totalEpochs: 4, seed: 99, epochLength: 12);
        long[][] recorded =
        {
            new long[] { 6, 6, 2, 4, 1, 1, 9, 11, 5, 10, 11, 9 },
            new long[] { 2, 12, 9, 9, 9, 4, 10, 11, 0, 0, 0, 1 },
            new long[] { 10, 8, 1, 12, 0, 13, 13, 12, 7, 0, 12, 4 },
            new long[] { 2, 13, 7, 9, 4, 6, 1, 12, 11, 0, 13, 1 },
            new long[] { 6, 12, 1, 1, 0, 1, 8, 4, 7, 5, 12, 5 },
        };

        for (int e = 4; e >= 0; e--)
        {
            Assert.Equal(recorded[e], sampler.Epoch(e).ToArray());
        }

        IndexSampler longRun = IndexSampler.ProgressivelyBalanced(index, totalEpochs: 300_000_000, seed: 1);
        Assert.Equal(new long[] { 13, 1, 13, 4, 4 }, longRun.Epoch(299_999_999, 5).ToArray());
    }

    [Theory]
    [InlineData(300_000_000)]
    [InlineData(int.MaxValue)]
    public void Progressive_sampling_over_many_epochs_builds_only_the_tables_it_draws_from(int totalEpochs)
    {
        LabelIndex index = Index;                       // the static index is built outside the measurement
        long before = GC.GetAllocatedBytesForCurrentThread();

        IndexSampler sampler = IndexSampler.ProgressivelyBalanced(index, totalEpochs, seed: 1);
        long[] first = sampler.Epoch(0, 10).ToArray();
        long[] last = sampler.Epoch(totalEpochs, 10).ToArray();

        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 64 * 1024,
            "a progressive sampler over " + totalEpochs + " epochs allocated per epoch up front");
        Assert.Equal(10, first.Length);
        Assert.Equal(10, last.Length);
        Assert.Equal(1.0 / 10, sampler.ClassProbabilities(totalEpochs)[9], 12);
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
