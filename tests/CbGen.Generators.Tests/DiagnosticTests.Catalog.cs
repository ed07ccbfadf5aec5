extern alias gen;

using System.Linq;
using gen::CbGen.Generators;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CbGen.Generators.Tests;

/// <summary>The catalogue of diagnostics as a whole: every descriptor has a test, a documented section with a stable
/// anchor, a description and a help link to it.</summary>
public sealed partial class DiagnosticTests
{
    [Fact]
    public void Every_descriptor_has_a_test_and_a_documented_section()
    {
        var ids = typeof(DiagnosticDescriptors)
            .GetFields()
            .Where(f => f.FieldType == typeof(DiagnosticDescriptor))
            .Select(f => ((DiagnosticDescriptor)f.GetValue(null)!).Id)
            .ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        string tests = string.Join(" ", typeof(DiagnosticTests).GetMethods().Concat(typeof(TrainingSetupDiagnosticTests).GetMethods())
            .Select(m => m.Name));
        string docs = System.IO.File.ReadAllText(System.IO.Path.Combine(RepositoryRoot(), "docs", "diagnostics.md"));
        foreach (string id in ids)
        {
            AssertDocumented(id, docs);
            if (id != "CB900")
            {
                Assert.Contains(id + "_", tests);
            }
        }

        // The analyzers report every id but the counts-file rows' (CB017–CB021: the generator reads the file and
        // reports them, and CB067, a comment of such a file), CB066 (the generator reads the members it writes) and CB900 (the generator's own failure). CB053 comes from both: the generator when one of
        // the two numbers of samples is in a counts file, the analyzer when an enum's sweep and config disagree.
        string[] generatorOnly = { "CB017", "CB018", "CB019", "CB020", "CB021", "CB066", "CB067", "CB900" };
        var supported = new DiagnosticAnalyzer[] { new ClassBalancedAnalyzer(), new TrainingSetupAnalyzer() }
            .SelectMany(a => a.SupportedDiagnostics).Select(d => d.Id).ToHashSet();
        Assert.Equal(ids.Except(generatorOnly).OrderBy(id => id), supported.OrderBy(id => id));
    }

    [Fact]
    public void Every_descriptor_has_a_description_and_a_help_link_to_its_anchor()
    {
        string docs = System.IO.File.ReadAllText(System.IO.Path.Combine(RepositoryRoot(), "docs", "diagnostics.md"));
        // Absolute once the project names its public home in Directory.Build.props; relative to the repository until then.
        string? home = System.Xml.Linq.XElement.Load(System.IO.Path.Combine(RepositoryRoot(), "Directory.Build.props"))
            .Descendants("PackageProjectUrl").SingleOrDefault()?.Value;
        string prefix = home is null ? "docs/diagnostics.md#" : home.TrimEnd('/') + "/blob/main/docs/diagnostics.md#";
        var all = DiagnosticDescriptors.All;
        Assert.Equal(52, all.Count);
        foreach (DiagnosticDescriptor descriptor in all)
        {
            string description = descriptor.Description.ToString(System.Globalization.CultureInfo.InvariantCulture);
            Assert.True(description.Length > 60, descriptor.Id + " has no real description: '" + description + "'");
            Assert.NotEqual(descriptor.MessageFormat.ToString(System.Globalization.CultureInfo.InvariantCulture), description);
            Assert.Equal(prefix + descriptor.Id.ToLowerInvariant(), descriptor.HelpLinkUri);
            AssertDocumented(descriptor.Id, docs);
        }
    }

    [Fact]
    public void Descriptors_are_in_id_order_and_every_id_constant_has_exactly_one()
    {
        string[] ids = DiagnosticDescriptors.All.Select(d => d.Id).ToArray();
        string[] ordered = ids.OrderBy(id => id == "CB900" ? 1 : 0).ThenBy(id => id, System.StringComparer.Ordinal).ToArray();
        Assert.Equal(ordered, ids);
        var constants = typeof(gen::CbGen.DiagnosticIds).GetFields()
            .Where(f => f.IsLiteral && !f.Name.EndsWith("Property", System.StringComparison.Ordinal))
            .ToDictionary(f => f.Name, f => (string)f.GetRawConstantValue()!);
        Assert.Equal(constants.Values.OrderBy(id => id), ids.OrderBy(id => id));
        foreach (var field in typeof(DiagnosticDescriptors).GetFields().Where(f => f.FieldType == typeof(DiagnosticDescriptor)))
        {
            // Each descriptor is named like its id constant.
            Assert.Equal(constants[field.Name], ((DiagnosticDescriptor)field.GetValue(null)!).Id);
        }
    }

    [Fact]
    public void A_pipeline_diagnostic_with_an_unknown_id_is_reported_as_CB900_not_dropped()
    {
        var info = new gen::CbGen.Generators.Model.DiagnosticInfo("CB999", null, new gen::CbGen.Generators.Helpers.EquatableArray<string>(new[] { "x" }));
        Diagnostic reported = DiagnosticDescriptors.ToDiagnostic(info, Location.None);
        Assert.Equal("CB900", reported.Id);
        Assert.Contains("CB999", reported.GetMessage(System.Globalization.CultureInfo.InvariantCulture), System.StringComparison.Ordinal);

        var known = new gen::CbGen.Generators.Model.DiagnosticInfo("CB018", null, new gen::CbGen.Generators.Helpers.EquatableArray<string>(new[] { "cat", "3", "labels.csv", "1" }));
        Assert.Equal("CB018", DiagnosticDescriptors.ToDiagnostic(known, Location.None).Id);
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
