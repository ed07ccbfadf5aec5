using System;
using System.Collections.Generic;
using System.IO;
using System.Runtime.InteropServices;

namespace CbGen.Cli.Doctor;

/// <summary>One line of the doctor's report, with the steps that fix it when it failed.</summary>
internal sealed record DoctorCheck(string Name, bool Ok, string Detail, IReadOnlyList<string> Fix);

/// <summary>
/// Checks what TorchSharp 0.107.0 needs natively: a supported OS and architecture, a libstdc++ with the symbol
/// version GLIBCXX_3.4.32 (GCC ≥ 13) on Linux, and a native backend (LibTorchSharp + libtorch) next to the tool or
/// in the NuGet cache.
/// </summary>
internal static partial class NativeDoctor
{
    public const string RequiredGlibcxx = "GLIBCXX_3.4.32";
    private const int RequiredGlibcxxPatch = 32;
    private const string TorchSharpVersion = "0.107.0";
    private const string TrixieListDir = "/var/lib/cbgen/apt-trixie";

    /// <summary>Runs every check, prints an OK/MISSING line for each (and how to fix what is missing).</summary>
    /// <returns>0 when every check passed, 1 otherwise.</returns>
    public static int Run(DoctorSettings settings, TextWriter output)
    {
        Dictionary<string, string> osRelease = ReadOsRelease(settings.OsReleasePath);
        var checks = new List<DoctorCheck>
        {
            CheckOs(settings, osRelease),
            CheckLibStdCxx(settings, osRelease),
            CheckBackend(settings),
        };

        int problems = 0;
        foreach (DoctorCheck check in checks)
        {
            output.WriteLine((check.Ok ? "OK       " : "MISSING  ") + check.Name + ": " + check.Detail);
            foreach (string line in check.Fix)
            {
                output.WriteLine("         " + line);
            }

            problems += check.Ok ? 0 : 1;
        }

        output.WriteLine(problems == 0
            ? "All checks passed: TorchSharp " + TorchSharpVersion + " can load on this machine."
            : Invariant.Format(problems) + " problem(s) found; fix them as shown above and run 'cbgen doctor' again.");
        return problems == 0 ? ExitCodes.Success : ExitCodes.Failure;
    }

    public static string? Rid(OsFamily os, Architecture arch)
    {
        string? osPart = os switch
        {
            OsFamily.Linux => "linux",
            OsFamily.Windows => "win",
            OsFamily.MacOS => "osx",
            _ => null,
        };
        string? archPart = arch switch
        {
            Architecture.X64 => "x64",
            Architecture.Arm64 => "arm64",
            _ => null,
        };
        return osPart is null || archPart is null ? null : osPart + "-" + archPart;
    }

    internal static DoctorCheck CheckOs(DoctorSettings settings, Dictionary<string, string> osRelease)
    {
        string name = osRelease.TryGetValue("PRETTY_NAME", out string? pretty) ? pretty
            : settings.OsDescription.Length > 0 ? settings.OsDescription : settings.Os.ToString();
        string? rid = Rid(settings.Os, settings.Architecture);
        string detail = name + " (" + (rid ?? settings.Os + " " + settings.Architecture) + ")";
        bool supported = rid is "linux-x64" or "win-x64" or "osx-arm64";
        return supported
            ? new DoctorCheck("os", true, detail, Array.Empty<string>())
            : new DoctorCheck("os", false, detail + " has no TorchSharp " + TorchSharpVersion + " CPU backend",
                new[] { "fix: run on linux-x64, win-x64 or osx-arm64, the platforms libtorch's CPU packages ship natives for." });
    }

