using System;
using System.Linq;
using CsCheck;

namespace CbGen.Tests.Maths;

public class ClassPriorsTests
{
    private const double Ulp1 = 2.220446049250313E-16;     // 2^-52: one ulp relative to a power of two

    [Fact]
    public void Priors_of_small_counts_are_the_correctly_rounded_quotients()
    {
        long[] counts = { 5000, 2997, 1796, 1077, 645, 387, 232, 139, 83, 50 };
        long total = counts.Sum();
        double[] priors = ClassPriors.Priors(counts);
        for (int c = 0; c < counts.Length; c++)
        {
            // A total below 2^53 is exact, so the prior is one IEEE division and at most half an ulp off.
            Assert.True(LongTailReference.RelativeErrorOfRatio(priors[c], counts[c], total) <= Ulp1 / 2, $"class {c}");
        }

        Assert.Equal(1.0, priors.Sum(), 14);
        Assert.Equal(5000.0 / 12406.0, priors[0]);        // hand-computed total 12406
    }

    [Fact]
    public void Priors_log_priors_and_margins_of_100000_classes_with_counts_to_1e12_stay_within_an_ulp_or_so()
    {
        // 100,000 classes of up to 1e12 samples: the total (~5e16) is above 2^53, so (double)total rounds.
        var random = new Random(1301);
        long[] counts = Enumerable.Range(0, 100_000).Select(_ => 1 + (long)(random.NextDouble() * 1e12)).ToArray();
        counts[17] = 1;
        counts[42] = 1_000_000_000_000;
        long total = counts.Sum();
        Assert.True(total > 1L << 53);
        Assert.NotEqual(total, (long)(double)total);     // the case the correction exists for

        double[] priors = ClassPriors.Priors(counts);
        for (int c = 0; c < counts.Length; c += 97)
        {
            Assert.True(LongTailReference.RelativeErrorOfRatio(priors[c], counts[c], total) <= Ulp1, $"class {c}");
        }

        foreach (int c in new[] { 17, 42 })
        {
            Assert.True(LongTailReference.RelativeErrorOfRatio(priors[c], counts[c], total) <= Ulp1, $"class {c}");
        }

        // The log-priors and LDAM margins of the same 100,000 classes, against the decimal references.
        double[] logPriors = ClassPriors.LogPriors(counts);
        double[] margins = LdamMargins.Compute(counts);
        for (int c = 0; c < counts.Length; c += 97)
        {
            double expected = LongTailReference.LogRatio(counts[c], total);
            Assert.True(Math.Abs(logPriors[c] - expected) <= 1e-15 * Math.Abs(expected), $"log π, class {c}");
            double margin = LongTailReference.Margin(0.5m, 1, counts[c]);
            Assert.True(Math.Abs(margins[c] - margin) <= 4.5e-16 * margin, $"Δ, class {c}");
        }

        Assert.Equal(0.5, margins[17]);
    }

    [Fact]
    public void The_naive_quotient_is_a_whole_half_ulp_off_where_the_correction_is_not()
    {
        // Shows the bound above can be missed: total = 2^53 + 1 rounds to 2^53 as a double, so 1 / (double)total is
        // 2^-53, half an ulp from 1 / total; the corrected quotient lands on the double just below it.
        long total = (1L << 53) + 1;
        long[] counts = { 1, total - 1 };
        double naive = 1.0 / (double)total;
        Assert.True(LongTailReference.RelativeErrorOfRatio(naive, 1, total) > Ulp1 / 4);
        Assert.True(LongTailReference.RelativeErrorOfRatio(ClassPriors.Priors(counts)[0], 1, total) < Ulp1 / 4);
    }

    [Fact]
    public void LogPriors_match_a_decimal_reference_including_a_class_holding_almost_everything()
    {
        long[] counts = { 1_000_000_000_000, 1, 7, 1_000_000_000_000, 3 };
        long total = counts.Sum();
        double[] logPriors = ClassPriors.LogPriors(counts);
        for (int c = 0; c < counts.Length; c++)
        {
            double expected = LongTailReference.LogRatio(counts[c], total);
            Assert.True(Math.Abs(logPriors[c] - expected) <= 1e-15 * Math.Abs(expected),
                $"class {c}: {logPriors[c]:R} vs {expected:R}");
        }

        // Two classes, one with 1e12 samples and one with 1: log π_0 ≈ −1e-12, where log(n) − log(N) cancels
        // to a few correct digits; the log1p path keeps all of them.
        double[] skewed = ClassPriors.LogPriors(new long[] { 1_000_000_000_000, 1 });
        double reference = LongTailReference.LogRatio(1_000_000_000_000, 1_000_000_000_001);
        Assert.True(Math.Abs(skewed[0] - reference) <= 1e-15 * Math.Abs(reference), $"{skewed[0]:R} vs {reference:R}");
        double naive = Math.Log(1e12) - Math.Log(1_000_000_000_001.0);
        Assert.True(Math.Abs(naive - reference) > 1e-6 * Math.Abs(reference), "the naive form should cancel");
    }

