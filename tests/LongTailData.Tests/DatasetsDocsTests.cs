using System.Linq;
using CbGen.Docs;
using LongTailData.Glyphs;

namespace LongTailData.Tests
{
    /// <summary>docs/datasets.md: each <c>```csharp</c> block is a whole <c>Program.cs</c> of a console project that
    /// references examples/LongTailData, and builds without an error or a warning.</summary>
    public sealed class DatasetsDocsTests
    {
        private const string Page = "docs/datasets.md";

        public static TheoryData<int> Blocks()
        {
            var data = new TheoryData<int>();
            foreach ((int line, _) in DocsSnippets.CSharpBlocks(Page))
            {
                data.Add(line);
            }

            return data;
        }

        [Fact]
        public void The_page_has_csharp_blocks() => Assert.NotEmpty(DocsSnippets.CSharpBlocks(Page));

        [Theory]
        [MemberData(nameof(Blocks))]
        public void Each_block_compiles_as_a_whole_program(int line)
        {
            string code = DocsSnippets.CSharpBlocks(Page).Single(b => b.Line == line).Code;

            string problems = DocsSnippets.Problems(code, [DocsSnippets.Of(typeof(GlyphDataset))]);

            Assert.True(problems.Length == 0, Page + ":" + line + ": the block does not compile as a whole Program.cs:\n" + problems);
        }
    }
}