    internal static DoctorCheck CheckLibStdCxx(DoctorSettings settings, Dictionary<string, string> osRelease)
    {
        const string Name = "libstdc++";
        if (settings.Os != OsFamily.Linux)
        {
            return new DoctorCheck(Name, true, "not needed on " + settings.Os, Array.Empty<string>());
        }

        var looked = new List<string>();
        string? path = settings.LibStdCxxPath ?? FindLibStdCxx(settings, looked);
        if (path is null || !File.Exists(path))
        {
            string where = path is not null ? path + " does not exist" : "libstdc++.so.6 not found (looked in " + string.Join(", ", looked) + ")";
            return new DoctorCheck(Name, false, where, FixLibStdCxx(settings, osRelease));
        }

        GlibcxxScan scan;
        try
        {
            scan = ScanGlibcxx(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new DoctorCheck(Name, false, "cannot read " + path + ": " + e.Message, FixLibStdCxx(settings, osRelease));
        }

        if (scan.HasRequired)
        {
            return new DoctorCheck(Name, true, path + " provides " + RequiredGlibcxx + " (newest GLIBCXX_3.4."
                + Invariant.Format(scan.NewestPatch) + ")", Array.Empty<string>());
        }

        string newest = scan.NewestPatch < 0 ? "no GLIBCXX_3.4.* symbol versions at all"
            : "symbol versions up to GLIBCXX_3.4." + Invariant.Format(scan.NewestPatch);
        return new DoctorCheck(Name, false, path + " has " + newest + ", but TorchSharp " + TorchSharpVersion
            + "'s libLibTorchSharp.so needs " + RequiredGlibcxx + " (GCC >= 13's libstdc++)", FixLibStdCxx(settings, osRelease));
    }

    internal static DoctorCheck CheckBackend(DoctorSettings settings)
    {
        const string Name = "TorchSharp native backend";
        string? rid = Rid(settings.Os, settings.Architecture);
        if (rid is null)
        {
            return new DoctorCheck(Name, false, "no backend exists for this platform", Array.Empty<string>());
        }

        (string bindings, string libtorch) = settings.Os switch
        {
            OsFamily.Windows => ("LibTorchSharp.dll", "torch.dll"),
            OsFamily.MacOS => ("libLibTorchSharp.dylib", "libtorch.dylib"),
            _ => ("libLibTorchSharp.so", "libtorch.so"),
        };

        // Next to the tool: a self-contained publish or an app that restored a backend.
        string[] toolDirs = { settings.ToolDirectory, Path.Combine(settings.ToolDirectory, "runtimes", rid, "native") };
        string? localBindings = FirstExisting(toolDirs, bindings);
        string? localTorch = FirstExisting(toolDirs, libtorch);
        if (localBindings is not null && localTorch is not null)
        {
            return new DoctorCheck(Name, true, bindings + " and " + libtorch + " next to the tool (" + Path.GetDirectoryName(localTorch) + ")",
                Array.Empty<string>());
        }

        var foundBindings = new List<string>();
        var foundTorch = new List<string>();
        string? cache = settings.NuGetPackagesDirectory;
        if (cache is not null && Directory.Exists(cache))
        {
            foundBindings.AddRange(FindInPackages(cache, "torchsharp", rid, bindings));
            foreach (string package in SafeDirectories(cache, "libtorch-*"))
            {
                foundTorch.AddRange(FindInPackages(cache, Path.GetFileName(package), rid, libtorch));
            }
        }

        if (foundBindings.Count > 0 && foundTorch.Count > 0)
        {
            return new DoctorCheck(Name, true, bindings + " (" + string.Join(", ", foundBindings) + ") and " + libtorch + " ("
                + string.Join(", ", foundTorch) + ") in the NuGet cache " + cache, Array.Empty<string>());
        }

        string missing = foundBindings.Count == 0 && foundTorch.Count == 0 ? bindings + " and " + libtorch
            : foundBindings.Count == 0 ? bindings : libtorch;
        string looked = "next to the tool (" + settings.ToolDirectory + ")"
            + (cache is null ? string.Empty : " or in the NuGet cache (" + cache + ")");
        return new DoctorCheck(Name, false, missing + " not found " + looked, new[]
        {
            "fix: reference a TorchSharp backend in the project that uses CbGen.TorchSharp, then restore:",
            "       dotnet add package TorchSharp-cpu                 (CPU, every platform)",
            "       dotnet add package libtorch-cpu-" + rid + "        (CPU, only this platform's natives)",
            "     or a TorchSharp-cuda-* package for CUDA. TorchSharp " + TorchSharpVersion + " pairs with libtorch 2.10.0.",
        });
    }

    private static IReadOnlyList<string> FixLibStdCxx(DoctorSettings settings, Dictionary<string, string> osRelease)
    {
        osRelease.TryGetValue("ID", out string? id);
        osRelease.TryGetValue("VERSION_CODENAME", out string? codename);
        osRelease.TryGetValue("VERSION_ID", out string? versionId);
        bool bookworm = id == "debian" && (codename == "bookworm" || versionId == "12");
        if (!bookworm)
        {
            return new[]
            {
                "fix: install a libstdc++6 built by GCC >= 13 (Debian 13 'trixie', Ubuntu 24.04 or newer ship one), or put",
                "     a GCC >= 13 libstdc++.so.6 on LD_LIBRARY_PATH.",
            };
        }

        string mirror = DebianMirror(settings.AptSourcePaths) ?? "<the Debian mirror URI from /etc/apt/sources.list>";
        string opts = "-o Dir::Etc::SourceList=" + TrixieListDir + "/sources.list -o Dir::Etc::SourceParts=/dev/null -o Dir::State::Lists="
            + TrixieListDir + "/lists";
        return new[]
        {
            "fix: Debian 12 ships GCC 12's libstdc++ (up to GLIBCXX_3.4.30). Install libstdc++6 from Debian 13 (trixie) through",
            "     a private apt source list, as './build.sh setup' in the CbGen repository does. As root:",
            "       mkdir -p " + TrixieListDir + "/lists/partial",
            "       echo 'deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] " + mirror + " trixie main' > " + TrixieListDir + "/sources.list",
            "       apt-get " + opts + " update",
            "       apt-get " + opts + " -y --no-install-recommends install libstdc++6",
            "     This upgrades libc6 and some related packages; it removes nothing. Your normal apt sources stay as they are.",
        };
    }
}
