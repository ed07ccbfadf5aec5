using System;
using System.Collections.Generic;
using System.CommandLine;
using System.CommandLine.Parsing;
using System.IO;
using System.Linq;

namespace CbGen.Cli.Arguments;

/// <summary>Builds one System.CommandLine command from a cbgen command's <see cref="OptionSpec"/>s: value options
/// are strings (the command checks and converts them, with its own messages), switches are booleans, and the
/// positional argument (when the command takes one) is <c>PATH</c>, zero or one of it.</summary>
internal sealed class CommandTree
{
    private readonly List<Option> options = new();
    private readonly Argument<string>? path;

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
            path = new Argument<string>("PATH") { Description = pathDescription, Arity = ArgumentArity.ZeroOrOne };
            Command.Arguments.Add(path);
        }
    }

    public Command Command { get; }

    /// <summary>The arguments of a parse without errors, as the command reads them.</summary>
    /// <exception cref="UsageException">An unknown option was taken for the PATH.</exception>
    public ParsedArgs Read(ParseResult result)
    {
        if (PathUsageError(result) is { } error)
        {
            throw new UsageException(Command.Name, error);
        }

        return ParsedArgs.From(Command.Name, result, options, path);
    }

    /// <summary>The error of a command line whose PATH is wrong, in cbgen's words, or null: an unknown option before
    /// <c>--</c> (<c>--bta</c>), which System.CommandLine takes for the PATH or leaves unmatched, or a second PATH. A
    /// negative number (<c>-1</c>) is a value, and everything after <c>--</c> is a PATH.</summary>
    public string? PathUsageError(ParseResult result)
    {
        if (path is null)
        {
            return null;
        }

        var given = new List<string>();
        if (result.GetResult(path) is { } pathResult)
        {
            given.AddRange(pathResult.Tokens.Select(t => t.Value));
        }

        given.AddRange(result.UnmatchedTokens);
        foreach (Token token in result.Tokens)
        {
            if (token.Type == TokenType.DoubleDash)
            {
                break;
            }

            string text = token.Value;
            bool looksLikeOption = text.Length > 1 && text[0] == '-' && !char.IsAsciiDigit(text[1]) && text[1] != '.';
            if (looksLikeOption && given.Contains(text))
            {
                return "unknown option '" + text + "'" + Suggest(text) + ".";
            }
        }

        return given.Count > 1
            ? Command.Name + " takes one PATH but got " + Invariant.Format(given.Count) + ": " + string.Join(" ", given) + "."
            : null;
    }

    private string Suggest(string text)
    {
        IReadOnlyList<string> closest = Closest(text, options.Select(o => o.Name));
        return closest.Count == 0 ? string.Empty : " (did you mean " + string.Join(" or ", closest) + "?)";
    }

    /// <summary>The names closest to <paramref name="text"/> (edit distance at most 3, ties all kept, in order), or
    /// none.</summary>
    public static IReadOnlyList<string> Closest(string text, IEnumerable<string> names)
    {
        var best = new List<string>();
        int bestDistance = 4;
        foreach (string name in names)
        {
            int d = Distance(text, name);
            if (d < bestDistance)
            {
                bestDistance = d;
                best.Clear();
            }

            if (d == bestDistance)
            {
                best.Add(name);
            }
        }

        return best;
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
