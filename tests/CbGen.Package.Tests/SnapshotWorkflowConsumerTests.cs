using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Xml.Linq;

namespace CbGen.Package.Tests;

/// <summary>
/// A new user's test project, from the local feed only: the README's package references and quick-start program,
/// plus a snapshot test with CbGen.Testing. It walks the README's snapshot workflow with real <c>dotnet</c>
/// commands: the first run fails and writes <c>*.received.cs</c>; the next build still compiles (the package keeps
/// snapshot files out of <c>Compile</c>); a verified file left by a renamed config fails the run by name;
/// <c>CBGEN_ACCEPT_SNAPSHOTS=1</c> accepts and deletes it; the run after that passes.
/// </summary>
[Collection(PackagesCollection.Name)]
public sealed class SnapshotWorkflowConsumerTests
{
    private const string TestName = "Label_weights_are_reviewed";
    private static readonly Dictionary<string, string> NoEnvironment = new();

    private readonly PackedPackages _packages;

    public SnapshotWorkflowConsumerTests(PackedPackages packages)
    {
        _packages = packages;
        _packages.AssertPacked();
    }

    [Fact]
    public void The_readme_quick_start_builds_and_runs_and_the_snapshot_workflow_goes_from_failing_to_accepted()
    {
        string project = Path.Combine(_packages.WorkDirectory, "snapshot-consumer");
        WriteProject(project, Path.Combine(_packages.WorkDirectory, "snapshot-packages"));
        string snapshots = Path.Combine(project, "Verified", TestName);
        string[] generated = { "Shop.Fruit.FruitLoss", "Shop.Fruit.FruitWeights" };

        // 1. First run: no verified files, so the test fails and writes what the generator produced.
        CommandResult first = Test(project, NoEnvironment);
        Assert.True(first.ExitCode != 0, "The first run should fail without verified snapshots.\n" + first.Describe());
        Assert.Contains("No verified snapshot", first.Output, StringComparison.Ordinal);
        Assert.Equal(
            generated.Select(n => n + ".received.cs").Append("diagnostics.received.txt").OrderBy(n => n, StringComparer.Ordinal),
            FileNames(snapshots));

        // A verified file a renamed config left behind: code for types this project does not have, like the received ones.
        string orphan = Path.Combine(snapshots, "Shop.Fruit.OldFruitWeights.verified.cs");
        File.WriteAllText(orphan, File.ReadAllText(Path.Combine(snapshots, "Shop.Fruit.FruitWeights.received.cs"))
            .Replace("FruitWeights", "OldFruitWeights", StringComparison.Ordinal));

        // 2. The next build still compiles: CbGen.Testing's buildTransitive targets keep snapshot files out of Compile.
        CommandResult build = DotNet.Run(project, TimeSpan.FromMinutes(10), "build", "-c", "Release", "-nologo", "-v", "q", "--disable-build-servers");
        Assert.True(build.ExitCode == 0, build.Describe());

        // 3. The orphan fails the run by name.
        CommandResult orphaned = Test(project, NoEnvironment, "--no-build");
        Assert.True(orphaned.ExitCode != 0, orphaned.Describe());
        Assert.Contains("1 orphaned snapshot of '" + TestName + "'", orphaned.Output, StringComparison.Ordinal);
        Assert.Contains(orphan, orphaned.Output, StringComparison.Ordinal);

        // 4. Accepting writes the verified files, deletes the received ones and the orphan.
        CommandResult accept = Test(project, new Dictionary<string, string> { ["CBGEN_ACCEPT_SNAPSHOTS"] = "1" }, "--no-build");
        Assert.True(accept.ExitCode == 0, accept.Describe());
        Assert.Equal(
            generated.Select(n => n + ".verified.cs").Append("diagnostics.verified.txt").OrderBy(n => n, StringComparer.Ordinal),
            FileNames(snapshots));
        Assert.Contains("public static partial class FruitWeights", File.ReadAllText(Path.Combine(snapshots, "Shop.Fruit.FruitWeights.verified.cs")), StringComparison.Ordinal);

        // 5. With the verified files in the project, it builds again and the test passes.
        CommandResult pass = Test(project, NoEnvironment);
        Assert.True(pass.ExitCode == 0, pass.Describe());

        // The README's quick start, pasted as the program of the same project, trains one step.
        CommandResult run = DotNet.Run(project, TimeSpan.FromMinutes(2), Path.Combine(project, "bin", "Release", "net10.0", "linux-x64", "SnapshotConsumer.dll"));
        Assert.True(run.ExitCode == 0, run.Describe());
        string lossLine = run.Output.Split('\n').Single(l => l.StartsWith("loss ", StringComparison.Ordinal));
        double loss = double.Parse(lossLine.Split(' ')[1].TrimEnd(','), CultureInfo.InvariantCulture);
        Assert.True(double.IsFinite(loss) && loss > 0, lossLine);
    }

