using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using FashionMnistLongTail;
using LongTailData.CommandLine;

namespace GlyphsLongTail;

/// <summary>The benchmark's command line (<c>./build.sh run --glyphs [options]</c>).</summary>
public sealed record BenchmarkOptions
{
    /// <summary>unifont.hex; <c>null</c> for the Debian package's.</summary>
    public string? Unifont { get; init; }

    /// <summary>Unihan_IRGSources.txt.bz2; <c>null</c> for the Debian package's.</summary>
    public string? Unihan { get; init; }

    /// <summary>Epochs per run.</summary>
    public int Epochs { get; init; } = GlyphProtocol.Epochs;

    /// <summary>Seeds 0..N-1 per row.</summary>
    public int Seeds { get; init; } = GlyphProtocol.Seeds;

    /// <summary>Channels of the CNN's first convolution.</summary>
    public int Width { get; init; } = GlyphProtocol.Width;

    /// <summary>Only the first N classes (quick runs); <c>null</c> for all.</summary>
    public int? Classes { get; init; }

    /// <summary>The rows of the committed table (docs/results/glyphs): the losses, not the demo's later decoupled,
    /// weight-balancing and VS rows, which <c>--losses</c> adds (any key of the demo's <see cref="LossCatalog.All"/>).</summary>
    public static IReadOnlyList<LossKind> DefaultLosses { get; } =
    [
        LossKind.CrossEntropy, LossKind.CrossEntropyPostHoc, LossKind.CbSoftmax, LossKind.CbSigmoid, LossKind.CbFocalGamma1,
        LossKind.CbFocalGammaHalf, LossKind.LogitAdjusted, LossKind.LdamDrw,
    ];

    /// <summary>The rows (default: <see cref="DefaultLosses"/>).</summary>
    public IReadOnlyList<LossKind> Losses { get; init; } = DefaultLosses;

    /// <summary>Whether <c>--losses</c> was given (<c>--search</c> then trains those rows next to its pick; without it,
    /// only the pick, to be read against the table's rows, which have the same split, seeds and epochs).</summary>
    public bool LossesGiven { get; init; }

    /// <summary>Where results.json, results.md and the plot go (default <see cref="OutputDirectories.Glyphs"/>).</summary>
    public string OutputDirectory { get; init; } = OutputDirectories.Glyphs;

    /// <summary>Whether to draw the plot.</summary>
    public bool Plots { get; init; } = true;

    /// <summary>Whether to run the validated search instead of the table.</summary>
    public bool Search { get; init; }

    /// <summary>Epochs per grid point of the search.</summary>
    public int SearchEpochs { get; init; } = GlyphProtocol.SearchEpochs;

    /// <summary>Whether <c>--help</c> was asked for.</summary>
    public bool Help { get; init; }

    /// <summary>The arguments as typed, for the reports.</summary>
    public string CommandLine { get; init; } = string.Empty;

    /// <summary>The usage text.</summary>
    public static string Usage { get; } = string.Join(Environment.NewLine,
        "Glyphs → radicals: long-tail losses on 137 Kangxi radical classes (unifont 16×16 glyphs, Unihan kRSUnicode).",
        "",
        "Usage: ./build.sh run --glyphs [options]",
        "",
        "Options:",
        "  --epochs N          epochs per run (default " + Inv(GlyphProtocol.Epochs) + "; the lr drops scale with N)",
        "  --seeds N           seeds 0..N-1 per row (default " + Inv(GlyphProtocol.Seeds) + ")",
        "  --width N           channels of the CNN's first convolution (default " + Inv(GlyphProtocol.Width) + ")",
        "  --classes N         only the first N classes (quick runs; the losses then come from the runtime factory)",
        "  --losses a,b        rows, from: " + string.Join(", ", LossCatalog.All.Select(s => s.Key)) + " (default: " + string.Join(",", DefaultLosses.Select(k => LossCatalog.Get(k).Key)) + ")",
        "  --out DIR           output folder (default " + OutputDirectories.Glyphs + ")",
        "  --no-plots          skip the PNG plot",
        "  --search            choose β/loss/γ on the validation split (GlyphRadicalsSweep) and retrain the pick over",
        "                      the seeds (and the --losses rows, if given); writes search.md and search.json",
        "  --search-epochs N   epochs per grid point (default " + Inv(GlyphProtocol.SearchEpochs) + ")",
        "  --unifont FILE      unifont.hex (default: the Debian package unifont's)",
        "  --unihan FILE       Unihan_IRGSources.txt.bz2 (default: the Debian package unicode-data's)",
        "  -h, --help          show this help");

    /// <summary>Parses the arguments.</summary>
    /// <exception cref="UsageException">An option is unknown, lacks its value or has a bad value.</exception>
    public static BenchmarkOptions Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var o = new BenchmarkOptions { CommandLine = string.Join(' ', args) };
        for (int i = 0; i < args.Count; i++)
        {
            o = args[i] switch
            {
                "-h" or "--help" => o with { Help = true },
                "--epochs" => o with { Epochs = OptionReader.PositiveInt(args, ref i) },
                "--seeds" => o with { Seeds = OptionReader.PositiveInt(args, ref i) },
                "--width" => o with { Width = OptionReader.PositiveInt(args, ref i) },
                "--classes" => o with { Classes = OptionReader.PositiveInt(args, ref i) },
                "--losses" => o with { Losses = ParseLosses(OptionReader.Value(args, ref i)), LossesGiven = true },
                "--out" => o with { OutputDirectory = OptionReader.Value(args, ref i) },
                "--no-plots" => o with { Plots = false },
                "--search" => o with { Search = true },
                "--search-epochs" => o with { SearchEpochs = OptionReader.PositiveInt(args, ref i) },
                "--unifont" => o with { Unifont = OptionReader.Value(args, ref i) },
                "--unihan" => o with { Unihan = OptionReader.Value(args, ref i) },
                _ => throw new UsageException($"Unknown option '{args[i]}'. Run with --help for the list of options."),
            };
        }

        return o;
    }

    private static LossKind[] ParseLosses(string text)
    {
        var kinds = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(part => LossCatalog.All.FirstOrDefault(s => string.Equals(s.Key, part, StringComparison.OrdinalIgnoreCase))?.Kind
                ?? throw new UsageException($"Unknown loss '{part}' in --losses; expected some of: {string.Join(", ", LossCatalog.All.Select(s => s.Key))}."))
            .Distinct()
            .ToArray();
        return kinds.Length > 0 ? kinds : throw new UsageException("--losses needs at least one loss.");
    }

    private static string Inv(int value) => value.ToString(CultureInfo.InvariantCulture);
}
