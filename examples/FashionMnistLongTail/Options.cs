using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using LongTailData.CommandLine;

namespace FashionMnistLongTail;

/// <summary>The demo's command line. The training protocol itself is fixed (see <see cref="Protocol"/>).</summary>
public sealed record Options
{
    /// <summary>The imbalance factors the demo accepts.</summary>
    public static IReadOnlyList<int> SupportedImbalances { get; } = [10, 50, 100];

    /// <summary>A folder holding the four Fashion-MNIST <c>.gz</c> files; <c>null</c> for the Debian package's folder.</summary>
    public string? DataDirectory { get; init; }

    /// <summary>The imbalance factors to train at (default: 100).</summary>
    public IReadOnlyList<int> Imbalances { get; init; } = [100];

    /// <summary>Training epochs per run (default 30).</summary>
    public int Epochs { get; init; } = Protocol.Epochs;

    /// <summary>How many seeds (0, 1, …) per loss (default 2).</summary>
    public int Seeds { get; init; } = 2;

    /// <summary>Where results.json, results.md and the plots go (default <see cref="OutputDirectories.Root"/>).</summary>
    public string OutputDirectory { get; init; } = OutputDirectories.Root;

    /// <summary>Caps the training images per class (smoke tests); <c>null</c> keeps the protocol's counts.</summary>
    public int? SubsetCap { get; init; }

    /// <summary>The runs, in order (default: all of <see cref="LossCatalog.All"/>).</summary>
    public IReadOnlyList<LossKind> Losses { get; init; } = LossCatalog.All.Select(s => s.Kind).ToArray();

    /// <summary>Whether to draw the PNG plots (default true).</summary>
    public bool Plots { get; init; } = true;

    /// <summary>Whether to run the validated hyper-parameter search (<c>--search</c>) instead of the fixed runs.</summary>
    public bool Search { get; init; }

    /// <summary>Epochs per grid point in the search (default 15: half the protocol's budget).</summary>
    public int SearchEpochs { get; init; } = 15;

    /// <summary>With <c>--search</c>: the weight decays of the grid's weight-decay axis (<c>--weight-decays</c>), one grid
    /// point per (sweep point, weight decay); <c>null</c> keeps every point at the protocol's weight decay.</summary>
    public IReadOnlyList<double>? WeightDecays { get; init; }

    /// <summary>Whether the search also runs successive halving over the same grid, to measure what it saves.</summary>
    public bool Halving { get; init; }

    /// <summary>Whether <c>--help</c> was asked for.</summary>
    public bool Help { get; init; }

    /// <summary>The command line as typed, for the reports.</summary>
    public string CommandLine { get; init; } = string.Empty;

    /// <summary>The usage text.</summary>
    public static string Usage { get; } = string.Join(Environment.NewLine,
        "Fashion-MNIST-LT: class-balanced losses (Cui et al., CVPR 2019) on a long-tailed Fashion-MNIST.",
        "",
        "Usage: ./build.sh run [options]      (or: dotnet run --project examples/FashionMnistLongTail -c Release -- [options])",
        "",
        "Options:",
        "  --data DIR          folder with the four Fashion-MNIST IDX .gz files",
        "                      (default: " + Data.FashionMnistFiles.DebianDirectory + ", Debian package dataset-fashion-mnist)",
        "  --imbalance IF      imbalance factor n_max/n_min: 10, 50 or 100 (default 100)",
        "  --all               run all three imbalance factors (10, 50, 100)",
        "  --epochs N          epochs per run (default 30; the lr drops scale with N)",
        "  --seeds N           seeds 0..N-1 per loss (default 2)",
        "  --losses a,b        runs to do, from: " + string.Join(", ", LossCatalog.All.Select(s => s.Key)) + " (default: all;",
        "                      ce-posthoc evaluates the ce model with adjusted logits: no training of its own)",
        "  --subset N          cap the training images per class at N (smoke tests)",
        "  --out DIR           output folder for results.json, results.md and the plots (default " + OutputDirectories.Root + "/)",
        "  --no-plots          skip the PNG plots",
        "  --search            choose β/loss/γ on a stratified validation split of the training subset (the",
        "                      paper's 20-point grid), retrain the winner, compare it with the paper's defaults",
        "  --search-epochs N   epochs per grid point in --search (default 15)",
        "  --halving           with --search: also run successive halving (3 rungs) and report what it saves",
        "  --weight-decays a,b with --search: weight decay as an axis of the grid (weight balancing's first stage),",
        "                      one point per (grid point, weight decay), e.g. 5e-4,5e-3 (default: the protocol's 5e-4 only)",
        "  -h, --help          show this help",
        "",
        "Default: 13 rows (9 trainings: ce-posthoc, ce-crt, ce-taunorm and ce-lws reuse ce's model) x 2 seeds at IF 100, 30 epochs,",
        "MLP 784-512-256-10 (cosine last layer for LDAM), SGD momentum 0.9, batch 128.");

