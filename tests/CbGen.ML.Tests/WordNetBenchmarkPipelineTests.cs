using System;
using System.IO;
using System.Linq;
using LongTailData;
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
    public void Both_trainers_give_four_rows_evaluated_on_every_test_gloss()
    {
        LongTailDataset<GlossSample> data = WordNetDataset.Build(Fixture, options: new SplitOptions(MinPerClass: 3, TestPerClass: 1, Seed: 11));
        var options = new BenchmarkOptions(SdcaIterations: 2, LightGbmIterations: 2, LightGbmLeaves: 2, MinTokenCount: 1, Taus: [0.5, 1.0],
            Trainers: ["sdca", "lightgbm"]);
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

        var run = new BenchmarkRun(options, data, prepared, rows, DateTime.UnixEpoch, 1, []);
        Assert.Contains("| SDCA max. entropy | unweighted |", Report.Markdown(run), StringComparison.Ordinal);
        Assert.Contains("\"balancedError\"", Report.Json(run), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--trainers", "svm", "Unknown trainer 'svm'")]
    [InlineData("--sdca-iterations", "0", "whole number ≥ 1")]
    [InlineData("--tau", "1", "Unknown option '--tau'")]
    public void Bad_options_are_errors_that_name_them(string name, string value, string message)
    {
        var e = Assert.Throws<ArgumentException>(() => BenchmarkOptions.Parse([name, value]));
        Assert.Contains(message, e.Message, StringComparison.Ordinal);
    }
}
