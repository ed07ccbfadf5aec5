using System;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace CbGen.Package.Tests;

/// <summary>What is inside the packed .nupkg files.</summary>
[Collection(PackagesCollection.Name)]
public sealed class PackageLayoutTests
{
    private readonly PackedPackages _packages;

    public PackageLayoutTests(PackedPackages packages)
    {
        _packages = packages;
        _packages.AssertPacked();
    }

    [Fact]
    public void CbGen_holds_the_library_for_both_targets_and_the_generator_as_an_analyzer()
    {
        Assert.Equal(
            new[]
            {
                "CbGen.nuspec",
                "README.md",
                "analyzers/dotnet/cs/CbGen.CodeFixes.dll",
                "analyzers/dotnet/cs/CbGen.Generators.dll",
                "lib/net10.0/CbGen.dll",
                "lib/net10.0/CbGen.xml",
                "lib/netstandard2.0/CbGen.dll",
                "lib/netstandard2.0/CbGen.xml",
            },
            _packages.Entries("CbGen"));
        Assert.Equal(
            new[] { ("System.Memory", _packages.CentralVersion("System.Memory")) },
            Dependencies("CbGen", ".NETStandard2.0").Select(d => (d.Id, d.Version)));
        Assert.Empty(Dependencies("CbGen", "net10.0"));
    }

    [Fact]
    public void The_packed_generator_is_a_netstandard_generator_built_against_the_old_Roslyn()
    {
        byte[] generator = Read("CbGen", "analyzers/dotnet/cs/CbGen.Generators.dll");
        using var pe = new PEReader(new MemoryStream(generator));
        MetadataReader metadata = pe.GetMetadataReader();

        Assert.Contains(metadata.TypeDefinitions.Select(t => metadata.GetTypeDefinition(t)),
            t => metadata.GetString(t.Namespace) == "CbGen.Generators" && metadata.GetString(t.Name) == "ClassBalancedGenerator");
        var references = metadata.AssemblyReferences.Select(r => metadata.GetAssemblyReference(r))
            .ToDictionary(r => metadata.GetString(r.Name), r => r.Version);
        Assert.Equal(new Version(2, 0, 0, 0), references["netstandard"]);
        // Loadable by every compiler from Roslyn 4.8 (.NET 8 SDK, VS 17.8) on.
        Assert.Equal(new Version(4, 8, 0, 0), references["Microsoft.CodeAnalysis"]);
        Assert.Equal(new Version(4, 8, 0, 0), references["Microsoft.CodeAnalysis.CSharp"]);
        Assert.DoesNotContain("CbGen", references.Keys);
        // The compiler has no Workspaces: the generator must never need the code fixes (or what they need).
        Assert.DoesNotContain("CbGen.CodeFixes", references.Keys);
        Assert.DoesNotContain(references.Keys, name => name.Contains("Workspaces", StringComparison.Ordinal));
    }

    [Fact]
    public void The_packed_code_fixes_sit_beside_the_generator_on_the_same_Roslyn_and_hold_no_analyzer()
    {
        byte[] codeFixes = Read("CbGen", "analyzers/dotnet/cs/CbGen.CodeFixes.dll");
        using var pe = new PEReader(new MemoryStream(codeFixes));
        MetadataReader metadata = pe.GetMetadataReader();

        Assert.Contains(metadata.TypeDefinitions.Select(t => metadata.GetTypeDefinition(t)),
            t => metadata.GetString(t.Namespace) == "CbGen.CodeFixes" && metadata.GetString(t.Name) == "SuggestedBetaCodeFix");
        var references = metadata.AssemblyReferences.Select(r => metadata.GetAssemblyReference(r))
            .ToDictionary(r => metadata.GetString(r.Name), r => r.Version);
        Assert.Equal(new Version(2, 0, 0, 0), references["netstandard"]);
        // The IDE loads both assemblies from the same folder: the same Roslyn (4.8) as the generator.
        Assert.Equal(new Version(4, 8, 0, 0), references["Microsoft.CodeAnalysis"]);
        Assert.Equal(new Version(4, 8, 0, 0), references["Microsoft.CodeAnalysis.Workspaces"]);
        Assert.Equal(new Version(4, 8, 0, 0), references["Microsoft.CodeAnalysis.CSharp"]);
        Assert.DoesNotContain("CbGen.Generators", references.Keys);
        // The compiler scans analyzers/dotnet/cs for [DiagnosticAnalyzer] and [Generator] types; finding none in
        // this assembly, it never loads it (so the missing Workspaces cannot break a command-line build).
        string[] typeReferences = metadata.TypeReferences.Select(t => metadata.GetString(metadata.GetTypeReference(t).Name)).ToArray();
        Assert.Contains("CodeFixProvider", typeReferences);
        Assert.DoesNotContain("DiagnosticAnalyzerAttribute", typeReferences);
        Assert.DoesNotContain("GeneratorAttribute", typeReferences);
    }

