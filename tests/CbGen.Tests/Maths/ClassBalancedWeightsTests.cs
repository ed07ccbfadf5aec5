using System;
using System.Linq;
using CsCheck;

namespace CbGen.Tests.Maths;

public class ClassBalancedWeightsTests
{
    /// <summary>CIFAR-10-LT with imbalance factor 100: n_i = floor(5000 · (1/100)^(i/9)).</summary>
    internal static long[] Cifar10LtCounts() =>
        Enumerable.Range(0, 10).Select(i => (long)Math.Floor(5000 * Math.Pow(0.01, i / 9.0))).ToArray();

    [Fact]
    public void Cifar10Lt_counts_are_the_papers()
    {
        Assert.Equal(new long[] { 5000, 2997, 1796, 1077, 645, 387, 232, 139, 83, 50 }, Cifar10LtCounts());
    }

    [Fact]
    public void Cifar10Lt_weights_match_an_independent_float64_reference()
    {
        long[] counts = Cifar10LtCounts();
        const double beta = 0.9999;
        // Reference: the official code's formula, written out with plain Math.Pow.
        double[] raw = counts.Select(n => (1 - beta) / (1 - Math.Pow(beta, n))).ToArray();
        double[] expected = raw.Select(w => w / raw.Sum() * counts.Length).ToArray();

        double[] actual = ClassBalancedWeights.Compute(counts, beta);

        for (int c = 0; c < counts.Length; c++)
        {
            Assert.True(Math.Abs(actual[c] - expected[c]) <= 1e-12 * expected[c], $"class {c}: {actual[c]:R} vs {expected[c]:R}");
        }
        Assert.Equal(10.0, actual.Sum(), 12);
        // Spot values computed separately (Python, float64), so a wrong reference would also show.
        Assert.Equal(0.050611, actual[0], 6);
        Assert.Equal(0.868349, actual[6], 6);
        Assert.Equal(3.992724, actual[9], 6);
    }

    [Fact]
    public void Beta_zero_gives_uniform_weights()
    {
        double[] w = ClassBalancedWeights.Compute(Cifar10LtCounts(), 0.0);
        Assert.All(w, x => Assert.Equal(1.0, x, 15));
    }

    [Fact]
    public void Beta_one_gives_inverse_frequency_weights()
    {
        long[] counts = { 1000, 100, 10 };
        double[] w = ClassBalancedWeights.Compute(counts, 1.0, WeightNormalization.None);
        Assert.Equal(new[] { 0.001, 0.01, 0.1 }, w.Select(x => Math.Round(x, 15)));

        double[] normalised = ClassBalancedWeights.Compute(counts, 1.0);
        double inverseSum = 0.001 + 0.01 + 0.1;
        Assert.Equal(3 * 0.1 / inverseSum, normalised[2], 12);
    }

    [Fact]
    public void Sum_to_one_normalisation()
    {
        double[] w = ClassBalancedWeights.Compute(Cifar10LtCounts(), 0.999, WeightNormalization.SumToOne);
        Assert.Equal(1.0, w.Sum(), 14);
    }

    [Fact]
    public void Span_overload_writes_the_same_numbers_without_allocating_a_result()
    {
        long[] counts = Cifar10LtCounts();
        Span<double> destination = stackalloc double[12];
        ClassBalancedWeights.Compute(counts, 0.999, destination);
        Assert.Equal(ClassBalancedWeights.Compute(counts, 0.999), destination[..10].ToArray());

        var ex = Assert.Throws<ArgumentException>(() => ClassBalancedWeights.Compute(counts, 0.999, new double[3]));
        Assert.Equal("destination", ex.ParamName);
    }

    [Fact]
    public void Effective_numbers_table()
    {
        double[] e = ClassBalancedWeights.EffectiveNumbers(new long[] { 0, 1, 10 }, 0.5);
        Assert.Equal(new[] { 0.0, 1.0, (1 - Math.Pow(0.5, 10)) / 0.5 }, e);
    }

    [Fact]
    public void Zero_counts_throw_by_default_naming_the_class()
    {
        var ex = Assert.Throws<ArgumentException>(() => ClassBalancedWeights.Compute(new long[] { 10, 0, 5 }, 0.9));
        Assert.Equal("counts", ex.ParamName);
        Assert.Contains("Class 1", ex.Message);
        Assert.Contains("ZeroWeight", ex.Message);
    }

    [Fact]
    public void Zero_weight_policy_gives_empty_classes_zero_and_normalises_over_the_others()
    {
        double[] w = ClassBalancedWeights.Compute(new long[] { 10, 0, 5 }, 0.9, zeroCounts: ZeroCountPolicy.ZeroWeight);
        Assert.Equal(0.0, w[1]);
        Assert.Equal(2.0, w[0] + w[2], 14);
        double[] without = ClassBalancedWeights.Compute(new long[] { 10, 5 }, 0.9);
        Assert.Equal(without[0], w[0], 14);
        Assert.Equal(without[1], w[2], 14);
    }

    [Fact]
    public void Rejects_negative_empty_and_all_zero_counts()
    {
        var negative = Assert.Throws<ArgumentException>(() => ClassBalancedWeights.Compute(new long[] { 4, 7, -2 }, 0.9));
        Assert.Contains("Class 2", negative.Message);
        Assert.Contains("-2", negative.Message);

        var empty = Assert.Throws<ArgumentException>(() => ClassBalancedWeights.Compute(ReadOnlySpan<long>.Empty, 0.9));
        Assert.Contains("empty", empty.Message);

        var allZero = Assert.Throws<ArgumentException>(() =>
            ClassBalancedWeights.Compute(new long[] { 0, 0 }, 0.9, zeroCounts: ZeroCountPolicy.ZeroWeight));
        Assert.Contains("All 2 counts are 0", allZero.Message);
    }

    [Theory]
    [InlineData(-1e-9)]
    [InlineData(1.5)]
    [InlineData(double.NaN)]
    public void Rejects_bad_beta(double beta)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => ClassBalancedWeights.Compute(new long[] { 1, 2 }, beta));
        Assert.Equal("beta", ex.ParamName);
    }

    private static readonly Gen<(long[] Counts, double Beta)> CountsAndBeta =
        Gen.Select(Gen.Long[1, 1_000_000_000].Array[2, 64],
                   Gen.OneOf(Gen.Double[0.0, 1.0], Gen.Const(0.0).Select(_ => 0.0), Gen.Int[0, 6].Select(i => new[] { 0.0, 0.9, 0.99, 0.999, 0.9999, 0.99999999, 1.0 }[i])));

    [Fact]
    public void Property_weights_are_positive_and_sum_to_C()
    {
        CountsAndBeta.Sample(t =>
        {
            double[] w = ClassBalancedWeights.Compute(t.Counts, t.Beta);
            return w.All(x => x > 0 && double.IsFinite(x))
                && Math.Abs(w.Sum() - t.Counts.Length) <= 1e-9 * t.Counts.Length;
        }, iter: 2000);
    }

    [Fact]
    public void Property_weights_never_increase_with_the_count()
    {
        CountsAndBeta.Sample(t =>
        {
            double[] w = ClassBalancedWeights.Compute(t.Counts, t.Beta);
            for (int i = 0; i < t.Counts.Length; i++)
                for (int j = 0; j < t.Counts.Length; j++)
                    if (t.Counts[i] < t.Counts[j] && w[i] < w[j] * (1 - 1e-12)) return false;
            return true;
        }, iter: 2000);
    }
}
