using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CbGen.Generators.Tests;

/// <summary>
/// The counts-file reader, row by row (issue 16, gap 10): what each kind of line becomes (the class names, counts
/// and indices the generated Label enum shows) and which diagnostic, on which line, a bad line gets. A file with
/// any bad row must generate nothing, so a dropped row can never shift the class numbering.
/// </summary>
public sealed partial class CountsFileParserTests
{
    private const string Source = "using CbGen;\n\nnamespace Tests;\n\n[ClassBalancedDataset(\"labels.csv\")]\npublic static partial class Labels;\n";

    private static CbGenRunResult Run(string text, string fileName = "labels.csv", string? source = null) =>
        GeneratorHarness.Run(false, GeneratorHarness.Files((fileName, text)),
            source ?? Source.Replace("labels.csv", fileName, StringComparison.Ordinal));

    /// <summary>The classes as "name=count" in class-index order, read from the generated code's syntax: the
    /// names from <c>Labels.Names</c>' array, the counts from <c>LabelsWeights.Counts</c>, and the Label enum's
    /// values checked to run 0..C-1 in file order.</summary>
    private static string[] Classes(CbGenRunResult run)
    {
        Assert.Empty(run.AnalyzerDiagnostics);
        run.AssertCompilesCleanly();
        SyntaxNode labels = CSharpSyntaxTree.ParseText(run.File("Labels.Label.g.cs").Text).GetRoot();
        string[] names = labels.DescendantNodes().OfType<VariableDeclaratorSyntax>()
            .Single(v => v.Identifier.ValueText == "__CbGenNames")
            .DescendantNodes().OfType<LiteralExpressionSyntax>().Select(l => l.Token.ValueText).ToArray();
        int[] values = labels.DescendantNodes().OfType<EnumMemberDeclarationSyntax>()
            .Select(m => (int)((LiteralExpressionSyntax)m.EqualsValue!.Value).Token.Value!).ToArray();
        Assert.Equal(Enumerable.Range(0, names.Length), values);

        SyntaxNode weights = CSharpSyntaxTree.ParseText(run.File("LabelsWeights.g.cs").Text).GetRoot();
        long[] counts = weights.DescendantNodes().OfType<PropertyDeclarationSyntax>()
            .Single(p => p.Identifier.ValueText == "Counts")
            .DescendantNodes().OfType<LiteralExpressionSyntax>().Select(l => Convert.ToInt64(l.Token.Value, CultureInfo.InvariantCulture))
            .ToArray();
        Assert.Equal(names.Length, counts.Length);
        return names.Zip(counts, (n, c) => n + "=" + c.ToString(CultureInfo.InvariantCulture)).ToArray();
    }

    /// <summary>The diagnostics as "ID line: message", with the 1-based line of their location in the counts file.</summary>
    private static string[] Diagnostics(CbGenRunResult run)
    {
        Assert.Empty(run.Files);      // a file with an error generates nothing
        return run.GeneratorDiagnostics.Concat(run.AnalyzerDiagnostics)
            .Select(d => d.Id + " " + (d.Location.GetLineSpan().StartLinePosition.Line + 1).ToString(CultureInfo.InvariantCulture)
                + ": " + d.GetMessage(CultureInfo.InvariantCulture))
            .ToArray();
    }

    private static string Single(CbGenRunResult run, string id, int line)
    {
        string d = Assert.Single(Diagnostics(run));
        Assert.StartsWith(id + " " + line.ToString(CultureInfo.InvariantCulture) + ": ", d, StringComparison.Ordinal);
        return d;
    }

    // ---- rows that parse -------------------------------------------------------------------------------------

    [Fact]
    public void Rows_keep_file_order_and_counts()
    {
        Assert.Equal(new[] { "cat=900", "dog=90", "bird=9" }, Classes(Run("cat,900\ndog,90\nbird,9\n")));
    }

    [Fact]
    public void Comments_and_blank_lines_are_skipped_anywhere()
    {
        Assert.Equal(new[] { "cat=900", "dog=90" },
            Classes(Run("# pets\n\nname,count\n   \n# more\ncat,900\n\n  # indented comment\ndog,90\n")));
    }

