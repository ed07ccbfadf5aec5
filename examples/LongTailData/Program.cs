using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using LongTailData;
using LongTailData.Debtags;
using LongTailData.Files;
using LongTailData.Glyphs;
using LongTailData.Splits;
using LongTailData.WordNet;

// Prints a data set's summary: `dotnet run --project examples/LongTailData -- glyphs|wordnet|debtags [options]`.
return Cli.Run(args, Console.Out, Console.Error);

/// <summary>The console entry: parses the arguments, builds the data set and prints its summary.</summary>
internal static class Cli
{
    internal const string Usage =
        "usage: LongTailData glyphs  [--unifont FILE] [--unihan FILE] [--labels FILE] [--min N] [--test K] [--validation F] [--seed S]\n"
        + "       LongTailData wordnet [--dir DIR] [--nouns] [--min N] [--test K] [--validation F] [--seed S]\n"
        + "       LongTailData debtags [--packages FILE] [--min K] [--test-fraction F] [--seed S]";

    private static readonly string[] Common = ["--min", "--test", "--validation", "--seed"];

    internal static int Run(string[] args, System.IO.TextWriter output, System.IO.TextWriter error)
    {
        try
        {
            if (args.Length == 0 || args[0] is not ("glyphs" or "wordnet" or "debtags"))
            {
                throw new ArgumentException("name the data set: glyphs, wordnet or debtags");
            }

            string[] known = args[0] switch
            {
                "glyphs" => ["--unifont", "--unihan", "--labels", .. Common],
                "wordnet" => ["--dir", "--nouns", .. Common],
                _ => ["--packages", "--min", "--test-fraction", "--seed"],
            };
            var named = new Dictionary<string, string>(StringComparer.Ordinal);
            bool nouns = false;
            for (int i = 1; i < args.Length; i++)
            {
                if (!known.Contains(args[i]))
                {
                    throw new ArgumentException(args[i].StartsWith("--", StringComparison.Ordinal)
                        ? "unknown option '" + args[i] + "' for " + args[0]
                        : "unexpected argument '" + args[i] + "'");
                }

                if (args[i] == "--nouns")
                {
                    nouns = true;
                }
                else if (i + 1 < args.Length)
                {
                    named[args[i]] = args[++i];
                }
                else
                {
                    throw new ArgumentException("the option '" + args[i] + "' needs a value");
                }
            }

            if (args[0] == "debtags")
            {
                var debtags = new DebtagsOptions(
                    Int(named, "--min", DebtagsOptions.Default.MinPackagesPerTag),
                    named.TryGetValue("--test-fraction", out string? tf) ? double.Parse(tf, CultureInfo.InvariantCulture) : DebtagsOptions.Default.TestFraction,
                    named.TryGetValue("--seed", out string? ds) ? ulong.Parse(ds, CultureInfo.InvariantCulture) : DebtagsOptions.Default.Seed);
                string list = named.GetValueOrDefault("--packages") ?? DebtagsDataset.FindList();
                output.Write(DebtagsSummary.Of(DebtagsDataset.Build(list, debtags)));
                return 0;
            }

            var options = new SplitOptions(
                Int(named, "--min", SplitOptions.Default.MinPerClass),
                Int(named, "--test", SplitOptions.Default.TestPerClass),
                named.TryGetValue("--validation", out string? f) ? double.Parse(f, CultureInfo.InvariantCulture) : SplitOptions.Default.ValidationFraction,
                named.TryGetValue("--seed", out string? s) ? ulong.Parse(s, CultureInfo.InvariantCulture) : SplitOptions.Default.Seed);
            DatasetSummary summary;
            if (args[0] == "glyphs")
            {
                var glyphs = GlyphDataset.Build(named.GetValueOrDefault("--unifont"), named.GetValueOrDefault("--unihan"), options);
                if (named.TryGetValue("--labels", out string? labels))
                {
                    // The training labels for `cbgen count --csv`, which writes the benchmark's counts file.
                    using var writer = new System.IO.StreamWriter(labels);
                    GlyphLabels.WriteTraining(glyphs, writer);
                }

                summary = DatasetSummary.Of(glyphs);
            }
            else
            {
                summary = DatasetSummary.Of(WordNetDataset.Build(named.GetValueOrDefault("--dir"), nouns ? ["noun"] : null, options));
            }

            output.Write(summary.ToString());
            return 0;
        }
        catch (DataFileException e)
        {
            error.WriteLine("error: " + e.Message);
            return 1;
        }
        catch (Exception e) when (e is ArgumentException or FormatException or OverflowException)
        {
            error.WriteLine("error: " + e.Message);
            error.WriteLine(Usage);
            return 2;
        }
    }

    private static int Int(Dictionary<string, string> named, string name, int fallback) =>
        named.TryGetValue(name, out string? v) ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;
}
