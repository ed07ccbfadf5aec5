using System;
using System.Collections.Generic;
using System.Globalization;
using CbGen;

namespace LongTailData.CommandLine;

/// <summary>
/// Reads an option's value for the example programs' command lines (the Fashion-MNIST, glyph, debtags and WordNet
/// benchmarks, and <c>./build.sh data</c>), so that each value has one rule and one message. Every reader takes the arguments and the index of
/// the option's name, moves the index onto the value, and throws <see cref="UsageException"/> naming the option and
/// what it got.
/// </summary>
public static class OptionReader
{
    /// <summary>The value after <c>args[i]</c>; it may not be missing or be the next option (<c>--…</c>).</summary>
    /// <exception cref="UsageException">The value is missing.</exception>
    public static string Value(IReadOnlyList<string> args, ref int i)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (i + 1 >= args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal))
        {
            throw new UsageException($"{args[i]} needs a value.");
        }

        return args[++i];
    }

    /// <summary>A whole number ≥ 1 (digits only, e.g. not <c>+3</c> or <c>3.0</c>).</summary>
    /// <exception cref="UsageException">The value is missing or not such a number.</exception>
    public static int PositiveInt(IReadOnlyList<string> args, ref int i)
    {
        string name = args[i];
        string text = Value(args, ref i);
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int value) || value < 1)
        {
            throw new UsageException($"{name} needs a positive whole number; got '{text}'.");
        }

        return value;
    }

    /// <summary>A number strictly between 0 and 1, such as the share of a split held out.</summary>
    /// <param name="args">The arguments.</param>
    /// <param name="i">The index of the option's name; moved onto its value.</param>
    /// <param name="example">A typical value for the message (the option's default).</param>
    /// <exception cref="UsageException">The value is missing, not a number, or not in (0, 1).</exception>
    public static double Fraction(IReadOnlyList<string> args, ref int i, double example)
    {
        string name = args[i];
        string text = Value(args, ref i);
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) || !(value > 0 && value < 1))
        {
            throw new UsageException(string.Create(CultureInfo.InvariantCulture,
                $"{name} needs a number strictly between 0 and 1 (e.g. {example}); got '{text}'."));
        }

        return value;
    }

    /// <summary>A seed: a whole number ≥ 0 (digits only).</summary>
    /// <exception cref="UsageException">The value is missing or not such a number.</exception>
    public static ulong Seed(IReadOnlyList<string> args, ref int i)
    {
        string name = args[i];
        string text = Value(args, ref i);
        if (!ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out ulong value))
        {
            throw new UsageException($"{name} needs a whole number ≥ 0; got '{text}'.");
        }

        return value;
    }

    /// <summary>A β of the class-balanced weights, valid as CbGen's <see cref="EffectiveNumber"/> decides (in [0, 1]).</summary>
    /// <exception cref="UsageException">The value is missing, not a number, or a β the runtime refuses.</exception>
    public static double Beta(IReadOnlyList<string> args, ref int i)
    {
        string name = args[i];
        string text = Value(args, ref i);
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double beta))
        {
            throw new UsageException($"{name} needs a number (β, e.g. 0.999); got '{text}'.");
        }

        try
        {
            _ = EffectiveNumber.Of(1, beta);
        }
        catch (ArgumentOutOfRangeException e)
        {
            throw new UsageException($"{name} needs a β in [0, 1] (e.g. 0.999); got '{text}'.", e);
        }

        return beta;
    }
}