    /// <summary>Parses the command line.</summary>
    /// <exception cref="UsageException">An option is unknown, lacks its value or has a bad value; the message says which.</exception>
    public static Options Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var options = new Options { CommandLine = string.Join(' ', args) };
        bool all = false;
        int? imbalance = null;
        for (int i = 0; i < args.Count; i++)
        {
            string arg = args[i];
            switch (arg)
            {
                case "-h":
                case "--help":
                    options = options with { Help = true };
                    break;
                case "--data":
                    options = options with { DataDirectory = OptionReader.Value(args, ref i) };
                    break;
                case "--out":
                    options = options with { OutputDirectory = OptionReader.Value(args, ref i) };
                    break;
                case "--all":
                    all = true;
                    break;
                case "--no-plots":
                    options = options with { Plots = false };
                    break;
                case "--imbalance":
                    imbalance = OptionReader.PositiveInt(args, ref i);
                    if (!SupportedImbalances.Contains(imbalance.Value))
                    {
                        throw new UsageException(
                            $"--imbalance must be 10, 50 or 100; got {imbalance.Value}.");
                    }

                    break;
                case "--epochs":
                    options = options with { Epochs = OptionReader.PositiveInt(args, ref i) };
                    break;
                case "--seeds":
                    options = options with { Seeds = OptionReader.PositiveInt(args, ref i) };
                    break;
                case "--subset":
                    options = options with { SubsetCap = OptionReader.PositiveInt(args, ref i) };
                    break;
                case "--search":
                    options = options with { Search = true };
                    break;
                case "--halving":
                    options = options with { Halving = true };
                    break;
                case "--search-epochs":
                    options = options with { SearchEpochs = OptionReader.PositiveInt(args, ref i) };
                    break;
                case "--weight-decays":
                    options = options with { WeightDecays = ParseWeightDecays(OptionReader.Value(args, ref i)) };
                    break;
                case "--losses":
                    options = options with { Losses = ParseLosses(OptionReader.Value(args, ref i)) };
                    break;
                default:
                    throw new UsageException(
                        $"Unknown option '{arg}'. Run with --help for the list of options.");
            }
        }

        if (all && imbalance is not null)
        {
            throw new UsageException("Pass either --all or --imbalance, not both.");
        }

        if (options.Search && all)
        {
            throw new UsageException("--search runs at one imbalance factor; pass --imbalance IF (or nothing for 100), not --all.");
        }

        if (options.Halving && !options.Search)
        {
            throw new UsageException("--halving goes with --search.");
        }

        if (options.WeightDecays is not null && !options.Search)
        {
            throw new UsageException("--weight-decays goes with --search (the fixed runs use the protocol's weight decay).");
        }

        if (all)
        {
            options = options with { Imbalances = SupportedImbalances };
        }
        else if (imbalance is int f)
        {
            options = options with { Imbalances = [f] };
        }

        return options;
    }

    private static double[] ParseWeightDecays(string text)
    {
        var result = new List<double>();
        foreach (string part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!double.TryParse(part, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) || !double.IsFinite(value) || value < 0)
            {
                throw new UsageException(
                    $"--weight-decays needs finite numbers ≥ 0 separated by commas (e.g. 5e-4,5e-3); got '{part}'.");
            }

            if (result.Contains(value))
            {
                throw new UsageException($"--weight-decays lists {part} twice; give each weight decay once.");
            }

            result.Add(value);
        }

        if (result.Count == 0)
        {
            throw new UsageException("--weight-decays needs at least one weight decay, e.g. 5e-4,5e-3.");
        }

        return result.ToArray();
    }

    private static LossKind[] ParseLosses(string text)
    {
        var result = new List<LossKind>();
        foreach (string part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var spec = LossCatalog.All.FirstOrDefault(s => string.Equals(s.Key, part, StringComparison.OrdinalIgnoreCase))
                ?? throw new UsageException(
                    $"Unknown loss '{part}' in --losses; expected some of: {string.Join(", ", LossCatalog.All.Select(s => s.Key))}.");
            if (!result.Contains(spec.Kind))
            {
                result.Add(spec.Kind);
            }
        }

        if (result.Count == 0)
        {
            throw new UsageException("--losses needs at least one loss.");
        }

        return result.ToArray();
    }
}
