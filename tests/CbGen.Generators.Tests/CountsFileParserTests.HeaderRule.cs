using System;
using System.Linq;

namespace CbGen.Generators.Tests;

/// <summary>
/// The header rule and what follows a bad row, at the edges mutation testing found untested (issue 16): numbers
/// written with a decimal point or an exponent on the first row, a header with an empty first column (as pandas
/// writes an unnamed index), and rows after a skipped or bad first row.
/// </summary>
public sealed partial class CountsFileParserTests
{
    [Theory]
    [InlineData("2.5")]
    [InlineData(".5")]
    [InlineData("1.")]
    [InlineData("1e3")]
    [InlineData("1E+3")]
    [InlineData("2.5e-3")]
    [InlineData("-1.5")]
    public void A_first_row_whose_count_is_a_number_is_data_even_when_not_whole(string count)
    {
        string d = Single(Run("cat," + count + "\ndog,9\n"), "CB019", 1);
        Assert.Contains("'" + count + "' of 'cat' on line 1", d, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1e")]
    [InlineData("e5")]
    [InlineData("1.5x")]
    [InlineData("1e+")]
    [InlineData(".")]
    public void A_first_row_whose_count_only_starts_like_a_number_is_a_header(string count)
    {
        Assert.Equal(new[] { "dog=9", "owl=2" }, Classes(Run("cat," + count + "\ndog,9\nowl,2\n")));
    }

    [Fact]
    public void The_first_rows_docs_diagnostics_md_gives_as_headers_and_as_data_are_read_so()
    {
        // The CB019 section names first rows the header rule skips and first rows it reads as data (then CB019).
        string docs = System.IO.File.ReadAllText(System.IO.Path.Combine(Root(), "docs", "diagnostics.md")).Replace("\r\n", "\n", StringComparison.Ordinal);
        int start = docs.IndexOf("### CB019", StringComparison.Ordinal);
        string section = docs.Substring(start, docs.IndexOf("<a id=", start, StringComparison.Ordinal) - start).Replace("\n", " ", StringComparison.Ordinal);
        string headers = Between(section, "is a header only when", "A number that");
        string data = Between(section, "A number that", "makes the first row data");
        Assert.NotEmpty(Rows(headers));
        Assert.NotEmpty(Rows(data));
        foreach (string row in Rows(headers))
        {
            Assert.Equal(new[] { "dog=9", "owl=2" }, Classes(Run(row + "\ndog,9\nowl,2\n")));
        }

        foreach (string row in Rows(data))
        {
            Single(Run(row + "\ndog,9\n"), "CB019", 1);
        }

        static string Between(string text, string from, string to)
        {
            int a = text.IndexOf(from, StringComparison.Ordinal);
            Assert.True(a >= 0, "docs/diagnostics.md's CB019 section lacks '" + from + "'");
            int b = text.IndexOf(to, a, StringComparison.Ordinal);
            Assert.True(b >= 0, "docs/diagnostics.md's CB019 section lacks '" + to + "'");
            return text.Substring(a, b - a);
        }

        static string[] Rows(string text) => System.Text.RegularExpressions.Regex.Matches(text, "`([^`]*,[^`]*)`")
            .Select(m => m.Groups[1].Value).ToArray();
    }

    private static string Root([System.Runtime.CompilerServices.CallerFilePath] string file = "") =>
        System.IO.Path.GetFullPath(System.IO.Path.Combine(System.IO.Path.GetDirectoryName(file)!, "..", ".."));

    [Fact]
    public void A_header_with_an_empty_first_column_makes_a_tab_separated_file()
    {
        Assert.Equal(new[] { "cat=900", "dog=9" }, Classes(Run("\tcount\ncat\t900\ndog\t9\n")));
    }

    [Theory]
    [InlineData("name,count\n")]
    [InlineData("name,count,notes\n")]
    public void After_any_header_a_second_header_like_row_is_a_bad_count(string header)
    {
        string d = Single(Run(header + "kind,count\ncat,9\n"), "CB019", 2);
        Assert.Contains("'count' of 'kind' on line 2", d, StringComparison.Ordinal);
    }

    [Fact]
    public void After_a_malformed_first_row_a_header_like_row_is_a_bad_count()
    {
        var all = Diagnostics(Run("cat,9,9\nname,count\ndog,9\n"));
        Assert.Equal(new[] { "CB017 1", "CB019 2" }, all.Select(d => d.Substring(0, 7)).ToArray());
    }

    [Fact]
    public void A_header_with_extra_columns_alone_is_an_empty_file_with_only_a_header()
    {
        Assert.Contains("(only a header)", Single(Run("name,count,notes\n"), "CB020", 1), StringComparison.Ordinal);
        Assert.EndsWith("The counts file 'labels.csv' has no class rows; add one 'name,count' line per class, in class-index order",
            Single(Run("\n# none\n"), "CB020", 1), StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_row_claims_no_name_for_later_rows()
    {
        // The rows with an empty name or a bad count are dropped whole: nothing they hold is remembered.
        var empty = Diagnostics(Run("  ,5\n  ,6\n"));
        Assert.Equal(new[] { "CB017 1", "CB017 2" }, empty.Select(d => d.Substring(0, 7)).ToArray());
        Single(Run("a,1\ncat,x\ncat,5\n"), "CB019", 2);
    }

    [Theory]
    [InlineData("+")]
    [InlineData("-")]
    public void A_lone_sign_after_the_first_row_is_not_a_whole_number(string count)
    {
        Assert.Contains("is not a whole number", Single(Run("cat,900\ndog," + count + "\n"), "CB019", 2), StringComparison.Ordinal);
    }
}
