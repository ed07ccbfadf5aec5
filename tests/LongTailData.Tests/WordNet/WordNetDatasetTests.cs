using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using LongTailData.Files;
using LongTailData.Splits;
using LongTailData.Tests;
using LongTailData.WordNet;

namespace LongTailData.Tests.WordNet;

public sealed class WordNetDatasetTests : IDisposable
{
    // The fixture: noun.Tops 3, noun.animal 4, noun.motive 1, noun.plant 3, verb.motion 3, adj.all 3, adv.all 3.
    private static readonly SplitOptions Small = new(MinPerClass: 3, TestPerClass: 1, Seed: 11);
    private readonly FixtureFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public void Classes_are_the_lexicographer_files_with_enough_synsets_in_file_order()
    {
        LongTailDataset<GlossSample> data = WordNetDataset.Build(FixtureFiles.WordNetDirectory, options: Small);

        Assert.Equal(["adj.all", "adv.all", "noun.Tops", "noun.animal", "noun.plant", "verb.motion"], data.ClassNames);
        Assert.Equal([3L, 3L, 3L, 4L, 3L, 3L], data.ClassCounts);
        Assert.Equal(new Dropped(data.Dropped[0].Reason, 1, 1), data.Dropped[0]);
        for (int i = 0; i < data.Samples.Count; i++)
        {
            Assert.Equal(LexNames.WordNet30[data.Samples[i].LexFileNumber], data.ClassNames[data.Labels[i]]);
        }
    }

    [Fact]
    public void Nouns_only_reads_data_noun_alone()
    {
        LongTailDataset<GlossSample> data = WordNetDataset.Build(FixtureFiles.WordNetDirectory, ["noun"], Small);

        Assert.Equal(["noun.Tops", "noun.animal", "noun.plant"], data.ClassNames);
        Assert.All(data.Samples, s => Assert.Equal('n', s.SynsetType));
    }

    [Fact]
    public void Without_a_lexnames_file_the_built_in_table_gives_the_same_classes()
    {
        string dir = _files.WordNetCopy(withLexNames: false);

        Assert.Equal(
            WordNetDataset.Build(FixtureFiles.WordNetDirectory, options: Small).ClassNames,
            WordNetDataset.Build(dir, options: Small).ClassNames);
        Assert.Equal(LexNames.WordNet30, LexNames.Load(FixtureFiles.WordNetDirectory));
        Assert.Equal(45, LexNames.WordNet30.Count);
    }

    [Fact]
    public void A_damaged_lexnames_line_is_named()
    {
        string dir = _files.WordNetCopy("lexnames", l => { l[5] = "05\tnoun.animal"; return l; });

        DataFileException e = Assert.Throws<DataFileException>(() => WordNetDataset.Build(dir, options: Small));

        FixtureFiles.AssertError(e, Path.Combine(dir, "lexnames"), 6, "delete it to use the built-in", "is not 'NN<TAB>name<TAB>category'");
    }

    [Fact]
    public void A_minimum_that_no_class_reaches_names_the_largest_class()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() =>
            WordNetDataset.Build(FixtureFiles.WordNetDirectory, options: Small with { MinPerClass = 5 }));

        Assert.Equal("options", e.ParamName);
        Assert.Contains("No lexicographer file has 5 synsets or more; the largest has 4. Lower MinPerClass", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_data_file_cut_at_a_line_boundary_is_found_by_the_pointers_into_it()
    {
        const int header = 29;
        string dir = _files.WordNetCopy("data.noun", l => l.Take(header + 1).ToList());

        DataFileException e = Assert.Throws<DataFileException>(() => WordNetDataset.Build(dir, options: Small));

        FixtureFiles.AssertError(e, Path.Combine(dir, "data.noun"), header + 1, "apt-get install --reinstall wordnet-base",
            "the file ends at synset 00001740, but " + Path.Combine(dir, "data.noun") + " line 30 points to synset 00001930");
    }

    [Fact]
    public void A_pointer_to_no_synset_is_named_at_its_line()
    {
        string dir = _files.WordNetCopy("data.verb", l => l.Select(x => x.Replace("@ 00001740 v", "@ 00001741 v", StringComparison.Ordinal)).ToList());
        string verbs = Path.Combine(dir, "data.verb");
        int line = FixtureFiles.Lines(verbs).FindIndex(x => x.Contains("@ 00001741 v", StringComparison.Ordinal)) + 1;

        DataFileException e = Assert.Throws<DataFileException>(() => WordNetDataset.Build(dir, options: Small));

        FixtureFiles.AssertError(e, verbs, line, "apt-get install --reinstall wordnet-base",
            "points to synset 00001741 of " + verbs + ", where no synset starts");
    }

    [Fact]
    public void Nouns_only_checks_the_pointers_into_data_noun_alone()
    {
        // Verb pointers point into data.verb, which is not read: nothing to check them against.
        string dir = _files.WordNetCopy("data.verb", l => l.Select(x => x.Replace("@ 00001740 v", "@ 00001741 v", StringComparison.Ordinal)).ToList());

        Assert.Equal(3, WordNetDataset.Build(dir, ["noun"], Small).ClassNames.Count);
    }

    [Fact]
    public void A_missing_data_file_fails_before_any_is_read()
    {
        string dir = _files.WordNetCopy();
        File.Delete(Path.Combine(dir, "data.adv"));

        DataFileException e = Assert.Throws<DataFileException>(() => WordNetDataset.Build(dir, options: Small));

        FixtureFiles.AssertError(e, Path.Combine(dir, "data.adv"), null, "apt-get install wordnet-base", "does not exist");
    }

    [Fact]
    public void The_split_is_balanced_and_reproducible()
    {
        LongTailDataset<GlossSample> a = WordNetDataset.Build(FixtureFiles.WordNetDirectory, options: Small);
        LongTailDataset<GlossSample> b = WordNetDataset.Build(FixtureFiles.WordNetDirectory, options: Small);

        Assert.Equal(Enumerable.Range(0, 6), a.Split.TestIndices.Select(i => a.Labels[i]).Order());
        Assert.Equal(a.Split.TestIndices, b.Split.TestIndices);
        Assert.Equal(a.Split.ValidationIndices, b.Split.ValidationIndices);
        Assert.Equal([1L, 1L, 1L, 2L, 1L, 1L], a.Split.TrainCounts);
    }
}
