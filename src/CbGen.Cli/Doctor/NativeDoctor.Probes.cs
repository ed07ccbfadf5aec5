using System;
using System.Collections.Generic;
using System.IO;
using System.Runtime.InteropServices;
using System.Text;

namespace CbGen.Cli.Doctor;

/// <summary>What the doctor reads from the machine: libstdc++'s symbol versions, the loader's cache, ELF headers, apt
/// sources, os-release and the NuGet cache. Every reader treats a missing or unreadable file as "not found".</summary>
internal static partial class NativeDoctor
{
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
