extern alias gen;

using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using CountsFileFormat = gen::CbGen.CountsFiles.CountsFileFormat;

namespace CbGen.Generators.Tests;

/// <summary>The shared, Roslyn-free counts-file format (src/CbGen/CountsFiles) against Roslyn itself: its keyword
/// list, its identifier characters and its line breaks are the compiler's.</summary>
public sealed class CountsFileFormatTests
{
    [Fact]
    public void The_keyword_list_is_exactly_the_reserved_keywords_of_SyntaxFacts()
    {
        var reserved = SyntaxFacts.GetKeywordKinds().Where(SyntaxFacts.IsReservedKeyword).Select(SyntaxFacts.GetText)
            .OrderBy(k => k, System.StringComparer.Ordinal).ToArray();
        var list = ((HashSet<string>)typeof(CountsFileFormat).GetField("Keywords", BindingFlags.NonPublic | BindingFlags.Static)!
            .GetValue(null)!).OrderBy(k => k, System.StringComparer.Ordinal).ToArray();
        Assert.Equal(reserved, list);
        foreach (string word in SyntaxFacts.GetKeywordKinds().Concat(SyntaxFacts.GetContextualKeywordKinds()).Select(SyntaxFacts.GetText))
        {
            Assert.Equal(SyntaxFacts.GetKeywordKind(word) != SyntaxKind.None, CountsFileFormat.IsKeyword(word));
        }
    }

    [Fact]
    public void Identifier_characters_are_Roslyns_without_format_invisible_characters_and_surrogates()
    {
        for (int i = 0; i <= char.MaxValue; i++)
        {
            char c = (char)i;
            bool start = SyntaxFacts.IsIdentifierStartCharacter(c) && !CountsFileFormat.IsHidden(c);
            Assert.True(start == CountsFileFormat.IsIdentifierStart(c), "start U+" + i.ToString("X4", CultureInfo.InvariantCulture));
            bool part = SyntaxFacts.IsIdentifierPartCharacter(c) && CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.Format && !char.IsSurrogate(c)
                && !CountsFileFormat.IsHidden(c);
            Assert.True(part == CountsFileFormat.IsIdentifierPart(c), "part U+" + i.ToString("X4", CultureInfo.InvariantCulture));
        }
    }

    [Theory]
    [InlineData("\u3164")]
    [InlineData("\u115F")]
    [InlineData("\uFFA0")]
    [InlineData("\u034F")]
    [InlineData("\uFE0F")]
    [InlineData("\u180B")]
    public void Invisible_letters_and_marks_are_no_identifier_characters(string hidden)
    {
        Assert.True(SyntaxFacts.IsIdentifierPartCharacter(hidden[0]));
        Assert.False(CountsFileFormat.IsIdentifierPart(hidden[0]));
        Assert.Equal("a_b", CountsFileFormat.ToIdentifier("a" + hidden + "b"));
    }

    [Theory]
    [InlineData("a,1\r\nb,2\rc,3\nd,4\u0085e,5\u2028f,6\u2029g,7")]
    [InlineData("\n\n# x\r\n\r\n")]
    [InlineData("")]
    [InlineData("no break")]
    public void Lines_split_where_the_compiler_splits_an_additional_file(string text)
    {
        var expected = SourceText.From(text).Lines.Select(l => (l.Start, l.End - l.Start)).ToArray();
        Assert.Equal(expected, CountsFileFormat.Lines(text).ToArray());
    }
}
