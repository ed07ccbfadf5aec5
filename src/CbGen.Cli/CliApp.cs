using System;
using System.Collections.Generic;
using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using System.IO;
using System.Linq;
using CbGen.Cli.Arguments;
using CbGen.Cli.Commands;
using CbGen.Cli.Doctor;

namespace CbGen.Cli;

/// <summary>The <c>cbgen</c> tool's entry point, callable in-process (tests pass their own writers).</summary>
internal static class CliApp
{
    /// <summary>The tool's description, the start of <c>cbgen --help</c> (System.CommandLine adds the usage, the
    /// commands and the options).</summary>
    public const string Description =
        "cbgen: class-balanced loss (Cui et al., CVPR 2019) helpers for CbGen.\n"
        + "Exit codes: 0 success; 1 an error (a wrong command line, bad input, or a failed doctor check).";

    /// <summary>Runs <c>cbgen</c> with <paramref name="args"/>.</summary>
    /// <param name="args">The command line, without the program name.</param>
    /// <param name="stdout">Where results go.</param>
    /// <param name="stderr">Where errors and notes go.</param>
    /// <returns>The exit code: 0 success, 1 an error (see <see cref="ExitCodes"/>).</returns>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        return Run(args, stdout, stderr, doctorSettings: null);
    }

    internal static int Run(string[] args, TextWriter stdout, TextWriter stderr, DoctorSettings? doctorSettings)
    {
        // 'cbgen help COMMAND' is 'cbgen COMMAND --help' (an alias kept from the hand-written parser).
        if (args.Length >= 1 && args[0] == "help")
        {
            args = args.Length == 1 ? new[] { "--help" } : new[] { args[1], "--help" };
        }

        var trees = new Dictionary<string, CommandTree>(StringComparer.Ordinal);
        Command root = Build(stdout, stderr, doctorSettings, trees);
        ParseResult result = root.Parse(args);
        if (result.Action is ParseErrorAction && UsageError(result, root, trees) is { } error)
        {
            stderr.WriteLine("cbgen: error: " + error);
            return ExitCodes.Usage;
        }

        return result.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr });
    }

    /// <summary>cbgen's one-line message for a parse error System.CommandLine would report in eleven lines (its errors,
    /// a typo list and the whole help), or null for its own report: an unknown command or option at the root (with the
    /// closest commands), and an unknown option or a second PATH after a command.</summary>
    private static string? UsageError(ParseResult result, Command root, IReadOnlyDictionary<string, CommandTree> trees)
    {
        Command command = result.CommandResult.Command;
        if (command != root)
        {
            return trees.TryGetValue(command.Name, out CommandTree? tree) && tree.PathUsageError(result) is { } error
                ? error + "\nRun 'cbgen " + command.Name + " --help' for usage."
                : null;
        }

        if (result.UnmatchedTokens.Count == 0)
        {
            return null;
        }

        string typed = result.UnmatchedTokens[0];
        if (typed.StartsWith('-'))
        {
            return "unknown option '" + typed + "'. Run 'cbgen --help' for usage.";
        }

        IReadOnlyList<string> closest = CommandTree.Closest(typed, root.Subcommands.Select(c => c.Name));
        string guess = closest.Count == 0 ? string.Empty : " (did you mean " + string.Join(" or ", closest.Select(c => "'" + c + "'")) + "?)";
        return "unknown command '" + typed + "'" + guess + ". Run 'cbgen --help' for usage.";
    }

    /// <summary>The command tree: the four commands, each with its options, and -h/--help (with each command's extra
    /// sections) and --version. The root is named cbgen (a RootCommand takes the process's name).</summary>
    internal static Command Build(TextWriter stdout, TextWriter stderr, DoctorSettings? doctorSettings, IDictionary<string, CommandTree> trees)
    {
        const string PathHelp = "the input: an image folder, a CSV/TSV label column, an IDX label file, a counts file, COCO-style JSON or a Parquet file";
        var sections = new Dictionary<string, string>(StringComparer.Ordinal);
        CommandTree Tree(string name, string description, OptionSpec[] specs, string? pathHelp)
        {
            // The first paragraph describes the command (and lists it in the tool's help); the rest follows its options.
            int end = description.IndexOf("\n\n", StringComparison.Ordinal);
            if (end >= 0)
            {
                sections[name] = description.Substring(end + 1);
            }

            var tree = new CommandTree(name, end >= 0 ? description.Substring(0, end) : description.TrimEnd(), specs, pathHelp);
            trees[name] = tree;
            return tree;
        }

        var count = Tree(CountCommand.Name, CountCommand.Description, CountCommand.Specs, PathHelp);
        count.SetAction(stderr, args => CountCommand.Run(args, stdout, stderr));
        var weights = Tree(WeightsCommand.Name, WeightsCommand.Description, WeightsCommand.Specs, PathHelp);
        weights.SetAction(stderr, args => WeightsCommand.Run(args, stdout, stderr));
        var enumCommand = Tree(EnumCommand.Name, EnumCommand.Description, EnumCommand.Specs, PathHelp);
        enumCommand.SetAction(stderr, args => EnumCommand.Run(args, stdout, stderr));
        var doctor = Tree(DoctorCommand.Name, DoctorCommand.Description, DoctorCommand.Specs, pathHelp: null);
        doctor.SetAction(stderr, args => DoctorCommand.Run(args, stdout, doctorSettings));

        var help = new HelpOption { Recursive = true };
        help.Action = new SectionsHelpAction((HelpAction)help.Action!, sections, stdout);
        var root = new Command("cbgen", Description) { help, new VersionOption() };
        root.Subcommands.Add(count.Command);
        root.Subcommands.Add(weights.Command);
        root.Subcommands.Add(enumCommand.Command);
        root.Subcommands.Add(doctor.Command);
        return root;
    }
}
