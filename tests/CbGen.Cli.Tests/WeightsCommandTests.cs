using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text.Json;

namespace CbGen.Cli.Tests;

public sealed class WeightsCommandTests : IDisposable
{
    private static readonly long[] Cifar10Lt = { 5000, 2997, 1796, 1077, 645, 387, 232, 139, 83, 50 };
    private readonly TempDir temp = new();

    public void Dispose() => temp.Dispose();

    /// <summary>E_n = (1 - β^n) / (1 - β) and α ∝ 1/E_n, written out plainly in float64.</summary>
    private static double[] Reference(long[] counts, double beta, string normalization)
    {
        var w = new double[counts.Length];
        double sum = 0;
        int nonEmpty = 0;
        for (int c = 0; c < counts.Length; c++)
        {
            if (counts[c] == 0)
            {
                continue;
            }

            double e = beta == 1.0 ? counts[c] : (1.0 - Math.Pow(beta, counts[c])) / (1.0 - beta);
            w[c] = 1.0 / e;
            sum += w[c];
            nonEmpty++;
        }

        double scale = normalization switch
        {
            "sum-to-classes" => nonEmpty / sum,
            "sum-to-one" => 1.0 / sum,
            _ => 1.0,
        };
        for (int c = 0; c < w.Length; c++)
        {
            w[c] *= scale;
        }

        return w;
    }

    private static (double[] Weights, double[] Effective, JsonElement Root) Parse(string json)
    {
        using JsonDocument doc = JsonDocument.Parse(json);
        var weights = new List<double>();
        var effective = new List<double>();
        foreach (JsonElement c in doc.RootElement.GetProperty("classes").EnumerateArray())
        {
            weights.Add(c.GetProperty("weight").GetDouble());
            effective.Add(c.GetProperty("effectiveNumber").GetDouble());
        }

        return (weights.ToArray(), effective.ToArray(), doc.RootElement.Clone());
    }

    [Theory]
    [InlineData(0.9999, "sum-to-classes")]
    [InlineData(0.999, "none")]
    [InlineData(0.99, "sum-to-one")]
    [InlineData(0.0, "sum-to-classes")]
    [InlineData(1.0, "sum-to-classes")]
    public void Inline_counts_give_the_library_weights_exactly(double beta, string normalization)
    {
        string counts = string.Join(",", Array.ConvertAll(Cifar10Lt, n => n.ToString(CultureInfo.InvariantCulture)));
        CliResult r = Cli.Run("weights", "--beta", beta.ToString("R", CultureInfo.InvariantCulture), "--counts", counts,
            "--normalization", normalization, "--json");

        Assert.Equal(0, r.ExitCode);
        (double[] weights, double[] effective, JsonElement root) = Parse(r.Stdout);
        WeightNormalization mode = normalization switch
        {
            "sum-to-classes" => WeightNormalization.SumToClassCount,
            "sum-to-one" => WeightNormalization.SumToOne,
            _ => WeightNormalization.None,
        };
        Assert.Equal(ClassBalancedWeights.Compute(Cifar10Lt, beta, mode), weights); // JSON numbers round-trip
        Assert.Equal(ClassBalancedWeights.EffectiveNumbers(Cifar10Lt, beta), effective);
        double[] reference = Reference(Cifar10Lt, beta, normalization);
        for (int c = 0; c < reference.Length; c++)
        {
            Assert.Equal(reference[c], weights[c], 1e-12 * Math.Max(1.0, reference[c]));
        }

        Assert.Equal(beta, root.GetProperty("beta").GetDouble());
        Assert.Equal(normalization, root.GetProperty("normalization").GetString());
        Assert.Equal(weights, JsonSerializer.Deserialize<double[]>(root.GetProperty("weights").GetRawText()));
    }

    [Fact]
    public void Folder_csv_idx_and_counts_file_give_the_same_weights()
    {
        // Three classes with 3, 1 and 2 samples, as every kind of input.
        temp.File("tree/a/1.png", "x");
        temp.File("tree/a/2.png", "x");
        temp.File("tree/a/3.png", "x");
        temp.File("tree/b/1.png", "x");
        temp.File("tree/c/1.png", "x");
        temp.File("tree/c/2.png", "x");
        string csv = temp.File("l.csv", "label\na\nb\na\nc\na\nc\n");
        string idx = temp.Gzip("l-idx1-ubyte.gz", Idx.Labels(new byte[] { 0, 1, 0, 2, 0, 2 }));
        string countsFile = temp.File("counts.tsv", "name\tcount\na\t3\nb\t1\nc\t2\n");
        double[] expected = ClassBalancedWeights.Compute(new long[] { 3, 1, 2 }, 0.9);

        foreach (string path in new[] { Path.Combine(temp.Path, "tree"), csv, idx, countsFile })
        {
            CliResult r = Cli.Run("weights", "--beta", "0.9", path, "--json");
            Assert.True(r.ExitCode == 0, path + ": " + r.Stderr);
            Assert.Equal(expected, Parse(r.Stdout).Weights);
        }
    }