    [Fact]
    public void The_readme_nuget_config_adds_the_packed_folder_as_a_source_and_keeps_the_default_feed()
    {
        XElement config = XElement.Parse(ReadmeSnippets.Get(_packages.RepositoryRoot, ReadmeSnippets.NuGetConfig));
        XElement sources = config.Element("packageSources")!;
        Assert.Empty(sources.Elements("clear"));   // a <clear/> would cut the user off from TorchSharp
        XElement source = Assert.Single(sources.Elements("add"));
        Assert.EndsWith("/artifacts/packages", (string)source.Attribute("value")!, StringComparison.Ordinal);
    }

    private static CommandResult Test(string project, IReadOnlyDictionary<string, string> environment, params string[] extra) =>
        DotNet.Run(project, TimeSpan.FromMinutes(10), environment,
            // The console logger at "normal" prints each failed test's message, which the steps look for.
            new[] { "test", "-c", "Release", "-nologo", "--disable-build-servers", "--logger", "console;verbosity=normal" }.Concat(extra).ToArray());

    private static IEnumerable<string> FileNames(string directory) =>
        Directory.GetFiles(directory).Select(p => Path.GetFileName(p)!).OrderBy(n => n, StringComparer.Ordinal);

    private void WriteProject(string directory, string isolatedPackages)
    {
        ConsumerFolder.Create(directory, _packages.Feed);
        File.WriteAllText(Path.Combine(directory, "Program.cs"), ReadmeSnippets.Get(_packages.RepositoryRoot, ReadmeSnippets.QuickStart));
        File.Copy(Path.Combine(AppContext.BaseDirectory, "SnapshotConsumer", "LabelSnapshotTests.cs"), Path.Combine(directory, "LabelSnapshotTests.cs"));

        new XDocument(new XElement("Project", new XAttribute("Sdk", "Microsoft.NET.Sdk"),
            new XElement("PropertyGroup",
                // What `dotnet new console` writes, …
                new XElement("OutputType", "Exe"),
                new XElement("TargetFramework", "net10.0"),
                new XElement("ImplicitUsings", "enable"),
                new XElement("Nullable", "enable"),
                // … the test project's own settings (the quick start is its program, so no generated entry point) …
                new XElement("AssemblyName", "SnapshotConsumer"),
                new XElement("GenerateProgramFile", "false"),
                new XElement("TreatWarningsAsErrors", "true"),
                new XElement("RuntimeIdentifier", "linux-x64"),
                new XElement("SelfContained", "false"),
                new XElement("SatelliteResourceLanguages", "en"),
                ConsumerFolder.LinkedCopies(),
                // … and an offline restore.
                ConsumerFolder.RestoreProperties(isolatedPackages)),
            ReadmePackageReferences(),
            new XElement("ItemGroup",
                ConsumerFolder.PackageReference("CbGen.Testing", _packages.Version),
                ConsumerFolder.PackageReference("Microsoft.NET.Test.Sdk", _packages.CentralVersion("Microsoft.NET.Test.Sdk")),
                ConsumerFolder.PackageReference("xunit", _packages.CentralVersion("xunit")),
                ConsumerFolder.PackageReference("xunit.runner.visualstudio", _packages.CentralVersion("xunit.runner.visualstudio")))))
            .Save(Path.Combine(directory, "SnapshotConsumer.csproj"));
    }

    /// <summary>The README's <c>PackageReference</c> lines, with the CbGen packages at this run's version. The README
    /// must name the repository's current versions.</summary>
    private XElement ReadmePackageReferences()
    {
        XElement group = XElement.Parse(ReadmeSnippets.Get(_packages.RepositoryRoot, ReadmeSnippets.PackageReferences));
        Assert.Equal("ItemGroup", group.Name.LocalName);
        string prefix = _packages.Version.Split('-')[0];
        foreach (XElement reference in group.Elements("PackageReference"))
        {
            string id = (string)reference.Attribute("Include")!;
            string version = (string)reference.Attribute("Version")!;
            if (id.StartsWith("CbGen", StringComparison.Ordinal))
            {
                Assert.True(version == prefix, "README.md references " + id + " " + version + "; the packages are " + prefix + " (VersionPrefix).");
                reference.SetAttributeValue("Version", _packages.Version);
            }
            else
            {
                Assert.True(version == _packages.CentralVersion(id), "README.md references " + id + " " + version + "; Directory.Packages.props has " + _packages.CentralVersion(id) + ".");
            }
        }

        Assert.Contains(group.Elements("PackageReference"), r => (string?)r.Attribute("Include") == "CbGen.TorchSharp");
        return group;
    }
}
