using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using LongTailData.CommandLine;
using LongTailData.Debtags;

namespace DebtagsLongTail;

/// <summary>The benchmark's command line (<c>./build.sh run --debtags [options]</c>), checked before any data is read.</summary>
public sealed record BenchmarkOptions
{
    /// <summary>The Packages list; <c>null</c> for apt's (<see cref="DebtagsDataset.FindList"/>).</summary>
    public string? Packages { get; init; }

    /// <summary>Where results.json and results.md go (default <see cref="OutputDirectories.Debtags"/>).</summary>
    public string OutputDirectory { get; init; } = OutputDirectories.Debtags;

    /// <summary>The rows, in table order (default: every row).</summary>
    public IReadOnlyList<LossRow> Rows { get; init; } = LossRows.All;

    /// <summary>Seeds 1..N per row.</summary>
    public int Seeds { get; init; } = 3;

    /// <summary>The model and training settings (<c>--epochs</c> sets <see cref="TrainSettings.Epochs"/>).</summary>
    public TrainSettings Settings { get; init; } = new();

    /// <summary>Whether <c>--help</c> was asked for.</summary>
    public bool Help { get; init; }

    /// <summary>The usage text.</summary>
    public static string Usage { get; } = string.Join(Environment.NewLine,
        "Packages → debtags: multi-label long-tail losses on a hashed bag-of-words linear model (docs/multilabel.md).",
        "",
        "Usage: ./build.sh run --debtags [options]",
        "",
        "Options:",
        "  --packages FILE     a plain Debian Packages list (default: apt's main list in " + DebtagsDataset.AptListsDirectory + ")",
        "  --seeds N           seeds 1..N per row (default 3)",
        "  --epochs N          epochs per run (default " + new TrainSettings().Epochs.ToString(CultureInfo.InvariantCulture) + ")",
        "  --rows a,b          rows, from: " + string.Join(", ", LossRows.All.Select(r => r.Name)) + " (default: all)",
        "  --out DIR           write results.json and results.md into DIR after each row (default " + OutputDirectories.Debtags + ")",
        "  -h, --help          show this help");

    /// <summary>Parses the arguments.</summary>
    /// <exception cref="UsageException">An option is unknown, lacks its value or has a bad value; the message says which.</exception>
    public static BenchmarkOptions Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var o = new BenchmarkOptions();
        for (int i = 0; i < args.Count; i++)
        {
            o = args[i] switch
            {
                "-h" or "--help" => o with { Help = true },
                "--packages" => o with { Packages = OptionReader.Value(args, ref i) },
                "--seeds" => o with { Seeds = OptionReader.PositiveInt(args, ref i) },
                "--epochs" => o with { Settings = o.Settings with { Epochs = OptionReader.PositiveInt(args, ref i) } },
                "--rows" => o with { Rows = ParseRows(OptionReader.Value(args, ref i)) },
                "--out" => o with { OutputDirectory = OptionReader.Value(args, ref i) },
                _ => throw new UsageException($"Unknown option '{args[i]}'. Run with --help for the list of options."),
            };
        }

        return o;
    }

    private static IReadOnlyList<LossRow> ParseRows(string text)
    {
        string[] names = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (names.Length == 0)
        {
            throw new UsageException("--rows needs at least one row; the rows are " + string.Join(", ", LossRows.All.Select(r => r.Name)) + ".");
        }

        try
        {
            return LossRows.Named(names);
        }
        catch (ArgumentException e)
        {
            throw new UsageException(e.Message, e);
        }
    }
}
