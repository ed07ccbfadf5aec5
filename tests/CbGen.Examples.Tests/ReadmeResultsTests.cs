using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace CbGen.Examples.Tests;

/// <summary>The README's result tables tie to the committed results files: each summary row's numbers, formatted as
/// the reports format them, appear in a README table row that starts with the row's name.</summary>
public sealed class ReadmeResultsTests
{
    public static TheoryData<string, string> Tables => new()
    {
        { "docs/results/results.json", "summary" },                 // the Fashion-MNIST demo
        { "docs/results/glyphs/results.json", "summary" },          // the glyph benchmark's table
        { "docs/results/glyphs/search/search.json", "final" },      // its validated pick
        { "docs/results/glyphs-decoupled/results.json", "summary" }, // its decoupled, weight-balancing and VS rows
    };

    [Theory]
    [MemberData(nameof(Tables))]
    public void Every_summary_row_appears_in_the_readme_with_its_numbers(string results, string rows)
    {
        string root = RepositoryRoot();
        string[] readme = File.ReadAllLines(Path.Combine(root, "README.md"));
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(root, results)));
        var missing = new List<string>();
        foreach (JsonElement row in json.RootElement.GetProperty(rows).EnumerateArray())
        {
            string expected = ExpectedCells(row);
            string display = row.GetProperty("display").GetString()!;
            if (!readme.Any(line => line.StartsWith("| " + display + " |", StringComparison.Ordinal)
                    && line.Replace("**", string.Empty, StringComparison.Ordinal).StartsWith(expected, StringComparison.Ordinal)))
            {
                missing.Add(expected);
            }
        }

        Assert.True(missing.Count == 0, "README.md lacks these rows of " + results + ":\n" + string.Join("\n", missing));
    }

    [Fact]
    public void Every_debtags_row_appears_in_the_readme_with_its_numbers()
    {
        string root = RepositoryRoot();
        string[] readme = File.ReadAllLines(Path.Combine(root, "README.md"));
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(root, "docs/results/debtags/results.json")));
        var rows = json.RootElement.GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal(5, rows.Count);
        string[] missing = rows.Select(DebtagsCells)
            .Where(expected => !readme.Any(line => line.Replace("**", string.Empty, StringComparison.Ordinal).StartsWith(expected, StringComparison.Ordinal)))
            .ToArray();

        Assert.True(missing.Length == 0, "README.md lacks these rows of docs/results/debtags/results.json:\n" + string.Join("\n", missing));
    }

    /// <summary>The Fashion-MNIST-LT re-balancing table names its rows more fully than the results file ("VS loss γ=0.3
    /// τ=1 (`vs`, see below)"), so each row's numbers are looked for in that section's table rows.</summary>
    [Fact]
    public void Every_fashion_rebalancing_row_appears_in_its_readme_table_with_its_numbers()
    {
        string root = RepositoryRoot();
        string[] readme = File.ReadAllLines(Path.Combine(root, "README.md"));
        int start = Array.FindIndex(readme, l => l.StartsWith("### Re-balancing the classifier: cRT", StringComparison.Ordinal));
        Assert.True(start >= 0, "README.md lacks the Fashion-MNIST-LT re-balancing section");
        string[] table = readme.Skip(start + 1).TakeWhile(l => !l.StartsWith('#')).Where(l => l.StartsWith("| ", StringComparison.Ordinal))
            .Select(l => l.Replace("**", string.Empty, StringComparison.Ordinal)).ToArray();
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(root, "docs/results/decoupled/results.json")));
        string[] losses = ["ce", "ce-crt", "ce-taunorm", "ce-lws", "wb", "vs", "ce-posthoc"];
        var rows = json.RootElement.GetProperty("summary").EnumerateArray().Where(r => losses.Contains(r.GetProperty("loss").GetString())).ToList();
        Assert.Equal(losses.Length, rows.Count);
        string[] missing = rows.Select(r => ExpectedCells(r)[(ExpectedCells(r).IndexOf(" | ", StringComparison.Ordinal))..])
            .Where(cells => !table.Any(line => line.Contains(cells, StringComparison.Ordinal)))
            .ToArray();
        Assert.True(missing.Length == 0, "README.md's re-balancing table lacks these rows of docs/results/decoupled/results.json:\n" + string.Join("\n", missing));
        Assert.Equal(losses.Length + 1, table.Length); // and the header (the rule line starts with "|-")
    }

    [Fact]
    public void Every_wordnet_row_appears_in_the_readme_and_in_the_mlnet_page_with_its_numbers()
    {
        string root = RepositoryRoot();
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(root, "docs/results/wordnet/results.json")));
        var rows = json.RootElement.GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal(["SDCA max. entropy", "LightGBM"], rows.Select(r => r.GetProperty("trainer").GetString()).Distinct());
        foreach (string page in new[] { "README.md", "docs/mlnet.md" })
        {
            string[] lines = File.ReadAllLines(Path.Combine(root, page));
            string[] missing = rows.Select(WordNetCells)
                .Where(expected => !lines.Any(line => line.Replace("**", string.Empty, StringComparison.Ordinal).StartsWith(expected, StringComparison.Ordinal)))
                .ToArray();
            Assert.True(missing.Length == 0, page + " lacks these rows of docs/results/wordnet/results.json:\n" + string.Join("\n", missing));
        }
    }

    /// <summary>"| trainer | method | balanced error | accuracy | macro-F1 | many | medium | few |" in percent (F1), as
    /// the WordNet benchmark's results.md writes them; the JSON holds fractions.</summary>
    private static string WordNetCells(JsonElement row)
    {
        string Pct(string name) => (100 * row.GetProperty(name).GetDouble()).ToString("F1", CultureInfo.InvariantCulture);
        return "| " + row.GetProperty("trainer").GetString() + " | " + row.GetProperty("method").GetString() + " | "
            + string.Join(" | ", new[] { "balancedError", "accuracy", "macroF1", "manyShotAccuracy", "mediumShotAccuracy", "fewShotAccuracy" }.Select(Pct)) + " |";
    }

    /// <summary>"| name | mAP mean ± std | many | medium | few |" in percent (mAP F2, the groups F1), as the
    /// benchmark's results.md writes them; the JSON holds fractions.</summary>
    private static string DebtagsCells(JsonElement row)
    {
        double Pct(string name) => 100 * row.GetProperty(name).GetDouble();
        string map = row.GetProperty("seeds").GetInt32() > 1 ? Inv($"{Pct("mapMean"):F2} ± {Pct("mapStd"):F2}") : Inv($"{Pct("mapMean"):F2}");
        string Group(string name) => row.GetProperty(name).ValueKind == JsonValueKind.Null ? "—" : Pct(name).ToString("F1", CultureInfo.InvariantCulture);
        return Inv($"| {row.GetProperty("display").GetString()} | {map} | {Group("manyShotMean")} | {Group("mediumShotMean")} | {Group("fewShotMean")} |");
    }

    /// <summary>"| name | mean ± std | many | medium | few |", as results.md writes them (F2 and F1, invariant).</summary>
    private static string ExpectedCells(JsonElement row)
    {
        int seeds = row.GetProperty("seeds").GetInt32();
        double mean = row.GetProperty("testErrorMean").GetDouble();
        double std = row.GetProperty("testErrorStd").GetDouble();
        string error = seeds > 1 ? Inv($"{mean:F2} ± {std:F2}") : Inv($"{mean:F2}");
        return Inv($"| {row.GetProperty("display").GetString()} | {error} | {Percent(row, "manyShotMean")} | {Percent(row, "mediumShotMean")} | {Percent(row, "fewShotMean")} |");
    }

    private static string Percent(JsonElement row, string name) =>
        row.GetProperty(name).ValueKind == JsonValueKind.Null ? "—" : row.GetProperty(name).GetDouble().ToString("F1", CultureInfo.InvariantCulture);

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "CbGen.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("CbGen.sln not found above " + AppContext.BaseDirectory);
    }

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
