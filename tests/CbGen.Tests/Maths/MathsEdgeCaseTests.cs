using System;

namespace CbGen.Tests.Maths;

/// <summary>
/// Edge cases that mutation testing found unguarded (issue 16, gap 9): each test here fails when the branch it names
/// is removed or inverted in EffectiveNumber / ClassBalancedWeights.
/// </summary>
public class MathsEdgeCaseTests
{
    [Theory]
    [InlineData(0.0)]
    [InlineData(0.5)]
    [InlineData(1.0)]
    public void Zero_samples_give_zero_for_every_beta(double beta)
    {
        // Without the n == 0 branch, β = 0 would answer 1 (its "n ≥ 1" shortcut) instead of 0.
        Assert.Equal(0.0, EffectiveNumber.Of(0, beta));
        Assert.Equal(new[] { 0.0, 1.0 }, ClassBalancedWeights.EffectiveNumbers(new long[] { 0, 1 }, beta));
    }

    [Theory]
    [InlineData(0.5, 1L, 1.0)]          // (1 - 0.5) / 0.5
    [InlineData(0.5, 2L, 1.5)]          // (1 - 0.25) / 0.5
    [InlineData(0.9, 2L, 1.9)]          // (1 - 0.81) / 0.1
    [InlineData(0.5, 4000L, 2.0)]       // β^n underflows to 0: E = 1 / (1 - β)
    [InlineData(0.9, 100_000L, 10.0)]
    public void Hand_computed_values(double beta, long n, double expected)
    {
        Assert.Equal(expected, EffectiveNumber.Of(n, beta), 12);
    }

    [Fact]
    public void Tiny_beta_is_close_to_one_plus_beta()
    {
        // β = 1e-300: 1 - β rounds to 1 and log1p(-d) takes its exact branch; E_2 = 1 + β.
        Assert.Equal(1.0, EffectiveNumber.Of(2, 1e-300), 15);
        Assert.Equal(1.0 + 1e-3, EffectiveNumber.Of(2, 1e-3), 15);
    }

    [Fact]
    public void Huge_counts_reach_the_limit_one_over_one_minus_beta()
    {
        // n·log β underflows exp to 0 (expm1's "-1" branch); without it the result would be 0 or NaN.
        Assert.Equal(2.0, EffectiveNumber.Of(long.MaxValue, 0.5));
        Assert.Equal(10.0, EffectiveNumber.Of(long.MaxValue, 0.9), 12);
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(-0.01)]
    [InlineData(1.01)]
    [InlineData(double.NegativeInfinity)]
    public void Effective_numbers_reject_a_bad_beta(double beta)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() =>
            ClassBalancedWeights.EffectiveNumbers(new long[] { 3, 4 }, beta));
        Assert.Equal("beta", ex.ParamName);
    }

    [Fact]
    public void Effective_numbers_reject_a_negative_count_naming_the_class()
    {
        var ex = Assert.Throws<ArgumentException>(() =>
            ClassBalancedWeights.EffectiveNumbers(new long[] { 3, 0, -5 }, 0.9));
        Assert.Equal("counts", ex.ParamName);
        Assert.Contains("Class 2", ex.Message);
        Assert.Contains("-5", ex.Message);
    }

    [Fact]
    public void Effective_numbers_are_the_per_class_values()
    {
        var e = ClassBalancedWeights.EffectiveNumbers(new long[] { 1, 2, 0 }, 0.5);
        Assert.Equal(new[] { 1.0, 1.5, 0.0 }, e);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(3)]
    [InlineData(42)]
    public void An_undefined_normalization_throws_instead_of_acting_as_none(int value)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() =>
            ClassBalancedWeights.Compute(new long[] { 10, 100 }, 0.9, (WeightNormalization)value));
        Assert.Equal("normalization", ex.ParamName);
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            ClassBalancedWeights.Compute(new long[] { 10, 100 }, 0.9, new double[2], (WeightNormalization)value));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(2)]
    [InlineData(9)]
    public void An_undefined_zero_count_policy_throws_instead_of_acting_as_zero_weight(int value)
    {
        // With a zero count an undefined policy would otherwise behave as ZeroWeight; without one, silently pass.
        foreach (var counts in new[] { new long[] { 10, 0, 100 }, new long[] { 10, 100 } })
        {
            var ex = Assert.Throws<ArgumentOutOfRangeException>(() =>
                ClassBalancedWeights.Compute(counts, 0.9, zeroCounts: (ZeroCountPolicy)value));
            Assert.Equal("zeroCounts", ex.ParamName);
        }
    }

    [Fact]
    public void Each_normalization_gives_its_hand_computed_weights()
    {
        // β = 0.5: E_1 = 1, E_2 = 1.5, so the raw weights are 1 and 2/3 (sum 5/3).
        long[] counts = { 1, 2 };
        var none = ClassBalancedWeights.Compute(counts, 0.5, WeightNormalization.None);
        Assert.Equal(1.0, none[0], 15);
        Assert.Equal(2.0 / 3.0, none[1], 15);

        var sumToOne = ClassBalancedWeights.Compute(counts, 0.5, WeightNormalization.SumToOne);
        Assert.Equal(0.6, sumToOne[0], 15);
        Assert.Equal(0.4, sumToOne[1], 15);

        var sumToC = ClassBalancedWeights.Compute(counts, 0.5);
        Assert.Equal(1.2, sumToC[0], 15);
        Assert.Equal(0.8, sumToC[1], 15);
    }

    [Fact]
    public void Zero_weight_policy_normalises_over_the_classes_with_samples()
    {
        // Two non-empty classes of equal count: each gets 1 (sum = 2 = non-empty classes, not C = 3).
        var w = ClassBalancedWeights.Compute(new long[] { 5, 0, 5 }, 0.9, zeroCounts: ZeroCountPolicy.ZeroWeight);
        Assert.Equal(new[] { 1.0, 0.0, 1.0 }, w);

        var raw = ClassBalancedWeights.Compute(new long[] { 1, 0 }, 0.5, WeightNormalization.None, ZeroCountPolicy.ZeroWeight);
        Assert.Equal(new[] { 1.0, 0.0 }, raw);
    }

    [Fact]
    public void A_zero_count_throws_under_the_default_policy_naming_the_class()
    {
        var ex = Assert.Throws<ArgumentException>(() => ClassBalancedWeights.Compute(new long[] { 3, 0 }, 0.9));
        Assert.Equal("counts", ex.ParamName);
        Assert.Contains("Class 1", ex.Message);
    }

    [Fact]
    public void A_short_destination_is_rejected_and_a_longer_one_is_written_only_up_to_C()
    {
        var ex = Assert.Throws<ArgumentException>(() =>
            ClassBalancedWeights.Compute(new long[] { 1, 2, 3 }, 0.9, new double[2]));
        Assert.Equal("destination", ex.ParamName);

        var exact = new double[2];
        ClassBalancedWeights.Compute(new long[] { 1, 2 }, 0.5, exact, WeightNormalization.None);
        Assert.Equal(new[] { 1.0, 2.0 / 3.0 }, exact);

        var longer = new[] { -7.0, -7.0, -7.0 };
        ClassBalancedWeights.Compute(new long[] { 1, 2 }, 0.5, longer, WeightNormalization.SumToOne);
        Assert.Equal(0.6, longer[0], 15);
        Assert.Equal(0.4, longer[1], 15);
        Assert.Equal(-7.0, longer[2]);
    }
}
