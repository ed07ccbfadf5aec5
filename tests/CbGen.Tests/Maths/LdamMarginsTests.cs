using System;
using System.Linq;
using CsCheck;

namespace CbGen.Tests.Maths;

public class LdamMarginsTests
{
    [Fact]
    public void Cifar10Lt_margins_match_the_official_formula_and_spot_values()
    {
        long[] counts = { 5000, 2997, 1796, 1077, 645, 387, 232, 139, 83, 50 };
        double[] margins = LdamMargins.Compute(counts);
        // The official code's definition with plain Math.Pow: m = n^-1/4, then m · (0.5 / max m).
        double[] raw = counts.Select(n => 1.0 / Math.Sqrt(Math.Sqrt(n))).ToArray();
        for (int c = 0; c < counts.Length; c++)
        {
            Assert.Equal(raw[c] * (0.5 / raw.Max()), margins[c], 14);
        }

        Assert.Equal(0.5, margins[9]);                        // the rarest class: m_max bit for bit
        Assert.Equal(0.5 / Math.Sqrt(10), margins[0], 15);   // 100× the samples: m_max / 100^(1/4)
    }

    [Fact]
    public void Sixteen_times_the_samples_halves_the_margin()
    {
        Assert.Equal(new[] { 0.3, 0.15, 0.075 }, LdamMargins.Compute(new long[] { 1, 16, 256 }, 0.3));
    }

    private static readonly Gen<(long[] Counts, double MaxMargin)> Cases =
        Gen.Select(Gen.OneOf(Gen.Long[1, 1_000_000_000_000], Gen.Long[1, 100]).Array[2, 200],
                   Gen.Int[0, 3].Select(i => new[] { 0.5, 0.25, 1.0, 2.0 }[i]));

    [Fact]
    public void Property_margins_match_a_decimal_reference_within_two_ulps()
    {
        Cases.Sample(t =>
        {
            double[] margins = LdamMargins.Compute(t.Counts, t.MaxMargin);
            long nMin = t.Counts.Min();
            for (int c = 0; c < t.Counts.Length; c++)
            {
                double expected = LongTailReference.Margin((decimal)t.MaxMargin, nMin, t.Counts[c]);
                if (Math.Abs(margins[c] - expected) > 4.5e-16 * expected) return false;
                if (margins[c] > t.MaxMargin) return false;
            }

            return true;
        }, iter: 200);
    }

    [Fact]
    public void Max_margin_zero_is_rejected_as_the_generator_CB028_does()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => LdamMargins.Compute(new long[] { 10, 1000 }, 0.0));
        Assert.Contains("finite and > 0", ex.Message);
    }

    [Fact]
    public void Zero_counts_are_rejected_by_default_and_get_margin_zero_on_opt_in()
    {
        var ex = Assert.Throws<ArgumentException>(() => LdamMargins.Compute(new long[] { 10, 0, 160 }));
        Assert.Equal("counts", ex.ParamName);
        Assert.Contains("Class 1 has count 0", ex.Message);
        Assert.Contains("ZeroCountPolicy.ZeroWeight", ex.Message);

        double[] margins = LdamMargins.Compute(new long[] { 10, 0, 160 }, 0.5, ZeroCountPolicy.ZeroWeight);
        Assert.Equal(new[] { 0.5, 0.0, 0.25 }, margins);
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Bad_max_margin_is_rejected(double maxMargin)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => LdamMargins.Compute(new long[] { 1, 2 }, maxMargin));
        Assert.Equal("maxMargin", ex.ParamName);
        Assert.Contains("finite and > 0", ex.Message);
    }

    [Fact]
    public void Bad_counts_are_rejected()
    {
        Assert.Contains("empty", Assert.Throws<ArgumentException>(() => LdamMargins.Compute(Array.Empty<long>())).Message);
        Assert.Contains("negative count -1",
            Assert.Throws<ArgumentException>(() => LdamMargins.Compute(new long[] { 3, -1 })).Message);
        Assert.Contains("All 2 counts are 0",
            Assert.Throws<ArgumentException>(() => LdamMargins.Compute(new long[] { 0, 0 }, 0.5, ZeroCountPolicy.ZeroWeight)).Message);
    }

    [Fact]
    public void An_undefined_zero_count_policy_is_rejected_even_without_zero_counts()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => LdamMargins.Compute(new long[] { 3, 5 }, 0.5, (ZeroCountPolicy)7));
        Assert.Equal("zeroCounts", ex.ParamName);
    }
}
