using System;
using System.IO;
using System.Linq;
using System.Xml.Linq;

namespace CbGen.Package.Tests;

/// <summary>What every consumer project of the package tests needs: a folder cut off from the repository's build
/// files, a nuget.config with the temporary feed only, and the machine's global packages folder (a fallback folder,
/// so TorchSharp, libtorch and the test framework resolve offline).</summary>
public static class ConsumerFolder
{
    public static void Create(string directory, string feed)
    {
        Directory.CreateDirectory(directory);
        // Empty Directory.Build.* files stop MSBuild from importing anything from the folders above.
        File.WriteAllText(Path.Combine(directory, "Directory.Build.props"), "<Project />\n");
        File.WriteAllText(Path.Combine(directory, "Directory.Build.targets"), "<Project />\n");

        // Only the local feed: nothing can come from a remote registry.
        new XDocument(new XElement("configuration",
            new XElement("packageSources",
                new XElement("clear"),
                new XElement("add", new XAttribute("key", "cbgen-test-feed"), new XAttribute("value", feed))),
            new XElement("packageSourceMapping", new XElement("clear"))))
            .Save(Path.Combine(directory, "nuget.config"));
    }

    /// <summary>Restore settings: CbGen from the feed into <paramref name="isolatedPackages"/>, everything else from
    /// the global packages folder without copying.</summary>
    public static XElement[] RestoreProperties(string isolatedPackages) => new[]
    {
        new XElement("RestorePackagesPath", isolatedPackages),
        new XElement("RestoreAdditionalProjectFallbackFolders", GlobalPackagesFolder()),
        new XElement("NuGetAudit", "false"),
    };

    /// <summary>Links the copies of package files (libtorch, about 0.5 GB) into the consumer's output, as the
    /// repository's own projects do (hard links, symbolic ones across file systems): several consumers build at once,
    /// and copies filled a CI machine's disk. Only how the files get there changes, never which files or what they
    /// hold.</summary>
    public static XElement[] LinkedCopies() => new[]
    {
        new XElement("CreateHardLinksForCopyLocalIfPossible", "true"),
        new XElement("CreateSymbolicLinksForCopyLocalIfPossible", "true"),
    };

    public static XElement PackageReference(string id, string version) =>
        new XElement("PackageReference", new XAttribute("Include", id), new XAttribute("Version", version));

    public static string GlobalPackagesFolder()
    {
        CommandResult result = DotNet.Run(Path.GetTempPath(), TimeSpan.FromMinutes(1), "nuget", "locals", "global-packages", "--list");
        Assert.True(result.ExitCode == 0, result.Describe());
        const string prefix = "global-packages:";
        string line = result.Output.Split('\n').Single(l => l.StartsWith(prefix, StringComparison.Ordinal));
        string folder = line[prefix.Length..].Trim();
        Assert.True(Directory.Exists(folder), "The global packages folder " + folder + " does not exist.");
        return folder;
    }
}