    [Fact]
    public void CbGen_TorchSharp_depends_on_CbGen_with_its_analyzers_and_on_the_managed_TorchSharp_only()
    {
        Assert.Equal(
            new[]
            {
                "CbGen.TorchSharp.nuspec", "README.md",
                "lib/net10.0/CbGen.TorchSharp.dll", "lib/net10.0/CbGen.TorchSharp.xml",
                "lib/net8.0/CbGen.TorchSharp.dll", "lib/net8.0/CbGen.TorchSharp.xml",
            },
            _packages.Entries("CbGen.TorchSharp"));
        // net8.0 too (docs/runtime.md, support matrix): the same dependencies for both target frameworks.
        Assert.Equal(
            new[] { ("CbGen", _packages.Version), ("TorchSharp", _packages.CentralVersion("TorchSharp")) },
            Dependencies("CbGen.TorchSharp", "net8.0").Select(d => (d.Id, d.Version)));
        var dependencies = Dependencies("CbGen.TorchSharp", "net10.0");
        Assert.Equal(
            new[] { ("CbGen", _packages.Version), ("TorchSharp", _packages.CentralVersion("TorchSharp")) },
            dependencies.Select(d => (d.Id, d.Version)));
        // Referencing CbGen.TorchSharp alone must bring the generator: the CbGen dependency keeps its analyzers.
        (string _, string _, string? include, string? exclude) = dependencies[0];
        Assert.True(exclude is null || !exclude.Contains("Analyzers", StringComparison.OrdinalIgnoreCase),
            "CbGen dependency excludes " + exclude);
        Assert.True(include is null || include == "All", "CbGen dependency includes only " + include);
    }

    [Fact]
    public void CbGen_Testing_compiles_against_itself_only_and_carries_the_generator_as_a_runtime_asset()
    {
        Assert.Equal(
            new[]
            {
                "CbGen.Testing.nuspec",
                "README.md",
                // Keeps *.received.cs and *.verified.cs out of the user's Compile items.
                "buildTransitive/CbGen.Testing.targets",
                "lib/netstandard2.0/CbGen.Generators.dll",
                "lib/netstandard2.0/CbGen.Testing.dll",
                "lib/netstandard2.0/CbGen.Testing.xml",
                "ref/netstandard2.0/CbGen.Testing.dll",
                "ref/netstandard2.0/CbGen.Testing.xml",
            },
            _packages.Entries("CbGen.Testing"));
        Assert.Equal(
            new[] { ("CbGen", _packages.Version), ("Microsoft.CodeAnalysis.CSharp", _packages.CentralVersion("Microsoft.CodeAnalysis.CSharp")) },
            Dependencies("CbGen.Testing", ".NETStandard2.0").Select(d => (d.Id, d.Version)));
        // The very generator the CbGen package ships (same build), so snapshots show what users' builds generate.
        Assert.Equal(Read("CbGen", "analyzers/dotnet/cs/CbGen.Generators.dll"), Read("CbGen.Testing", "lib/netstandard2.0/CbGen.Generators.dll"));
    }

    [Fact]
    public void CbGen_Testing_removes_snapshot_files_from_Compile()
    {
        XElement targets = XElement.Parse(System.Text.Encoding.UTF8.GetString(Read("CbGen.Testing", "buildTransitive/CbGen.Testing.targets")));
        Assert.Equal(
            new[] { "**/*.received.cs;**/*.verified.cs" },
            targets.Descendants("Compile").Select(c => (string?)c.Attribute("Remove")));
    }

    [Fact]
    public void CbGen_Cli_is_the_cbgen_tool()
    {
        string[] entries = _packages.Entries("CbGen.Cli");
        Assert.Contains("tools/net10.0/any/CbGen.Cli.dll", entries);
        Assert.Contains("tools/net10.0/any/DotnetToolSettings.xml", entries);
        XNamespace ns = _packages.Nuspec("CbGen.Cli").Name.Namespace;
        Assert.Equal("DotnetTool", (string?)_packages.Nuspec("CbGen.Cli").Descendants(ns + "packageType").Single().Attribute("name"));
    }

