using System;
using System.Linq;
using CbGen.Sampling;

namespace CbGen.Tests.Sampling;

/// <summary>Progressive balancing at its end points, LVIS repeat factors worked by hand, and empty classes under
/// <see cref="ZeroCountPolicy.ZeroWeight"/>.</summary>
public class SamplingProbabilitiesTests
{
    private static readonly long[] Counts = { 600, 300, 90, 10 };

    [Fact]
    public void Progressive_balancing_starts_instance_balanced()
    {
        double[] p = SamplingProbabilities.ProgressivelyBalanced(Counts, epoch: 0, totalEpochs: 90);

        Assert.Equal(new[] { 0.6, 0.3, 0.09, 0.01 }, p.Select(x => Math.Round(x, 15)));
    }

    [Fact]
    public void Progressive_balancing_ends_class_balanced()
    {
        double[] p = SamplingProbabilities.ProgressivelyBalanced(Counts, epoch: 90, totalEpochs: 90);

        Assert.All(p, x => Assert.Equal(0.25, x, 15));
    }

    [Fact]
    public void Progressive_balancing_halfway_is_the_average()
    {
        double[] p = SamplingProbabilities.ProgressivelyBalanced(Counts, epoch: 45, totalEpochs: 90);

        Assert.Equal(new[] { 0.425, 0.275, 0.17, 0.13 }, p.Select(x => Math.Round(x, 15)));
    }

    [Fact]
    public void Repeat_factors_by_hand()
    {
        // f = 75/100, 20/100, 5/100. At t = 0.8: √(0.8/0.75) = √(16/15), √(0.8/0.2) = 2, √(0.8/0.05) = 4.
        // At t = 0.2 only the rarest class (f = 0.05 < t) repeats: √(0.2/0.05) = 2; the others clamp to 1.
        long[] counts = { 75, 20, 5 };

        Assert.Equal(new[] { Math.Sqrt(16.0 / 15.0), 2.0, 4.0 }, SamplingProbabilities.RepeatFactors(counts, 0.8), new Tolerance(1e-15));
        Assert.Equal(new[] { 1.0, 1.0, 2.0 }, SamplingProbabilities.RepeatFactors(counts, 0.2), new Tolerance(1e-15));
    }

    [Fact]
    public void A_repeat_factor_epoch_has_the_expected_length_of_the_papers_epoch()
    {
        // Σ_c n_c·r_c = 75·√(16/15) + 20·2 + 5·4 = 77.46 + 60 = 137.46 → 137 indices.
        int[] labels = SamplerData.Labels(new[] { 75, 20, 5 });
        IndexSampler sampler = IndexSampler.RepeatFactor(new LabelIndex(labels, 3), 0.8, seed: 0);

        Assert.Equal(137, sampler.EpochLength);
        Assert.Equal(137, sampler.Epoch(0).Count());
        double total = 75 * Math.Sqrt(16.0 / 15.0) + 60;
        Assert.Equal(new[] { 75 * Math.Sqrt(16.0 / 15.0) / total, 40 / total, 20 / total }, sampler.ClassProbabilities(), new Tolerance(1e-15));
    }

    [Fact]
    public void An_empty_class_is_never_drawn_when_allowed()
    {
        int[] labels = SamplerData.Labels(new[] { 50, 0, 5 });
        IndexSampler sampler = IndexSampler.ClassBalanced(new LabelIndex(labels, 3), seed: 4, zeroCounts: ZeroCountPolicy.ZeroWeight);

        long[] histogram = SamplerData.ClassHistogram(sampler, labels, 100_000);

        Assert.Equal(new[] { 0.5, 0.0, 0.5 }, sampler.ClassProbabilities());
        Assert.Equal(0, histogram[1]);
        ChiSquare.AssertFits(histogram, sampler.ClassProbabilities(), "class-balanced with an empty class");
    }

    [Fact]
    public void Counts_are_the_losses_counts()
    {
        int[] labels = SamplerData.Labels(new[] { 3, 0, 2, 7 });

        Assert.Equal(new long[] { 3, 0, 2, 7 }, new LabelIndex(labels, 4).Counts());
        Assert.Equal(new long[] { 3, 0, 2, 7 }, new LabelIndex(labels.Select(x => (long)x).ToArray(), 4).Counts());
        Assert.Equal(new long[] { 3, 0, 2, 7 }, LabelIndex.FromLabels(labels, 4).Counts());
    }

    private sealed class Tolerance : System.Collections.Generic.IEqualityComparer<double>
    {
        private readonly double tolerance;

        public Tolerance(double tolerance) => this.tolerance = tolerance;

        public bool Equals(double x, double y) => Math.Abs(x - y) <= tolerance;

        public int GetHashCode(double obj) => 0;
    }
}
