using System;
using System.Linq;
using CbGen.Sampling;

namespace CbGen.Tests.Sampling;

/// <summary>The alias table's columns, read back, give the requested probabilities on small cases; a weight of 0 is
/// never drawable; bad weights are refused.</summary>
public class AliasTableTests
{
    public static TheoryData<double[]> SmallCases() => new()
    {
        new[] { 1.0 },
        new[] { 1.0, 1.0 },
        new[] { 1.0, 2.0, 3.0, 4.0 },
        new[] { 0.0, 1.0, 0.0, 3.0 },
        new[] { 1e-9, 1.0, 1.0 },
        new[] { 0.7, 0.2, 0.1 },
        new[] { 1000.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0 },
        Enumerable.Range(0, 50).Select(i => Math.Pow(0.9, i)).ToArray(),
    };

    [Theory]
    [MemberData(nameof(SmallCases))]
    public void The_columns_hold_the_exact_probabilities(double[] weights)
    {
        var table = new AliasTable(weights);
        double sum = weights.Sum();

        Assert.Equal(weights.Length, table.Count);
        for (int i = 0; i < weights.Length; i++)
        {
            double exact = weights[i] / sum;
            // Quantised to 1 / (n · 2^32), the largest outcome taking the rounding: within 2^-32.
            Assert.True(Math.Abs(table.Probability(i) - exact) <= 1.0 / 4294967296.0,
                "outcome " + i + ": " + table.Probability(i).ToString("R") + " vs " + exact.ToString("R"));
            if (weights[i] == 0.0)
            {
                Assert.Equal(0.0, table.Probability(i));
            }
        }

        Assert.Equal(1.0, Enumerable.Range(0, weights.Length).Sum(table.Probability), 12);
    }

    [Fact]
    public void A_tiny_positive_weight_stays_drawable()
    {
        var table = new AliasTable(new[] { 1e-30, 1.0 });

        Assert.True(table.Probability(0) > 0.0);
    }

    [Theory]
    [InlineData(new double[0], "empty")]
    [InlineData(new[] { 1.0, double.NaN }, "finite and ≥ 0")]
    [InlineData(new[] { 1.0, -1.0 }, "finite and ≥ 0")]
    [InlineData(new[] { 1.0, double.PositiveInfinity }, "finite and ≥ 0")]
    [InlineData(new[] { 0.0, 0.0 }, "at least one outcome")]
    public void Bad_weights_are_refused(double[] weights, string fix)
    {
        var e = Assert.Throws<ArgumentException>(() => new AliasTable(weights));

        Assert.Contains(fix, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Probability_outside_the_outcomes_is_refused()
    {
        var table = new AliasTable(new[] { 1.0, 2.0 });

        Assert.Throws<ArgumentOutOfRangeException>(() => table.Probability(2));
        Assert.Throws<ArgumentOutOfRangeException>(() => table.Probability(-1));
    }
}
