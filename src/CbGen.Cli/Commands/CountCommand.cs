using System.Collections.Generic;
using System.Globalization;
using System.IO;
using CbGen.Cli.Arguments;
using CbGen.Cli.Input;
using CbGen.Cli.Output;

namespace CbGen.Cli.Commands;

/// <summary><c>cbgen count PATH</c>: the samples per class.</summary>
internal static class CountCommand
{
    public const string Name = "count";

    /// <summary>The command's description in its help (System.CommandLine adds the usage, arguments and options).</summary>
    public const string Description =
        "Counts the samples of every class of PATH: an image folder, a CSV/TSV label column, an IDX label file,\n"
        + "a counts file, COCO-style JSON or a Parquet file.\n"
        + "\n"
        + CommandSupport.SourceHelp
        + "\n"
        + "Output: a table of index, class, count and share, or --json, or --csv.\n"
        + "\n"
        + "Examples:\n"
        + "  cbgen count data/train\n"
        + "  cbgen count train.csv --column label --csv -o counts.csv\n"
        + "  cbgen count train-labels-idx1-ubyte.gz --json\n"
        + "  cbgen count train2018.json --csv -o inat2018.counts.csv      (iNaturalist: COCO-style JSON)\n"
        + "  cbgen count train.parquet --column label\n";

    internal static readonly OptionSpec[] Specs = CommandSupport.Specs(
        CommandSupport.SourceOptions,
        new[]
        {
            new OptionSpec("--json", null, "JSON: source, kind, classCount, totalSamples (the counts' sum), samples (N, multi-label only) and classes [{index, name, count}]"),
            new OptionSpec("--csv", null, "a counts file ('name,count' rows) for 'cbgen weights' and 'cbgen enum'"),
            CommandSupport.Output,
        });

    public static int Run(ParsedArgs args, TextWriter stdout, TextWriter stderr)
    {

        args.Exclusive("--json", "--csv");
        CountTable table = CommandSupport.ReadCounts(Name, args, allowInline: false);
        CommandSupport.WriteNotes(table, stderr);
        if (args.Has("--csv"))
        {
            GeneratorRules.RequireOneLineNames(table);
            GeneratorRules.WarnIfMembersClash(table, stderr);
        }

        CommandSupport.WriteOutput(args, stdout, stderr, output =>
        {
            if (args.Has("--json"))
            {
                WriteJson(output, table);
            }
            else if (args.Has("--csv"))
            {
                CsvText.WriteCounts(output, table.Classes, table.Samples);
            }
            else
            {
                WriteTable(output, table);
            }
        });
        return ExitCodes.Success;
    }

    private static void WriteTable(TextWriter output, CountTable table)
    {
        // Multi-label: a class's share is of the samples N (the shares then need not sum to 100%).
        long total = table.Samples ?? table.Total;
        output.WriteLine(table.Source + ": " + table.Description + ", " + Invariant.Plural(table.Classes.Count, "class", "classes") + ", "
            + table.SizeText);
        var t = new TextTable(("index", true), ("class", false), ("count", true), ("share", true));
        for (int i = 0; i < table.Classes.Count; i++)
        {
            ClassCount c = table.Classes[i];
            string share = total == 0 ? "-" : (100.0 * c.Count / total).ToString("0.00", CultureInfo.InvariantCulture) + "%";
            t.Add(Invariant.Format(i), c.Name, Invariant.Format(c.Count), share);
        }

        t.Write(output);
    }

    private static void WriteJson(TextWriter output, CountTable table) => Json.Write(output, w =>
    {
        w.WriteStartObject();
        w.WriteString("source", table.Source);
        w.WriteString("kind", table.KindName);
        w.WriteNumber("classCount", table.Classes.Count);
        w.WriteNumber("totalSamples", table.Total);
        if (table.Samples is long samples)
        {
            // Multi-label: totalSamples stays the sum of the counts (the labels); samples is N.
            w.WriteNumber("samples", samples);
        }

        w.WriteStartArray("classes");
        for (int i = 0; i < table.Classes.Count; i++)
        {
            w.WriteStartObject();
            w.WriteNumber("index", i);
            w.WriteString("name", table.Classes[i].Name);
            w.WriteNumber("count", table.Classes[i].Count);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    });
}
