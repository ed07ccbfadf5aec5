using System;
using System.IO;
using System.Linq;
using CbGen.Testing;

namespace CbGen.Testing.Tests;

/// <summary>A generated file that disappears (its config deleted or renamed) must not leave a verified file behind
/// that nobody checks: <see cref="Snapshot.VerifyGenerated"/> fails by name, and accepting deletes it.</summary>
public sealed class OrphanedSnapshotTests : IDisposable
{
    private const string Before = """
        using CbGen;
        namespace Shop
        {
            [ClassBalanced(Beta = 0.99, Loss = CbLoss.Sigmoid, Name = "OldSize")]
            public enum Size { [Samples(100)] Small, [Samples(10)] Large }
        }
        """;

    // The same enum after its config was renamed: OldSizeWeights/OldSizeLoss are no longer generated.
    private static readonly string After = Before.Replace("Name = \"OldSize\"", "Name = \"NewSize\"", StringComparison.Ordinal);

    private readonly string _root = Path.Combine(Path.GetTempPath(), "cbgen-orphan-tests-" + Guid.NewGuid().ToString("N"));

    public OrphanedSnapshotTests() => Directory.CreateDirectory(_root);

    private string CallerFile => Path.Combine(_root, "MyTests.cs");

    private string Folder => Path.Combine(_root, "Verified", "Sizes");

    private string OldWeights => Path.Combine(Folder, "Shop.Size.OldSizeWeights.verified.cs");

    private string OldLoss => Path.Combine(Folder, "Shop.Size.OldSizeLoss.verified.cs");

    public void Dispose()
    {
        Environment.SetEnvironmentVariable(Snapshot.AcceptVariable, null);
        Directory.Delete(_root, recursive: true);
    }

    [Fact]
    public void A_renamed_config_fails_naming_the_orphaned_verified_files()
    {
        // The state a rename leaves behind: the new files verified, the old ones still on disk (committed earlier).
        Accept(Before);
        string oldWeights = File.ReadAllText(OldWeights);
        string oldLoss = File.ReadAllText(OldLoss);
        Accept(After);
        Write(OldWeights, oldWeights);
        Write(OldLoss, oldLoss);

        var ex = Assert.Throws<SnapshotMismatchException>(() => Snapshot.VerifyGenerated(CbGenRunner.Run(After), "Sizes", CallerFile));

        Assert.StartsWith("2 orphaned snapshots of 'Sizes': the generator no longer produces these files", ex.Message, StringComparison.Ordinal);
        Assert.Contains(OldWeights, ex.Message, StringComparison.Ordinal);
        Assert.Contains(OldLoss, ex.Message, StringComparison.Ordinal);
        Assert.Contains(Snapshot.AcceptVariable + "=1, which deletes them", ex.Message, StringComparison.Ordinal);
        Assert.Equal(OldLoss, ex.VerifiedPath);   // the first, in ordinal order
        Assert.Null(ex.ReceivedPath);
        Assert.True(File.Exists(OldWeights));     // not deleted without accepting
        Assert.True(File.Exists(OldLoss));
    }

    [Fact]
    public void Accepting_deletes_the_orphans_and_their_received_files_and_keeps_the_rest()
    {
        Accept(Before);
        Write(Path.Combine(Folder, "Shop.Size.OldSizeWeights.received.cs"), "stale\n");

        Accept(After);

        Assert.False(File.Exists(OldWeights));
        Assert.False(File.Exists(OldLoss));
        Assert.False(File.Exists(Path.Combine(Folder, "Shop.Size.OldSizeWeights.received.cs")));
        Assert.Equal(
            new[] { "Shop.Size.NewSizeLoss.verified.cs", "Shop.Size.NewSizeWeights.verified.cs", "diagnostics.verified.txt" },
            Directory.GetFiles(Folder).Select(Path.GetFileName).OrderBy(n => n, StringComparer.Ordinal));
        Snapshot.VerifyGenerated(CbGenRunner.Run(After), "Sizes", CallerFile);   // and a normal run passes
    }

    [Fact]
    public void An_orphan_is_named_even_when_a_missing_snapshot_is_reported_first()
    {
        Write(OldWeights, "left behind\n");

        var ex = Assert.Throws<SnapshotMismatchException>(() => Snapshot.VerifyGenerated(CbGenRunner.Run(After), "Sizes", CallerFile));

        Assert.StartsWith("4 snapshots of 'Sizes' differ; the first:\nNo verified snapshot", ex.Message, StringComparison.Ordinal);
        Assert.Contains("1 orphaned snapshot of 'Sizes': the generator no longer produces this file", ex.Message, StringComparison.Ordinal);
        Assert.Contains("  " + OldWeights + "\n", ex.Message, StringComparison.Ordinal);
        Assert.NotNull(ex.ReceivedPath);
    }

    [Fact]
    public void Only_the_runs_own_folder_is_checked()
    {
        Accept(After);
        string nested = Path.Combine(Folder, "Nested", "Other.verified.cs");    // another snapshot's folder
        string sibling = Path.Combine(_root, "Verified", "Other.verified.txt"); // a Snapshot.Verify file beside it
        Write(nested, "x\n");
        Write(sibling, "y\n");

        Snapshot.VerifyGenerated(CbGenRunner.Run(After), "Sizes", CallerFile);

        Assert.True(File.Exists(nested));
        Assert.True(File.Exists(sibling));
    }

    private void Accept(string source)
    {
        Environment.SetEnvironmentVariable(Snapshot.AcceptVariable, "1");
        try
        {
            Snapshot.VerifyGenerated(CbGenRunner.Run(source), "Sizes", CallerFile);
        }
        finally
        {
            Environment.SetEnvironmentVariable(Snapshot.AcceptVariable, null);
        }
    }

    private static void Write(string path, string text)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }
}
