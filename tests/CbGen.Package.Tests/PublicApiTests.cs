using System;
using System.IO;
using System.Linq;

namespace CbGen.Package.Tests;

/// <summary>
/// The public API is locked: every packable project lists its public members in PublicAPI.Shipped.txt (released)
/// and PublicAPI.Unshipped.txt (since the last release), and a build fails on a public member that neither file
/// lists (RS0016) or on a listed member that is gone (RS0017). The wiring lives in Directory.Build.targets; a probe
/// project in a temporary folder imports the repository's Directory.Build.props, Directory.Build.targets and
/// Directory.Packages.props, so it is built the way every package is (and the repository's tree stays untouched).
/// </summary>
public sealed class PublicApiTests
{
    private static readonly string Root = PackedPackages.FindRepositoryRoot();

    [Fact]
    public void Every_packable_project_has_both_public_API_files()
    {
        string[] packable = Directory.GetFiles(Path.Combine(Root, "src"), "*.csproj", SearchOption.AllDirectories)
            .Where(p => File.ReadAllText(p).Contains("<IsPackable>true</IsPackable>", StringComparison.Ordinal))
            .ToArray();
        Assert.NotEmpty(packable);
        foreach (string project in packable)
        {
            foreach (string name in new[] { "PublicAPI.Shipped.txt", "PublicAPI.Unshipped.txt" })
            {
                string file = Path.Combine(Path.GetDirectoryName(project)!, name);
                Assert.True(File.Exists(file), Path.GetFileName(project) + " has no " + name + ".");
                Assert.Equal("#nullable enable", File.ReadLines(file).First());
            }
        }
    }

    [Fact]
    public void An_undeclared_public_member_or_a_declared_one_that_is_gone_fails_the_build()
    {
        string probe = Path.Combine(Path.GetTempPath(), "cbgen-publicapi-probe-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(probe);
        try
        {
            foreach (string file in new[] { "Directory.Build.props", "Directory.Build.targets", "Directory.Packages.props" })
            {
                File.WriteAllText(Path.Combine(probe, file),
                    "<Project><Import Project=\"" + Path.Combine(Root, file) + "\" /></Project>");
            }

            File.WriteAllText(Path.Combine(probe, "Probe.csproj"),
                "<Project Sdk=\"Microsoft.NET.Sdk\"><PropertyGroup><TargetFramework>net10.0</TargetFramework>"
                + "<IsPackable>true</IsPackable><GenerateDocumentationFile>true</GenerateDocumentationFile></PropertyGroup></Project>");
            File.WriteAllText(Path.Combine(probe, "Probe.cs"),
                "namespace Probe\n{\n    /// <summary>A public type.</summary>\n    public static class Declared\n    {\n"
                + "        /// <summary>Not in the API files at first.</summary>\n        public static int Added() => 1;\n    }\n}\n");
            File.WriteAllText(Path.Combine(probe, "PublicAPI.Shipped.txt"),
                "#nullable enable\nProbe.Declared\nstatic Probe.Declared.Removed() -> int\n");
            File.WriteAllText(Path.Combine(probe, "PublicAPI.Unshipped.txt"), "#nullable enable\n");

            CommandResult failing = Build(probe);
            Assert.True(failing.ExitCode != 0, failing.Describe());
            Assert.Contains("error RS0016", failing.Output, StringComparison.Ordinal);
            Assert.Contains("Added", failing.Output, StringComparison.Ordinal);
            Assert.Contains("error RS0017", failing.Output, StringComparison.Ordinal);

            File.WriteAllText(Path.Combine(probe, "PublicAPI.Shipped.txt"), "#nullable enable\nProbe.Declared\n");
            File.WriteAllText(Path.Combine(probe, "PublicAPI.Unshipped.txt"), "#nullable enable\nstatic Probe.Declared.Added() -> int\n");
            CommandResult passing = Build(probe);
            Assert.True(passing.ExitCode == 0, passing.Describe());
        }
        finally
        {
            Directory.Delete(probe, recursive: true);
        }
    }

    private static CommandResult Build(string probe) =>
        DotNet.Run(probe, TimeSpan.FromMinutes(5), "build", "Probe.csproj", "-nologo", "-v", "q", "--disable-build-servers");
}
