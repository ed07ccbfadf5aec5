using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using LongTailData.Files;
using LongTailData.Tests;
using LongTailData.WordNet;

namespace LongTailData.Tests.WordNet;

public sealed class WordNetDataFileTests : IDisposable
{
    private const string Reinstall = "apt-get install --reinstall wordnet-base";
    private const int HeaderLines = 29;
    private readonly FixtureFiles _files = new();

    public void Dispose() => _files.Dispose();

    private static string Fixture(string pos) => Path.Combine(FixtureFiles.WordNetDirectory, "data." + pos);

    [Fact]
    public void The_license_header_is_skipped_and_every_synset_read()
    {
        List<string> lines = FixtureFiles.Lines(Fixture("noun"));
        IReadOnlyList<GlossSample> synsets = WordNetDataFile.Read(Fixture("noun"), "noun", LexNames.WordNet30);

        Assert.Equal(HeaderLines, lines.Count(l => l.StartsWith("  ", StringComparison.Ordinal)));
        Assert.Equal(lines.Count - HeaderLines, synsets.Count);
        GlossSample entity = synsets[0];
        Assert.Equal(["entity"], entity.Words);
        Assert.Equal(3, entity.LexFileNumber);
        Assert.Equal('n', entity.SynsetType);
        Assert.Equal(lines.Take(HeaderLines).Sum(l => l.Length + 1), entity.Offset);
        Assert.StartsWith("that which is perceived or known or inferred", entity.Gloss, StringComparison.Ordinal);
        Assert.False(entity.Gloss.EndsWith(' '));
    }

    [Fact]
    public void Verb_frames_satellites_and_several_words_are_read()
    {
        IReadOnlyList<GlossSample> verbs = WordNetDataFile.Read(Fixture("verb"), "verb", LexNames.WordNet30);
        IReadOnlyList<GlossSample> adjectives = WordNetDataFile.Read(Fixture("adj"), "adj", LexNames.WordNet30);

        Assert.Equal(["hit_the_dirt", "hit_the_deck"], verbs.Single(v => v.Words[0] == "hit_the_dirt").Words);
        Assert.All(verbs, v => Assert.Equal("verb.motion", LexNames.WordNet30[v.LexFileNumber]));
        Assert.Equal("as", string.Concat(adjectives.Select(a => a.SynsetType).Distinct().Order()));
    }

    [Theory]
    [InlineData("gloss", "no ' | ' before a gloss")]
    [InlineData("emptygloss", "the gloss after ' | ' is empty")]
    [InlineData("lexfile", "lex_filenum 38 is 'verb.motion', not a noun lexicographer file")]
    [InlineData("lexrange", "lex_filenum 45 is beyond the lexnames table")]
    [InlineData("type", "ss_type 'v' is not one of 'n' (noun)")]
    [InlineData("wcnt", "w_cnt 'x1' is not 2 hex digits")]
    [InlineData("pointers", "the field pointer_symbol is missing")]
    [InlineData("extra", "1 field(s) more than its counts announce")]
    public void A_damaged_synset_line_names_file_line_and_reinstall(string damage, string problem)
    {
        List<string> lines = FixtureFiles.Lines(Fixture("noun"));
        int at = FixtureFiles.IndexOf(lines, lines[HeaderLines + 1][..8]);
        string line = lines[at];
        lines[at] = damage switch
        {
            "gloss" => line[..line.IndexOf(" | ", StringComparison.Ordinal)],
            "emptygloss" => line[..(line.IndexOf(" | ", StringComparison.Ordinal) + 3)] + "  ",
            "lexfile" => line[..9] + "38" + line[11..],
            "lexrange" => line[..9] + "45" + line[11..],
            "type" => line[..12] + "v" + line[13..],
            "wcnt" => line[..14] + "x1" + line[16..],
            "pointers" => line[..line.IndexOf(" | ", StringComparison.Ordinal)].Replace(" 007 ", " 008 ", StringComparison.Ordinal) + line[line.IndexOf(" | ", StringComparison.Ordinal)..],
            "extra" => line.Replace(" | ", " x | ", StringComparison.Ordinal),
            _ => throw new ArgumentOutOfRangeException(nameof(damage)),
        };
        string path = _files.Write("data.noun", lines);

        DataFileException e = Assert.Throws<DataFileException>(() => WordNetDataFile.Read(path, "noun", LexNames.WordNet30));

        FixtureFiles.AssertError(e, path, at + 1, Reinstall, problem);
    }

    [Fact]
    public void A_lost_line_shows_as_an_offset_that_is_not_the_byte_position()
    {
        List<string> lines = FixtureFiles.Lines(Fixture("noun"));
        lines.RemoveAt(HeaderLines + 1);
        string path = _files.Write("data.noun", lines);

        DataFileException e = Assert.Throws<DataFileException>(() => WordNetDataFile.Read(path, "noun", LexNames.WordNet30));

        FixtureFiles.AssertError(e, path, HeaderLines + 2, Reinstall, "is not the line's byte offset");
    }

    [Fact]
    public void A_file_with_only_the_header_is_an_error()
    {
        string path = _files.Write("data.noun", FixtureFiles.Lines(Fixture("noun")).Take(HeaderLines));

        DataFileException e = Assert.Throws<DataFileException>(() => WordNetDataFile.Read(path, "noun", LexNames.WordNet30));

        FixtureFiles.AssertError(e, path, null, Reinstall, "no synset line");
    }

    [Fact]
    public void A_missing_file_says_which_package_to_install()
    {
        string path = Fixture("noun") + ".missing";

        DataFileException e = Assert.Throws<DataFileException>(() => WordNetDataFile.Read(path, "noun", LexNames.WordNet30));

        FixtureFiles.AssertError(e, path, null, "apt-get install wordnet-base", "does not exist");
        Assert.Contains("./build.sh data wordnet", e.Fix, StringComparison.Ordinal);
    }
}
