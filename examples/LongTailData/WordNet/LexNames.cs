using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using LongTailData.Files;

namespace LongTailData.WordNet;

/// <summary>
/// WordNet's lexicographer files, the supersense classes: <c>lex_filenum</c> 0–44 and their names. Debian's
/// <c>wordnet-base</c> does not ship the <c>lexnames</c> file, so the table of lexnames(5WN) is built in;
/// a <c>lexnames</c> file next to the data files (lines <c>NN&lt;TAB&gt;name&lt;TAB&gt;category</c>) is read instead.
/// </summary>
public static class LexNames
{
    /// <summary>The file name WordNet's own distribution gives the table.</summary>
    public const string FileName = "lexnames";

    /// <summary>The 45 lexicographer files of WordNet 3.0, by number, as lexnames(5WN) lists them.</summary>
    public static IReadOnlyList<string> WordNet30 { get; } =
    [
        "adj.all", "adj.pert", "adv.all", "noun.Tops", "noun.act", "noun.animal", "noun.artifact", "noun.attribute",
        "noun.body", "noun.cognition", "noun.communication", "noun.event", "noun.feeling", "noun.food", "noun.group",
        "noun.location", "noun.motive", "noun.object", "noun.person", "noun.phenomenon", "noun.plant",
        "noun.possession", "noun.process", "noun.quantity", "noun.relation", "noun.shape", "noun.state",
        "noun.substance", "noun.time", "verb.body", "verb.change", "verb.cognition", "verb.communication",
        "verb.competition", "verb.consumption", "verb.contact", "verb.creation", "verb.emotion", "verb.motion",
        "verb.perception", "verb.possession", "verb.social", "verb.stative", "verb.weather", "adj.ppl",
    ];

    /// <summary>The table in <paramref name="directory"/>'s <c>lexnames</c> file, or <see cref="WordNet30"/> when there is none.</summary>
    /// <exception cref="DataFileException">The file exists but a line is not <c>NN&lt;TAB&gt;name&lt;TAB&gt;1–4</c>, or
    /// the numbers do not run 0, 1, 2, … in order.</exception>
    public static IReadOnlyList<string> Load(string directory)
    {
        string path = Path.Combine(directory, FileName);
        if (!File.Exists(path))
        {
            return WordNet30;
        }

        var names = new List<string>();
        foreach (NumberedLine line in NumberedLines.Read(path, DebianPackage.WordNetBase, WordNetDataset.SetupStep))
        {
            string[] f = line.Text.Split('\t');
            if (f.Length != 3 || !int.TryParse(f[0], NumberStyles.None, CultureInfo.InvariantCulture, out int number)
                || f[1].Trim().Length == 0 || f[2].Trim() is not ("1" or "2" or "3" or "4"))
            {
                throw new DataFileException(path, line.Number,
                    "the line is not 'NN<TAB>name<TAB>category' (category 1 noun, 2 verb, 3 adjective, 4 adverb)",
                    "restore the file from WordNet's distribution, or delete it to use the built-in WordNet 3.0 table");
            }

            if (number != names.Count)
            {
                throw new DataFileException(path, line.Number, string.Format(CultureInfo.InvariantCulture,
                    "file number {0} comes where {1} was expected: the numbers run 0, 1, 2, … in order", number, names.Count),
                    "restore the file from WordNet's distribution, or delete it to use the built-in WordNet 3.0 table");
            }

            names.Add(f[1].Trim());
        }

        return names;
    }
}
