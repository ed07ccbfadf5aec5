using System.Text.RegularExpressions;

namespace LongTailData.Debtags;

/// <summary>
/// apt names a list after the mirror it came from (<c>{host}_debian_dists_bookworm_main_binary-amd64_Packages</c>).
/// The results files record the list by its sha256; the mirror's host name is this machine's, not the data's, so
/// they write <c>&lt;mirror&gt;</c> in its place.
/// </summary>
public static partial class AptListNames
{
    /// <summary>The mirror placeholder.</summary>
    public const string Mirror = "<mirror>";

    /// <summary><paramref name="text"/> (a file name, a path or a command line) with the host name at the start of
    /// each apt list name (a name holding <c>_dists_</c>) replaced by <see cref="Mirror"/>.</summary>
    public static string WithoutMirror(string text) => ListName().Replace(text, Mirror + "${rest}");

    [GeneratedRegex(@"(?<=^|[/\s=])[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+(?<rest>_(\S*?_)?dists_)", RegexOptions.CultureInvariant)]
    private static partial Regex ListName();
}
