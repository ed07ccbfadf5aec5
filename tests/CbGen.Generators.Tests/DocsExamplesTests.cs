using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;

namespace CbGen.Generators.Tests
{
    /// <summary>The worked examples of the README (counts files, sweeps, deferred re-weighting) compile, report nothing, and their generated files are snapshotted.
    /// An example is the fenced block after <c>&lt;!-- example: NAME --&gt;</c>; a counts file is the block after
    /// <c>&lt;!-- example: NAME, file: FILE --&gt;</c>.</summary>
    public sealed class DocsExamplesTests
    {
        private static readonly Regex Example = new(
            @"<!-- example: (?<name>\w+)(, file: (?<file>[^ ]+))? -->\s*```\w*\n(?<body>.*?)```", RegexOptions.Singleline);

        public static TheoryData<string> Names()
        {
            var data = new TheoryData<string>();
            foreach (string name in Examples().Select(e => e.Name).Distinct())
            {
                data.Add(name);
            }

            return data;
        }

        [Fact]
        public void The_doc_has_the_three_examples()
        {
            Assert.Equal(new[] { "Docs_counts_file", "Docs_sweep", "Docs_deferred_reweighting" },
                Examples().Select(e => e.Name).Distinct().ToArray());
        }

        [Theory]
        [MemberData(nameof(Names))]
        public void A_worked_example_generates_what_its_snapshot_shows(string name)
        {
            var parts = Examples().Where(e => e.Name == name).ToList();
            string source = parts.Single(p => p.File is null).Body;
            ImmutableArray<AdditionalText> files = GeneratorHarness.Files(
                parts.Where(p => p.File is not null).Select(p => (p.File!, p.Body)).ToArray());
            CbGenRunResult run = GeneratorHarness.Run(true, files, source);
            Assert.NotEmpty(run.Files);
            foreach (GeneratedFile file in run.Files)
            {
                Snapshot.Verify(file.Text, name + "/" + file.Name, "cs");
            }

            ImmutableArray<Diagnostic> diagnostics = run.AnalyzerDiagnostics;
            Assert.True(diagnostics.IsEmpty, GeneratorHarness.Describe(diagnostics, files));
            run.AssertCompilesCleanly();
        }

        private static List<(string Name, string? File, string Body)> Examples([System.Runtime.CompilerServices.CallerFilePath] string here = "")
        {
            string doc = File.ReadAllText(Path.Combine(Path.GetDirectoryName(here)!, "..", "..", "README.md")).Replace("\r\n", "\n");
            return Example.Matches(doc)
                .Select(m => (m.Groups["name"].Value, m.Groups["file"].Success ? m.Groups["file"].Value : null, m.Groups["body"].Value))
                .Select(t => (t.Item1, (string?)t.Item2, t.Item3))
                .ToList();
        }
    }
}