    [Fact]
    public void A_doubled_quote_inside_quotes_is_one_quote()
    {
        Assert.Equal(new[] { "say \"hi\"=5", "\"=3", "a\"\"b=2" },
            Classes(Run("\"say \"\"hi\"\"\",5\n\"\"\"\",3\n\"a\"\"\"\"b\",2\n")));
    }

    [Fact]
    public void A_quoted_last_field_and_quoted_names_with_the_separator()
    {
        Assert.Equal(new[] { "cat=900", "big, fat cat=12", "dog=7" },
            Classes(Run("cat,\"900\"\n\"big, fat cat\",\"12\"\n\"dog\" , \"7\"\n")));
    }

    [Fact]
    public void Spaces_around_separators_and_fields_are_trimmed()
    {
        Assert.Equal(new[] { "cat=900", "big cat=12", "dog=7", "owl=3" },
            Classes(Run("  cat  ,  900  \n \"big cat\"  ,12\ndog ,7 \n\towl\t,\t3\t\n")));
    }

    [Fact]
    public void A_tab_in_the_first_row_makes_a_csv_named_file_tab_separated()
    {
        Assert.Equal(new[] { "dog, the good one=900", "cat=90" },
            Classes(Run("dog, the good one\t900\ncat\t90\n")));
    }

    [Fact]
    public void A_tsv_file_is_tab_separated_even_without_a_tab_in_the_first_row()
    {
        // The first row has no tab, so only the .tsv name makes it one field: CB017 (1 column).
        var run = Run("dog,900\ncat\t90\n", "labels.tsv");
        string d = Single(run, "CB017", 1);
        Assert.Contains("1 column instead of 2", d, StringComparison.Ordinal);
        Assert.Contains("by a tab", d, StringComparison.Ordinal);
        Assert.Equal(new[] { "dog=900", "cat=90" }, Classes(Run("dog\t900\ncat\t90\n", "labels.TSV")));
    }

    [Fact]
    public void A_plus_sign_and_zero_are_counts()
    {
        Assert.Equal(new[] { "cat=5", "dog=0", "owl=7" }, Classes(Run("cat,+5\ndog,0\nowl,007\n",
            source: Source.Replace("(\"labels.csv\")", "(\"labels.csv\", ZeroCounts = ZeroCountPolicy.ZeroWeight)",
                StringComparison.Ordinal))));
    }

    // ---- the header rule -------------------------------------------------------------------------------------

    [Fact]
    public void A_header_with_extra_columns_is_skipped()
    {
        Assert.Equal(new[] { "cat=900", "dog=90" }, Classes(Run("name,count,notes\ncat,900\ndog,90\n")));
    }

    [Fact]
    public void Only_the_first_row_can_be_a_header()
    {
        // Row 2 of a headerless file with a word as its count is a bad count, not a second header.
        string d = Single(Run("cat,900\nname,count\ndog,90\n"), "CB019", 2);
        Assert.Contains("'count' of 'name' on line 2 of 'labels.csv'", d, StringComparison.Ordinal);

        // And after a header, a second header-like row is an error too.
        Single(Run("name,count\ncat,900\nname,count\n"), "CB019", 3);
        Single(Run("name,count,notes\ncat,900\nname,count,notes\n"), "CB017", 3);
    }

    [Fact]
    public void A_negative_count_on_the_first_row_is_an_error_not_a_header()
    {
        string d = Single(Run("cat,-5\ndog,90\n"), "CB019", 1);
        Assert.Contains("is negative", d, StringComparison.Ordinal);
    }

    [Fact]
    public void Only_a_header_is_an_empty_file()
    {
        string d = Single(Run("# nothing yet\nname,count\n"), "CB020", 1);
        Assert.Contains("(only a header)", d, StringComparison.Ordinal);
        string bare = Single(Run("# nothing yet\n\n"), "CB020", 1);
        Assert.DoesNotContain("header", bare, StringComparison.Ordinal);
    }

