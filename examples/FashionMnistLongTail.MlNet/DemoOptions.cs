using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using LongTailData.CommandLine;

namespace FashionMnistLongTail.MlNet;

/// <summary>The demo's command line.</summary>
public sealed record DemoOptions
{
    /// <summary>The usage text.</summary>
    public const string Usage =
        "Fashion-MNIST-LT with ML.NET: LightGBM and SDCA maximum entropy, unweighted vs class-balanced example weights.\n\n"
        + "  ./build.sh run --mlnet [options]\n\n"
        + "  --data DIR          folder with the four Fashion-MNIST .gz files (default /usr/share/datasets/fashion-mnist)\n"
        + "  --imbalance IF      imbalance factor of the training subset (default 100)\n"
        + "  --betas B,B,...     β values of the weighted runs (default 0.99,0.999,0.9999)\n"
        + "  --trainers T,...    lightgbm and/or sdca (default both)\n"
        + "  --seeds N           seeds per SDCA configuration (default 2; LightGBM is deterministic here: one run)\n"
        + "  --rounds N          LightGBM boosting rounds (default 100)\n"
        + "  --epochs N          SDCA passes over the data (default 20)\n"
        + "  --full              the long grid: 300 LightGBM rounds, 50 SDCA passes\n"
        + "  --help              this text";

    /// <summary>The data folder, or <c>null</c> for the Debian package's.</summary>
    public string? DataDirectory { get; init; }

    /// <summary>The imbalance factor.</summary>
    public double Imbalance { get; init; } = 100;

    /// <summary>β of the weighted runs.</summary>
    public IReadOnlyList<double> Betas { get; init; } = new[] { 0.99, 0.999, 0.9999 };

    /// <summary>The trainers to run.</summary>
    public IReadOnlyList<string> Trainers { get; init; } = new[] { "lightgbm", "sdca" };

    /// <summary>Seeds per SDCA configuration.</summary>
    public int Seeds { get; init; } = 2;

    /// <summary>LightGBM boosting rounds.</summary>
    public int Rounds { get; init; } = 100;

    /// <summary>SDCA passes.</summary>
    public int Epochs { get; init; } = 20;

    /// <summary>Print the usage and stop.</summary>
    public bool Help { get; init; }

    /// <summary>Parses the arguments.</summary>
    /// <exception cref="UsageException">An unknown option or a bad value; the message says which.</exception>
    public static DemoOptions Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var o = new DemoOptions();
        for (int i = 0; i < args.Count; i++)
        {
            string a = args[i];
            string Value() => OptionReader.Value(args, ref i);
            o = a switch
            {
                "--help" or "-h" => o with { Help = true },
                "--data" => o with { DataDirectory = Value() },
                "--imbalance" => o with { Imbalance = Number(a, Value(), 1, 10000) },
                "--betas" => o with { Betas = Value().Split(',').Select(b => Number(a, b, 0, 1)).ToArray() },
                "--trainers" => o with { Trainers = TrainerList(Value()) },
                "--seeds" => o with { Seeds = WholeNumber(args, ref i, 10) },
                "--rounds" => o with { Rounds = WholeNumber(args, ref i, 5000) },
                "--epochs" => o with { Epochs = WholeNumber(args, ref i, 1000) },
                "--full" => o with { Rounds = 300, Epochs = 50 },
                _ => throw new UsageException("Unknown option '" + a + "'; use --help for the list."),
            };
        }

        return o;
    }

    private static int WholeNumber(IReadOnlyList<string> args, ref int i, int max)
    {
        string option = args[i];
        int v = OptionReader.PositiveInt(args, ref i);
        return v <= max ? v : throw new UsageException(string.Format(CultureInfo.InvariantCulture,
            "{0} {1}: expected a whole number in [1, {2}].", option, v, max));
    }

    private static double Number(string option, string text, double min, double max)
    {
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) || !(v >= min && v <= max))
        {
            throw new UsageException(string.Format(CultureInfo.InvariantCulture,
                "{0} {1}: expected a number in [{2}, {3}].", option, text, min, max));
        }

        return v;
    }

    private static string[] TrainerList(string text)
    {
        string[] names = text.Split(',').Select(t => t.Trim().ToLowerInvariant()).ToArray();
        string? bad = names.FirstOrDefault(n => n is not ("lightgbm" or "sdca"));
        return bad is null ? names : throw new UsageException("--trainers " + text + ": '" + bad + "' is not lightgbm or sdca.");
    }
}
