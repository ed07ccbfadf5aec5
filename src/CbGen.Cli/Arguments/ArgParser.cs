using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;

namespace CbGen.Cli.Arguments;

/// <summary>One option a command accepts: <c>--name</c>, the name of its value in the help (null for a switch), what
/// it does, and an optional short alias.</summary>
internal sealed record OptionSpec(string Name, string? ValueName, string Description, string? Alias = null)
{
    public bool TakesValue => ValueName is not null;
}

/// <summary>A command's options and positional arguments as System.CommandLine parsed them (it handles the syntax:
/// <c>--opt value</c>, <c>--opt=value</c>, <c>-o value</c>, switches, <c>--</c>, unknown options with typo
/// suggestions); the commands read them here by option name and check their values.</summary>
internal sealed class ParsedArgs
{
    private readonly Dictionary<string, string?> options = new(StringComparer.Ordinal);
    private readonly string command;

    private ParsedArgs(string command) => this.command = command;

    /// <summary>The positional PATH, or null when there is none.</summary>
    public string? Path { get; private set; }

    /// <summary>The command these arguments belong to (for usage errors).</summary>
    public string Command => command;

    public bool Has(string name) => options.ContainsKey(name);

    public string? Get(string name) => options.TryGetValue(name, out string? value) ? value : null;

    /// <summary>The options given on the command line (a switch with a null value) and the positional PATH.</summary>
    public static ParsedArgs From(string command, ParseResult result, IEnumerable<Option> options, Argument<string>? path)
    {
        var parsed = new ParsedArgs(command);
        foreach (Option option in options)
        {
            if (result.GetResult(option) is { Implicit: false })
            {
                parsed.options[option.Name] = option is Option<string> text ? result.GetValue(text) : null;
            }
        }

        parsed.Path = path is null ? null : result.GetValue(path);
        return parsed;
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
}
