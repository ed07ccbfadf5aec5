using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.ML;
using static CbGen.ML.Tests.ScoredRows;

namespace CbGen.ML.Tests;

/// <summary>The prior adjustment of score rows far below 1 (subnormal, one-hot tiny, all zero): a finite adjusted Score
/// and the argmax of score_c·π_c^−τ (computed here in double) as the predicted label, before and after save and load.
/// Single precision cannot hold 1 / Σ of such a row, so a plain L1 step would turn it into ∞ and NaN.</summary>
public class PriorAdjustmentTinyScoreTests
{
    private readonly MLContext _ml = new MLContext(seed: 1);

    private static readonly Dictionary<string, long> Counts = new() { ["a"] = 80, ["b"] = 15, ["c"] = 5 };

    private static readonly double[] PriorsBySlot = [0.15, 0.80, 0.05];   // b, a, c

    private static readonly string[] Slots = ["b", "a", "c"];

    private const float E = float.Epsilon;   // 1.4e-45, the smallest subnormal

    // Keys in first-appearance order (b, a, c), as in PriorAdjustmentTests.
    private IDataView Tiny() => Create(_ml,
        new Row { Label = "b", Predicted = "b", Score = [E, 0f, 0f] },
        new Row { Label = "a", Predicted = "a", Score = [0f, E, 0f] },
        new Row { Label = "c", Predicted = "c", Score = [0f, 0f, 3e-39f] },
        new Row { Label = "a", Predicted = "a", Score = [2 * E, 6 * E, E] },
        new Row { Label = "b", Predicted = "a", Score = [1e-40f, 5e-40f, 1e-41f] },
        new Row { Label = "b", Predicted = "b", Score = [E, E, E] },
        new Row { Label = "a", Predicted = "a", Score = [1e-30f, 4e-30f, 1e-31f] },
        new Row { Label = "c", Predicted = "b", Score = [0f, 0f, 0f] });

    [Theory]
    [InlineData(1.0)]
    [InlineData(0.5)]
    [InlineData(2.0)]
    public void Tiny_rows_get_finite_scores_and_the_double_argmax(double tau)
    {
        IDataView scored = Tiny();
        PriorAdjustmentTransformer model = _ml.Transforms.PriorAdjustment(Counts, tau).Fit(scored);
        AssertAdjusted(scored, model.Transform(scored), tau);
    }

    [Fact]
    public void Tiny_rows_score_the_same_after_save_and_load()
    {
        IDataView scored = Tiny();
        PriorAdjustmentTransformer model = _ml.Transforms.PriorAdjustment(Counts).Fit(scored);
        using var stream = new MemoryStream();
        _ml.Model.Save(model, scored.Schema, stream);
        stream.Position = 0;

        ITransformer loaded = new MLContext(seed: 2).Model.Load(stream, out _);
        AssertAdjusted(scored, loaded.Transform(scored), 1.0);
        Assert.Equal(Scores(model.Transform(scored)), Scores(loaded.Transform(scored)));
    }

    [Fact]
    public void An_all_zero_row_stays_zero_and_keeps_the_first_slot()
    {
        // No score, no evidence: the adjustment leaves the row as it is, and the label is the trainer's own rule for
        // it (the first of equal scores), not a NaN or the missing key.
        IDataView scored = Tiny();
        IDataView adjusted = _ml.Transforms.PriorAdjustment(Counts).Fit(scored).Transform(scored);
        Assert.Equal([0f, 0f, 0f], Scores(adjusted)[^1]);
        Assert.Equal(Labels(_ml, scored, "PredictedLabel")[^1], Labels(_ml, adjusted, "PredictedLabel")[^1]);
        Assert.Equal("b", Labels(_ml, adjusted, "PredictedLabel")[^1]);
    }

    private void AssertAdjusted(IDataView scored, IDataView adjusted, double tau)
    {
        float[][] before = Scores(scored);
        float[][] after = Scores(adjusted);
        string[] predicted = Labels(_ml, adjusted, "PredictedLabel");
        for (int r = 0; r < before.Length; r++)
        {
            double[] p = before[r].Select(v => (double)v).ToArray();
            Assert.All(after[r], v => Assert.True(float.IsFinite(v), "row " + r + ": " + string.Join(", ", after[r])));
            double[] u = p.Select((v, c) => v * Math.Pow(PriorsBySlot[c], -tau)).ToArray();
            int argmax = Array.IndexOf(u, u.Max());   // the first of equal ones
            Assert.Equal(Slots[argmax], predicted[r]);
            double[] expected = u.Sum() == 0 ? p : Adjusted(p, PriorsBySlot, tau);
            for (int c = 0; c < expected.Length; c++)
            {
                Assert.Equal(expected[c], after[r][c], 5);
            }
        }
    }
}
