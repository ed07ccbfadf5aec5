using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using LongTailData.Files;

namespace LongTailData.WordNet;

/// <summary>A pointer of a synset line: its line, and the synset it points to (ss_type and offset).</summary>
internal readonly record struct SynsetPointer(int Line, char TargetType, long TargetOffset);

/// <summary>One data file as read: its synsets, their pointers and its last line.</summary>
internal sealed record WordNetFile(string Path, string PartOfSpeech, IReadOnlyList<GlossSample> Synsets,
    IReadOnlyList<SynsetPointer> Pointers, int LastLine);

/// <summary>
/// Checks that every pointer into a file that was read lands on a synset of it. In WordNet 3.0 all 377,592 do, so
/// a miss means a damaged file; a miss past the target file's last synset means that file was cut short (the data
/// files have no closing line, so this is how a cut at a line boundary shows).
/// </summary>
internal static class SynsetPointers
{
    /// <summary>The data file a pointer's ss_type points into (<c>s</c>, a satellite, lives in data.adj).</summary>
    private static string FileOf(char type) => type switch
    {
        'n' => "noun",
        'v' => "verb",
        'r' => "adv",
        _ => "adj",
    };

    /// <exception cref="DataFileException">A pointer lands on no synset.</exception>
    public static void Check(IReadOnlyList<WordNetFile> files)
    {
        var byPos = files.ToDictionary(f => f.PartOfSpeech);
        var offsets = files.ToDictionary(f => f.PartOfSpeech, f => f.Synsets.Select(s => s.Offset).ToHashSet());
        foreach (WordNetFile file in files)
        {
            foreach (SynsetPointer p in file.Pointers)
            {
                string pos = FileOf(p.TargetType);
                if (!offsets.TryGetValue(pos, out HashSet<long>? targets) || targets.Contains(p.TargetOffset))
                {
                    continue;
                }

                WordNetFile target = byPos[pos];
                long last = target.Synsets[^1].Offset;
                if (p.TargetOffset > last)
                {
                    throw new DataFileException(target.Path, target.LastLine, string.Format(CultureInfo.InvariantCulture,
                        "the file ends at synset {0:D8}, but {1} line {2} points to synset {3:D8}: the file is cut short",
                        last, file.Path, p.Line, p.TargetOffset), DebianPackage.WordNetBase.ReinstallFix);
                }

                throw new DataFileException(file.Path, p.Line, string.Format(CultureInfo.InvariantCulture,
                    "a pointer points to synset {0:D8} of {1}, where no synset starts", p.TargetOffset, target.Path),
                    DebianPackage.WordNetBase.ReinstallFix);
            }
        }
    }
}
