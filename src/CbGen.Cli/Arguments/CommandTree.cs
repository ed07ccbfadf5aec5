using System;
using System.Collections.Generic;
using System.CommandLine;
using System.CommandLine.Parsing;
using System.Linq;
using System.IO;

namespace CbGen.Cli.Arguments;

/// <summary>Builds one System.CommandLine command from a cbgen command's <see cref="OptionSpec"/>s: value options
/// are strings (the command checks and converts them, with its own messages), switches are booleans, and the
/// positional arguments (when the command takes any) are <c>PATH</c>.</summary>
internal sealed class CommandTree
{
    private readonly List<Option> options = new();
    private readonly Argument<string[]>? paths;

    public CommandTree(string name, string description, IReadOnlyList<OptionSpec> specs, string? pathDescription)
    {
        Command = new Command(name, description);
        foreach (OptionSpec spec in specs)
        {
            string[] aliases = spec.Alias is null ? Array.Empty<string>() : new[] { spec.Alias };
            Option option = spec.TakesValue
                ? new Option<string>(spec.Name, aliases) { Description = spec.Description, HelpName = spec.ValueName }
                : new Option<bool>(spec.Name, aliases) { Description = spec.Description };
            options.Add(option);
            Command.Options.Add(option);
        }

        if (pathDescription is not null)
        {
            paths = new Argument<string[]>("PATH") { Description = pathDescription, Arity = ArgumentArity.ZeroOrMore };
            Command.Arguments.Add(paths);
        }
    }

    public Command Command { get; }

    /// <summary>The arguments of a parse without errors, as the command reads them.</summary>
    /// <exception cref="UsageException">An unknown option was taken for a PATH.</exception>
    public ParsedArgs Read(ParseResult result)
    {
        RejectUnknownOptions(result);
        return ParsedArgs.From(Command.Name, result, options, paths);
    }

    /// <summary>An unknown option before <c>--</c> (<c>--bta</c>) would otherwise be taken as a PATH: PATH takes any
    /// number of tokens. A negative number (<c>-1</c>) is a value, and everything after <c>--</c> is a PATH.</summary>
    private void RejectUnknownOptions(ParseResult result)
    {
        if (paths is null || result.GetResult(paths) is not { } given)
        {
            return;
        }

        foreach (Token token in result.Tokens)
        {
            if (token.Type == TokenType.DoubleDash)
            {
                return;
            }

            string text = token.Value;
            bool looksLikeOption = text.Length > 1 && text[0] == '-' && !char.IsAsciiDigit(text[1]) && text[1] != '.';
            if (looksLikeOption && given.Tokens.Contains(token))
            {
                throw new UsageException(Command.Name, "unknown option '" + text + "'" + Suggest(text) + ".");
            }
        }
    }

    private string Suggest(string text)
    {
        string? best = null;
        int bestDistance = 4;
        foreach (Option option in options)
        {
            int d = Distance(text, option.Name);
            if (d < bestDistance)
            {
                bestDistance = d;
                best = option.Name;
            }
        }

        return best is null ? string.Empty : " (did you mean " + best + "?)";
    }

    private static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (int j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (int i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (int j = 1; j <= b.Length; j++)
            {
                int cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }

    /// <summary>Runs <paramref name="run"/> with the parsed arguments when the command is invoked; a
    /// <see cref="UsageException"/> or <see cref="InputException"/> becomes an error line and exit code 1.</summary>
    public void SetAction(TextWriter stderr, Func<ParsedArgs, int> run) =>
        Command.SetAction(result =>
        {
            try
            {
                return run(Read(result));
            }
            catch (UsageException e)
            {
                stderr.WriteLine("cbgen: error: " + e.Message);
                stderr.WriteLine("Run 'cbgen " + Command.Name + " --help' for usage.");
                return ExitCodes.Usage;
            }
            catch (InputException e)
            {
                stderr.WriteLine("cbgen: error: " + e.Message);
                return ExitCodes.Failure;
            }
        });
}
