using CbGen.Docs;

namespace CbGen.Generators.Tests;

/// <summary>docs/losses.md: each <c>```csharp</c> block is a whole <c>Program.cs</c> (CbGen.TorchSharp and TorchSharp
/// referenced, as the page's install line says) that builds without an error or a warning.</summary>
public sealed class LossesDocsTests
{
    private const string Page = "docs/losses.md";

    public static TheoryData<int> Blocks() => DocsSnippets.BlockLines(Page);

    [Fact]
    public void The_page_has_csharp_blocks() => Assert.NotEmpty(DocsSnippets.CSharpBlocks(Page));

    [Theory]
    [MemberData(nameof(Blocks))]
    public void Each_block_compiles_as_a_whole_program(int line)
    {
        DocsSnippets.AssertCompiles(Page, line);
    }
}
