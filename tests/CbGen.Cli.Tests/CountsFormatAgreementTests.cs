using System;
using CbGen.Cli.Emit;

namespace CbGen.Cli.Tests;

/// <summary>cbgen reads a counts file with the generator's own implementation of the format (src/CbGen/CountsFiles),
/// so the cases where the two copies used to disagree now read the same way in both.</summary>
public sealed class CountsFormatAgreementTests : IDisposable
{
    private readonly TempDir temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public void A_first_row_with_a_decimal_count_is_a_bad_count_not_a_header()
    {
        // The generator reports CB019 for "cat,2.5" (a number, so not a header); cbgen used to skip it as a header.
        string file = temp.File("counts.txt", "cat,2.5\ndog,3\nbird,7\n");
        CliResult r = Cli.Run("weights", "--beta", "0.99", file, "--as", "counts");
        Assert.Equal(1, r.ExitCode);
        Assert.Contains(file + ":1: the count '2.5' of class 'cat' is not a whole number ≥ 0", r.Stderr, StringComparison.Ordinal);
        Assert.Contains("CB019", GeneratorSide.Dataset(System.IO.File.ReadAllText(file)).DescribeDiagnostics(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_csv_file_whose_first_row_holds_a_tab_is_tab_separated()
    {
        // The generator takes the separator from the first row whatever the extension; cbgen used to take a comma
        // for every .csv file and rejected this one.
        string text = "name\tcount\ncat, wild\t10\ndog\t4\n";
        string file = temp.File("counts.csv", text);
        CliResult r = Cli.Run("weights", "--beta", "0.99", file, "--as", "counts", "--json");
        Assert.True(r.ExitCode == 0, r.Stderr);
        Assert.Contains("cat, wild", r.Stdout, StringComparison.Ordinal);
        Assert.Equal(new[] { ("cat_wild", 10L), ("dog", 4L) }, GeneratorSide.LabelMembers(GeneratorSide.Dataset(text)));
    }

    [Theory]
    [InlineData("__arglist")]
    [InlineData("__makeref")]
    [InlineData("__reftype")]
    [InlineData("__refvalue")]
    public void The_undocumented_keywords_are_escaped_as_the_generator_escapes_them(string name)
    {
        // Roslyn's SyntaxFacts knows these four as reserved keywords; cbgen's hand list did not, and wrote a member
        // the compiler rejects.
        Assert.Equal("@" + name, CSharpIdentifiers.MemberNames(new[] { name, "other" }, MemberNaming.Verbatim)[0]);
    }
}
