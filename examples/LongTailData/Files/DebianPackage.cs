namespace LongTailData.Files;

/// <summary>
/// Where a data file comes from, and the one home of the fixes the errors give for its files: a Debian package that
/// ships it (install it when a file is missing, reinstall it when a file is damaged), or, with
/// <paramref name="Download"/>, a file apt downloads itself (the package lists of <c>apt-get update</c>).
/// </summary>
/// <param name="Name">The package name, e.g. <c>unifont</c>, or what the download is, e.g. <c>Debian's package lists</c>.</param>
/// <param name="Download">The command that (re)downloads the file, for files no package ships; null for a package.</param>
public sealed record DebianPackage(string Name, string? Download = null)
{
    /// <summary><c>unifont</c>: <c>/usr/share/unifont/unifont.hex</c>, a bitmap per BMP code point.</summary>
    public static DebianPackage Unifont { get; } = new("unifont");

    /// <summary><c>unicode-data</c>: the Unicode Character Database with Unihan, under <c>/usr/share/unicode/</c>.</summary>
    public static DebianPackage UnicodeData { get; } = new("unicode-data");

    /// <summary><c>wordnet-base</c>: WordNet 3.0's data files, under <c>/usr/share/wordnet/</c>.</summary>
    public static DebianPackage WordNetBase { get; } = new("wordnet-base");

    /// <summary>Debian's package lists, <c>/var/lib/apt/lists/*_Packages</c>: written by <c>apt-get update</c>.</summary>
    public static DebianPackage PackageLists { get; } = new("Debian's package lists", "apt-get update");

    /// <summary>Where the file comes from, as an error says it: "shipped by the Debian package unifont".</summary>
    public string Origin => Download is null ? "shipped by the Debian package " + Name : "one of " + Name + ", written by '" + Download + "'";

    /// <summary>The fix for a missing file.</summary>
    public string InstallFix(string setupStep) => Download is null
        ? "install the Debian package with 'apt-get install " + Name + "' (as root; or './build.sh " + setupStep
            + "'), or pass the path of your own copy of the file"
        : "download " + Name + " with '" + Download + "' (as root; then './build.sh " + setupStep
            + "'), or pass the path of your own copy of the file";

    /// <summary>The fix for a damaged file: a truncated download or a file edited by hand.</summary>
    public string ReinstallFix => Download is null
        ? "the file is damaged (truncated or edited); restore it with 'apt-get install --reinstall " + Name
            + "', or pass the path of an intact copy"
        : "the file is damaged (truncated or edited); download it again with '" + Download + "' (as root), or pass the path of an intact copy";
}
