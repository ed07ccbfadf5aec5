extern alias gen;

using System.Linq;
using gen::CbGen.Generators;
using Microsoft.CodeAnalysis;

namespace CbGen.Generators.Tests
{
    /// <summary>The catalogue of diagnostics as a whole: every descriptor has a test, a documented section with a stable
    /// anchor, a description and a help link to it.</summary>
    public sealed partial class DiagnosticTests
    {
        [Fact]
        public void Every_descriptor_has_a_test_and_a_documented_section()
        {
            var ids = typeof(DiagnosticDescriptors)
                .GetFields()
                .Select(f => ((DiagnosticDescriptor)f.GetValue(null)!).Id)
                .ToList();
            Assert.Equal(ids.Count, ids.Distinct().Count());
            string tests = string.Join(" ", typeof(DiagnosticTests).GetMethods().Select(m => m.Name));
            string docs = System.IO.File.ReadAllText(System.IO.Path.Combine(RepositoryRoot(), "docs", "diagnostics.md"));
            foreach (string id in ids)
            {
                AssertDocumented(id, docs);
                if (id != "CB900")
                {
                    Assert.Contains(id + "_", tests);
                }
            }

            var supported = new ClassBalancedAnalyzer().SupportedDiagnostics.Select(d => d.Id).ToHashSet();
            Assert.Equal(ids.Where(id => id != "CB900").OrderBy(id => id), supported.OrderBy(id => id));
        }

        [Fact]
        public void Every_descriptor_has_a_description_and_a_help_link_to_its_anchor()
        {
            string docs = System.IO.File.ReadAllText(System.IO.Path.Combine(RepositoryRoot(), "docs", "diagnostics.md"));
            var all = typeof(DiagnosticDescriptors).GetFields().Concat(typeof(TrainingSetupDiagnostics).GetFields())
                .Where(f => f.FieldType == typeof(DiagnosticDescriptor))
                .Select(f => (DiagnosticDescriptor)f.GetValue(null)!)
                .ToList();
            Assert.Equal(33, all.Count);
            foreach (DiagnosticDescriptor descriptor in all)
            {
                string description = descriptor.Description.ToString(System.Globalization.CultureInfo.InvariantCulture);
                Assert.True(description.Length > 60, descriptor.Id + " has no real description: '" + description + "'");
                Assert.NotEqual(descriptor.MessageFormat.ToString(System.Globalization.CultureInfo.InvariantCulture), description);
                Assert.Equal("docs/diagnostics.md#" + descriptor.Id.ToLowerInvariant(), descriptor.HelpLinkUri);
                AssertDocumented(descriptor.Id, docs);
            }
        }

        /// <summary>docs/diagnostics.md has exactly one stable anchor for <paramref name="id"/>, right before its section.</summary>
        internal static void AssertDocumented(string id, string docs)
        {
            string anchor = "<a id=\"" + id.ToLowerInvariant() + "\"></a>";
            int at = docs.IndexOf(anchor, System.StringComparison.Ordinal);
            Assert.True(at >= 0, "No anchor " + anchor + " in docs/diagnostics.md");
            Assert.Equal(at, docs.LastIndexOf(anchor, System.StringComparison.Ordinal));
            Assert.StartsWith(anchor + "\n\n### " + id + "\n", docs.Substring(at).Replace("\r\n", "\n"), System.StringComparison.Ordinal);
        }

        private static string RepositoryRoot([System.Runtime.CompilerServices.CallerFilePath] string file = "") =>
            System.IO.Path.GetFullPath(System.IO.Path.Combine(System.IO.Path.GetDirectoryName(file)!, "..", ".."));
    }
}
