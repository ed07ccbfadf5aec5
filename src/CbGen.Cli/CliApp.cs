using System;
using System.Collections.Generic;
using System.IO;
using System.Reflection;
using CbGen.Cli.Commands;
using CbGen.Cli.Doctor;

namespace CbGen.Cli;

/// <summary>The <c>cbgen</c> tool's entry point, callable in-process (tests pass their own writers).</summary>
internal static class CliApp
{
    /// <summary>The tool's help (<c>cbgen --help</c>).</summary>
    public const string Help =
        "cbgen: class-balanced loss (Cui et al., CVPR 2019) helpers for CbGen.\n"
        + "\n"
        + "Usage: cbgen COMMAND [options]\n"
        + "\n"
        + "Commands:\n"
        + "  count PATH                        samples per class of an image folder, a CSV/TSV label column, an IDX\n"
        + "                                    label file, a counts file, COCO-style JSON or a Parquet file\n"
        + "  weights --beta B (--counts …|PATH) effective numbers and class-balanced weights\n"
        + "  enum PATH --name NAME             a [ClassBalanced] label enum for the CbGen source generator\n"
        + "  doctor                            checks TorchSharp's native prerequisites (libstdc++, libtorch)\n"
        + "\n"
        + "Run 'cbgen COMMAND --help' for a command's options.\n"
        + "Exit codes: 0 success, 1 bad input (or a failed doctor check), 2 a wrong command line.\n";

    /// <summary>Runs <c>cbgen</c> with <paramref name="args"/>.</summary>
    /// <param name="args">The command line, without the program name.</param>
    /// <param name="stdout">Where results go.</param>
    /// <param name="stderr">Where errors and notes go.</param>
    /// <returns>The exit code: 0 success, 1 bad input or a failed doctor check, 2 a wrong command line
    /// (see <see cref="ExitCodes"/>).</returns>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        return Run(args, stdout, stderr, doctorSettings: null);
    }

    internal static int Run(string[] args, TextWriter stdout, TextWriter stderr, DoctorSettings? doctorSettings)
    {
        string command = args.Length > 0 ? args[0] : string.Empty;
        try
        {
            if (args.Length == 0 || command is "-h" or "--help" or "help")
            {
                if (args.Length > 1 && command == "help")
                {
                    return Run(new[] { args[1], "--help" }, stdout, stderr, doctorSettings);
                }

                (args.Length == 0 ? stderr : stdout).Write(Help);
                return args.Length == 0 ? ExitCodes.Usage : ExitCodes.Success;
            }

            if (command == "--version")
            {
                stdout.WriteLine("cbgen " + Version());
                return ExitCodes.Success;
            }

            var rest = new ArraySegment<string>(args, 1, args.Length - 1);
            return command switch
            {
                CountCommand.Name => CountCommand.Run(rest, stdout, stderr),
                WeightsCommand.Name => WeightsCommand.Run(rest, stdout, stderr),
                EnumCommand.Name => EnumCommand.Run(rest, stdout, stderr),
                DoctorCommand.Name => DoctorCommand.Run(rest, stdout, stderr, doctorSettings),
                _ => throw new UsageException(string.Empty, "unknown command '" + command + "'; the commands are count, weights, enum and doctor."),
            };
        }
        catch (UsageException e)
        {
            stderr.WriteLine("cbgen: error: " + e.Message);
            stderr.WriteLine(e.Command.Length == 0 ? "Run 'cbgen --help' for usage." : "Run 'cbgen " + e.Command + " --help' for usage.");
            return ExitCodes.Usage;
        }
        catch (InputException e)
        {
            stderr.WriteLine("cbgen: error: " + e.Message);
            return ExitCodes.Failure;
        }
    }

    private static string Version()
    {
        Assembly assembly = typeof(CliApp).Assembly;
        string? informational = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        return informational is null ? assembly.GetName().Version?.ToString() ?? "unknown" : informational.Split('+')[0];
    }
}