    // ---- bad rows: nothing is generated and the diagnostic names the line -------------------------------------

    [Fact]
    public void A_bad_count_in_the_middle_generates_nothing_and_names_its_line()
    {
        string d = Single(Run("cat,900\n\n# comment\ndog,x9\nbird,9\n"), "CB019", 4);
        Assert.Contains("The count 'x9' of 'dog' on line 4 of 'labels.csv'", d, StringComparison.Ordinal);
    }

    [Fact]
    public void A_malformed_row_in_the_middle_generates_nothing_and_names_its_line()
    {
        string d = Single(Run("cat,900\ndog,90,extra\nbird,9\n"), "CB017", 2);
        Assert.Contains("Line 2 of 'labels.csv' has 3 columns instead of 2", d, StringComparison.Ordinal);
        Assert.Contains("by a comma", d, StringComparison.Ordinal);
    }

    [Fact]
    public void A_trailing_empty_field_is_a_bad_count_not_a_crash()
    {
        string d = Single(Run("cat,900\ndog,\n"), "CB019", 2);
        Assert.Contains("'' of 'dog' on line 2", d, StringComparison.Ordinal);
        Single(Run("cat,900\ndog,   \n"), "CB019", 2);
        Single(Run("cat,900\ndog,\"\"\n"), "CB019", 2);
    }

