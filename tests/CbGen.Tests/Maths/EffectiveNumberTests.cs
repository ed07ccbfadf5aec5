using System;

namespace CbGen.Tests.Maths;

public class EffectiveNumberTests
{
    [Theory]
    [InlineData(1L, 0.9999)]
    [InlineData(50L, 0.9999)]
    [InlineData(5000L, 0.9999)]
    [InlineData(5000L, 0.9)]
    [InlineData(5000L, 0.999)]
    [InlineData(100L, 0.5)]
    [InlineData(1_000_000L, 0.999999)]
    [InlineData(3L, 0.99999999999)]
    public void Matches_the_decimal_reference(long n, double beta)
    {
        double expected = DecimalReference.EffectiveNumber(n, beta);
        Assert.True(DecimalReference.RelativeError(EffectiveNumber.Of(n, beta), expected) < 1e-13,
            $"E_{n}(β={beta}) = {EffectiveNumber.Of(n, beta):R}, reference {expected:R}");
    }

    [Fact]
    public void Is_exact_to_1e_12_for_beta_near_one_and_a_billion_samples()
    {
        const double beta = 0.99999999;
        const long n = 1_000_000_000L;
        double expected = DecimalReference.EffectiveNumber(n, beta);
        double actual = EffectiveNumber.Of(n, beta);
        Assert.True(DecimalReference.RelativeError(actual, expected) < 1e-12, $"{actual:R} vs {expected:R}");

        // The textbook formula loses digits here; the point of the log1p/expm1 form.
        double naive = (1 - Math.Pow(beta, n)) / (1 - beta);
        Assert.True(double.IsFinite(naive));
    }

    [Fact]
    public void Matches_the_plain_formula_where_it_is_accurate()
    {
        // An independent float64 reference: for β = 0.9999 and n ≤ 5000, 1 - β^n has no cancellation to speak of.
        for (long n = 1; n <= 5000; n += 37)
        {
            double plain = (1 - Math.Pow(0.9999, n)) / (1 - 0.9999);
            Assert.True(DecimalReference.RelativeError(EffectiveNumber.Of(n, 0.9999), plain) < 1e-11, $"n = {n}");
        }
    }

    [Theory]
    [InlineData(1L)]
    [InlineData(7L)]
    [InlineData(123_456_789L)]
    public void Beta_zero_gives_one_and_beta_one_gives_n(long n)
    {
        Assert.Equal(1.0, EffectiveNumber.Of(n, 0.0));
        Assert.Equal(n, EffectiveNumber.Of(n, 1.0));
    }

    [Fact]
    public void Approaches_the_limits_continuously()
    {
        Assert.Equal(1.0, EffectiveNumber.Of(1000, 1e-12), 10);
        Assert.True(DecimalReference.RelativeError(EffectiveNumber.Of(1000, 1 - 1e-15), 1000) < 1e-9);
        Assert.True(DecimalReference.RelativeError(EffectiveNumber.Of(1000, Math.BitDecrement(1.0)), 1000) < 1e-12);
        // E_1 = 1 for every β.
        foreach (double beta in new[] { 0.0, 0.3, 0.9, 0.999999, 1.0 })
        {
            Assert.Equal(1.0, EffectiveNumber.Of(1, beta), 15);
        }
    }

    [Fact]
    public void Zero_samples_give_zero() => Assert.Equal(0.0, EffectiveNumber.Of(0, 0.99));

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.0000001)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Rejects_beta_outside_the_unit_interval(double beta)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => EffectiveNumber.Of(10, beta));
        Assert.Equal("beta", ex.ParamName);
        Assert.Contains("[0, 1]", ex.Message);
    }

    [Fact]
    public void Rejects_a_negative_count()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => EffectiveNumber.Of(-3, 0.9));
        Assert.Equal("n", ex.ParamName);
        Assert.Contains("-3", ex.Message);
    }
}
