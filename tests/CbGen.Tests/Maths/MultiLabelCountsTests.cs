using System;

namespace CbGen.Tests.Maths;

/// <summary>Multi-label counts: positives n_c out of N samples, their negatives N − n_c and priors n_c / N, and
/// the sets that are not multi-label counts (N ≤ 0, a count above N, a negative count).</summary>
public sealed class MultiLabelCountsTests
{
    [Fact]
    public void Negatives_and_priors_of_counts_that_sum_past_N()
    {
        // 3 samples: {a, b}, {a}, {b, c}; Σ n_c = 5 > N = 3, which single-label priors cannot express.
        long[] counts = { 2, 2, 1 };
        Assert.Null(MultiLabelCounts.Problem(counts, 3));
        Assert.Equal(new long[] { 1, 1, 2 }, MultiLabelCounts.Negatives(counts, 3));
        Assert.Equal(new[] { 2 / 3.0, 2 / 3.0, 1 / 3.0 }, MultiLabelCounts.Priors(counts, 3));
    }

    [Fact]
    public void Log_priors_are_log_of_positives_out_of_N_and_keep_their_digits_near_1()
    {
        long[] counts = { 2, 2, 1, 0 };
        double[] logPriors = MultiLabelCounts.LogPriors(counts, 3);
        Assert.Equal(Math.Log(2 / 3.0), logPriors[0], 1e-15);
        Assert.Equal(Math.Log(1 / 3.0), logPriors[2], 1e-15);
        Assert.Equal(double.NegativeInfinity, logPriors[3]);

        // A class on all but one of 10^12 samples: log(1 − 10^−12) = −10^−12 − 5·10^−25, which log(n / N) loses.
        double nearOne = MultiLabelCounts.LogPriors(new[] { 999_999_999_999L }, 1_000_000_000_000L)[0];
        Assert.Equal(-1e-12 - 5e-25, nearOne, 1e-27);
        Assert.Throws<ArgumentException>(() => MultiLabelCounts.LogPriors(counts, 1));
    }

    [Fact]
    public void Prior_logits_are_log_odds_of_the_priors_and_infinite_at_0_and_N()
    {
        long[] counts = { 2, 1, 3, 0 };
        double[] priorLogits = MultiLabelCounts.PriorLogits(counts, 3);
        Assert.Equal(Math.Log(2.0), priorLogits[0], 1e-15);
        Assert.Equal(-Math.Log(2.0), priorLogits[1], 1e-15);
        Assert.Equal(double.PositiveInfinity, priorLogits[2]);
        Assert.Equal(double.NegativeInfinity, priorLogits[3]);

        // Half the samples: odds 1, prior logit exactly 0; and a count above N is refused as the other tables refuse it.
        Assert.Equal(0.0, MultiLabelCounts.PriorLogits(new[] { 500L }, 1000)[0]);
        Assert.Contains("class 0 has 4 positives out of 3 samples",
            Assert.Throws<ArgumentException>(() => MultiLabelCounts.PriorLogits(new[] { 4L }, 3)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_class_on_every_sample_and_a_class_on_none_are_valid()
    {
        long[] counts = { 7, 0 };
        Assert.Equal(new long[] { 0, 7 }, MultiLabelCounts.Negatives(counts, 7));
        Assert.Equal(new[] { 1.0, 0.0 }, MultiLabelCounts.Priors(counts, 7));
    }

    [Theory]
    [InlineData(0L, "N is 0")]
    [InlineData(-3L, "N is -3")]
    [InlineData(4L, "class 1 has 5 positives out of 4 samples")]
    public void Counts_that_are_not_multi_label_counts_are_rejected_naming_the_fix(long samples, string expected)
    {
        long[] counts = { 2, 5 };
        string? problem = MultiLabelCounts.Problem(counts, samples);
        Assert.NotNull(problem);
        Assert.Contains(expected, problem, StringComparison.Ordinal);
        var error = Assert.Throws<ArgumentException>(() => MultiLabelCounts.Priors(counts, samples));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => MultiLabelCounts.Negatives(counts, samples));
    }

    [Fact]
    public void A_negative_count_is_rejected()
    {
        Assert.Contains("negative count -1", MultiLabelCounts.Problem(new long[] { 3, -1 }, 10), StringComparison.Ordinal);
    }

    /// <summary>The parameter at fault is named: <c>counts</c> for a count, <c>samples</c> for N.</summary>
    [Fact]
    public void The_error_names_counts_for_a_bad_count_and_samples_for_a_bad_N()
    {
        Assert.Equal("counts", Assert.Throws<ArgumentException>(() => MultiLabelCounts.Priors(new long[] { -1, 3 }, 10)).ParamName);
        Assert.Equal("counts", Assert.Throws<ArgumentException>(() => MultiLabelCounts.Priors(new long[] { 11, 3 }, 10)).ParamName);
        Assert.Equal("samples", Assert.Throws<ArgumentException>(() => MultiLabelCounts.Priors(new long[] { 1, 3 }, 0)).ParamName);
    }

    /// <summary>No counts is not a count set, as everywhere else counts are required (C ≥ 1): every function refuses
    /// it, and Problem says so.</summary>
    [Fact]
    public void Empty_counts_are_refused_by_every_function()
    {
        Assert.Equal(
            "the counts are empty; pass the positives n_c of each class, one count per class (C ≥ 1)",
            MultiLabelCounts.Problem(Array.Empty<long>(), 10));
        var calls = new Func<object>[]
        {
            () => MultiLabelCounts.Priors(Array.Empty<long>(), 10),
            () => MultiLabelCounts.LogPriors(Array.Empty<long>(), 10),
            () => MultiLabelCounts.PriorLogits(Array.Empty<long>(), 10),
            () => MultiLabelCounts.Negatives(Array.Empty<long>(), 10),
        };
        foreach (var call in calls)
        {
            var e = Assert.Throws<ArgumentException>(() => call());
            Assert.Equal("counts", e.ParamName);
            Assert.StartsWith("Invalid multi-label counts: the counts are empty", e.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Priors_past_2_to_the_53_keep_their_relative_accuracy()
    {
        long samples = (1L << 60) + 1;
        double prior = MultiLabelCounts.Priors(new[] { 1L << 59 }, samples)[0];
        Assert.Equal(0.5, prior, 15);
    }
}
