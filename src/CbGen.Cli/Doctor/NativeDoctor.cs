using System;
using System.Collections.Generic;
using System.IO;
using System.Runtime.InteropServices;
using System.Text;

namespace CbGen.Cli.Doctor;

/// <summary>One line of the doctor's report, with the steps that fix it when it failed.</summary>
internal sealed record DoctorCheck(string Name, bool Ok, string Detail, IReadOnlyList<string> Fix);

/// <summary>
/// Checks what TorchSharp 0.107.0 needs natively: a supported OS and architecture, a libstdc++ with the symbol
/// version GLIBCXX_3.4.32 (GCC ≥ 13) on Linux, and a native backend (LibTorchSharp + libtorch) next to the tool or
/// in the NuGet cache.
/// </summary>
internal static class NativeDoctor
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

    /// <summary>The GLIBCXX_3.4.N symbol versions a library's bytes name.</summary>
    internal readonly record struct GlibcxxScan(bool HasRequired, int NewestPatch);

    internal static GlibcxxScan ScanGlibcxx(string path)
    {
        byte[] bytes = File.ReadAllBytes(path);
        ReadOnlySpan<byte> prefix = "GLIBCXX_3.4."u8;
        ReadOnlySpan<byte> rest = bytes;
        bool hasRequired = false;
        int newest = -1;
        while (true)
        {
            int at = rest.IndexOf(prefix);
            if (at < 0)
            {
                break;
            }

            rest = rest.Slice(at + prefix.Length);
            int patch = 0;
            int digits = 0;
            while (digits < rest.Length && digits < 4 && rest[digits] >= (byte)'0' && rest[digits] <= (byte)'9')
            {
                patch = (patch * 10) + (rest[digits] - (byte)'0');
                digits++;
            }

            // A symbol version is followed by its NUL terminator: GLIBCXX_3.4.32, not GLIBCXX_3.4.321.
            if (digits == 0 || digits == rest.Length || rest[digits] != 0)
            {
                continue;
            }

            newest = Math.Max(newest, patch);
            hasRequired |= patch == RequiredGlibcxxPatch;
        }

        return new GlibcxxScan(hasRequired, newest);
    }

    /// <summary>Finds libstdc++.so.6 as the loader would: LD_LIBRARY_PATH, then /etc/ld.so.cache, then the usual folders.</summary>
    internal static string? FindLibStdCxx(DoctorSettings settings, List<string> looked)
    {
        const string File6 = "libstdc++.so.6";
        var candidates = new List<string>();
        foreach (string dir in settings.LdLibraryPath)
        {
            candidates.Add(Path.Combine(dir, File6));
        }

        if (settings.LdLibraryPath.Count > 0)
        {
            looked.Add("LD_LIBRARY_PATH");
        }

        looked.Add(settings.LdCachePath);
        candidates.AddRange(LdCacheEntries(settings.LdCachePath, File6));
        foreach (string dir in settings.LibraryDirectories)
        {
            candidates.Add(Path.Combine(dir, File6));
        }

        looked.Add(string.Join(", ", settings.LibraryDirectories));
        foreach (string candidate in candidates)
        {
            if (File.Exists(candidate) && MatchesArchitecture(candidate, settings.Architecture))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>The paths in the loader's cache that end in /<paramref name="fileName"/> (its string table holds
    /// the full paths as NUL-terminated strings).</summary>
    internal static List<string> LdCacheEntries(string ldCachePath, string fileName)
    {
        var result = new List<string>();
        byte[] bytes;
        try
        {
            if (!File.Exists(ldCachePath))
            {
                return result;
            }

            bytes = File.ReadAllBytes(ldCachePath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return result;
        }

        byte[] needle = Encoding.ASCII.GetBytes("/" + fileName + "\0");
        int from = 0;
        while (true)
        {
            int at = bytes.AsSpan(from).IndexOf(needle);
            if (at < 0)
            {
                break;
            }

            at += from;
            int start = at;
            while (start > 0 && bytes[start - 1] >= 0x20 && bytes[start - 1] < 0x7f)
            {
                start--;
            }

            int end = at + needle.Length - 1;
            if (bytes[start] == (byte)'/')
            {
                string path = Encoding.ASCII.GetString(bytes, start, end - start);
                if (!result.Contains(path))
                {
                    result.Add(path);
                }
            }

            from = end + 1;
        }

        return result;
    }

    /// <summary>False only for an ELF file built for another machine (a 32-bit or foreign-architecture libstdc++).</summary>
    private static bool MatchesArchitecture(string path, Architecture architecture)
    {
        Span<byte> header = stackalloc byte[20];
        try
        {
            using FileStream file = File.OpenRead(path);
            if (file.Read(header) < header.Length || header[0] != 0x7f || header[1] != (byte)'E' || header[2] != (byte)'L' || header[3] != (byte)'F')
            {
                return true;
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }

        int machine = header[18] | (header[19] << 8); // e_machine, little-endian on the platforms TorchSharp supports
        bool is64 = header[4] == 2;
        return architecture switch
        {
            Architecture.X64 => is64 && machine == 0x3E,
            Architecture.Arm64 => is64 && machine == 0xB7,
            _ => true,
        };
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

    /// <summary>The machine's Debian mirror, read from its apt sources (deb822 'URIs:' or a one-line 'deb' entry).</summary>
    internal static string? DebianMirror(IReadOnlyList<string> aptSourcePaths)
    {
        foreach (string path in aptSourcePaths)
        {
            string[] lines;
            try
            {
                if (!File.Exists(path))
                {
                    continue;
                }

                lines = File.ReadAllLines(path);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                continue;
            }

            foreach (string raw in lines)
            {
                string line = raw.Trim();
                if (line.StartsWith("URIs:", StringComparison.OrdinalIgnoreCase))
                {
                    string[] uris = line.Substring(5).Split(' ', StringSplitOptions.RemoveEmptyEntries);
                    if (uris.Length > 0)
                    {
                        return uris[0];
                    }
                }

                if (line.StartsWith("deb ", StringComparison.Ordinal) && !line.Contains("security", StringComparison.Ordinal))
                {
                    foreach (string word in line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                    {
                        if (word.Contains("://", StringComparison.Ordinal))
                        {
                            return word;
                        }
                    }
                }
            }
        }

        return null;
    }

    internal static Dictionary<string, string> ReadOsRelease(string path)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        try
        {
            if (!File.Exists(path))
            {
                return values;
            }

            foreach (string line in File.ReadAllLines(path))
            {
                int eq = line.IndexOf('=', StringComparison.Ordinal);
                if (eq <= 0 || line.StartsWith('#'))
                {
                    continue;
                }

                values[line.Substring(0, eq).Trim()] = line.Substring(eq + 1).Trim().Trim('"', '\'');
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // No os-release: the OS line falls back to RuntimeInformation.
        }

        return values;
    }

    private static string? FirstExisting(string[] dirs, string file)
    {
        foreach (string dir in dirs)
        {
            string path = Path.Combine(dir, file);
            if (File.Exists(path))
            {
                return path;
            }
        }

        return null;
    }

    /// <summary>The versions of <paramref name="package"/> in the cache whose runtimes/RID/native folder holds <paramref name="file"/>.</summary>
    private static List<string> FindInPackages(string cache, string package, string rid, string file)
    {
        var versions = new List<string>();
        foreach (string versionDir in SafeDirectories(Path.Combine(cache, package), "*"))
        {
            if (File.Exists(Path.Combine(versionDir, "runtimes", rid, "native", file)))
            {
                versions.Add(package + " " + Path.GetFileName(versionDir));
            }
        }

        versions.Sort(StringComparer.Ordinal);
        return versions;
    }

    private static string[] SafeDirectories(string dir, string pattern)
    {
        try
        {
            return Directory.Exists(dir) ? Directory.GetDirectories(dir, pattern) : Array.Empty<string>();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Array.Empty<string>();
        }
    }
}
