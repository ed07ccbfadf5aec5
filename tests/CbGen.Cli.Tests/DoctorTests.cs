using System;
using System.IO;
using System.Runtime.InteropServices;
using System.Text;
using CbGen.Cli.Doctor;

namespace CbGen.Cli.Tests;

public sealed class DoctorTests : IDisposable
{
    private const string Bookworm = "PRETTY_NAME=\"Debian GNU/Linux 12 (bookworm)\"\nID=debian\nVERSION_ID=\"12\"\nVERSION_CODENAME=bookworm\n";
    private const string Trixie = "PRETTY_NAME=\"Debian GNU/Linux 13 (trixie)\"\nID=debian\nVERSION_ID=\"13\"\nVERSION_CODENAME=trixie\n";
    private const string Fedora = "PRETTY_NAME=\"Fedora Linux 39\"\nID=fedora\nVERSION_ID=39\n";
    private readonly TempDir temp = new();

    public void Dispose() => temp.Dispose();

    /// <summary>Fake library bytes: junk, then NUL-terminated symbol version strings up to GLIBCXX_3.4.<paramref name="newest"/>.</summary>
    private static byte[] FakeLibStdCxx(int newest, string extra = "")
    {
        var sb = new StringBuilder("\x7fNOTELF junk\0");
        for (int v = 0; v <= newest; v++)
        {
            sb.Append("GLIBCXX_3.4.").Append(v).Append('\0');
        }

        sb.Append(extra).Append("CXXABI_1.3.13\0");
        return Encoding.ASCII.GetBytes(sb.ToString());
    }

    /// <summary>A fake loader cache: a header, then the string table with full paths, as the real one has.</summary>
    private string FakeLdCache(params string[] paths)
    {
        var sb = new StringBuilder("glibc-ld.so.cache1.1\0\x01\x02\x03");
        foreach (string p in paths)
        {
            sb.Append(Path.GetFileName(p)).Append('\0').Append(p).Append('\0');
        }

        return temp.Bytes("etc/ld.so.cache", Encoding.ASCII.GetBytes(sb.ToString()));
    }

    private DoctorSettings Settings(string osRelease, string? ldCache = null, string? nuget = null, string? toolDir = null) => new()
    {
        Os = OsFamily.Linux,
        Architecture = Architecture.X64,
        OsReleasePath = temp.File("etc/os-release", osRelease),
        LdCachePath = ldCache ?? Path.Combine(temp.Path, "etc", "no-ld.so.cache"),
        LibraryDirectories = new[] { Path.Combine(temp.Path, "usr-lib") },
        AptSourcePaths = new[] { temp.File("etc/apt/sources.list.d/debian.sources", "Types: deb\nURIs: http://mirror.invalid/debian\nSuites: bookworm bookworm-updates\n") },
        ToolDirectory = toolDir ?? temp.Dir("tool"),
        NuGetPackagesDirectory = nuget ?? FakeNuGetCache(),
    };

    private string FakeNuGetCache()
    {
        string cache = temp.Dir("nuget");
        temp.File("nuget/torchsharp/0.107.0/runtimes/linux-x64/native/libLibTorchSharp.so", "x");
        temp.File("nuget/libtorch-cpu-linux-x64/2.10.0/runtimes/linux-x64/native/libtorch.so", "x");
        return cache;
    }

    [Fact]
    public void All_ok_exits_0()
    {
        string lib = temp.Bytes("lib/x86_64-linux-gnu/libstdc++.so.6", FakeLibStdCxx(33));
        CliResult r = Cli.Run(Settings(Trixie, FakeLdCache(lib)), "doctor");

        Assert.Equal(0, r.ExitCode);
        Assert.Contains("OK       os: Debian GNU/Linux 13 (trixie) (linux-x64)", r.Stdout);
        Assert.Contains("OK       libstdc++: " + lib + " provides GLIBCXX_3.4.32 (newest GLIBCXX_3.4.33)", r.Stdout);
        Assert.Contains("OK       TorchSharp native backend: libLibTorchSharp.so (torchsharp 0.107.0) and libtorch.so (libtorch-cpu-linux-x64 2.10.0)", r.Stdout);
        Assert.DoesNotContain("MISSING", r.Stdout);
    }

    [Fact]
    public void Old_libstdcxx_on_debian_12_prints_the_trixie_recipe_and_exits_1()
    {
        string lib = temp.Bytes("lib/x86_64-linux-gnu/libstdc++.so.6", FakeLibStdCxx(30));
        CliResult r = Cli.Run(Settings(Bookworm, FakeLdCache(lib)), "doctor");

        Assert.Equal(1, r.ExitCode);
        Assert.Contains("MISSING  libstdc++: " + lib + " has symbol versions up to GLIBCXX_3.4.30, but TorchSharp 0.107.0's libLibTorchSharp.so needs GLIBCXX_3.4.32", r.Stdout);
        Assert.Contains("Install libstdc++6 from Debian 13 (trixie)", r.Stdout);
        Assert.Contains("echo 'deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] http://mirror.invalid/debian trixie main' > /var/lib/cbgen/apt-trixie/sources.list", r.Stdout);
        Assert.Contains("-o Dir::Etc::SourceList=/var/lib/cbgen/apt-trixie/sources.list -o Dir::Etc::SourceParts=/dev/null -o Dir::State::Lists=/var/lib/cbgen/apt-trixie/lists -y --no-install-recommends install libstdc++6", r.Stdout);
        Assert.Contains("./build.sh setup", r.Stdout);
        Assert.Contains("OK       TorchSharp native backend", r.Stdout);
        Assert.Contains("1 problem(s) found", r.Stdout);
    }

