using System;
using System.Collections.Generic;
using System.IO;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;

namespace CbGen.Testing;

/// <summary>
/// Verify-style snapshot checks for generated code. A snapshot named <c>N</c> with extension <c>cs</c> lives in
/// <c>Verified/N.verified.cs</c> next to the calling test file (found through <see cref="CallerFilePathAttribute"/>,
/// so commit the <c>Verified</c> folder with the tests). On a mismatch the received text is written to
/// <c>Verified/N.received.cs</c> and <see cref="SnapshotMismatchException"/> is thrown with a line diff; with the
/// environment variable <c>CBGEN_ACCEPT_SNAPSHOTS=1</c> the received text becomes the verified file instead.
/// Text is compared after <see cref="Scrub"/> (line endings, the CbGen version).
/// </summary>
public static class Snapshot
{
    /// <summary>The environment variable that accepts received snapshots when set to <c>1</c>.</summary>
    public const string AcceptVariable = "CBGEN_ACCEPT_SNAPSHOTS";

    /// <summary>The folder, next to the calling test file, that holds the snapshot files.</summary>
    public const string DirectoryName = "Verified";

    /// <summary>The placeholder <see cref="Scrub"/> writes instead of the CbGen version.</summary>
    public const string VersionPlaceholder = "{version}";

    private static readonly Regex GeneratedCodeVersion =
        new Regex("GeneratedCode\\(\"CbGen\", \"[^\"]*\"\\)", RegexOptions.CultureInvariant);

    /// <summary>Normalises line endings to <c>\n</c> and replaces the version in <c>[GeneratedCode("CbGen", "…")]</c>
    /// with <c>{version}</c>, so a CbGen upgrade does not touch every snapshot.</summary>
    /// <param name="text">Generated text.</param>
    public static string Scrub(string text)
    {
        if (text is null)
        {
            throw new ArgumentNullException(nameof(text));
        }

        return GeneratedCodeVersion.Replace(
            text.Replace("\r\n", "\n"), "GeneratedCode(\"CbGen\", \"" + VersionPlaceholder + "\")");
    }

    /// <summary>
    /// Compares <paramref name="actual"/> (scrubbed) with <c>Verified/{name}.verified.{extension}</c> next to the
    /// calling file. Equal: deletes a stale <c>.received</c> file and returns. Different or missing: accepts it when
    /// <c>CBGEN_ACCEPT_SNAPSHOTS=1</c>, otherwise writes <c>.received.{extension}</c> and throws.
    /// </summary>
    /// <param name="actual">The text to check.</param>
    /// <param name="name">The snapshot's name, a relative path without extension; <c>/</c> makes sub-folders
    /// (e.g. <c>MyTest/FruitWeights</c>).</param>
    /// <param name="extension">The file extension without the dot, e.g. <c>cs</c> or <c>txt</c>.</param>
    /// <param name="callerFile">Filled in by the compiler: the calling source file.</param>
    /// <exception cref="ArgumentException"><paramref name="name"/> or <paramref name="extension"/> is empty or not a
    /// relative path, or <paramref name="callerFile"/> is empty.</exception>
    /// <exception cref="SnapshotMismatchException">The text differs from the verified file, or there is none.</exception>
    public static void Verify(string actual, string name, string extension, [CallerFilePath] string callerFile = "")
    {
        if (actual is null)
        {
            throw new ArgumentNullException(nameof(actual));
        }

        Validate(name, extension, callerFile);
        string directory = Path.Combine(Path.GetDirectoryName(callerFile)!, DirectoryName);
        string verifiedPath = Path.GetFullPath(Path.Combine(directory, name + ".verified." + extension));
        string receivedPath = Path.GetFullPath(Path.Combine(directory, name + ".received." + extension));
        string received = Scrub(actual);
        bool accept = Environment.GetEnvironmentVariable(AcceptVariable) == "1";

        string? verified = File.Exists(verifiedPath) ? File.ReadAllText(verifiedPath).Replace("\r\n", "\n") : null;
        if (verified == received)
        {
            File.Delete(receivedPath);
            return;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(verifiedPath)!);
        if (accept)
        {
            File.WriteAllText(verifiedPath, received);
            File.Delete(receivedPath);
            return;
        }

        File.WriteAllText(receivedPath, received);
        string message = verified is null
            ? "No verified snapshot " + verifiedPath + ". The received text was written to " + receivedPath + "."
            : "Snapshot " + verifiedPath + " differs from the received text (written to " + receivedPath + "), "
                + FirstDifference(verified, received) + ":\n" + Diff(verified, received);
        throw new SnapshotMismatchException(
            message + "\nReview it, then accept it by running the tests with " + AcceptVariable + "=1 (or by renaming the "
            + ".received file to .verified).",
            verifiedPath,
            receivedPath);
    }

