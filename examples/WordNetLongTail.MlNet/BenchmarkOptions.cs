using System;
using System.Collections.Generic;
using CbGen.Evaluation;
using LongTailData.CommandLine;

namespace WordNetLongTail.MlNet;

/// <summary>The benchmark's settings; every default is the committed table's.</summary>
/// <param name="WordNetDirectory">The WordNet data files (Debian's <c>/usr/share/wordnet</c> by default).</param>
/// <param name="OutputDirectory">Where results.json and results.md go (<see cref="DefaultOutputDirectory"/>).</param>
/// <param name="Beta">β of CbGen.ML's class-balanced weights (fixed, not tuned).</param>
/// <param name="SdcaIterations">SDCA's maximum number of passes.</param>
/// <param name="LightGbmIterations">LightGBM's boosting rounds.</param>
/// <param name="LightGbmLeaves">LightGBM's leaves per tree.</param>
/// <param name="MinTokenCount">A word or bigram is a feature when it occurs in at least this many training glosses.</param>
/// <param name="Taus">The τ grid of the post-hoc adjustment; τ is chosen on the validation split.</param>
/// <param name="Seed">The MLContext seed.</param>
/// <param name="Trainers">sdca, lightgbm or both (the default).</param>
public sealed record BenchmarkOptions(
    string? WordNetDirectory = null,
    string OutputDirectory = BenchmarkOptions.DefaultOutputDirectory,
    double Beta = 0.9999,
    int SdcaIterations = 20,
    int LightGbmIterations = 40,
    int LightGbmLeaves = 8,
    int MinTokenCount = 20,
    IReadOnlyList<double>? Taus = null,
    int Seed = 1,
    IReadOnlyList<string>? Trainers = null)
{
    /// <summary>Whether <c>-h</c> or <c>--help</c> was asked for.</summary>
    public bool Help { get; init; }

    /// <summary>The τ grid (0.5 to 2 in steps of 0.25 by default).</summary>
    public IReadOnlyList<double> TauGrid => Taus ?? [0.5, 0.75, 1.0, 1.25, 1.5, 1.75, 2.0];

    /// <summary>The trainers to run: SDCA and LightGBM unless told otherwise.</summary>
    public IReadOnlyList<string> TrainerNames => Trainers ?? ["sdca", "lightgbm"];

    /// <summary>The shot groups: &gt; 1000 and &lt; 200 training glosses, the repository's scaled thresholds (as for
    /// Fashion-MNIST-LT): the literature's &lt; 20 would leave the few-shot group empty (the smallest class has 29).</summary>
    public static ShotThresholds Shots => new(1000, 200);

    /// <summary>The default of <see cref="OutputDirectory"/>: <see cref="OutputDirectories.WordNet"/>, under <c>out/</c> like
    /// the other demos'; the committed table is written with <c>--out docs/results/wordnet</c>.</summary>
    public const string DefaultOutputDirectory = OutputDirectories.WordNet;

    /// <summary>Parses <c>--dir D --out D --beta B --sdca-iterations N --lgbm-iterations N --lgbm-leaves N
    /// --min-count N --seed S --trainers sdca,lightgbm -h/--help</c>.</summary>
    /// <exception cref="UsageException">An unknown option, a missing or malformed value; the message says which.</exception>
    public static BenchmarkOptions Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var o = new BenchmarkOptions();
        for (int i = 0; i < args.Count; i++)
        {
            string name = args[i];
            o = name switch
            {
                "-h" or "--help" => o with { Help = true },
                "--dir" => o with { WordNetDirectory = OptionReader.Value(args, ref i) },
                "--out" => o with { OutputDirectory = OptionReader.Value(args, ref i) },
                "--beta" => o with { Beta = OptionReader.Beta(args, ref i) },
                "--sdca-iterations" => o with { SdcaIterations = OptionReader.PositiveInt(args, ref i) },
                "--lgbm-iterations" => o with { LightGbmIterations = OptionReader.PositiveInt(args, ref i) },
                "--lgbm-leaves" => o with { LightGbmLeaves = OptionReader.PositiveInt(args, ref i) },
                "--min-count" => o with { MinTokenCount = OptionReader.PositiveInt(args, ref i) },
                "--seed" => o with { Seed = OptionReader.PositiveInt(args, ref i) },
                "--trainers" => o with { Trainers = Trainer(OptionReader.Value(args, ref i)) },
                _ => throw new UsageException("Unknown option '" + name + "'."),
            };
        }

        return o;
    }

    /// <summary>The usage line.</summary>
    public const string Usage =
        "usage: ./build.sh run --wordnet [--dir DIR] [--out DIR (default " + DefaultOutputDirectory + ")] [--beta B] "
        + "[--sdca-iterations N] [--lgbm-iterations N] [--lgbm-leaves N] [--min-count N] [--seed S] [--trainers sdca,lightgbm]";

    private static string[] Trainer(string v)
    {
        string[] names = v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        foreach (string n in names)
        {
            if (n is not ("sdca" or "lightgbm"))
            {
                throw new UsageException("Unknown trainer '" + n + "'; use sdca, lightgbm or both (sdca,lightgbm).");
            }
        }

        return names.Length > 0 ? names : throw new UsageException("Name at least one trainer: sdca, lightgbm.");
    }
}
