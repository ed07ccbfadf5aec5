using System;
using System.Collections.Generic;
using System.Globalization;

namespace CbGen.Cli.Arguments;

/// <summary>One option a command accepts: <c>--name</c>, an optional short alias, and whether it takes a value.</summary>
internal sealed record OptionSpec(string Name, bool TakesValue, string? Alias = null);

/// <summary>A command line split into positionals and options (hand-written: the tool has no dependencies).</summary>
internal sealed class ParsedArgs
{
    private readonly Dictionary<string, string?> options = new(StringComparer.Ordinal);
    private readonly string command;

    private ParsedArgs(string command) => this.command = command;

    public List<string> Positionals { get; } = new();

    /// <summary>The command these arguments belong to (for usage errors).</summary>
    public string Command => command;

    /// <summary>Whether <c>--help</c> or <c>-h</c> appeared before a <c>--</c>.</summary>
    public bool HelpRequested { get; private set; }

    public bool Has(string name) => options.ContainsKey(name);

    public string? Get(string name) => options.TryGetValue(name, out string? value) ? value : null;

    /// <summary>Splits <paramref name="args"/> against <paramref name="specs"/>: <c>--opt value</c>,
    /// <c>--opt=value</c>, <c>-o value</c>, flags, and <c>--</c> to end the options.</summary>
    /// <exception cref="UsageException">An unknown option, a missing value, a value given to a flag, or an
    /// option given twice.</exception>
    public static ParsedArgs Parse(string command, IReadOnlyList<string> args, IReadOnlyList<OptionSpec> specs)
    {
        var result = new ParsedArgs(command);
        foreach (string arg in args)
        {
            if (arg == "--")
            {
                break;
            }

            if (arg is "-h" or "--help")
            {
                // Help wins over anything else on the line, even a wrong option.
                result.HelpRequested = true;
                return result;
            }
        }

        bool optionsEnded = false;
        for (int i = 0; i < args.Count; i++)
        {
            string arg = args[i];
            if (optionsEnded || arg.Length < 2 || arg[0] != '-' || IsNegativeNumber(arg))
            {
                result.Positionals.Add(arg);
                continue;
            }

            if (arg == "--")
            {
                optionsEnded = true;
                continue;
            }

            string name = arg;
            string? inlineValue = null;
            int eq = arg.IndexOf('=', StringComparison.Ordinal);
            if (arg.StartsWith("--", StringComparison.Ordinal) && eq > 2)
            {
                name = arg.Substring(0, eq);
                inlineValue = arg.Substring(eq + 1);
            }

            OptionSpec? spec = Find(specs, name);
            if (spec is null)
            {
                throw new UsageException(command, "unknown option '" + name + "'" + Suggest(name, specs) + ".");
            }

            if (result.options.ContainsKey(spec.Name))
            {
                throw new UsageException(command, "the option " + spec.Name + " is given twice.");
            }

            if (!spec.TakesValue)
            {
                if (inlineValue is not null)
                {
                    throw new UsageException(command, "the option " + spec.Name + " is a switch and takes no value; got '" + arg + "'.");
                }

                result.options[spec.Name] = null;
                continue;
            }

            if (inlineValue is null)
            {
                if (i + 1 >= args.Count)
                {
                    throw new UsageException(command, "the option " + spec.Name + " needs a value.");
                }

                inlineValue = args[++i];
            }

            result.options[spec.Name] = inlineValue;
        }

        return result;
    }

    /// <summary>The single positional argument, or null when there is none.</summary>
    /// <exception cref="UsageException">More than one positional argument.</exception>
    public string? SinglePositional(string what)
    {
        if (Positionals.Count > 1)
        {
            throw new UsageException(command, "expected one " + what + " but got " + Invariant.Format(Positionals.Count)
                + ": " + string.Join(" ", Positionals) + ".");
        }

        return Positionals.Count == 1 ? Positionals[0] : null;
    }

    /// <summary>A required option's value.</summary>
    public string Require(string name, string hint)
    {
        string? value = Get(name);
        if (value is null)
        {
            throw new UsageException(command, "the option " + name + " is required" + hint + ".");
        }

        return value;
    }

    /// <summary>Parses an option's value as a double (invariant culture), or returns null when absent.</summary>
    public double? GetDouble(string name)
    {
        string? text = Get(name);
        if (text is null)
        {
            return null;
        }

        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) || !double.IsFinite(value))
        {
            throw new UsageException(command, "the value of " + name + " must be a number like 0.999 (with a '.' decimal point); got '" + text + "'.");
        }

        return value;
    }

    /// <summary>Maps an option's value onto one of <paramref name="choices"/> (case-insensitive).</summary>
    public T GetChoice<T>(string name, T fallback, params (string Text, T Value)[] choices)
    {
        string? text = Get(name);
        if (text is null)
        {
            return fallback;
        }

        foreach ((string choiceText, T value) in choices)
        {
            if (string.Equals(choiceText, text, StringComparison.OrdinalIgnoreCase))
            {
                return value;
            }
        }

        var names = new List<string>();
        foreach ((string choiceText, _) in choices)
        {
            names.Add(choiceText);
        }

        throw new UsageException(command, "the value of " + name + " must be one of " + string.Join(", ", names) + "; got '" + text + "'.");
    }

    /// <summary>Rejects options that cannot be combined.</summary>
    public void Exclusive(params string[] names)
    {
        string? first = null;
        foreach (string name in names)
        {
            if (!Has(name))
            {
                continue;
            }

            if (first is not null)
            {
                throw new UsageException(command, "the options " + first + " and " + name + " cannot be combined.");
            }

            first = name;
        }
    }

    private static bool IsNegativeNumber(string arg) =>
        arg.Length > 1 && arg[0] == '-' && (char.IsAsciiDigit(arg[1]) || arg[1] == '.');

    private static OptionSpec? Find(IReadOnlyList<OptionSpec> specs, string name)
    {
        foreach (OptionSpec spec in specs)
        {
            if (spec.Name == name || spec.Alias == name)
            {
                return spec;
            }
        }

        return null;
    }

    private static string Suggest(string name, IReadOnlyList<OptionSpec> specs)
    {
        string? best = null;
        int bestDistance = int.MaxValue;
        foreach (OptionSpec spec in specs)
        {
            int d = Distance(name, spec.Name);
            if (d < bestDistance)
            {
                bestDistance = d;
                best = spec.Name;
            }
        }

        return best is not null && bestDistance <= 3 ? " (did you mean " + best + "?)" : string.Empty;
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
}
