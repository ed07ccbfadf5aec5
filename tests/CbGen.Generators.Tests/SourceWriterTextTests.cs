extern alias gen;

using System.Linq;
using System.Text;
using gen::CbGen.Generators.Helpers;
using Microsoft.CodeAnalysis.Text;

namespace CbGen.Generators.Tests;

/// <summary>A writer's text handed to Roslyn in place (<see cref="SourceWriter.ToSourceText"/>) is the text that
/// <c>AddSource(hintName, string)</c> would have added: same characters at every position and across the builder's
/// chunk boundaries, same encoding, checksum algorithm, checksum and lines.</summary>
public sealed class SourceWriterTextTests
{
    /// <summary>A writer past its first buffer (<see cref="SourceWriter.MaxFirstChunk"/>), so the text spans many chunks.</summary>
    private static SourceWriter Written(int lines)
    {
        var w = new SourceWriter(capacity: 10_000_000);
        w.WriteLine("namespace N");
        w.OpenBrace();
        for (int i = 0; i < lines; i++)
        {
            w.StartLine().Append("public const long Class").Append(i.ToString(System.Globalization.CultureInfo.InvariantCulture))
                .Append("Count = ").Append((i * 7919 % 1000).ToString(System.Globalization.CultureInfo.InvariantCulture)).Append("L; // é ✓").EndLine();
        }

        w.CloseBrace();
        return w;
    }

    [Fact]
    public void The_text_in_place_equals_the_string_text_a_string_source_would_add()
    {
        SourceWriter w = Written(5_000);
        string expected = w.ToString();
        SourceText inPlace = w.ToSourceText();
        SourceText fromString = SourceText.From(expected, Encoding.UTF8);

        Assert.True(expected.Length > 4 * SourceWriter.MaxFirstChunk);
        Assert.Equal(expected, inPlace.ToString());
        Assert.Equal(expected.Length, inPlace.Length);
        Assert.Same(fromString.Encoding, inPlace.Encoding);
        Assert.Equal(fromString.ChecksumAlgorithm, inPlace.ChecksumAlgorithm);
        Assert.Equal(System.Convert.ToHexString(fromString.GetChecksum().ToArray()), System.Convert.ToHexString(inPlace.GetChecksum().ToArray()));
        Assert.True(inPlace.ContentEquals(fromString));
        Assert.Equal(fromString.Lines.Select(l => l.Span), inPlace.Lines.Select(l => l.Span));
    }

    [Fact]
    public void Every_position_and_span_reads_the_same_characters_as_the_string()
    {
        SourceWriter w = Written(3_000);
        string expected = w.ToString();
        SourceText text = w.ToSourceText();

        for (int i = 0; i < expected.Length; i += 97)
        {
            Assert.Equal(expected[i], text[i]);
        }

        // Spans that start and end on either side of the 8,000-char chunks of the builder.
        foreach (int start in new[] { 0, SourceWriter.MaxFirstChunk - 3, SourceWriter.MaxFirstChunk + 7_998, expected.Length - 20_000 })
        {
            foreach (int length in new[] { 0, 1, 5, 8_001, 20_000 })
            {
                var buffer = new char[length + 2];
                text.CopyTo(start, buffer, 1, length);
                Assert.Equal(expected.Substring(start, length), new string(buffer, 1, length));
                Assert.Equal(expected.Substring(start, length), text.ToString(new TextSpan(start, length)));
            }
        }

        Assert.Throws<System.ArgumentOutOfRangeException>(() => text.ToString(new TextSpan(expected.Length - 1, 2)));
    }
}
