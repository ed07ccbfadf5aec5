using System;
using TorchSharp;
using static TorchSharp.torch;

namespace CbGen.IntegrationTests;

/// <summary>A multi-label label set: each count is the samples, out of 1,000, that carry the label.</summary>
[ClassBalanced(Beta = 0.999, Loss = CbLoss.Sigmoid, Samples = 1000, Device = CbDevice.Cpu)]
public enum Genre
{
    /// <summary>On nine samples in ten.</summary>
    [Samples(900)] Pop,

    /// <summary>On one sample in ten.</summary>
    [Samples(100)] Jazz,

    /// <summary>On one sample in 200.</summary>
    [Samples(5)] Polka,
}

/// <summary>The generated <c>AdjustLogits</c> of a multi-label config: each class's logit feeds its own sigmoid, so
/// the balanced threshold is the class's prior logit log(p_c / (1 − p_c)), not the softmax's log p_c.</summary>
public sealed class MultiLabelAdjustLogitsTests
{
    private static readonly long[] Counts = { 900, 100, 5 };

    private const long N = 1000;

    [Fact]
    public void A_model_that_predicts_each_label_s_prior_gets_adjusted_logits_of_zero()
    {
        using var scope = NewDisposeScope();
        // σ(z_c) = p_c for every sample: a model that knows nothing but the priors. Balanced, it has no preference
        // either way for any label, so every adjusted logit is 0 (σ = ½).
        double[] priorLogits = new double[Counts.Length];
        for (int c = 0; c < Counts.Length; c++)
        {
            double p = Counts[c] / (double)N;
            priorLogits[c] = Math.Log(p / (1 - p));
        }

        var logits = tensor(priorLogits, dtype: ScalarType.Float64).unsqueeze(0).repeat(4, 1);
        double[] adjusted = GenreWeights.AdjustLogits(logits).data<double>().ToArray();
        foreach (double value in adjusted)
        {
            Assert.Equal(0.0, value, 1e-12);
        }
    }

    [Theory]
    [InlineData(1.0)]
    [InlineData(0.5)]
    [InlineData(0.0)]
    public void AdjustLogits_subtracts_tau_times_the_prior_logit_of_each_class(double tau)
    {
        using var scope = NewDisposeScope();
        var logits = randn(5, Counts.Length, dtype: ScalarType.Float64, generator: new Generator(7));
        double[] input = logits.data<double>().ToArray();
        double[] adjusted = GenreWeights.AdjustLogits(logits, tau).data<double>().ToArray();
        for (int i = 0; i < input.Length; i++)
        {
            long n = Counts[i % Counts.Length];
            double expected = input[i] - (tau * (Math.Log(n) - Math.Log(N - n)));
            Assert.Equal(expected, adjusted[i], 1e-13);
        }
    }

    [Fact]
    public void The_prior_logits_table_holds_log_p_over_one_minus_p()
    {
        Assert.Equal(
            new[] { Math.Log(9.0), Math.Log(1.0 / 9.0), Math.Log(5.0 / 995.0) },
            GenreWeights.PriorLogits.ToArray(),
            new ToleranceComparer(1e-15));
        Assert.Equal(MultiLabelCounts.PriorLogits(Counts, N), GenreWeights.PriorLogits.ToArray());
    }

    /// <summary>Logits of the wrong width are named with their column count and the table's class count (the caller
    /// never passes the table), and a bad τ is worded for per-class sigmoids too.</summary>
    [Fact]
    public void Bad_logits_and_tau_are_named_in_the_caller_s_terms()
    {
        using var scope = NewDisposeScope();
        var width = Assert.Throws<ArgumentException>(() => GenreWeights.AdjustLogits(zeros(4, 2)));
        Assert.Equal("logits", width.ParamName);
        Assert.StartsWith("Expected 'logits' to have C = 3 columns", width.Message, StringComparison.Ordinal);
        Assert.Contains("got 2 (shape [4, 2])", width.Message, StringComparison.Ordinal);

        var tau = Assert.Throws<ArgumentOutOfRangeException>(() => GenreWeights.AdjustLogits(zeros(4, 3), double.NaN));
        Assert.Equal("tau", tau.ParamName);
        Assert.DoesNotContain("cross-entropy", tau.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("balanced error", tau.Message, StringComparison.Ordinal);
    }

    private sealed class ToleranceComparer(double tolerance) : System.Collections.Generic.IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) <= tolerance * Math.Max(1.0, Math.Abs(x));

        public int GetHashCode(double obj) => 0;
    }
}
