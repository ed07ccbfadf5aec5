using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using LongTailData.Files;
using LongTailData.Splits;

namespace LongTailData.WordNet;

/// <summary>
/// Builds the glosses → supersenses data set from WordNet's data files: every synset is a sample, its gloss the
/// text and its lexicographer file (<c>lex_filenum</c>, e.g. <c>noun.animal</c>) the class; lexicographer files with
/// fewer than <see cref="SplitOptions.MinPerClass"/> synsets are dropped. Classes are ordered by file number.
/// </summary>
public static class WordNetDataset
{
    /// <summary>Where Debian's <c>wordnet-base</c> installs the data files.</summary>
    public const string DebianDirectory = "/usr/share/wordnet";

    /// <summary>The <c>build.sh</c> verb that installs the package.</summary>
    public const string SetupStep = "data wordnet";

    /// <summary>The four parts of speech, as the data files are suffixed.</summary>
    public static IReadOnlyList<string> AllPartsOfSpeech { get; } = ["noun", "verb", "adj", "adv"];

    /// <summary>Builds the data set from <c>data.&lt;pos&gt;</c> in <paramref name="directory"/> for each part of speech.</summary>
    /// <param name="directory">The folder of the data files (Debian's by default).</param>
    /// <param name="partsOfSpeech">Which files to read (all four by default; <c>["noun"]</c> for the 26 noun supersenses).</param>
    /// <param name="options">The minimum class size and the split.</param>
    /// <exception cref="DataFileException">A data file is missing or damaged.</exception>
    public static LongTailDataset<GlossSample> Build(string? directory = null, IReadOnlyList<string>? partsOfSpeech = null, SplitOptions? options = null)
    {
        options ??= SplitOptions.Default;
        options.Validate();
        directory ??= DebianDirectory;
        partsOfSpeech ??= AllPartsOfSpeech;
        string[] paths = partsOfSpeech.Select(p => Path.Combine(directory, "data." + p)).ToArray();
        foreach (string path in paths)
        {
            NumberedLines.RequireFile(path, DebianPackage.WordNetBase, SetupStep);
        }

        IReadOnlyList<string> lexNames = LexNames.Load(directory);
        WordNetFile[] files = paths.Select((path, i) => WordNetDataFile.ReadFile(path, partsOfSpeech[i], lexNames)).ToArray();
        SynsetPointers.Check(files);
        List<GlossSample> all = files.SelectMany(f => f.Synsets).ToList();

        var perFile = all.GroupBy(s => s.LexFileNumber).ToDictionary(g => g.Key, g => g.Count());
        int[] kept = options.KeptClasses(perFile, "lexicographer file", "synsets");
        var index = kept.Select((lex, i) => (lex, i)).ToDictionary(p => p.lex, p => p.i);
        GlossSample[] samples = all.Where(s => index.ContainsKey(s.LexFileNumber)).ToArray();
        var dropped = new List<Dropped>
        {
            new("lexicographer file with fewer than " + options.MinPerClass.ToString(CultureInfo.InvariantCulture) + " synsets",
                all.Count - samples.Length, perFile.Count - kept.Length),
        };
        return new LongTailDataset<GlossSample>("wordnet", samples, samples.Select(s => index[s.LexFileNumber]).ToArray(),
            kept.Select(k => lexNames[k]).ToArray(), dropped, options);
    }
}
