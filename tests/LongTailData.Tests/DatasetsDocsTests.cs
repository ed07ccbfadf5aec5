using CbGen.Docs;
using LongTailData.Glyphs;

namespace LongTailData.Tests;

/// <summary>docs/datasets.md: each <c>```csharp</c> block is a whole <c>Program.cs</c> of a console project that
/// references examples/LongTailData, and builds without an error or a warning.</summary>
public sealed class DatasetsDocsTests
{
    private const string Page = "docs/datasets.md";

    public static TheoryData<int> Blocks() => DocsSnippets.BlockLines(Page);

    [Fact]
    public void The_page_has_csharp_blocks() => Assert.NotEmpty(DocsSnippets.CSharpBlocks(Page));

    [Theory]
    [MemberData(nameof(Blocks))]
    public void Each_block_compiles_as_a_whole_program(int line)
    {
        DocsSnippets.AssertCompiles(Page, line, [DocsSnippets.Of(typeof(GlyphDataset))]);
    }
}
