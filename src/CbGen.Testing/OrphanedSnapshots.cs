using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace CbGen.Testing;

/// <summary>
/// Verified files in a <see cref="Snapshot.VerifyGenerated"/> folder that the run did not produce: left behind when a
/// config is deleted or renamed. They fail the check by name; accepting deletes them (and their received files).
/// </summary>
internal static class OrphanedSnapshots
{
    /// <summary>Checks <paramref name="directory"/> (top level only: a nested folder is another snapshot's) for
    /// <c>*.verified.*</c> files whose name is not in <paramref name="expectedVerifiedNames"/>.</summary>
    /// <exception cref="SnapshotMismatchException">Orphans exist and <paramref name="accept"/> is false.</exception>
    public static void Check(string directory, string name, ISet<string> expectedVerifiedNames, bool accept)
    {
        if (!Directory.Exists(directory))
        {
            return;
        }

        // A received file of a snapshot that is no longer produced is stale output: always removed.
        foreach (string received in Directory.GetFiles(directory, "*.received.*", SearchOption.TopDirectoryOnly))
        {
            string verifiedName = Path.GetFileName(received).Replace(".received.", ".verified.");
            if (!expectedVerifiedNames.Contains(verifiedName))
            {
                File.Delete(received);
            }
        }

        string[] orphans = Directory.GetFiles(directory, "*.verified.*", SearchOption.TopDirectoryOnly)
            .Where(path => !expectedVerifiedNames.Contains(Path.GetFileName(path)))
            .Select(Path.GetFullPath)
            .OrderBy(path => path, StringComparer.Ordinal)
            .ToArray();
        if (orphans.Length == 0)
        {
            return;
        }

        if (accept)
        {
            foreach (string orphan in orphans)
            {
                File.Delete(orphan);
            }

            return;
        }

        string list = string.Join("\n", orphans.Select(path => "  " + path));
        throw new SnapshotMismatchException(
            (orphans.Length == 1 ? "1 orphaned snapshot" : orphans.Length + " orphaned snapshots") + " of '" + name
            + "': the generator no longer produces " + (orphans.Length == 1 ? "this file" : "these files")
            + " (a config deleted or renamed?):\n" + list + "\n"
            + "Delete " + (orphans.Length == 1 ? "it" : "them") + ", or run the tests with " + Snapshot.AcceptVariable
            + "=1, which deletes " + (orphans.Length == 1 ? "it" : "them") + ".",
            orphans[0],
            receivedPath: null);
    }
}
