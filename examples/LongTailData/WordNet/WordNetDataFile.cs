using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using LongTailData.Files;

namespace LongTailData.WordNet;

/// <summary>
/// Reads a WordNet data file (<c>data.noun</c>, <c>data.verb</c>, <c>data.adj</c>, <c>data.adv</c>; wndb(5WN)).
/// Lines that start with two spaces are the license header and are skipped. Every other line is a synset:
/// <c>synset_offset lex_filenum ss_type w_cnt word lex_id … p_cnt [ptr…] [frames…] | gloss</c>, where
/// synset_offset is the line's own byte offset in the file; each of these is checked.
/// </summary>
public static class WordNetDataFile
{
    /// <summary>Reads every synset of <paramref name="path"/>, whose synsets must be of <paramref name="partOfSpeech"/>.</summary>
    /// <param name="path">The data file.</param>
    /// <param name="partOfSpeech"><c>noun</c>, <c>verb</c>, <c>adj</c> or <c>adv</c>: the file's suffix.</param>
    /// <param name="lexNames">The lexicographer file names, by number.</param>
    /// <exception cref="DataFileException">The file is missing or has no synset, or a line is truncated or malformed
    /// (the message says which field).</exception>
    public static IReadOnlyList<GlossSample> Read(string path, string partOfSpeech, IReadOnlyList<string> lexNames) =>
        ReadFile(path, partOfSpeech, lexNames).Synsets;

    /// <summary>As <see cref="Read"/>, with every pointer of the file for <see cref="SynsetPointers"/> to check.</summary>
    internal static WordNetFile ReadFile(string path, string partOfSpeech, IReadOnlyList<string> lexNames)
    {
        ArgumentNullException.ThrowIfNull(lexNames);
        string types = partOfSpeech switch
        {
            "noun" => "n",
            "verb" => "v",
            "adj" => "as",
            "adv" => "r",
            _ => throw new ArgumentOutOfRangeException(nameof(partOfSpeech), partOfSpeech, "Use noun, verb, adj or adv."),
        };
        var synsets = new List<GlossSample>();
        var pointers = new List<SynsetPointer>();
        long byteOffset = 0;
        int lastLine = 0;
        foreach (NumberedLine line in NumberedLines.Read(path, DebianPackage.WordNetBase, WordNetDataset.SetupStep))
        {
            lastLine = line.Number;
            long start = byteOffset;
            byteOffset += Encoding.UTF8.GetByteCount(line.Text) + 1;
            if (line.Text.StartsWith("  ", StringComparison.Ordinal))
            {
                continue;
            }

            synsets.Add(Parse(path, line, start, types, partOfSpeech, lexNames, pointers));
        }

        if (synsets.Count == 0)
        {
            throw new DataFileException(path, null, "the file has no synset line", DebianPackage.WordNetBase.ReinstallFix);
        }

        return new WordNetFile(path, partOfSpeech, synsets, pointers, lastLine);
    }

    private static GlossSample Parse(string path, NumberedLine line, long start, string types, string pos,
        IReadOnlyList<string> lexNames, List<SynsetPointer> pointerList)
    {
        int bar = line.Text.IndexOf(" | ", StringComparison.Ordinal);
        if (bar < 0)
        {
            throw Corrupt(path, line.Number, "the line has no ' | ' before a gloss, so it is truncated");
        }

        string gloss = line.Text[(bar + 3)..].Trim();
        if (gloss.Length == 0)
        {
            throw Corrupt(path, line.Number, "the gloss after ' | ' is empty, so the line is truncated");
        }

        string[] f = line.Text[..bar].Split(' ');
        var at = new Cursor(path, line.Number, f);
        long offset = at.Number("synset_offset", 8, NumberStyles.None);
        if (offset != start)
        {
            throw Corrupt(path, line.Number, string.Format(CultureInfo.InvariantCulture,
                "the synset_offset {0:D8} is not the line's byte offset {1:D8}, so lines before it were changed or lost",
                offset, start));
        }

        int lex = (int)at.Number("lex_filenum", 2, NumberStyles.None);
        if (lex >= lexNames.Count || !lexNames[lex].StartsWith(pos + ".", StringComparison.Ordinal))
        {
            throw Corrupt(path, line.Number, string.Format(CultureInfo.InvariantCulture, "lex_filenum {0:D2} is {1}, not a "
                + "{2} lexicographer file", lex, lex < lexNames.Count ? "'" + lexNames[lex] + "'" : "beyond the lexnames table", pos));
        }

        string type = at.Next("ss_type");
        if (type.Length != 1 || !types.Contains(type[0], StringComparison.Ordinal))
        {
            throw Corrupt(path, line.Number, "ss_type '" + type + "' is not one of '" + types + "' (" + pos + ")");
        }

        int words = (int)at.Number("w_cnt", 2, NumberStyles.AllowHexSpecifier);
        var list = new string[words];
        for (int w = 0; w < words; w++)
        {
            list[w] = at.Next("word");
            at.Next("lex_id");
        }

        int pointers = (int)at.Number("p_cnt", 3, NumberStyles.None);
        for (int p = 0; p < pointers; p++)
        {
            at.Next("pointer_symbol");
            long target = at.Number("pointer synset_offset", 8, NumberStyles.None);
            string targetType = at.Next("pointer pos");
            if (targetType.Length != 1 || !"nvasr".Contains(targetType[0], StringComparison.Ordinal))
            {
                throw Corrupt(path, line.Number, "the pointer pos '" + targetType + "' is not n, v, a, s or r");
            }

            at.Number("pointer source/target", 4, NumberStyles.AllowHexSpecifier);
            pointerList.Add(new SynsetPointer(line.Number, targetType[0], target));
        }

        if (type == "v")
        {
            at.Skip(3 * (int)at.Number("f_cnt", 2, NumberStyles.None), "verb frame");
        }

        at.End();
        return new GlossSample(offset, type[0], lex, list, gloss);
    }

    internal static DataFileException Corrupt(string path, int line, string problem) =>
        new(path, line, problem, DebianPackage.WordNetBase.ReinstallFix);

    private sealed class Cursor(string path, int line, string[] fields)
    {
        private int _next;

        public string Next(string what)
        {
            if (_next >= fields.Length || fields[_next].Length == 0)
            {
                throw Corrupt(path, line, "the field " + what + " is missing (field " + (_next + 1).ToString(CultureInfo.InvariantCulture)
                    + " of a line with " + fields.Length.ToString(CultureInfo.InvariantCulture) + " before the gloss)");
            }

            return fields[_next++];
        }

        public long Number(string what, int digits, NumberStyles style)
        {
            string s = Next(what);
            if (s.Length != digits || !long.TryParse(s, style, CultureInfo.InvariantCulture, out long value))
            {
                throw Corrupt(path, line, what + " '" + s + "' is not " + digits.ToString(CultureInfo.InvariantCulture)
                    + (style == NumberStyles.AllowHexSpecifier ? " hex" : " decimal") + " digits");
            }

            return value;
        }

        public void Skip(int count, string what)
        {
            for (int i = 0; i < count; i++)
            {
                Next(what);
            }
        }

        public void End()
        {
            if (_next != fields.Length)
            {
                throw Corrupt(path, line, "the line has " + (fields.Length - _next).ToString(CultureInfo.InvariantCulture)
                    + " field(s) more than its counts announce before the gloss");
            }
        }
    }
}