    [Fact]
    public void Named_inline_counts_keep_their_names()
    {
        CliResult r = Cli.Run("weights", "--beta", "0.99", "--counts", "cat=120, dog=80");
        Assert.Equal(0, r.ExitCode);
        string[] lines = r.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        double[] w = ClassBalancedWeights.Compute(new long[] { 120, 80 }, 0.99);
        Assert.Equal(new[] { "index", "class", "count", "effective", "number", "weight" }, lines[1].Split(' ', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(new[] { "0", "cat", "120", EffectiveNumber.Of(120, 0.99).ToString("0.0000", CultureInfo.InvariantCulture), w[0].ToString("G8", CultureInfo.InvariantCulture) },
            lines[2].Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    [Theory]
    [InlineData("10,0,0,5", ": the classes at indices 1 and 2 have no samples;")]
    [InlineData("10,0,0,0,5", ": the classes at indices 1, 2 and 3 have no samples;")]
    [InlineData("cat=10, dog=0", ": the class 'dog' (index 1) has no samples;")]
    [InlineData("cat=10, dog=0, 2=0", ": the classes 'dog' (index 1) and '2' (index 2) have no samples;")]
    public void Zero_count_message_names_classes_by_index_or_name_in_the_right_number(string counts, string expected)
    {
        CliResult r = Cli.Run("weights", "--beta", "0.99", "--counts", counts);
        Assert.Equal(1, r.ExitCode);
        Assert.Contains(expected, r.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Zero_count_is_bad_input_unless_zero_weight()
    {
        CliResult thrown = Cli.Run("weights", "--beta", "0.999", "--counts", "10,0,5");
        Assert.Equal(1, thrown.ExitCode);
        Assert.Contains(": the class at index 1 has no samples;", thrown.Stderr);
        Assert.Contains("--zero-counts zero-weight", thrown.Stderr);

        CliResult zero = Cli.Run("weights", "--beta", "0.999", "--counts", "10,0,5", "--zero-counts", "zero-weight", "--json");
        Assert.Equal(0, zero.ExitCode);
        Assert.Equal(ClassBalancedWeights.Compute(new long[] { 10, 0, 5 }, 0.999, zeroCounts: ZeroCountPolicy.ZeroWeight), Parse(zero.Stdout).Weights);
        Assert.Equal(0.0, Parse(zero.Stdout).Weights[1]);
    }

    [Fact]
    public void All_zero_counts_are_bad_input_even_with_zero_weight()
    {
        CliResult r = Cli.Run("weights", "--beta", "0.9", "--counts", "0,0", "--zero-counts", "zero-weight");
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("every class has count 0", r.Stderr);
    }

    [Theory]
    [InlineData("1.5", "--beta must be in [0, 1]")]
    [InlineData("-0.1", "--beta must be in [0, 1]")]
    [InlineData("0,999", "must be a number like 0.999")]
    [InlineData("NaN", "must be a number")]
    public void Bad_beta_is_a_usage_error(string beta, string message)
    {
        CliResult r = Cli.Run("weights", "--beta", beta, "--counts", "1,2");
        Assert.Equal(1, r.ExitCode);
        Assert.Contains(message, r.Stderr);
    }

    [Fact]
    public void Missing_beta_counts_or_bad_choices_are_usage_errors()
    {
        Assert.Contains("--beta is required", Cli.Run("weights", "--counts", "1,2").Stderr);
        Assert.Equal(1, Cli.Run("weights", "--counts", "1,2").ExitCode);
        Assert.Contains("expected PATH or --counts", Cli.Run("weights", "--beta", "0.9").Stderr);
        CliResult badNorm = Cli.Run("weights", "--beta", "0.9", "--counts", "1,2", "--normalization", "l2");
        Assert.Equal(1, badNorm.ExitCode);
        Assert.Contains("must be one of sum-to-classes, none, sum-to-one; got 'l2'", badNorm.Stderr);
        CliResult badCount = Cli.Run("weights", "--beta", "0.9", "--counts", "1,x,2");
        Assert.Equal(1, badCount.ExitCode);
        Assert.Contains("--counts item 2 ('x')", badCount.Stderr);
        CliResult both = Cli.Run("weights", "--beta", "0.9", "--counts", "1,2", "some.csv");
        Assert.Equal(1, both.ExitCode);
        Assert.Contains("either PATH or --counts", both.Stderr);
    }

    [Fact]
    public void Malformed_counts_file_names_file_and_line()
    {
        string bad = temp.File("counts.csv", "name,count\ncat,10\ndog,ten\n");
        CliResult r = Cli.Run("weights", "--beta", "0.9", bad);
        Assert.Equal(1, r.ExitCode);
        Assert.Contains(bad + ":3: the count 'ten' of class 'dog' is not a whole number ≥ 0", r.Stderr);

        string dup = temp.File("dup.csv", "name,count\ncat,10\ncat,3\n");
        CliResult d = Cli.Run("weights", "--beta", "0.9", dup);
        Assert.Equal(1, d.ExitCode);
        Assert.Contains(dup + ":3: the class 'cat' is listed twice (first on line 2)", d.Stderr);
    }

    [Fact]
    public void Counts_file_without_header_can_be_forced()
    {
        string file = temp.File("counts.txt", "cat,10\ndog,4\n");
        CliResult r = Cli.Run("weights", "--beta", "0.99", file, "--as", "counts", "--json");
        Assert.Equal(0, r.ExitCode);
        Assert.Equal(ClassBalancedWeights.Compute(new long[] { 10, 4 }, 0.99), Parse(r.Stdout).Weights);
    }

    [Fact]
    public void Output_file_receives_the_json()
    {
        string output = Path.Combine(temp.Path, "w.json");
        CliResult r = Cli.Run("weights", "--beta", "0.9", "--counts", "3,1", "--json", "--output", output);
        Assert.Equal(0, r.ExitCode);
        Assert.Equal(string.Empty, r.Stdout);
        Assert.Equal(ClassBalancedWeights.Compute(new long[] { 3, 1 }, 0.9), Parse(File.ReadAllText(output)).Weights);
    }
}
