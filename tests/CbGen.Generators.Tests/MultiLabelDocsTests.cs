using System;
using System.Linq;
using CbGen.Docs;
using CbGen.Evaluation;

namespace CbGen.Generators.Tests;

/// <summary>docs/multilabel.md: each <c>```csharp</c> block is a whole <c>Program.cs</c> (only CbGen referenced) that
/// builds without an error or a warning, and the report line the example prints is the one CbGen writes.</summary>
public sealed class MultiLabelDocsTests
{
    private const string Page = "docs/multilabel.md";

    public static TheoryData<int> Blocks() => DocsSnippets.BlockLines(Page);

    [Fact]
    public void The_page_has_csharp_blocks() => Assert.NotEmpty(DocsSnippets.CSharpBlocks(Page));

    [Theory]
    [MemberData(nameof(Blocks))]
    public void Each_block_compiles_as_a_whole_program(int line)
    {
        DocsSnippets.AssertCompiles(Page, line);
    }

    [Fact]
    public void The_printed_report_is_the_one_the_example_s_numbers_give()
    {
        // The example's arrays, as the page writes them.
        float[] probabilities = { 0.9f, 0.8f, 0.2f, 0.6f, 0.4f, 0.7f, 0.3f, 0.6f, 0.1f, 0.1f, 0.3f, 0.4f };
        float[] targets = { 1, 0, 0, 1, 1, 0, 0, 1, 0, 0, 0, 1 };
        string code = DocsSnippets.CSharpBlocks(Page).Single(b => b.Code.Contains("MultiLabelMetrics", StringComparison.Ordinal)).Code;
        string compact = new string(code.Where(c => !char.IsWhiteSpace(c)).ToArray());
        Assert.Contains("float[]probabilities={" + string.Join(",", probabilities.Select(p => p.ToString("R", System.Globalization.CultureInfo.InvariantCulture) + "f")) + ",};", compact, StringComparison.Ordinal);
        Assert.Contains("float[]targets={" + string.Join(",", targets) + ",};", compact, StringComparison.Ordinal);
        Assert.Contains("long[]trainingPositives={500,50,5};", compact, StringComparison.Ordinal);

        MultiLabelReport report = MultiLabelMetrics.Compute(probabilities, targets, new long[] { 500, 50, 5 });
        Assert.Contains("// " + report + "\n", code, StringComparison.Ordinal);
    }
}
