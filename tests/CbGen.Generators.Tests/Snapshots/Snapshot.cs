using System;
using System.IO;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;

namespace CbGen.Generators.Tests.Snapshots
{
    /// <summary>
    /// A small Verify-style snapshot check. The verified file sits next to the calling test file, in
    /// <c>Verified/{name}.verified.{ext}</c>. On a mismatch <c>.received.{ext}</c> is written beside it and the test fails
    /// with the first differing line; with <c>CBGEN_ACCEPT_SNAPSHOTS=1</c> the received text becomes the verified file.
    /// </summary>
    public static partial class Snapshot
    {
        public const string AcceptVariable = "CBGEN_ACCEPT_SNAPSHOTS";

        /// <summary>Replaces the product version, so a version bump does not touch every snapshot.</summary>
        public static string Scrub(string text) =>
            VersionPattern().Replace(text.Replace("\r\n", "\n"), "GeneratedCode(\"CbGen\", \"{version}\")");

        public static void Verify(string actual, string name, string extension, [CallerFilePath] string callerFile = "")
        {
            string directory = Path.Combine(Path.GetDirectoryName(callerFile)!, "Verified");
            string verifiedPath = Path.Combine(directory, name + ".verified." + extension);
            string receivedPath = Path.Combine(directory, name + ".received." + extension);
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
                ? "No verified snapshot " + verifiedPath + "; the output was written to " + receivedPath
                : "Snapshot " + verifiedPath + " differs: " + FirstDifference(verified, received) + ". Received: " + receivedPath;
            throw new Xunit.Sdk.XunitException(message + ". Review it, then run with " + AcceptVariable + "=1 to accept.");
        }

        /// <summary>"line N: expected '…' but got '…'" for the first differing line.</summary>
        public static string FirstDifference(string expected, string actual)
        {
            string[] e = expected.Split('\n');
            string[] a = actual.Split('\n');
            for (int i = 0; i < Math.Max(e.Length, a.Length); i++)
            {
                string? left = i < e.Length ? e[i] : null;
                string? right = i < a.Length ? a[i] : null;
                if (left != right)
                {
                    return "line " + (i + 1) + ": expected " + Show(left) + " but got " + Show(right);
                }
            }

            return "no line differs (line endings?)";
        }

        private static string Show(string? line) => line is null ? "<end of file>" : "'" + line + "'";

        [GeneratedRegex("GeneratedCode\\(\"CbGen\", \"[^\"]*\"\\)")]
        private static partial Regex VersionPattern();
    }
}