    [Fact]
    public void Every_package_carries_the_same_licence_authors_and_repository_metadata()
    {
        // One place: Directory.Build.props. No public home yet, so no URL may be claimed; once RepositoryUrl is set
        // there, every package must carry it as <repository> and <projectUrl>.
        string? repository = XElement.Load(Path.Combine(_packages.RepositoryRoot, "Directory.Build.props"))
            .Descendants("RepositoryUrl").SingleOrDefault()?.Value;
        foreach (string id in PackedPackages.PackageIds)
        {
            XNamespace ns = _packages.Nuspec(id).Name.Namespace;
            XElement metadata = _packages.Nuspec(id).Element(ns + "metadata")!;
            XElement license = metadata.Element(ns + "license")!;
            Assert.Equal((id, "expression", "MIT"), (id, (string?)license.Attribute("type"), license.Value));
            Assert.Equal((id, "CbGen contributors"), (id, metadata.Element(ns + "authors")?.Value));
            Assert.Equal((id, "Copyright (c) 2026 CbGen contributors"), (id, metadata.Element(ns + "copyright")?.Value));
            Assert.Equal((id, repository), (id, (string?)metadata.Element(ns + "repository")?.Attribute("url")));
            Assert.Equal((id, repository), (id, metadata.Element(ns + "projectUrl")?.Value));
        }
    }

    [Fact]
    public void CbGen_ML_depends_on_CbGen_with_its_analyzers_and_on_Microsoft_ML()
    {
        Assert.Equal(
            new[] { "CbGen.ML.nuspec", "README.md", "lib/net10.0/CbGen.ML.dll", "lib/net10.0/CbGen.ML.xml" },
            _packages.Entries("CbGen.ML"));
        var dependencies = Dependencies("CbGen.ML", "net10.0");
        Assert.Equal(
            new[] { ("CbGen", _packages.Version), ("Microsoft.ML", _packages.CentralVersion("Microsoft.ML")) },
            dependencies.Select(d => (d.Id, d.Version)));
        (string _, string _, string? include, string? exclude) = dependencies[0];
        Assert.True(exclude is null || !exclude.Contains("Analyzers", StringComparison.OrdinalIgnoreCase),
            "CbGen dependency excludes " + exclude);
        Assert.True(include is null || include == "All", "CbGen dependency includes only " + include);
    }

    [Theory]
    [InlineData("CbGen")]
    [InlineData("CbGen.TorchSharp")]
    [InlineData("CbGen.Testing")]
    [InlineData("CbGen.Cli")]
    [InlineData("CbGen.ML")]
    public void Every_package_has_its_readme_licence_and_description(string id)
    {
        XNamespace ns = _packages.Nuspec(id).Name.Namespace;
        XElement metadata = _packages.Nuspec(id).Element(ns + "metadata")!;

        Assert.Equal(id, metadata.Element(ns + "id")!.Value);
        Assert.Equal(_packages.Version, metadata.Element(ns + "version")!.Value);
        Assert.Equal("README.md", metadata.Element(ns + "readme")!.Value);
        Assert.Equal("MIT", metadata.Element(ns + "license")!.Value);
        Assert.True(metadata.Element(ns + "description")!.Value.Length > 80, "description too short");
        string readme = System.Text.Encoding.UTF8.GetString(Read(id, "README.md"));
        Assert.StartsWith("# " + id + "\n", readme, StringComparison.Ordinal);
    }

    [Fact]
    public void Only_the_shipping_projects_are_packable()
    {
        // IsPackable is false by default (Directory.Build.props) and forced off for test projects; these opt in.
        string[] packable = Directory.GetFiles(_packages.RepositoryRoot, "*.csproj", SearchOption.AllDirectories)
            .Where(p => !p.Contains(Path.DirectorySeparatorChar + "obj" + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            .Where(p => Regex.IsMatch(File.ReadAllText(p), @"<IsPackable>\s*true\s*</IsPackable>"))
            .Select(Path.GetFileNameWithoutExtension)
            .OrderBy(n => n, StringComparer.Ordinal)
            .ToArray()!;
        Assert.Equal(new[] { "CbGen", "CbGen.Cli", "CbGen.ML", "CbGen.Testing", "CbGen.TorchSharp" }, packable);
        Assert.Contains("<IsPackable>false</IsPackable>", File.ReadAllText(Path.Combine(_packages.RepositoryRoot, "Directory.Build.props")), StringComparison.Ordinal);
    }

    private byte[] Read(string id, string entry)
    {
        using ZipArchive zip = ZipFile.OpenRead(_packages.PackagePath(id));
        using Stream stream = zip.GetEntry(entry)!.Open();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    private System.Collections.Generic.List<(string Id, string Version, string? Include, string? Exclude)> Dependencies(string id, string targetFramework)
    {
        XElement nuspec = _packages.Nuspec(id);
        XNamespace ns = nuspec.Name.Namespace;
        XElement group = nuspec.Descendants(ns + "group").Single(g => (string?)g.Attribute("targetFramework") == targetFramework);
        return group.Elements(ns + "dependency")
            .Select(d => ((string)d.Attribute("id")!, (string)d.Attribute("version")!, (string?)d.Attribute("include"), (string?)d.Attribute("exclude")))
            .OrderBy(d => d.Item1, StringComparer.Ordinal)
            .ToList();
    }
}
