using CbGen.Docs;

namespace CbGen.TorchSharp.Tests;

/// <summary>docs/rebalancing.md: each <c>```csharp</c> block is a whole <c>Program.cs</c> (CbGen, CbGen.TorchSharp and
/// TorchSharp referenced) that builds without an error or a warning.</summary>
public sealed class RebalancingDocsTests
{
    private const string Page = "docs/rebalancing.md";

    public static TheoryData<int> Blocks() => DocsSnippets.BlockLines(Page);

    [Fact]
    public void The_page_has_the_decoupled_and_the_weight_balancing_examples() => Assert.Equal(2, DocsSnippets.CSharpBlocks(Page).Count);

    [Theory]
    [MemberData(nameof(Blocks))]
    public void Each_block_compiles_as_a_whole_program(int line)
    {
        DocsSnippets.AssertCompiles(Page, line);
    }
}
