using System.Globalization;
using System.Threading;
using CbGen.Evaluation;

namespace CbGen.Tests.Evaluation;

/// <summary>The text of a sweep's progress and of a report: the numbers a user watches, not a type name.</summary>
public sealed class SweepProgressTests
{
    /// <summary>Training counts 200 / 50 / 5: one many-shot, one medium-shot and one few-shot class. Recalls by
    /// hand: class 0 3/4, class 1 1/2, class 2 1/2; balanced accuracy 7/12, accuracy 5/8.</summary>
    private static LongTailReport Report() => LongTailMetrics.Compute(
        new[] { 0, 0, 0, 1, 1, 0, 2, 0 }, new[] { 0, 0, 0, 0, 1, 1, 2, 2 }, new long[] { 200, 50, 5 });

    [Theory]
    [InlineData("en-US")]
    [InlineData("de-DE")]
    [InlineData("fi-FI")]
    public void A_report_reads_as_its_errors_and_shot_groups_in_any_culture(string culture)
    {
        CultureInfo saved = Thread.CurrentThread.CurrentCulture;
        Thread.CurrentThread.CurrentCulture = new CultureInfo(culture);
        try
        {
            string text = Report().ToString()!;

            Assert.Contains("balanced error 41.67 %", text);
            Assert.Contains("error 37.50 %", text);
            Assert.Contains("many-shot 75.00 %", text);
            Assert.Contains("medium-shot 50.00 %", text);
            Assert.Contains("few-shot 50.00 %", text);
            Assert.Contains("8 samples", text);
        }
        finally
        {
            Thread.CurrentThread.CurrentCulture = saved;
        }
    }

    [Fact]
    public void A_shot_group_without_evaluation_samples_is_named_as_such()
    {
        LongTailReport report = LongTailMetrics.Compute(new[] { 0, 1 }, new[] { 0, 1 }, new long[] { 200, 300 });

        Assert.Contains("few-shot none", report.ToString());
    }

    [Fact]
    public void Progress_shows_the_point_the_step_and_the_report()
    {
        LongTailReport report = Report();
        string evaluated = new SweepProgress("LogitAdjusted_tau1", 1, 3, 14, report).ToString();
        string training = new SweepProgress("Ldam_margin05", 0, 2, 14, null).ToString();

        Assert.DoesNotContain(typeof(LongTailReport).FullName!, evaluated);
        Assert.Equal("[3/14] rung 1 LogitAdjusted_tau1: " + report, evaluated);
        Assert.Equal("[2/14] rung 0 Ldam_margin05: training", training);
    }
}
