using System;
using System.Text;
using Microsoft.CodeAnalysis.Text;

namespace CbGen.Generators.Helpers;

/// <summary>A <see cref="SourceText"/> that reads a finished <see cref="StringBuilder"/> in place, so a large generated
/// file reaches Roslyn without <c>StringBuilder.ToString()</c>'s copy of the whole text (a second buffer of its size on
/// the large-object heap; docs/performance.md). Made only by <see cref="SourceWriter.ToSourceText"/>, which never
/// writes to the builder again, so the text is immutable as a <see cref="SourceText"/> must be. Encoding and checksum
/// algorithm are those that <c>AddSource(string, string)</c> gives a string (<c>SourceText.From(text, UTF8)</c>) on
/// the Roslyn that runs the generator, so a file added this way is the file a string would have added.</summary>
internal sealed class BuilderText : SourceText
{
    /// <summary>The checksum algorithm of <c>SourceText.From(string, Encoding)</c> on the host's Roslyn.</summary>
    private static readonly SourceHashAlgorithm StringChecksumAlgorithm = From(string.Empty, Encoding.UTF8).ChecksumAlgorithm;

    private readonly StringBuilder _builder;

    internal BuilderText(StringBuilder builder)
        : base(checksumAlgorithm: StringChecksumAlgorithm) => _builder = builder;

    public override Encoding Encoding => Encoding.UTF8;

    public override int Length => _builder.Length;

    public override char this[int position] => _builder[position];

    public override void CopyTo(int sourceIndex, char[] destination, int destinationIndex, int count) =>
        _builder.CopyTo(sourceIndex, destination, destinationIndex, count);

    public override string ToString() => _builder.ToString();

    public override string ToString(TextSpan span)
    {
        if (span.End > Length)
        {
            throw new ArgumentOutOfRangeException(nameof(span));
        }

        return _builder.ToString(span.Start, span.Length);
    }
}
