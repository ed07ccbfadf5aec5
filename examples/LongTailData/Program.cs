using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using LongTailData;
using LongTailData.CommandLine;
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
                throw new UsageException("name the data set: glyphs, wordnet or debtags");
            }

            string[] known = args[0] switch
            {
                "glyphs" => ["--unifont", "--unihan", "--labels", .. Common],
                "wordnet" => ["--dir", "--nouns", .. Common],
                _ => ["--packages", "--min", "--test-fraction", "--seed"],
            };

            // Every value is checked here, before any file is read: a bad one is a usage error naming its option.
            var files = new Dictionary<string, string>(StringComparer.Ordinal);
            bool nouns = false;
            int? min = null;
            ulong? seed = null;
            SplitOptions options = SplitOptions.Default;
            DebtagsOptions debtags = DebtagsOptions.Default;
            for (int i = 1; i < args.Length; i++)
            {
                if (!known.Contains(args[i]))
                {
                    throw new UsageException(args[i].StartsWith("--", StringComparison.Ordinal)
                        ? "unknown option '" + args[i] + "' for " + args[0]
                        : "unexpected argument '" + args[i] + "'");
                }

                switch (args[i])
                {
                    case "--nouns":
                        nouns = true;
                        break;
                    case "--min":
                        min = OptionReader.PositiveInt(args, ref i);
                        break;
                    case "--seed":
                        seed = OptionReader.Seed(args, ref i);
                        break;
                    case "--test":
                        options = options with { TestPerClass = OptionReader.PositiveInt(args, ref i) };
                        break;
                    case "--validation":
                        options = options with { ValidationFraction = OptionReader.Fraction(args, ref i, SplitOptions.Default.ValidationFraction) };
                        break;
                    case "--test-fraction":
                        debtags = debtags with { TestFraction = OptionReader.Fraction(args, ref i, DebtagsOptions.Default.TestFraction) };
                        break;
                    default:
                        files[args[i]] = OptionReader.Value(args, ref i);
                        break;
                }
            }

            if (args[0] == "debtags")
            {
                debtags = debtags with { MinPackagesPerTag = min ?? debtags.MinPackagesPerTag, Seed = seed ?? debtags.Seed };
                string list = files.GetValueOrDefault("--packages") ?? DebtagsDataset.FindList();
                output.Write(DebtagsSummary.Of(DebtagsDataset.Build(list, debtags)));
                return 0;
            }

            options = options with { MinPerClass = min ?? options.MinPerClass, Seed = seed ?? options.Seed };
            int least = SplitOptions.LeastMinPerClass(options.TestPerClass);
            if (options.MinPerClass < least)
            {
                throw new UsageException(string.Create(CultureInfo.InvariantCulture,
                    $"--min needs to be at least --test + 2 = {least} (a kept class needs its test samples plus 1 validation and 1 "
                    + $"training sample); got '{options.MinPerClass}'. Raise --min or lower --test."));
            }

            DatasetSummary summary;
            if (args[0] == "glyphs")
            {
                var glyphs = GlyphDataset.Build(files.GetValueOrDefault("--unifont"), files.GetValueOrDefault("--unihan"), options);
                if (files.TryGetValue("--labels", out string? labels))
                {
                    // The training labels for `cbgen count --csv`, which writes the benchmark's counts file.
                    using var writer = new System.IO.StreamWriter(labels);
                    GlyphLabels.WriteTraining(glyphs, writer);
                }

                summary = DatasetSummary.Of(glyphs);
            }
            else
            {
                summary = DatasetSummary.Of(WordNetDataset.Build(files.GetValueOrDefault("--dir"), nouns ? ["noun"] : null, options));
            }

            output.Write(summary.ToString());
            return 0;
        }
        catch (DataFileException e)
        {
            error.WriteLine("error: " + e.Message);
            return 1;
        }
        catch (Exception e) when (e is UsageException or ArgumentException)
        {
            // ArgumentException: the data set's own check of the options against the data (no class reaches --min).
            error.WriteLine("error: " + e.Message);
            error.WriteLine(Usage);
            return 2;
        }
    }
}
