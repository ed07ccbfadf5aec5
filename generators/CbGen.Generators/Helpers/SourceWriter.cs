using System;
using System.Text;

namespace CbGen.Generators.Helpers;

/// <summary>A small indented text writer: linear, "\n" line endings on every platform.</summary>
internal sealed class SourceWriter
{
    private readonly StringBuilder _builder;
    private int _indent;

    /// <summary>The largest first buffer a writer allocates, in chars: below the large-object heap's 85,000 bytes. A
    /// larger file grows in further chunks of the builder (at most 8,000 chars each, linked, not copied), so writing it
    /// allocates nothing on the large-object heap, whose allocations trigger full (gen 2) collections of the
    /// compiler's whole heap (docs/performance.md).</summary>
    internal const int MaxFirstChunk = 40000;

    public SourceWriter(int capacity = 4096) => _builder = new StringBuilder(Math.Min(capacity, MaxFirstChunk));

    public int Indentation => _indent;

    public SourceWriter WriteLine(string line)
    {
        if (line.Length > 0)
        {
            _builder.Append(' ', _indent * 4);
            _builder.Append(line);
        }

        _builder.Append('\n');
        return this;
    }

    public SourceWriter WriteLine()
    {
        _builder.Append('\n');
        return this;
    }

    /// <summary>Starts an indented line and leaves it open for <see cref="Append(string)"/>.</summary>
    public SourceWriter StartLine()
    {
        _builder.Append(' ', _indent * 4);
        return this;
    }

    public SourceWriter Append(string text)
    {
        _builder.Append(text);
        return this;
    }

    public SourceWriter EndLine()
    {
        _builder.Append('\n');
        return this;
    }

    public SourceWriter OpenBrace()
    {
        WriteLine("{");
        _indent++;
        return this;
    }

    public SourceWriter CloseBrace(string suffix = "")
    {
        if (_indent == 0)
        {
            throw new InvalidOperationException("CloseBrace without a matching OpenBrace.");
        }

        _indent--;
        WriteLine("}" + suffix);
        return this;
    }

    public override string ToString() => _builder.ToString();

    /// <summary>The text written, as a <see cref="Microsoft.CodeAnalysis.Text.SourceText"/> that reads this writer's
    /// buffer in place (<see cref="BuilderText"/>): for a large file, instead of <see cref="ToString"/>'s copy. The
    /// writer must not be written to afterwards.</summary>
    public Microsoft.CodeAnalysis.Text.SourceText ToSourceText() => new BuilderText(_builder);
}
