using System;

namespace CbGen.Testing;

/// <summary>One file the CbGen generator added to a compilation.</summary>
public sealed class GeneratedFile
{
    /// <summary>Creates a generated file.</summary>
    /// <param name="hintName">The generator's hint name, e.g. <c>Shop.Fruit.FruitWeights.g.cs</c>.</param>
    /// <param name="text">The generated source text.</param>
    /// <exception cref="ArgumentNullException"><paramref name="hintName"/> or <paramref name="text"/> is null.</exception>
    public GeneratedFile(string hintName, string text)
    {
        HintName = hintName ?? throw new ArgumentNullException(nameof(hintName));
        Text = text ?? throw new ArgumentNullException(nameof(text));
    }

    /// <summary>The generator's hint name, e.g. <c>Shop.Fruit.FruitWeights.g.cs</c> (unique within a run).</summary>
    public string HintName { get; }

    /// <summary>The hint name without its <c>.g.cs</c> (or <c>.cs</c>) ending: the snapshot file's base name.</summary>
    public string Name =>
        HintName.EndsWith(".g.cs", StringComparison.Ordinal) ? HintName.Substring(0, HintName.Length - ".g.cs".Length)
        : HintName.EndsWith(".cs", StringComparison.Ordinal) ? HintName.Substring(0, HintName.Length - ".cs".Length)
        : HintName;

    /// <summary>The generated source text.</summary>
    public string Text { get; }

    /// <inheritdoc />
    public override string ToString() => HintName;
}
