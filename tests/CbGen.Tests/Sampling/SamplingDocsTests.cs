using CbGen.Docs;

namespace CbGen.Tests.Sampling;

/// <summary>docs/sampling.md: each <c>```csharp</c> block is a whole <c>Program.cs</c> (CbGen and TorchSharp
/// referenced) that builds without an error or a warning.</summary>
public sealed class SamplingDocsTests
{
    private const string Page = "docs/sampling.md";

    public static TheoryData<int> Blocks() => DocsSnippets.BlockLines(Page);

    [Fact]
    public void The_page_has_the_plain_and_the_TorchSharp_examples() => Assert.Equal(2, DocsSnippets.CSharpBlocks(Page).Count);

    [Theory]
    [MemberData(nameof(Blocks))]
    public void Each_block_compiles_as_a_whole_program(int line)
    {
        DocsSnippets.AssertCompiles(Page, line);
    }
}
