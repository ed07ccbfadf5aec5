using System;
using System.Collections.Generic;
using System.IO;
using System.Runtime.InteropServices;

namespace CbGen.Cli.Doctor;

/// <summary>The operating systems <c>cbgen doctor</c> tells apart.</summary>
internal enum OsFamily
{
    Linux,
    Windows,
    MacOS,
    Other,
}

/// <summary>Everything <c>cbgen doctor</c> looks at, as paths so tests can point it at fake files.</summary>
internal sealed record DoctorSettings
{
    public required OsFamily Os { get; init; }

    public required Architecture Architecture { get; init; }

    /// <summary>RuntimeInformation.OSDescription, shown when /etc/os-release is absent.</summary>
    public string OsDescription { get; init; } = string.Empty;

    /// <summary>Check this libstdc++ instead of searching for one (<c>--libstdcxx</c>).</summary>
    public string? LibStdCxxPath { get; init; }

    /// <summary>LD_LIBRARY_PATH's folders: searched first, as the loader does.</summary>
    public IReadOnlyList<string> LdLibraryPath { get; init; } = Array.Empty<string>();

    /// <summary>The loader's cache, searched second.</summary>
    public string LdCachePath { get; init; } = "/etc/ld.so.cache";

    /// <summary>The usual library folders, searched last.</summary>
    public IReadOnlyList<string> LibraryDirectories { get; init; } = DefaultLibraryDirectories;

    public string OsReleasePath { get; init; } = "/etc/os-release";

    /// <summary>Where to read the machine's Debian mirror from (deb822 or one-line apt sources).</summary>
    public IReadOnlyList<string> AptSourcePaths { get; init; } =
        new[] { "/etc/apt/sources.list.d/debian.sources", "/etc/apt/sources.list" };

    /// <summary>The folder of the tool (or application) next to which natives may sit.</summary>
    public required string ToolDirectory { get; init; }

    /// <summary>The NuGet global packages folder, or null when unknown.</summary>
    public string? NuGetPackagesDirectory { get; init; }

    public static readonly IReadOnlyList<string> DefaultLibraryDirectories = new[]
    {
        "/usr/lib/x86_64-linux-gnu", "/lib/x86_64-linux-gnu", "/usr/lib/aarch64-linux-gnu", "/lib/aarch64-linux-gnu",
        "/usr/lib64", "/lib64", "/usr/lib", "/lib", "/usr/local/lib64", "/usr/local/lib",
    };

    /// <summary>The settings of the machine the tool runs on.</summary>
    public static DoctorSettings ForThisMachine()
    {
        OsFamily os = OperatingSystem.IsLinux() ? OsFamily.Linux
            : OperatingSystem.IsWindows() ? OsFamily.Windows
            : OperatingSystem.IsMacOS() ? OsFamily.MacOS
            : OsFamily.Other;
        var ldLibraryPath = new List<string>();
        foreach (string dir in (Environment.GetEnvironmentVariable("LD_LIBRARY_PATH") ?? string.Empty).Split(':', StringSplitOptions.RemoveEmptyEntries))
        {
            ldLibraryPath.Add(dir);
        }

        string? nuget = Environment.GetEnvironmentVariable("NUGET_PACKAGES");
        if (string.IsNullOrEmpty(nuget))
        {
            string home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
            nuget = home.Length == 0 ? null : Path.Combine(home, ".nuget", "packages");
        }

        return new DoctorSettings
        {
            Os = os,
            Architecture = RuntimeInformation.OSArchitecture,
            OsDescription = RuntimeInformation.OSDescription,
            LdLibraryPath = ldLibraryPath,
            ToolDirectory = AppContext.BaseDirectory,
            NuGetPackagesDirectory = nuget,
        };
    }
}
