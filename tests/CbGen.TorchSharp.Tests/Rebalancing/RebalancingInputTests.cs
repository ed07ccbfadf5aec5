using System;
using CbGen.TorchSharp;
using TorchSharp;
using static TorchSharp.torch;

namespace CbGen.TorchSharp.Tests;

/// <summary>Bad input to <see cref="ClassifierNorms"/> and <see cref="ClassifierRetraining"/>: an
/// <see cref="ArgumentException"/> naming the problem and the fix, never a NaN, a native error or a silent answer.</summary>
public class RebalancingInputTests
{
    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(-0.5)]
    public void A_tau_that_is_not_finite_and_non_negative_is_refused_naming_the_range(double tau)
    {
        using var w = ones(3, 2);
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => ClassifierNorms.TauNormalize(w, tau));
        Assert.Equal("tau", e.ParamName);
        Assert.Contains("finite and ≥ 0", e.Message, StringComparison.Ordinal);
        Assert.Contains("SelectTau", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_tau_in_the_grid_and_an_empty_grid_are_refused()
    {
        using var head = nn.Linear(2, 3);
        using var x = ones(4, 2);
        using var y = tensor(new long[] { 0, 1, 2, 0 });
        Assert.Equal("taus", Assert.Throws<ArgumentOutOfRangeException>(() => ClassifierNorms.SelectTau(head, x, y, new[] { 0.5, double.NaN })).ParamName);
        Assert.Contains("at least one τ", Assert.Throws<ArgumentException>(() => ClassifierNorms.SelectTau(head, x, y, Array.Empty<double>())).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void A_MaxNorm_bound_that_is_not_positive_and_finite_is_refused(double bound)
    {
        using var w = ones(3, 2);
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => ClassifierNorms.ProjectMaxNorm(w, bound));
        Assert.Equal("maxNorm", e.ParamName);
        Assert.Contains("finite and > 0", e.Message, StringComparison.Ordinal);
        using var expected = ones(3, 2);
        Assert.True(w.eq(expected).all().item<bool>(), "a refused projection must leave the weight alone");

        using var head = nn.Linear(2, 2);
        using var x = ones(4, 2);
        using var y = tensor(new long[] { 0, 1, 0, 1 });
        Assert.Throws<ArgumentOutOfRangeException>(() => ClassifierRetraining.Retrain(head, x, y, new ClassifierRetrainingOptions { MaxNorm = bound }));
    }

    [Fact]
    public void A_MaxNorm_bound_for_weight_scaling_is_refused_rather_than_ignored()
    {
        using var head = nn.Linear(2, 2);
        using var x = ones(4, 2);
        using var y = tensor(new long[] { 0, 1, 0, 1 });
        var e = Assert.Throws<ArgumentException>(() =>
            ClassifierRetraining.LearnWeightScaling(head, x, y, new ClassifierRetrainingOptions { MaxNorm = 1.0 }));
        Assert.Equal("options.MaxNorm", e.ParamName);
        Assert.Contains("Leave MaxNorm null for LearnWeightScaling", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_data_set_is_refused()
    {
        using var head = nn.Linear(2, 3);
        using var x = zeros(0, 2);
        using var y = zeros(0, dtype: int64);
        var e = Assert.Throws<ArgumentException>(() => ClassifierRetraining.Retrain(head, x, y));
        Assert.Contains("The data set is empty", e.Message, StringComparison.Ordinal);
        Assert.Contains("empty", Assert.Throws<ArgumentException>(() => ClassifierNorms.SelectTau(head, x, y)).Message, StringComparison.Ordinal);
        Assert.Contains("empty", Assert.Throws<ArgumentException>(() => ClassifierRetraining.LearnWeightScaling(head, x, y)).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("SelectTau")]
    [InlineData("Retrain")]
    [InlineData("LearnWeightScaling")]
    public void Labels_on_another_device_than_the_features_are_refused_naming_both(string entry)
    {
        using var head = nn.Linear(2, 3);
        using var x = randn(6, 2);
        using var y = tensor(new long[] { 0, 1, 2, 0, 1, 2 }).to(new Device("meta"));

        var e = Assert.Throws<ArgumentException>(() => RebalancingFeatureTests.Call(entry, head, x, y));

        Assert.Equal("labels", e.ParamName);
        Assert.Contains("The labels are on meta but the features are on cpu", e.Message, StringComparison.Ordinal);
        Assert.Contains(".to(features.device)", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_class_without_rows_is_refused_naming_the_option_and_accepted_when_asked()
    {
        using var head = nn.Linear(2, 3);
        using var x = randn(6, 2);
        using var y = tensor(new long[] { 0, 0, 1, 1, 0, 1 });      // class 2 has no rows
        var e = Assert.Throws<ArgumentException>(() => ClassifierRetraining.Retrain(head, x, y));
        Assert.Equal("labels", e.ParamName);
        Assert.Contains("Class 2 has no rows", e.Message, StringComparison.Ordinal);
        Assert.Contains("ClassifierRetrainingOptions.ZeroCounts = ZeroCountPolicy.ZeroWeight", e.Message, StringComparison.Ordinal);

        double[] losses = ClassifierRetraining.Retrain(head, x, y, new ClassifierRetrainingOptions { ZeroCounts = ZeroCountPolicy.ZeroWeight, Epochs = 2 });
        Assert.All(losses, l => Assert.True(double.IsFinite(l)));
    }

    [Fact]
    public void Shapes_labels_and_options_that_do_not_fit_are_refused_with_the_fix()
    {
        using var head = nn.Linear(2, 3);
        using var x = randn(4, 2);
        using var wide = randn(4, 5);
        using var y = tensor(new long[] { 0, 1, 2, 0 });
        using var outside = tensor(new long[] { 0, 1, 3, 0 });
        using var floats = ones(4);
        Assert.Contains("pass the activations that feed this layer", Assert.Throws<ArgumentException>(() => ClassifierRetraining.Retrain(head, wide, y)).Message, StringComparison.Ordinal);
        Assert.Contains("Row 2 has label 3", Assert.Throws<ArgumentException>(() => ClassifierRetraining.Retrain(head, x, outside)).Message, StringComparison.Ordinal);
        Assert.Contains("int64", Assert.Throws<ArgumentException>(() => ClassifierRetraining.Retrain(head, x, floats)).Message, StringComparison.Ordinal);
        Assert.Contains("ClassifierRetrainingOptions.Epochs must be ≥ 1", Assert.Throws<ArgumentException>(() => ClassifierRetraining.Retrain(head, x, y, new ClassifierRetrainingOptions { Epochs = 0 })).Message, StringComparison.Ordinal);
        Assert.Contains("ClassifierRetrainingOptions.LearningRate must be finite and > 0", Assert.Throws<ArgumentException>(() => ClassifierRetraining.Retrain(head, x, y, new ClassifierRetrainingOptions { LearningRate = double.NaN })).Message, StringComparison.Ordinal);
        Assert.Contains("finite q", Assert.Throws<ArgumentException>(() => ClassifierRetraining.Retrain(head, x, y, new ClassifierRetrainingOptions { SamplingPower = double.NaN })).Message, StringComparison.Ordinal);
    }

    public static TheoryData<string, ClassifierRetrainingOptions, string> BadOptions()
    {
        var data = new TheoryData<string, ClassifierRetrainingOptions, string>();
        foreach (string entry in new[] { "Retrain", "LearnWeightScaling" })
        {
            data.Add(entry, new ClassifierRetrainingOptions { SamplingPower = double.NaN }, "SamplingPower");
            data.Add(entry, new ClassifierRetrainingOptions { SamplingPower = -1.0 }, "SamplingPower");
            data.Add(entry, new ClassifierRetrainingOptions { SamplingPower = double.PositiveInfinity }, "SamplingPower");
            data.Add(entry, new ClassifierRetrainingOptions { MaxNorm = -1.0 }, "MaxNorm");
            data.Add(entry, new ClassifierRetrainingOptions { MaxNorm = 1e-300 }, "MaxNorm");
            data.Add(entry, new ClassifierRetrainingOptions { Epochs = 0 }, "Epochs");
            data.Add(entry, new ClassifierRetrainingOptions { BatchSize = 0 }, "BatchSize");
            data.Add(entry, new ClassifierRetrainingOptions { LearningRate = double.NaN }, "LearningRate");
            data.Add(entry, new ClassifierRetrainingOptions { Momentum = -1.0 }, "Momentum");
            data.Add(entry, new ClassifierRetrainingOptions { WeightDecay = double.PositiveInfinity }, "WeightDecay");
            data.Add(entry, new ClassifierRetrainingOptions { ZeroCounts = (ZeroCountPolicy)99 }, "ZeroCounts");
        }

        data.Add("LearnWeightScaling", new ClassifierRetrainingOptions { MaxNorm = 1.0 }, "MaxNorm");
        return data;
    }

    [Theory]
    [MemberData(nameof(BadOptions))]
    public void A_bad_option_is_refused_naming_the_property_in_the_message_and_the_ParamName(
        string entry, ClassifierRetrainingOptions options, string property)
    {
        using var head = nn.Linear(2, 3);
        using var x = randn(6, 2);
        using var y = tensor(new long[] { 0, 1, 2, 0, 1, 2 });

        var e = Assert.ThrowsAny<ArgumentException>(() => RebalancingFeatureTests.Call(entry, head, x, y, options));

        Assert.Equal("options." + property, e.ParamName);
        Assert.Contains("ClassifierRetrainingOptions." + property, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_direct_calls_keep_their_own_wording()
    {
        var q = Assert.Throws<ArgumentException>(() => CbGen.Sampling.SamplingProbabilities.Power(new long[] { 3, 1 }, double.NaN));
        Assert.Equal("The sampling exponent q is NaN; pass a finite q ≥ 0 (0 class-balanced, 0.5 square-root, 1 "
            + "instance-balanced). (Parameter 'q')", q.Message);

        using var w = ones(3, 2);
        var bound = Assert.Throws<ArgumentOutOfRangeException>(() => ClassifierNorms.ProjectMaxNorm(w, -1.0));
        Assert.StartsWith("The MaxNorm bound must be finite and > 0 (it is the largest L2 norm a class row may keep;",
            bound.Message, StringComparison.Ordinal);
    }
}
