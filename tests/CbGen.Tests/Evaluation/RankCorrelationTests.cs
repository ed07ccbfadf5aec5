using System;
using CbGen.Evaluation;

namespace CbGen.Tests.Evaluation;

public sealed class RankCorrelationTests
{
    [Fact]
    public void Same_order_is_one_and_reversed_order_is_minus_one()
    {
        Assert.Equal(1.0, RankCorrelation.Spearman(new[] { 1.0, 5, 9, 10 }, new[] { 0.1, 0.2, 3, 40 }), 15);
        Assert.Equal(-1.0, RankCorrelation.Spearman(new[] { 1.0, 5, 9, 10 }, new[] { 4.0, 3, 2, 1 }), 15);
    }

    [Fact]
    public void Matches_the_textbook_formula_without_ties()
    {
        // ρ = 1 − 6 Σ d² / (n (n² − 1)); ranks x: 1..5, y: 2,1,4,3,5 → Σd² = 4 → ρ = 1 − 24/120 = 0.8.
        Assert.Equal(0.8, RankCorrelation.Spearman(new[] { 1.0, 2, 3, 4, 5 }, new[] { 20.0, 10, 40, 30, 50 }), 15);
    }

    [Fact]
    public void Ties_share_their_mean_rank()
    {
        // x ranks 1.5, 1.5, 3, 4; y ranks 1..4: Pearson of those ranks, worked out by hand = 0.9486832980505138.
        Assert.Equal(0.9486832980505138, RankCorrelation.Spearman(new[] { 1.0, 1, 2, 3 }, new[] { 1.0, 2, 3, 4 }), 14);
    }

    [Fact]
    public void Undefined_cases_are_refused()
    {
        Assert.Throws<ArgumentException>(() => RankCorrelation.Spearman(new[] { 1.0 }, new[] { 2.0 }));
        Assert.Throws<ArgumentException>(() => RankCorrelation.Spearman(new[] { 1.0, 2 }, new[] { 2.0 }));
        Assert.Contains("same", Assert.Throws<ArgumentException>(() => RankCorrelation.Spearman(new[] { 1.0, 1 }, new[] { 1.0, 2 })).Message);
        Assert.Contains("NaN", Assert.Throws<ArgumentException>(() => RankCorrelation.Spearman(new[] { 1.0, double.NaN }, new[] { 1.0, 2 })).Message);
    }
}