    /// <summary>
    /// Snapshots one run of the generator: every generated file as <c>Verified/{name}/{hint name without .g.cs}.verified.cs</c>
    /// and the generator's and analyzer's diagnostics as <c>Verified/{name}/diagnostics.verified.txt</c>. Every file is
    /// checked (and written when received) before the first mismatch is thrown, so one run shows all of them. The
    /// folder belongs to this run: any other <c>*.verified.*</c> file in it (a generated file that is no longer
    /// produced, after a config was deleted or renamed) fails the check by name, and accepting deletes it.
    /// </summary>
    /// <param name="run">The result of <see cref="CbGenRunner.Run(Microsoft.CodeAnalysis.CSharp.CSharpCompilation, Microsoft.CodeAnalysis.CSharp.CSharpParseOptions, System.Collections.Generic.IEnumerable{Microsoft.CodeAnalysis.AdditionalText})"/>.</param>
    /// <param name="name">The snapshot folder's name, usually the test's name.</param>
    /// <param name="callerFile">Filled in by the compiler: the calling source file.</param>
    /// <exception cref="SnapshotMismatchException">A file differs or has no verified snapshot (the first one; the
    /// message counts the others), or the folder holds orphaned verified files (always named in the message).</exception>
    public static void VerifyGenerated(CbGenRunResult run, string name, [CallerFilePath] string callerFile = "")
    {
        if (run is null)
        {
            throw new ArgumentNullException(nameof(run));
        }

        Validate(name, "cs", callerFile);
        SnapshotMismatchException? first = null;
        SnapshotMismatchException? orphans = null;
        int mismatches = 0;
        var expected = new HashSet<string>(StringComparer.Ordinal) { "diagnostics.verified.txt" };
        foreach (GeneratedFile file in run.Files)
        {
            expected.Add(file.Name + ".verified.cs");
            Check(() => Verify(file.Text, name + "/" + file.Name, "cs", callerFile));
        }

        Check(() => Verify(run.DescribeDiagnostics(), name + "/diagnostics", "txt", callerFile));
        string folder = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(callerFile)!, DirectoryName, name));
        bool accept = Environment.GetEnvironmentVariable(AcceptVariable) == "1";
        try
        {
            OrphanedSnapshots.Check(folder, name, expected, accept);
        }
        catch (SnapshotMismatchException ex)
        {
            orphans = ex;
            first ??= ex;
            mismatches++;
        }

        if (first is not null)
        {
            // The orphans are always named, even when another mismatch comes first.
            throw mismatches == 1 ? first : new SnapshotMismatchException(
                mismatches + " snapshots of '" + name + "' differ; the first:\n" + first.Message
                + (orphans is not null && orphans != first ? "\n" + orphans.Message : ""),
                first.VerifiedPath,
                first.ReceivedPath);
        }

        void Check(Action verify)
        {
            try
            {
                verify();
            }
            catch (SnapshotMismatchException ex)
            {
                first ??= ex;
                mismatches++;
            }
        }
    }

    /// <summary>A unified line diff of <paramref name="expected"/> and <paramref name="actual"/> (hunks with two lines
    /// of context, <c>-</c> expected, <c>+</c> actual), at most 80 lines.</summary>
    /// <param name="expected">The verified text.</param>
    /// <param name="actual">The received text.</param>
    public static string Diff(string expected, string actual)
    {
        if (expected is null)
        {
            throw new ArgumentNullException(nameof(expected));
        }

        if (actual is null)
        {
            throw new ArgumentNullException(nameof(actual));
        }

        return LineDiff.Unified(expected.Replace("\r\n", "\n"), actual.Replace("\r\n", "\n"), context: 2, maxLines: 80);
    }

    /// <summary>"first difference at line N: expected '…' but got '…'".</summary>
    /// <param name="expected">The verified text.</param>
    /// <param name="actual">The received text.</param>
    public static string FirstDifference(string expected, string actual)
    {
        if (expected is null)
        {
            throw new ArgumentNullException(nameof(expected));
        }

        if (actual is null)
        {
            throw new ArgumentNullException(nameof(actual));
        }

        string[] e = expected.Replace("\r\n", "\n").Split('\n');
        string[] a = actual.Replace("\r\n", "\n").Split('\n');
        for (int i = 0; i < Math.Max(e.Length, a.Length); i++)
        {
            string? left = i < e.Length ? e[i] : null;
            string? right = i < a.Length ? a[i] : null;
            if (left != right)
            {
                return "first difference at line " + (i + 1) + ": expected " + Show(left) + " but got " + Show(right);
            }
        }

        return "no line differs";
    }

    private static string Show(string? line) => line is null ? "<end of file>" : "'" + line + "'";

    private static void Validate(string name, string extension, string callerFile)
    {
        if (string.IsNullOrWhiteSpace(name) || Path.IsPathRooted(name)
            || Array.Exists(name.Split('/', '\\'), part => part.Length == 0 || part == "." || part == ".."))
        {
            throw new ArgumentException(
                "Expected a snapshot name that is a relative path without '.' or '..' parts, e.g. 'MyTest/FruitWeights'; got '" + name + "'.",
                nameof(name));
        }

        if (string.IsNullOrWhiteSpace(extension) || extension.IndexOfAny(new[] { '.', '/', '\\' }) >= 0)
        {
            throw new ArgumentException(
                "Expected a file extension without a dot or a slash, e.g. 'cs'; got '" + extension + "'.", nameof(extension));
        }

        if (string.IsNullOrEmpty(callerFile) || !Path.IsPathRooted(callerFile))
        {
            throw new ArgumentException(
                "Expected the calling test file's full path (filled in by [CallerFilePath]); got '" + callerFile + "'. "
                + "Do not pass it yourself, and do not path-map test projects (PathMap, ContinuousIntegrationBuild).",
                nameof(callerFile));
        }
    }
}
