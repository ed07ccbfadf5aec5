using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.ML;
using Microsoft.ML.Data;
using static CbGen.ML.Tests.ScoredRows;

namespace CbGen.ML.Tests;

/// <summary>mlContext.Transforms.PriorAdjustment: softmax(log p − τ·log π) per row, the argmax as the predicted label,
/// priors matched to the slots by the keys' label values, and a model that saves and loads.</summary>
public class PriorAdjustmentTests
{
    private readonly MLContext _ml = new MLContext(seed: 1);

    // Keys in first-appearance order: "b" is key 1, "a" key 2, "c" key 3, so the slots are (b, a, c).
    private IDataView Scored() => Create(_ml,
        new Row { Label = "b", Predicted = "a", Score = [0.25f, 0.65f, 0.10f] },
        new Row { Label = "a", Predicted = "a", Score = [0.10f, 0.85f, 0.05f] },
        new Row { Label = "c", Predicted = "b", Score = [0.50f, 0.20f, 0.30f] });

    private static readonly Dictionary<string, long> Counts = new() { ["a"] = 80, ["b"] = 15, ["c"] = 5 };

    [Theory]
    [InlineData(1.0)]
    [InlineData(0.5)]
    [InlineData(0.0)]
    public void Scores_are_the_renormalised_adjusted_probabilities_in_key_order(double tau)
    {
        IDataView scored = Scored();
        IDataView adjusted = _ml.Transforms.PriorAdjustment(Counts, tau).Fit(scored).Transform(scored);

        double[] priorsBySlot = [0.15, 0.80, 0.05];   // b, a, c
        float[][] before = Scores(scored);
        float[][] after = Scores(adjusted);
        string[] predicted = Labels(_ml, adjusted, "PredictedLabel");
        string[] slots = ["b", "a", "c"];
        for (int r = 0; r < before.Length; r++)
        {
            double[] expected = Adjusted(before[r].Select(v => (double)v).ToArray(), priorsBySlot, tau);
            Assert.Equal(expected.Length, after[r].Length);
            for (int c = 0; c < expected.Length; c++)
            {
                Assert.Equal(expected[c], after[r][c], 5);
            }

            Assert.Equal(slots[Array.IndexOf(expected, expected.Max())], predicted[r]);
        }
    }

    [Fact]
    public void Tau_one_moves_the_first_row_to_the_rare_class()
    {
        // 0.25/0.15 = 1.67, 0.65/0.80 = 0.81, 0.10/0.05 = 2.0: the rare "c" wins after adjustment, "a" before.
        IDataView scored = Scored();
        IDataView adjusted = _ml.Transforms.PriorAdjustment(Counts).Fit(scored).Transform(scored);
        Assert.Equal("a", Labels(_ml, scored, "PredictedLabel")[0]);
        Assert.Equal("c", Labels(_ml, adjusted, "PredictedLabel")[0]);
    }

    [Fact]
    public void Counts_per_class_index_and_log_priors_match_keys_by_value_not_position()
    {
        // Labels "2", "0", "1" in first-appearance order: key 1 is class 2.
        IDataView scored = Create(_ml,
            new Row { Label = "2", Predicted = "2", Score = [0.5f, 0.3f, 0.2f] },
            new Row { Label = "0", Predicted = "0", Score = [0.2f, 0.6f, 0.2f] },
            new Row { Label = "1", Predicted = "1", Score = [0.1f, 0.1f, 0.8f] });
        long[] counts = [70, 20, 10];
        var fromCounts = _ml.Transforms.PriorAdjustment(counts).Fit(scored);
        var fromLogPriors = _ml.Transforms.PriorAdjustmentFromLogPriors(ClassPriors.LogPriors(counts)).Fit(scored);

        double[] expected = [Math.Log(0.1), Math.Log(0.7), Math.Log(0.2)];   // slots: class 2, 0, 1
        for (int k = 0; k < expected.Length; k++)
        {
            Assert.Equal(expected[k], fromCounts.LogPriors[k], 12);
            Assert.Equal(expected[k], fromLogPriors.LogPriors[k], 12);
        }

        Assert.Equal(Scores(fromCounts.Transform(scored)), Scores(fromLogPriors.Transform(scored)));
    }

    [Fact]
    public void A_saved_adjustment_loads_in_a_fresh_context_and_scores_the_same()
    {
        IDataView scored = Scored();
        PriorAdjustmentTransformer model = _ml.Transforms.PriorAdjustment(Counts).Fit(scored);
        using var stream = new MemoryStream();
        _ml.Model.Save(model, scored.Schema, stream);
        stream.Position = 0;

        ITransformer loaded = new MLContext(seed: 2).Model.Load(stream, out _);
        Assert.Equal(Scores(model.Transform(scored)), Scores(loaded.Transform(scored)));
        Assert.Equal(Labels(_ml, model.Transform(scored), "PredictedLabel"), Labels(_ml, loaded.Transform(scored), "PredictedLabel"));
    }

    [Fact]
    public void A_row_of_zero_scores_keeps_a_prediction()
    {
        // A probability row can underflow to all zeros; the trainer still predicts its first slot for it.
        IDataView scored = Create(_ml,
            new Row { Label = "b", Predicted = "b", Score = [0f, 0f, 0f] },
            new Row { Label = "a", Predicted = "a", Score = [0.1f, 0.8f, 0.1f] },
            new Row { Label = "c", Predicted = "c", Score = [0.1f, 0.1f, 0.8f] });
        IDataView adjusted = _ml.Transforms.PriorAdjustment(Counts).Fit(scored).Transform(scored);
        Assert.Equal("b", Labels(_ml, adjusted, "PredictedLabel")[0]);
    }

    [Fact]
    public void A_class_the_counts_miss_is_an_error_that_names_its_key()
    {
        IDataView scored = Scored();
        var e = Assert.Throws<InvalidOperationException>(() =>
            _ml.Transforms.PriorAdjustment(new Dictionary<string, long> { ["a"] = 80, ["b"] = 15 }).Fit(scored));
        Assert.Contains("label 'c' (key 3)", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(-0.5)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void A_bad_tau_is_refused(double tau)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => _ml.Transforms.PriorAdjustment(Counts, tau));
        Assert.Contains("τ must be finite and ≥ 0", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Actual value was", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_tau_past_what_a_Single_holds_names_its_value_once()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => _ml.Transforms.PriorAdjustment(Counts, 1000.0).Fit(Scored()));
        Assert.Equal("tau", e.ParamName);
        Assert.StartsWith("τ = 1000 with these priors", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Actual value was", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Zero_counts_and_positive_log_priors_are_refused_with_the_fix()
    {
        var zero = Assert.Throws<ArgumentException>(() => _ml.Transforms.PriorAdjustment(new long[] { 5, 0 }));
        Assert.Contains("pseudo-count", zero.Message, StringComparison.Ordinal);
        var positive = Assert.Throws<ArgumentException>(() => _ml.Transforms.PriorAdjustmentFromLogPriors(new[] { -0.1, 0.2 }));
        Assert.Contains("class 1", positive.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Fitting_on_data_without_a_score_column_names_it()
    {
        IDataView data = TestData.View(_ml, ("a", 3));
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => _ml.Transforms.PriorAdjustment(Counts).Fit(data));
        Assert.Contains("Score column 'Score' is missing", e.Message, StringComparison.Ordinal);
    }
}
