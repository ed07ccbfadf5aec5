using System.Collections.Generic;

namespace LongTailData.WordNet;

/// <summary>One WordNet synset: its gloss and its lexicographer file (the supersense).</summary>
/// <param name="Offset">The synset's byte offset in its data file (its id within that file).</param>
/// <param name="SynsetType">n (noun), v (verb), a (adjective), s (adjective satellite) or r (adverb).</param>
/// <param name="LexFileNumber">The lexicographer file number, an index into <see cref="LexNames"/>.</param>
/// <param name="Words">The synset's words, with underscores for spaces as WordNet writes them.</param>
/// <param name="Gloss">The definition and examples, the text after <c>| </c>.</param>
public sealed record GlossSample(long Offset, char SynsetType, int LexFileNumber, IReadOnlyList<string> Words, string Gloss);
