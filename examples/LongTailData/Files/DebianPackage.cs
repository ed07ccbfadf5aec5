namespace LongTailData.Files
{
    /// <summary>
    /// A Debian package that ships data files, and the one home of the fixes the errors give for its files: install
    /// it when a file is missing, reinstall it when a file is damaged.
    /// </summary>
    /// <param name="Name">The package name, e.g. <c>unifont</c>.</param>
    public sealed record DebianPackage(string Name)
    {
        /// <summary><c>unifont</c>: <c>/usr/share/unifont/unifont.hex</c>, a bitmap per BMP code point.</summary>
        public static DebianPackage Unifont { get; } = new("unifont");

        /// <summary><c>unicode-data</c>: the Unicode Character Database with Unihan, under <c>/usr/share/unicode/</c>.</summary>
        public static DebianPackage UnicodeData { get; } = new("unicode-data");

        /// <summary><c>wordnet-base</c>: WordNet 3.0's data files, under <c>/usr/share/wordnet/</c>.</summary>
        public static DebianPackage WordNetBase { get; } = new("wordnet-base");

        /// <summary>The fix for a missing file.</summary>
        public string InstallFix(string setupStep) =>
            "install the Debian package with 'apt-get install " + Name + "' (as root; or './build.sh " + setupStep
            + "'), or pass the path of your own copy of the file";

        /// <summary>The fix for a damaged file: a truncated download or a file edited by hand.</summary>
        public string ReinstallFix =>
            "the file is damaged (truncated or edited); restore it with 'apt-get install --reinstall " + Name
            + "', or pass the path of an intact copy";
    }
}
