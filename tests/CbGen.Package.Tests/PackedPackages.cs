using System;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Xml.Linq;

namespace CbGen.Package.Tests;

/// <summary>
/// Packs the packages (<see cref="PackageIds"/>) once per test run, from the repository's sources, into a
/// temporary feed. The version gets a unique prerelease suffix (so no NuGet cache can hand back an older package),
/// and everything is built under a temporary artifacts path (a clean build, like a fresh clone, that leaves the
/// repository's bin/ and obj/ alone).
/// </summary>
public sealed class PackedPackages : IDisposable
{
    public static readonly string[] PackageIds = { "CbGen", "CbGen.TorchSharp", "CbGen.Testing", "CbGen.Cli", "CbGen.ML" };

    private static readonly string[] Projects =
    {
        "src/CbGen/CbGen.csproj",
        "src/CbGen.TorchSharp/CbGen.TorchSharp.csproj",
        "src/CbGen.Testing/CbGen.Testing.csproj",
        "src/CbGen.Cli/CbGen.Cli.csproj",
        "src/CbGen.ML/CbGen.ML.csproj",
        // Not packable, but in the solution like in CbGen.sln: a project reference to a project outside the
        // solution is built in Debug, so CbGen.Testing would carry another build of the generator than CbGen.
        "generators/CbGen.Generators/CbGen.Generators.csproj",
        // Likewise not packable: packed into CbGen next to the generator; here so the pack restores it.
        "generators/CbGen.CodeFixes/CbGen.CodeFixes.csproj",
    };

    public PackedPackages()
    {
        RepositoryRoot = FindRepositoryRoot();
        WorkDirectory = Path.Combine(Path.GetTempPath(), "cbgen-package-tests-" + Guid.NewGuid().ToString("N")[..12]);
        Feed = Path.Combine(WorkDirectory, "feed");
        Directory.CreateDirectory(Feed);
        VersionSuffix = "test." + DateTime.UtcNow.Ticks;

        // One pack of the packable projects (and the generator) through a throw-away solution file.
        string solution = Path.Combine(WorkDirectory, "packages.slnx");
        new XDocument(new XElement("Solution",
            Projects.Select(p => new XElement("Project", new XAttribute("Path", Path.Combine(RepositoryRoot, p))))))
            .Save(solution);
        // The time limit only stops a hang: on a 2-core machine shared with other builds the pack took over 5 minutes.
        PackResult = DotNet.Run(WorkDirectory, TimeSpan.FromMinutes(15),
            "pack", solution, "-c", "Release", "-nologo", "-v", "q", "--disable-build-servers",
            "-o", Feed, "--artifacts-path", Path.Combine(WorkDirectory, "build"), "-p:VersionSuffix=" + VersionSuffix);

        // The version comes from one place: VersionPrefix in Directory.Build.props, plus our suffix.
        string prefix = XElement.Load(Path.Combine(RepositoryRoot, "Directory.Build.props"))
            .Descendants("VersionPrefix").Single().Value;
        Version = prefix + "-" + VersionSuffix;
    }

    public string RepositoryRoot { get; }

    public string WorkDirectory { get; }

    /// <summary>The folder holding the packed .nupkg files.</summary>
    public string Feed { get; }

    public string VersionSuffix { get; }

    /// <summary>The packages' version, e.g. <c>0.1.0-test.638…</c>.</summary>
    public string Version { get; }

    public CommandResult PackResult { get; }

    /// <summary>Asserts the pack succeeded and produced exactly the packages of <see cref="PackageIds"/> with the test version.</summary>
    public void AssertPacked()
    {
        Assert.True(PackResult.ExitCode == 0, PackResult.Describe());
        Assert.Equal(
            PackageIds.Select(id => id + "." + Version + ".nupkg").OrderBy(n => n, StringComparer.Ordinal),
            Directory.GetFiles(Feed, "*.nupkg").Select(Path.GetFileName).OrderBy(n => n, StringComparer.Ordinal));
    }

    public string PackagePath(string id) => Path.Combine(Feed, id + "." + Version + ".nupkg");

    /// <summary>The entries of a package, sorted, without NuGet's own bookkeeping files.</summary>
    public string[] Entries(string id)
    {
        using ZipArchive zip = ZipFile.OpenRead(PackagePath(id));
        return zip.Entries.Select(e => e.FullName)
            .Where(n => !n.StartsWith("_rels/", StringComparison.Ordinal) && !n.StartsWith("package/", StringComparison.Ordinal)
                && n != "[Content_Types].xml")
            .OrderBy(n => n, StringComparer.Ordinal)
            .ToArray();
    }

    public XElement Nuspec(string id)
    {
        using ZipArchive zip = ZipFile.OpenRead(PackagePath(id));
        ZipArchiveEntry entry = zip.GetEntry(id + ".nuspec") ?? throw new InvalidOperationException("No nuspec in " + id);
        using Stream stream = entry.Open();
        return XElement.Load(stream);
    }

    /// <summary>A central package version from the repository's Directory.Packages.props.</summary>
    public string CentralVersion(string packageId)
    {
        XElement props = XElement.Load(Path.Combine(RepositoryRoot, "Directory.Packages.props"));
        return props.Descendants("PackageVersion")
            .Single(e => string.Equals((string?)e.Attribute("Include"), packageId, StringComparison.OrdinalIgnoreCase))
            .Attribute("Version")!.Value;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(WorkDirectory, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a temporary folder.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    internal static string FindRepositoryRoot()
    {
        for (DirectoryInfo? dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CbGen.sln")) && File.Exists(Path.Combine(dir.FullName, "Directory.Packages.props")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("CbGen.sln not found above " + AppContext.BaseDirectory);
    }
}
