namespace CbGen.Tests.Maths;

/// <summary>The weight-collapse rule (CB011 in the generator, the warning of cbgen weights/enum), against effective
/// numbers worked out by hand: E_n = (1 - β^n) / (1 - β).</summary>
public sealed class WeightCollapseTests
{
    [Fact]
    public void A_small_beta_for_very_different_counts_collapses_and_suggests_N_minus_1_over_N()
    {
        // β = 0.5: E_1000 = 2 and E_10 = (1 - 0.5^10) / 0.5 = 1.998046875, so the weights differ by 2 / 1.998046875.
        WeightCollapse? collapse = WeightCollapse.Check(new long[] { 1000, 10 }, 0.5, ZeroCountPolicy.Throw);
        Assert.NotNull(collapse);
        Assert.Equal(2.0 / 1.998046875, collapse!.Ratio, 12);
        Assert.Equal(1000, collapse.LargestCount);
        Assert.Equal(10, collapse.SmallestCount);
        Assert.Equal(100.0, collapse.CountRatio);
        Assert.Equal(0.999, collapse.SuggestedBeta, 15);
    }

    [Fact]
    public void Weights_that_still_differ_by_the_limit_do_not_collapse()
    {
        // β = 0.9: E_1000 ≈ 10 and E_10 = (1 - 0.9^10) / 0.1 ≈ 6.513, a ratio of about 1.535 ≥ 1.05.
        Assert.Null(WeightCollapse.Check(new long[] { 1000, 10 }, 0.9, ZeroCountPolicy.Throw));
    }

    [Fact]
    public void Beta_0_and_counts_within_2x_are_never_reported()
    {
        Assert.Null(WeightCollapse.Check(new long[] { 1000, 10 }, 0.0, ZeroCountPolicy.Throw));
        // The N/2 gate: 1000 / 2 = 500 < 501, so these counts are not "very different" whatever β.
        Assert.Null(WeightCollapse.Check(new long[] { 1000, 501 }, 0.5, ZeroCountPolicy.Throw));
        // At exactly half they are.
        Assert.NotNull(WeightCollapse.Check(new long[] { 1000, 500 }, 0.5, ZeroCountPolicy.Throw));
    }

    [Fact]
    public void Empty_classes_are_left_out_of_the_smallest_count_and_weight()
    {
        WeightCollapse? collapse = WeightCollapse.Check(new long[] { 1000, 0, 10 }, 0.5, ZeroCountPolicy.ZeroWeight);
        Assert.NotNull(collapse);
        Assert.Equal(10, collapse!.SmallestCount);
        Assert.Equal(2.0 / 1.998046875, collapse.Ratio, 12);
        Assert.Null(WeightCollapse.Check(new long[] { 0, 0 }, 0.5, ZeroCountPolicy.ZeroWeight));
    }
}
