using System;
using System.IO;
using System.Linq;
using LongTailData;
using LongTailData.CommandLine;
using LongTailData.Splits;
using LongTailData.WordNet;
using Microsoft.ML;
using WordNetLongTail.MlNet;

namespace CbGen.ML.Tests;

/// <summary>The WordNet benchmark's pipeline end to end on LongTailData.Tests' WordNet excerpt: features, both
/// trainers unweighted and weighted, the post-hoc rows, the evaluation and the report files. Tiny settings: a smoke
/// test, not the benchmark.</summary>
public class WordNetBenchmarkPipelineTests
{
    private static readonly string Fixture = Path.Combine(AppContext.BaseDirectory, "Fixtures", "wordnet");

    [Fact]
    public void By_default_both_trainers_give_four_rows_each_evaluated_on_every_test_gloss()
    {
        LongTailDataset<GlossSample> data = WordNetDataset.Build(Fixture, options: new SplitOptions(MinPerClass: 3, TestPerClass: 1, Seed: 11));
        var options = new BenchmarkOptions(SdcaIterations: 2, LightGbmIterations: 2, LightGbmLeaves: 2, MinTokenCount: 1, Taus: [0.5, 1.0]);
        var ml = new MLContext(seed: 1);
        Prepared prepared = TextBenchmark.Prepare(ml, data, options);

        var rows = options.TrainerNames.SelectMany(t => TextBenchmark.Run(ml, prepared, t, options)).ToList();

        Assert.Equal(8, rows.Count);
        Assert.All(rows, r =>
        {
            Assert.Equal(data.ClassNames.Count, r.Report.ClassCount);
            Assert.Equal(data.Split.TestIndices.Count, r.Report.SampleCount);
            Assert.InRange(r.Report.BalancedError, 0.0, 1.0);
        });
        Assert.Equal(data.Split.TrainCounts, rows[0].Report.TrainingCounts);
        Assert.Contains(rows, r => r.Method == "CB β=0.9999");
        Assert.Contains(rows, r => r.Method == "unweighted + post-hoc τ=1");

        Assert.Equal(["SDCA max. entropy", "LightGBM"], rows.Select(r => r.Trainer).Distinct());

        var run = new BenchmarkRun(options, data, prepared, rows, DateTime.UnixEpoch, 1, [], "0.11 0.22 0.33", "1.44 1.55 1.66");
        string markdown = Report.Markdown(run);
        Assert.Contains("| SDCA max. entropy | unweighted |", markdown, StringComparison.Ordinal);
        Assert.Contains("| LightGBM | unweighted |", markdown, StringComparison.Ordinal);
        Assert.Contains("load average (1, 5, 15 min) 0.11 0.22 0.33 at the start and 1.44 1.55 1.66 at the end", markdown, StringComparison.Ordinal);
        string json = Report.Json(run);
        Assert.Contains("\"balancedError\"", json, StringComparison.Ordinal);
        Assert.Contains("\"loadAverageAtEnd\": \"1.44 1.55 1.66\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void A_NaN_in_the_trainers_own_score_is_reported_before_the_adjustment_with_its_row()
    {
        var ml = new MLContext(seed: 1);
        IDataView scored = ScoredRows.Create(ml,
            new ScoredRows.Row { Label = "a", Predicted = "a", Score = [0.9f, 0.1f] },
            new ScoredRows.Row { Label = "b", Predicted = "a", Score = [float.NaN, 0.2f] },
            new ScoredRows.Row { Label = "b", Predicted = "b", Score = [0.0f, 0.0f] },
            new ScoredRows.Row { Label = "a", Predicted = "b", Score = [0.5f, float.NaN] });

        var e = Assert.Throws<InvalidOperationException>(() => TextBenchmark.CheckScores(scored, "LightGBM", "validation"));
        Assert.Contains("LightGBM's own Score holds a NaN in 2 of 4 validation rows (the first is row 1, with a NaN in 1 of its 2 slots)", e.Message, StringComparison.Ordinal);

        IDataView finite = ScoredRows.Create(ml,
            new ScoredRows.Row { Label = "a", Predicted = "a", Score = [0.9f, 0.1f] },
            new ScoredRows.Row { Label = "b", Predicted = "b", Score = [0.0f, 0.0f] });
        TextBenchmark.CheckScores(finite, "LightGBM", "validation");
    }

    [Theory]
    [InlineData("--trainers", "svm", "Unknown trainer 'svm'")]
    [InlineData("--sdca-iterations", "0", "--sdca-iterations needs a positive whole number; got '0'")]
    [InlineData("--seed", "abc", "--seed needs a positive whole number; got 'abc'")]
    [InlineData("--beta", "1.5", "--beta needs a β in [0, 1] (e.g. 0.999); got '1.5'")]
    [InlineData("--beta", "NaN", "--beta needs a β in [0, 1]")]
    [InlineData("--beta", "high", "--beta needs a number")]
    [InlineData("--out", "--seed", "--out needs a value")]
    [InlineData("--tau", "1", "Unknown option '--tau'")]
    public void Bad_options_are_errors_that_name_them(string name, string value, string message)
    {
        var e = Assert.Throws<UsageException>(() => BenchmarkOptions.Parse([name, value]));
        Assert.Contains(message, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_results_go_under_out_unless_told_otherwise_like_the_other_demos()
    {
        Assert.Equal("out/wordnet", BenchmarkOptions.Parse([]).OutputDirectory);
        Assert.Equal("docs/results/wordnet", BenchmarkOptions.Parse(["--out", "docs/results/wordnet"]).OutputDirectory);
        Assert.True(BenchmarkOptions.Parse(["--help"]).Help);
    }
}