    [Fact]
    public void Old_libstdcxx_elsewhere_asks_for_gcc_13()
    {
        string lib = temp.Bytes("usr-lib/libstdc++.so.6", FakeLibStdCxx(31));
        CliResult r = Cli.Run(Settings(Fedora), "doctor");
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("MISSING  libstdc++: " + lib + " has symbol versions up to GLIBCXX_3.4.31", r.Stdout);
        Assert.Contains("install a libstdc++6 built by GCC >= 13", r.Stdout);
        Assert.DoesNotContain("trixie main", r.Stdout);
    }

    [Fact]
    public void A_longer_version_sharing_the_prefix_is_not_mistaken_for_3_4_32()
    {
        string lib = temp.Bytes("usr-lib/libstdc++.so.6", FakeLibStdCxx(30, extra: "GLIBCXX_3.4.321\0GLIBCXX_3.4.32x\0"));
        NativeDoctor.GlibcxxScan scan = NativeDoctor.ScanGlibcxx(lib);
        Assert.False(scan.HasRequired);
        Assert.Equal(321, scan.NewestPatch);
    }

    [Fact]
    public void Libstdcxx_option_checks_that_file()
    {
        string good = temp.Bytes("custom/libstdc++.so.6", FakeLibStdCxx(32));
        string old = temp.Bytes("usr-lib/libstdc++.so.6", FakeLibStdCxx(29));
        CliResult r = Cli.Run(Settings(Trixie), "doctor", "--libstdcxx", good);
        Assert.Equal(0, r.ExitCode);
        Assert.Contains(good + " provides GLIBCXX_3.4.32", r.Stdout);
        Assert.DoesNotContain(old, r.Stdout);
    }

    [Fact]
    public void Ld_cache_wins_over_the_usual_folders_and_foreign_elf_files_are_skipped()
    {
        // A 32-bit ELF libstdc++ listed first in the cache, then the right one; an old one in the usual folder.
        var elf32 = new byte[64];
        elf32[0] = 0x7f; elf32[1] = (byte)'E'; elf32[2] = (byte)'L'; elf32[3] = (byte)'F'; elf32[4] = 1; elf32[18] = 3;
        string lib32 = temp.Bytes("usr/lib32/libstdc++.so.6", elf32);
        string lib64 = temp.Bytes("usr/lib/x86_64-linux-gnu/libstdc++.so.6", FakeLibStdCxx(34));
        temp.Bytes("usr-lib/libstdc++.so.6", FakeLibStdCxx(28));
        string cache = FakeLdCache(lib32, lib64);

        Assert.Equal(new[] { lib32, lib64 }, NativeDoctor.LdCacheEntries(cache, "libstdc++.so.6"));
        CliResult r = Cli.Run(Settings(Trixie, cache), "doctor");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains(lib64 + " provides GLIBCXX_3.4.32 (newest GLIBCXX_3.4.34)", r.Stdout);
    }

    [Fact]
    public void No_libstdcxx_anywhere_is_missing()
    {
        CliResult r = Cli.Run(Settings(Fedora), "doctor");
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("MISSING  libstdc++: libstdc++.so.6 not found (looked in", r.Stdout);
    }

    [Fact]
    public void Missing_backend_says_which_package_to_add()
    {
        temp.Bytes("usr-lib/libstdc++.so.6", FakeLibStdCxx(32));
        string emptyCache = temp.Dir("empty-nuget");
        temp.File("empty-nuget/torchsharp/0.107.0/runtimes/linux-x64/native/libLibTorchSharp.so", "x");
        CliResult r = Cli.Run(Settings(Trixie, nuget: emptyCache), "doctor");
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("MISSING  TorchSharp native backend: libtorch.so not found", r.Stdout);
        Assert.Contains("dotnet add package TorchSharp-cpu", r.Stdout);
        Assert.Contains("dotnet add package libtorch-cpu-linux-x64", r.Stdout);
    }

    [Fact]
    public void Natives_next_to_the_tool_are_found()
    {
        temp.Bytes("usr-lib/libstdc++.so.6", FakeLibStdCxx(32));
        string tool = temp.Dir("app");
        temp.File("app/runtimes/linux-x64/native/libLibTorchSharp.so", "x");
        temp.File("app/runtimes/linux-x64/native/libtorch.so", "x");
        CliResult r = Cli.Run(Settings(Trixie, nuget: temp.Dir("none"), toolDir: tool), "doctor");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("libLibTorchSharp.so and libtorch.so next to the tool", r.Stdout);
    }

    [Fact]
    public void Unsupported_architecture_is_missing()
    {
        temp.Bytes("usr-lib/libstdc++.so.6", FakeLibStdCxx(32));
        DoctorSettings s = Settings(Trixie) with { Architecture = Architecture.Arm64 };
        CliResult r = Cli.Run(s, "doctor");
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("MISSING  os: Debian GNU/Linux 13 (trixie) (linux-arm64) has no TorchSharp 0.107.0 CPU backend", r.Stdout);
    }

    [Fact]
    public void Doctor_rejects_arguments()
    {
        CliResult r = Cli.Run(Settings(Trixie), "doctor", "now");
        Assert.Equal(1, r.ExitCode);
    }

    [Fact]
    public void Mirror_is_read_from_one_line_sources_too()
    {
        string list = temp.File("apt/sources.list", "# comment\ndeb http://security.invalid/debian-security bookworm-security main\ndeb [arch=amd64] http://mirror2.invalid/debian bookworm main\n");
        Assert.Equal("http://mirror2.invalid/debian", NativeDoctor.DebianMirror(new[] { Path.Combine(temp.Path, "none"), list }));
    }
}
