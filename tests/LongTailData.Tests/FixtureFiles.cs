using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using ICSharpCode.SharpZipLib.BZip2;
using LongTailData.Files;

namespace LongTailData.Tests;

/// <summary>The fixture excerpts, and scratch copies of them with one line changed.</summary>
internal sealed class FixtureFiles : IDisposable
{
    private readonly string _scratch = Path.Combine(Path.GetTempPath(), "longtaildata-" + Guid.NewGuid().ToString("N"));

    public FixtureFiles() => Directory.CreateDirectory(_scratch);

    public static string Unifont => Path.Combine(AppContext.BaseDirectory, "Fixtures", "glyphs", "unifont.hex");

    public static string Unihan => Path.Combine(AppContext.BaseDirectory, "Fixtures", "glyphs", "Unihan_IRGSources.txt.bz2");

    public static string DebtagsPackages => Path.Combine(AppContext.BaseDirectory, "Fixtures", "debtags", "Packages");

    public static string WordNetDirectory => Path.Combine(AppContext.BaseDirectory, "Fixtures", "wordnet");

    /// <summary>The lines of a fixture (decompressed when it is .bz2).</summary>
    public static List<string> Lines(string path)
    {
        if (path.EndsWith(".bz2", StringComparison.Ordinal))
        {
            using var reader = new StreamReader(new BZip2InputStream(File.OpenRead(path)), Encoding.UTF8);
            return reader.ReadToEnd().Split('\n').SkipLast(1).ToList();
        }

        return File.ReadAllText(path).Split('\n').SkipLast(1).ToList();
    }

    /// <summary>Writes <paramref name="lines"/> to a scratch file named <paramref name="name"/> and returns its path.</summary>
    public string Write(string name, IEnumerable<string> lines)
    {
        string path = Path.Combine(_scratch, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, string.Concat(lines.Select(l => l + "\n")));
        return path;
    }

    /// <summary>Writes raw bytes to a scratch file.</summary>
    public string WriteBytes(string name, byte[] bytes)
    {
        string path = Path.Combine(_scratch, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    /// <summary>A scratch copy of the WordNet fixture folder, with <paramref name="change"/> applied to one file's lines.</summary>
    public string WordNetCopy(string? file = null, Func<List<string>, List<string>>? change = null, bool withLexNames = true)
    {
        string dir = Path.Combine(_scratch, "wordnet-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        foreach (string source in Directory.GetFiles(WordNetDirectory))
        {
            string name = Path.GetFileName(source);
            if (name == "lexnames" && !withLexNames)
            {
                continue;
            }

            List<string> lines = Lines(source);
            File.WriteAllText(Path.Combine(dir, name),
                string.Concat((name == file && change is not null ? change(lines) : lines).Select(l => l + "\n")));
        }

        return dir;
    }

    /// <summary>The index of the first line that starts with <paramref name="prefix"/>.</summary>
    public static int IndexOf(List<string> lines, string prefix) => lines.FindIndex(l => l.StartsWith(prefix, StringComparison.Ordinal));

    /// <summary>Asserts the error's file, line and fix, and that its message says all three and <paramref name="problem"/>.</summary>
    public static void AssertError(DataFileException e, string path, int? line, string fix, string problem)
    {
        Assert.Equal(path, e.FilePath);
        Assert.Equal(line, e.LineNumber);
        Assert.Contains(fix, e.Fix, StringComparison.Ordinal);
        Assert.Contains(problem, e.Problem, StringComparison.Ordinal);
        Assert.StartsWith(path + (line is int n ? ", line " + n + ": " : ": "), e.Message, StringComparison.Ordinal);
        Assert.Contains("Fix: " + e.Fix, e.Message, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_scratch, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