    private static readonly Gen<long[]> Counts =
        Gen.OneOf(Gen.Long[1, 1_000_000_000_000], Gen.Long[1, 1000], Gen.Const(1L)).Array[2, 300];

    [Fact]
    public void Property_log_priors_match_the_reference_and_priors_sum_to_one()
    {
        Counts.Sample(counts =>
        {
            long total = counts.Sum();
            double[] priors = ClassPriors.Priors(counts);
            double[] logPriors = ClassPriors.LogPriors(counts);
            for (int c = 0; c < counts.Length; c++)
            {
                double expected = LongTailReference.LogRatio(counts[c], total);
                if (Math.Abs(logPriors[c] - expected) > 1e-15 * Math.Abs(expected)) return false;
                if (LongTailReference.RelativeErrorOfRatio(priors[c], counts[c], total) > Ulp1) return false;
            }

            return Math.Abs(priors.Sum() - 1.0) <= 1e-12;
        }, iter: 200);
    }

    [Fact]
    public void Balanced_softmax_shift_log_n_differs_from_log_prior_by_one_constant()
    {
        long[] counts = { 900, 90, 9 };
        double[] logPriors = ClassPriors.LogPriors(counts);
        for (int c = 0; c < counts.Length; c++)
        {
            double expected = Math.Log(counts[c]) - Math.Log(999);
            Assert.True(Math.Abs(logPriors[c] - expected) <= 4e-15, $"class {c}: {logPriors[c]:R} vs {expected:R}");
        }
    }

    [Fact]
    public void Zero_counts_are_rejected_by_default_with_the_fix_in_the_message()
    {
        var ex = Assert.Throws<ArgumentException>(() => ClassPriors.LogPriors(new long[] { 5, 0, 3 }));
        Assert.Equal("counts", ex.ParamName);
        Assert.Contains("Class 1 has count 0", ex.Message);
        Assert.Contains("not a usable logit shift", ex.Message);
        Assert.Contains("ZeroCountPolicy.ZeroWeight", ex.Message);
    }

    [Fact]
    public void Zero_weight_opt_in_gives_prior_zero_and_log_prior_minus_infinity()
    {
        double[] priors = ClassPriors.Priors(new long[] { 5, 0, 3 }, ZeroCountPolicy.ZeroWeight);
        double[] logPriors = ClassPriors.LogPriors(new long[] { 5, 0, 3 }, ZeroCountPolicy.ZeroWeight);
        Assert.Equal(new[] { 5.0 / 8, 0.0, 3.0 / 8 }, priors);
        Assert.Equal(double.NegativeInfinity, logPriors[1]);
        Assert.Equal(Math.Log(5.0 / 8), logPriors[0], 15);
    }

    [Fact]
    public void Bad_counts_are_rejected_with_clear_messages()
    {
        Assert.Contains("empty", Assert.Throws<ArgumentException>(() => ClassPriors.Priors(Array.Empty<long>())).Message);
        Assert.Contains("negative count -2",
            Assert.Throws<ArgumentException>(() => ClassPriors.Priors(new long[] { 1, -2 })).Message);
        Assert.Contains("All 2 counts are 0",
            Assert.Throws<ArgumentException>(() => ClassPriors.Priors(new long[] { 0, 0 }, ZeroCountPolicy.ZeroWeight)).Message);
        Assert.Contains("Int64.MaxValue",
            Assert.Throws<ArgumentException>(() => ClassPriors.LogPriors(new[] { long.MaxValue, 1L })).Message);
        var policy = Assert.Throws<ArgumentOutOfRangeException>(() => ClassPriors.Priors(new long[] { 1 }, (ZeroCountPolicy)7));
        Assert.Equal("zeroCounts", policy.ParamName);
    }

    [Fact]
    public void Counts_summing_to_exactly_Int64_MaxValue_are_accepted()
    {
        // The largest legal total: the overflow check must not fire one early. π_1 = 1 / (2^63 − 1) rounds to 2^−63.
        double[] priors = ClassPriors.Priors(new[] { long.MaxValue - 1, 1L });
        Assert.Equal(Math.Pow(2, -63), priors[1]);
        Assert.Equal(1.0, priors[0]);
        Assert.Contains("Int64", Assert.Throws<ArgumentException>(() => ClassPriors.Priors(new[] { long.MaxValue, 1L })).Message);
    }
}
