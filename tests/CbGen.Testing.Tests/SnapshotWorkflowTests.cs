using System;
using System.IO;
using CbGen.Testing;

[assembly: CollectionBehavior(DisableTestParallelization = true)]   // one test sets CBGEN_ACCEPT_SNAPSHOTS

namespace CbGen.Testing.Tests;

/// <summary>The helper's own behaviour, on snapshot files in a temporary folder (passed as the "calling file").</summary>
public sealed class SnapshotWorkflowTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "cbgen-snapshot-tests-" + Guid.NewGuid().ToString("N"));

    public SnapshotWorkflowTests() => Directory.CreateDirectory(_root);

    private string CallerFile => Path.Combine(_root, "MyTests.cs");

    private string Verified(string name, string extension = "txt") => Path.Combine(_root, "Verified", name + ".verified." + extension);

    private string Received(string name, string extension = "txt") => Path.Combine(_root, "Verified", name + ".received." + extension);

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void Equal_text_passes_and_removes_a_stale_received_file()
    {
        Write(Verified("Same"), "a\nb\n");
        Write(Received("Same"), "old");

        Snapshot.Verify("a\r\nb\r\n", "Same", "txt", CallerFile);   // line endings do not matter

        Assert.False(File.Exists(Received("Same")));
    }

    [Fact]
    public void A_missing_verified_file_fails_and_writes_the_received_text()
    {
        var ex = Assert.Throws<SnapshotMismatchException>(() => Snapshot.Verify("new text\n", "Sub/New", "cs", CallerFile));

        Assert.Equal(Verified("Sub/New", "cs"), ex.VerifiedPath);
        Assert.Equal(Received("Sub/New", "cs"), ex.ReceivedPath);
        Assert.Equal("new text\n", File.ReadAllText(ex.ReceivedPath!));
        Assert.StartsWith("No verified snapshot " + Verified("Sub/New", "cs"), ex.Message, StringComparison.Ordinal);
        Assert.Contains(Snapshot.AcceptVariable + "=1", ex.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(ex.VerifiedPath));
    }

    [Fact]
    public void A_mismatch_shows_a_line_diff_with_context()
    {
        Write(Verified("Diff"), "one\ntwo\nthree\nfour\nfive\nsix\nseven\neight\nnine\n");

        var ex = Assert.Throws<SnapshotMismatchException>(() =>
            Snapshot.Verify("one\ntwo\nthree\nFOUR\nfive\nsix\nseven\neight\nextra\nnine\n", "Diff", "txt", CallerFile));

        Assert.Contains("first difference at line 4: expected 'four' but got 'FOUR'", ex.Message, StringComparison.Ordinal);
        string expectedDiff = string.Join("\n",
            "@@ -2,9 +2,10 @@",
            "  two",
            "  three",
            "- four",
            "+ FOUR",
            "  five",
            "  six",
            "  seven",
            "  eight",
            "+ extra",
            "  nine",
            "  ");
        Assert.Contains(expectedDiff, ex.Message, StringComparison.Ordinal);
        Assert.Equal("one\ntwo\nthree\nFOUR\nfive\nsix\nseven\neight\nextra\nnine\n", File.ReadAllText(Received("Diff")));
        Assert.Equal("one\ntwo\nthree\nfour\nfive\nsix\nseven\neight\nnine\n", File.ReadAllText(Verified("Diff")));
    }

    [Fact]
    public void Distant_changes_give_separate_hunks()
    {
        string expected = string.Join("\n", Lines(1, 20));
        string actual = expected.Replace("line 3\n", "line three\n", StringComparison.Ordinal)
            .Replace("line 17\n", "", StringComparison.Ordinal);

        string diff = Snapshot.Diff(expected, actual);

        Assert.Equal(
            string.Join("\n",
                "@@ -1,5 +1,5 @@", "  line 1", "  line 2", "- line 3", "+ line three", "  line 4", "  line 5",
                "@@ -15,5 +15,4 @@", "  line 15", "  line 16", "- line 17", "  line 18", "  line 19"),
            diff);
    }

    [Fact]
    public void Long_diffs_are_truncated()
    {
        string diff = Snapshot.Diff(string.Join("\n", Lines(1, 300)), string.Join("\n", Lines(1001, 1300)));

        Assert.Equal(1 + 80 + 1, diff.Split('\n').Length);
        Assert.EndsWith("… (diff truncated after 80 lines)", diff, StringComparison.Ordinal);
    }

    [Fact]
    public void The_accept_variable_turns_the_received_text_into_the_verified_file()
    {
        Write(Verified("Accept"), "old\n");
        Write(Received("Accept"), "stale\n");
        Environment.SetEnvironmentVariable(Snapshot.AcceptVariable, "1");
        try
        {
            Snapshot.Verify("new\n", "Accept", "txt", CallerFile);
            Snapshot.Verify("brand new\n", "Created", "txt", CallerFile);
        }
        finally
        {
            Environment.SetEnvironmentVariable(Snapshot.AcceptVariable, null);
        }

        Assert.Equal("new\n", File.ReadAllText(Verified("Accept")));
        Assert.False(File.Exists(Received("Accept")));
        Assert.Equal("brand new\n", File.ReadAllText(Verified("Created")));
    }

    [Fact]
    public void Scrub_replaces_the_version_and_line_endings()
    {
        string text = "[global::System.CodeDom.Compiler.GeneratedCode(\"CbGen\", \"1.2.3-beta.4\")]\r\n"
            + "[global::System.CodeDom.Compiler.GeneratedCode(\"Other\", \"1.2.3\")]\r\n";

        Assert.Equal(
            "[global::System.CodeDom.Compiler.GeneratedCode(\"CbGen\", \"{version}\")]\n"
            + "[global::System.CodeDom.Compiler.GeneratedCode(\"Other\", \"1.2.3\")]\n",
            Snapshot.Scrub(text));
    }

    [Fact]
    public void VerifyGenerated_checks_every_file_before_failing()
    {
        CbGenRunResult run = CbGenRunner.Run("""
            using CbGen;
            namespace Shop
            {
                [ClassBalanced(Beta = 0.99, Loss = CbLoss.Sigmoid)]
                public enum Size { [Samples(100)] Small, [Samples(10)] Large }
            }
            """);

        var ex = Assert.Throws<SnapshotMismatchException>(() => Snapshot.VerifyGenerated(run, "Sizes", CallerFile));

        Assert.StartsWith("3 snapshots of 'Sizes' differ; the first:\nNo verified snapshot", ex.Message, StringComparison.Ordinal);
        Assert.True(File.Exists(Received("Sizes/Shop.Size.SizeWeights", "cs")));
        Assert.True(File.Exists(Received("Sizes/Shop.Size.SizeLoss", "cs")));
        Assert.Equal("(no diagnostics)\n", File.ReadAllText(Received("Sizes/diagnostics")));
        Assert.Contains("GeneratedCode(\"CbGen\", \"{version}\")", File.ReadAllText(Received("Sizes/Shop.Size.SizeWeights", "cs")), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("../Escape")]
    [InlineData("A//B")]
    [InlineData("/rooted")]
    public void Bad_names_are_rejected(string name)
    {
        var ex = Assert.Throws<ArgumentException>(() => Snapshot.Verify("x", name, "txt", CallerFile));
        Assert.Equal("name", ex.ParamName);
        Assert.Contains("got '" + name + "'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_relative_caller_file_is_rejected()
    {
        var ex = Assert.Throws<ArgumentException>(() => Snapshot.Verify("x", "Name", "txt", "MyTests.cs"));
        Assert.Equal("callerFile", ex.ParamName);
    }

    [Fact]
    public void A_dotted_extension_is_rejected()
    {
        var ex = Assert.Throws<ArgumentException>(() => Snapshot.Verify("x", "Name", ".cs", CallerFile));
        Assert.Equal("extension", ex.ParamName);
    }

    private static string[] Lines(int from, int to)
    {
        var lines = new string[to - from + 1];
        for (int i = 0; i < lines.Length; i++)
        {
            lines[i] = "line " + (from + i);
        }

        return lines;
    }

    private static void Write(string path, string text)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }
}
