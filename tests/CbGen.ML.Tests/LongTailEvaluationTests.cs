using System;
using Microsoft.ML;
using static CbGen.ML.Tests.ScoredRows;

namespace CbGen.ML.Tests;

/// <summary>mlContext.MulticlassClassification.EvaluateLongTail against metrics computed by hand, with keys in
/// first-appearance order matched to the training counts by their label values.</summary>
public class LongTailEvaluationTests
{
    private readonly MLContext _ml = new MLContext(seed: 1);

    // Classes by index: 0 many-shot (200), 1 medium (50), 2 few-shot (10). Keys: "2" first, so key 1 is class 2.
    private IDataView Scored() => Create(_ml,
        new Row { Label = "2", Predicted = "0", Score = [0f, 1f, 0f] },
        new Row { Label = "0", Predicted = "0", Score = [0f, 1f, 0f] },
        new Row { Label = "1", Predicted = "1", Score = [0f, 0f, 1f] },
        new Row { Label = "0", Predicted = "0", Score = [0f, 1f, 0f] },
        new Row { Label = "1", Predicted = "0", Score = [0f, 1f, 0f] },
        new Row { Label = "2", Predicted = "2", Score = [1f, 0f, 0f] });

    [Fact]
    public void Metrics_equal_the_hand_computed_ones()
    {
        var report = _ml.MulticlassClassification.EvaluateLongTail(Scored(), new long[] { 200, 50, 10 });

        // Per class: 0 → 2/2, 1 → 1/2, 2 → 1/2. F1: class 0 P = 2/4, R = 1 → 2/3; classes 1 and 2 P = 1, R = 1/2 → 2/3.
        Assert.Equal(4.0 / 6, report.Accuracy, 12);
        Assert.Equal(1 - (1 + 0.5 + 0.5) / 3, report.BalancedError, 12);
        Assert.Equal(2.0 / 3, report.MacroF1, 12);
        Assert.Equal(1.0, report.ManyShotAccuracy);
        Assert.Equal(0.5, report.MediumShotAccuracy);
        Assert.Equal(0.5, report.FewShotAccuracy);
        Assert.Equal(2, report.Confusion[0, 0]);
        Assert.Equal(1, report.Confusion[2, 0]);
    }

    [Fact]
    public void Counts_by_label_value_give_the_same_report_in_their_own_order()
    {
        var byIndex = _ml.MulticlassClassification.EvaluateLongTail(Scored(), new long[] { 200, 50, 10 });
        var byLabel = _ml.MulticlassClassification.EvaluateLongTail(Scored(),
            new System.Collections.Generic.Dictionary<string, long> { ["1"] = 50, ["2"] = 10, ["0"] = 200 });
        Assert.Equal(byIndex.BalancedError, byLabel.BalancedError, 12);
        Assert.Equal(byIndex.PerClassAccuracy[1], byLabel.PerClassAccuracy[0]);
        Assert.Equal(byIndex.FewShotAccuracy, byLabel.FewShotAccuracy);
    }

    [Fact]
    public void A_label_without_counts_is_an_error_naming_the_row_and_the_fix()
    {
        var e = Assert.Throws<InvalidOperationException>(() =>
            _ml.MulticlassClassification.EvaluateLongTail(Scored(), new long[] { 200, 50 }));
        Assert.Contains("Row 0 of column 'Label'", e.Message, StringComparison.Ordinal);
        Assert.Contains("Give the counts of every class", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_NaN_score_behind_a_predicted_label_is_an_error_naming_the_row()
    {
        // ML.NET's own argmax skips NaN scores, so a row such as LightGBM's softmax gives when exp overflows (one NaN,
        // the rest 0) still has a predicted label: the evaluator must refuse it, not count it as that label.
        IDataView scored = Create(_ml,
            new Row { Label = "0", Predicted = "0", Score = [1f, 0f, 0f] },
            new Row { Label = "1", Predicted = "0", Score = [0f, float.NaN, 0f] },
            new Row { Label = "2", Predicted = "2", Score = [0f, 0f, 1f] });
        var e = Assert.Throws<InvalidOperationException>(() =>
            _ml.MulticlassClassification.EvaluateLongTail(scored, new long[] { 200, 50, 10 }));
        Assert.Contains("Row 1 of column 'Score' holds a NaN", e.Message, StringComparison.Ordinal);
        Assert.Contains("predicted label", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Finite_scores_with_infinities_are_evaluated()
    {
        // Only NaN is refused: ±∞ has an order, so a label taken from it is well-defined.
        IDataView scored = Create(_ml,
            new Row { Label = "0", Predicted = "0", Score = [float.PositiveInfinity, 0f, 0f] },
            new Row { Label = "1", Predicted = "1", Score = [0f, 1f, float.NegativeInfinity] });
        var report = _ml.MulticlassClassification.EvaluateLongTail(scored, new long[] { 200, 50 });
        Assert.Equal(1.0, report.Accuracy);
    }

    [Fact]
    public void A_missing_label_column_is_named()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() =>
            _ml.MulticlassClassification.EvaluateLongTail(Scored(), new long[] { 1, 1, 1 }, labelColumnName: "Truth"));
        Assert.Contains("label column 'Truth' is missing", e.Message, StringComparison.Ordinal);
    }
}