    [Fact]
    public void Lines_ending_inside_a_field_are_errors_not_crashes()
    {
        Assert.Contains("has a quote that is not closed", Single(Run("cat,900\n\"dog,90\n"), "CB017", 2), StringComparison.Ordinal);
        Assert.Contains("has a quote that is not closed", Single(Run("cat,900\ndog,\"90\n"), "CB017", 2), StringComparison.Ordinal);
        Assert.Contains("has a quote that is not closed", Single(Run("cat,900\ndog,\"\n"), "CB017", 2), StringComparison.Ordinal);
        Assert.Contains("has text after a closing quote", Single(Run("cat,900\n\"dog\"x,90\n"), "CB017", 2), StringComparison.Ordinal);
        Assert.Contains("has 1 column instead of 2", Single(Run("cat,900\ndog\n"), "CB017", 2), StringComparison.Ordinal);
        Assert.Contains("has 1 column instead of 2", Single(Run("cat,900\n\"dog\"  \n"), "CB017", 2), StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_class_name_is_malformed()
    {
        Assert.Contains("has an empty class name", Single(Run("cat,900\n  ,90\n"), "CB017", 2), StringComparison.Ordinal);
        Assert.Contains("has an empty class name", Single(Run("cat,900\n\"\",90\n"), "CB017", 2), StringComparison.Ordinal);
    }

    [Fact]
    public void Counts_that_are_not_whole_numbers_or_too_large()
    {
        Assert.Contains("is not a whole number", Single(Run("cat,900\ndog,2.5\n"), "CB019", 2), StringComparison.Ordinal);
        Assert.Contains("is not a whole number", Single(Run("cat,900\ndog,1e5\n"), "CB019", 2), StringComparison.Ordinal);
        Assert.Contains("is not a whole number", Single(Run("cat,900\ndog,1E5\n"), "CB019", 2), StringComparison.Ordinal);
        Assert.Contains("is not a whole number", Single(Run("cat,900\ndog,many\n"), "CB019", 2), StringComparison.Ordinal);
        Assert.Contains("is too large", Single(Run("cat,900\ndog,99999999999999999999\n"), "CB019", 2), StringComparison.Ordinal);
        Assert.Contains("is negative", Single(Run("cat,900\ndog,-1\n"), "CB019", 2), StringComparison.Ordinal);
    }

    [Fact]
    public void Every_bad_row_is_reported_with_its_own_line()
    {
        var all = Diagnostics(Run("name,count\ncat,900\ndog,-1\n\n\"bird,5\nfish,1,2\ncat,4\n"));
        Assert.Equal(new[] { "CB019 3", "CB017 5", "CB017 6", "CB018 7" }, all.Select(d => d.Substring(0, 7)).ToArray());
        Assert.Contains("The class 'cat' on line 7 of 'labels.csv' is already on line 2", all[3], StringComparison.Ordinal);
    }

    [Fact]
    public void Names_that_become_the_same_identifier_name_both_lines()
    {
        string d = Single(Run("\n\nbig cat,900\nsmall,5\nbig-cat,90\n"), "CB021", 5);
        Assert.Contains("'big-cat' on line 5", d, StringComparison.Ordinal);
        Assert.Contains("'big_cat', like 'big cat' on line 3", d, StringComparison.Ordinal);
    }

    // ---- where a diagnostic points ---------------------------------------------------------------------------

    /// <summary>"ID (line,column) 'located text'" of the one diagnostic, from the counts file's own text.</summary>
    private static string Located(string text)
    {
        ImmutableArray<AdditionalText> files = GeneratorHarness.Files(("labels.csv", text));
        CbGenRunResult run = GeneratorHarness.Run(false, files, Source);
        Assert.Empty(run.Files);
        string d = GeneratorHarness.Describe(run.GeneratorDiagnostics.Concat(run.AnalyzerDiagnostics), files);
        int at = d.IndexOf("labels.csv(", StringComparison.Ordinal);
        Assert.True(at >= 0, d);
        return d.Substring(0, 5) + " " + d.Substring(at + "labels.csv".Length, d.IndexOf("':", at, StringComparison.Ordinal) + 1 - at - "labels.csv".Length);
    }

    [Fact]
    public void A_bad_count_is_located_on_its_own_text()
    {
        Assert.Equal("CB019 (2,5) 'x9'", Located("cat,900\ndog,x9\n"));
        Assert.Equal("CB019 (2,9) 'x9'", Located("cat,900\n dog ,  x9  \n"));
        Assert.Equal("CB019 (2,8) '\"x9\"'", Located("cat,900\n dog , \"x9\" \n"));
        Assert.Equal("CB019 (3,8) '\"-2\"'", Located("cat,900\n\n\"a\"\"b\",\"-2\"\n"));
    }

    [Fact]
    public void A_duplicate_or_clashing_name_is_located_on_the_name()
    {
        Assert.Equal("CB018 (2,3) 'cat'", Located("cat,1\n  cat  ,2\n"));
        Assert.Equal("CB018 (2,2) '\"cat\"'", Located("cat,1\n \"cat\",2\n"));
        Assert.Equal("CB021 (2,1) 'big-cat'", Located("big cat,1\nbig-cat,2\n"));
    }

    [Fact]
    public void A_malformed_row_is_located_on_the_whole_line()
    {
        Assert.Equal("CB017 (2,1) 'dog,1,2'", Located("cat,900\ndog,1,2\n"));
    }

    // ---- odd first rows --------------------------------------------------------------------------------------

    [Fact]
    public void A_lone_sign_in_the_first_row_is_a_header_not_a_number()
    {
        Assert.Equal(new[] { "cat=5", "dog=2" }, Classes(Run("name,-\ncat,5\ndog,2\n")));
        Assert.Equal(new[] { "cat=5", "dog=2" }, Classes(Run("name,+\ncat,5\ndog,2\n")));
        Assert.Equal(new[] { "cat=5", "dog=2" }, Classes(Run("name,\ncat,5\ndog,2\n")));
    }

    [Fact]
    public void An_unreadable_counts_file_is_reported_as_empty()
    {
        var files = ImmutableArray.Create<AdditionalText>(new Unreadable(GeneratorHarness.DataFolder + "labels.csv"));
        string d = Single(GeneratorHarness.Run(false, files, Source), "CB020", 1);
        Assert.Contains("(it could not be read)", d, StringComparison.Ordinal);
    }

    private sealed class Unreadable : AdditionalText
    {
        public Unreadable(string path) => Path = path;

        public override string Path { get; }

        public override Microsoft.CodeAnalysis.Text.SourceText? GetText(System.Threading.CancellationToken cancellationToken = default) => null;
    }
}
