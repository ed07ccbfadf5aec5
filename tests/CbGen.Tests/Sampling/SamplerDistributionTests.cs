using System;
using System.Linq;
using CbGen.Sampling;

namespace CbGen.Tests.Sampling;

/// <summary>
/// Each sampler's draws against its class probabilities: 10^6 rows drawn with a fixed seed, mapped to their labels,
/// and a chi-square goodness-of-fit test at α = 0.001 on C − 1 degrees of freedom. The probabilities themselves are
/// checked against the papers' formulas written out here.
/// </summary>
public class SamplerDistributionTests
{
    private const int Draws = 1_000_000;

    public static TheoryData<string> Kinds() => new() { "class-balanced", "square-root", "q=0.3", "q=1", "progressive 2/5", "repeat-factor 0.1" };

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Draws_fit_the_class_probabilities(string kind)
    {
        int[] labels = SamplerData.LongTailLabels();
        var index = new LabelIndex(labels, 10);
        IndexSampler sampler = Build(kind, index, seed: 20260601);

        long[] histogram = SamplerData.ClassHistogram(sampler, labels, Draws, EpochOf(kind));

        ChiSquare.AssertFits(histogram, Expected(kind, index.Counts()), kind);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void The_sampler_uses_the_formula_probabilities(string kind)
    {
        var index = new LabelIndex(SamplerData.LongTailLabels(), 10);
        double[] actual = Build(kind, index, seed: 1).ClassProbabilities(EpochOf(kind));
        double[] expected = Expected(kind, index.Counts());
        for (int c = 0; c < expected.Length; c++)
        {
            Assert.Equal(expected[c], actual[c], 12);
        }
    }

    [Fact]
    public void Classes_drawn_alone_fit_the_class_probabilities()
    {
        var index = new LabelIndex(SamplerData.LongTailLabels(), 10);
        IndexSampler sampler = IndexSampler.SquareRoot(index, seed: 17);
        IndexStream stream = sampler.Stream(0);

        long[] histogram = ChiSquare.Histogram(10, Draws, stream.NextClass);

        ChiSquare.AssertFits(histogram, Expected("square-root", index.Counts()), "NextClass of a square-root sampler");
    }

    [Fact]
    public void Rows_within_a_class_are_drawn_uniformly()
    {
        int[] counts = { 400, 100, 20, 5 };
        int[] labels = SamplerData.Labels(counts);
        IndexStream stream = IndexSampler.ClassBalanced(new LabelIndex(labels, 4), seed: 5).Stream(0);

        long[] rows = ChiSquare.Histogram(labels.Length, Draws, () => (int)stream.Next());

        double[] expected = labels.Select(c => 0.25 / counts[c]).ToArray();
        ChiSquare.AssertFits(rows, expected, "rows of a class-balanced sampler");
    }

    [Fact]
    public void The_critical_value_matches_the_table()
    {
        // NIST/SEMATECH e-Handbook, upper critical values of the chi-square distribution at α = 0.001.
        Assert.Equal(10.828, ChiSquare.Critical(1), 2);
        Assert.Equal(27.877, ChiSquare.Critical(9), 2);
        Assert.Equal(149.449, ChiSquare.Critical(100), 2);
    }

    private static IndexSampler Build(string kind, LabelIndex index, long seed) => kind switch
    {
        "class-balanced" => IndexSampler.ClassBalanced(index, seed),
        "square-root" => IndexSampler.SquareRoot(index, seed),
        "q=0.3" => IndexSampler.Power(index, 0.3, seed),
        "q=1" => IndexSampler.Power(index, 1.0, seed),
        "progressive 2/5" => IndexSampler.ProgressivelyBalanced(index, totalEpochs: 5, seed),
        "repeat-factor 0.1" => IndexSampler.RepeatFactor(index, 0.1, seed),
        _ => throw new ArgumentException(kind),
    };

    /// <summary>The epoch drawn: 2 of 5 for progressive balancing (a mixture, not an end point), else 0.</summary>
    private static int EpochOf(string kind) => kind.StartsWith("progressive", StringComparison.Ordinal) ? 2 : 0;

    /// <summary>The papers' formulas, written independently of the library.</summary>
    private static double[] Expected(string kind, long[] n)
    {
        double total = n.Sum();
        double[] Normalise(double[] w) => w.Select(x => x / w.Sum()).ToArray();
        return kind switch
        {
            "class-balanced" => n.Select(_ => 1.0 / n.Length).ToArray(),
            "square-root" => Normalise(n.Select(x => Math.Sqrt(x)).ToArray()),
            "q=0.3" => Normalise(n.Select(x => Math.Pow(x, 0.3)).ToArray()),
            "q=1" => n.Select(x => x / total).ToArray(),
            // Kang et al.: p(t) = (1 − t/T)·p^IB + (t/T)·p^CB at t = 2, T = 5.
            "progressive 2/5" => n.Select(x => 0.6 * (x / total) + 0.4 / n.Length).ToArray(),
            // Gupta et al.: r_c = max(1, √(t / f_c)), f_c = n_c / N; a row is drawn ∝ its class's r.
            "repeat-factor 0.1" => Normalise(n.Select(x => x * Math.Max(1.0, Math.Sqrt(0.1 / (x / total)))).ToArray()),
            _ => throw new ArgumentException(kind),
        };
    }
}
