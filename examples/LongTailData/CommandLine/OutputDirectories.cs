namespace LongTailData.CommandLine;

/// <summary>
/// Where the demos write their results unless <c>--out DIR</c> says otherwise: the one home of the rule. Every demo
/// writes under <see cref="Root"/>, which git ignores, so that a run never rewrites the committed tables in
/// docs/results; those are written with <c>--out docs/results/…</c>.
/// </summary>
public static class OutputDirectories
{
    /// <summary><c>out</c>: the Fashion-MNIST demo's (<c>./build.sh run</c>), and the folder the others' go under.</summary>
    public const string Root = "out";

    /// <summary><c>out/glyphs</c>: the glyph benchmark's (<c>./build.sh run --glyphs</c>).</summary>
    public const string Glyphs = Root + "/glyphs";

    /// <summary><c>out/wordnet</c>: the WordNet benchmark's (<c>./build.sh run --wordnet</c>).</summary>
    public const string WordNet = Root + "/wordnet";

    /// <summary><c>out/debtags</c>: the debtags benchmark's (<c>./build.sh run --debtags</c>).</summary>
    public const string Debtags = Root + "/debtags";
}
