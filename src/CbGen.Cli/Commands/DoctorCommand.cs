using System.Collections.Generic;
using System.IO;
using CbGen.Cli.Arguments;
using CbGen.Cli.Doctor;

namespace CbGen.Cli.Commands;

/// <summary><c>cbgen doctor</c>: checks the native prerequisites of TorchSharp.</summary>
internal static class DoctorCommand
{
    public const string Name = "doctor";

    /// <summary>The command's description in its help (System.CommandLine adds the usage and options).</summary>
    public const string Description =
        "Checks what TorchSharp 0.107.0 (and so CbGen.TorchSharp) needs natively and prints an OK or MISSING line\n"
        + "for each, with exactly how to fix what is missing.\n"
        + "\n"
        + "Checks:\n"
        + "  os                         a platform with a libtorch CPU backend (linux-x64, win-x64, osx-arm64)\n"
        + "  libstdc++                  on Linux, a libstdc++.so.6 with the symbol version GLIBCXX_3.4.32 (GCC >= 13),\n"
        + "                             found as the loader does: LD_LIBRARY_PATH, /etc/ld.so.cache, the usual folders\n"
        + "  TorchSharp native backend  libLibTorchSharp and libtorch next to the tool or in the NuGet cache\n"
        + "Exit code 0 when every check passes, 1 otherwise.\n";

    internal static readonly OptionSpec[] Specs =
    {
        new("--libstdcxx", "FILE", "check this libstdc++ instead of searching for one"),
        new("--nuget-packages", "DIR", "the NuGet global packages folder (default: $NUGET_PACKAGES or ~/.nuget/packages)"),
        new("--tool-dir", "DIR", "look for the natives in DIR (and DIR/runtimes/RID/native) instead of the tool's folder"),
    };

    public static int Run(ParsedArgs args, TextWriter stdout, DoctorSettings? settings = null)
    {

        settings ??= DoctorSettings.ForThisMachine();
        settings = settings with
        {
            LibStdCxxPath = args.Get("--libstdcxx") ?? settings.LibStdCxxPath,
            NuGetPackagesDirectory = args.Get("--nuget-packages") ?? settings.NuGetPackagesDirectory,
            ToolDirectory = args.Get("--tool-dir") ?? settings.ToolDirectory,
        };
        return NativeDoctor.Run(settings, stdout);
    }
}
