using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using CbGen.Cli.Arguments;
using CbGen.Cli.Input;

namespace CbGen.Cli.Commands;

/// <summary>What the commands that read counts share: the input options and the output destination.</summary>
internal static class CommandSupport
{
    public static readonly OptionSpec[] SourceOptions =
    {
        new("--as", "KIND", "read PATH as folder, labels, idx, counts, json or parquet instead of detecting it"),
        new("--column", "NAME|INDEX", "the label column: a header name, or a 0-based index (-1 = last; default last)"),
        new("--header", null, "the first row is a header (default: detected)"),
        new("--no-header", null, "the first row is data"),
        new("--max-classes", "N", "fail past N distinct classes (default 100000): a column of ids or paths is not a label column"),
        new("--multi-label", null, "samples carry several labels: a label-list column (CSV/TSV or Parquet text split at --separator, or a Parquet list column) or COCO images; adds N"),
        new("--separator", "CHAR", "the separator of a --multi-label label list (default ';')"),
    };

    public static readonly OptionSpec Output = new("--output", "FILE", "write to FILE instead of standard output", Alias: "-o");

    public const string SourceHelp =
        "Input (PATH):\n"
        + "  a folder           an image-folder tree: one sub-folder per class (sorted by name), image files\n"
        + "                     (.png .jpg .jpeg .bmp .gif .webp .tif .tiff) counted below each; hidden entries skipped\n"
        + "  a CSV/TSV file     one label per row; the class of each row is read from --column (default: the last)\n"
        + "  an IDX label file  MNIST's format (magic 2049), e.g. train-labels-idx1-ubyte.gz\n"
        + "  a counts file      'name,count' rows, as written by 'cbgen count --csv' (a headerless file of\n"
        + "                     'name,number' rows could also be labels: cbgen asks for --as counts or --as labels)\n"
        + "  COCO-style JSON    categories [{id, name}] and annotations [{category_id}] (iNaturalist 2017/2018,\n"
        + "                     COCO, LVIS): classes in category-id order, named from the file\n"
        + "  a Parquet file     a string or integer label column (--column; default the last)\n"
        + "  --multi-label      each row (or COCO image) is one sample with a list of labels, 'a;b;c' (--separator):\n"
        + "                     a class counts once per sample, and N (the samples) goes into the counts file\n"
        + "  Files other than Parquet may be gzip-compressed. Integer labels are class indices 0..max (missing\n"
        + "  ones count 0); other labels are sorted by name.\n";

    public static OptionSpec[] Specs(params OptionSpec[][] groups)
    {
        var all = new List<OptionSpec>();
        foreach (OptionSpec[] group in groups)
        {
            all.AddRange(group);
        }

        return all.ToArray();
    }

    public static SourceOptions ReadSourceOptions(ParsedArgs args)
    {
        args.Exclusive("--header", "--no-header");
        InputKind kind = args.GetChoice("--as", InputKind.Auto,
            ("folder", InputKind.Folder), ("labels", InputKind.Labels), ("idx", InputKind.Idx), ("counts", InputKind.Counts),
            ("json", InputKind.Json), ("parquet", InputKind.Parquet));
        bool? header = args.Has("--header") ? true : args.Has("--no-header") ? false : null;
        int maxClasses = Input.SourceOptions.DefaultMaxClasses;
        string? max = args.Get("--max-classes");
        if (max is not null && (!int.TryParse(max, NumberStyles.None, CultureInfo.InvariantCulture, out maxClasses) || maxClasses < 2))
        {
            throw new UsageException(args.Command, "--max-classes must be a whole number ≥ 2; got '" + max + "'.");
        }

        char separator = Input.SourceOptions.DefaultSeparator;
        string? sep = args.Get("--separator");
        if (sep is not null)
        {
            if (!args.Has("--multi-label"))
            {
                throw new UsageException(args.Command, "--separator splits the label lists of --multi-label; add --multi-label, or drop --separator.");
            }

            sep = sep == "\\t" ? "\t" : sep;
            if (sep.Length != 1)
            {
                throw new UsageException(args.Command, "--separator must be one character (e.g. ';', '|', or '\\t' for a tab); got '" + sep + "'.");
            }

            separator = sep[0];
        }

        return new SourceOptions(kind, args.Get("--column"), header, maxClasses)
        {
            MultiLabel = args.Has("--multi-label"),
            Separator = separator,
        };
    }

    /// <summary>Reads the counts from the positional PATH or, when the command allows it, <c>--counts</c>.</summary>
    public static CountTable ReadCounts(string command, ParsedArgs args, bool allowInline)
    {
        SourceOptions options = ReadSourceOptions(args);
        string? path = args.Path;
        string? inline = allowInline ? args.Get("--counts") : null;
        if (path is not null && inline is not null)
        {
            throw new UsageException(command, "give either PATH or --counts, not both.");
        }

        if (inline is not null)
        {
            return CountSources.ParseInline(command, inline);
        }

        if (path is null)
        {
            throw new UsageException(command, allowInline ? "expected PATH or --counts." : "expected PATH.");
        }

        return CountSources.Read(path, options);
    }

    /// <summary>Writes the notes and warnings of a table to stderr.</summary>
    public static void WriteNotes(CountTable table, TextWriter stderr)
    {
        foreach (string note in table.Notes)
        {
            stderr.WriteLine("cbgen: note: " + note);
        }

        foreach (string warning in table.Warnings)
        {
            stderr.WriteLine("cbgen: warning: " + warning);
        }
    }

    /// <summary>Writes to <c>-o FILE</c> (all at once, so an error leaves no half-written file) or to stdout.</summary>
    public static void WriteOutput(ParsedArgs args, TextWriter stdout, TextWriter stderr, Action<TextWriter> write)
    {
        string? file = args.Get("--output");
        if (file is null)
        {
            write(stdout);
            return;
        }

        if (Directory.Exists(file))
        {
            throw new InputException(file + ": is a directory; -o/--output takes a file name (e.g. -o "
                + Path.Combine(file, "counts.csv") + ").");
        }

        var buffer = new StringWriter { NewLine = "\n" };
        write(buffer);
        try
        {
            File.WriteAllText(file, buffer.ToString(), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            throw new InputException(file + ": cannot write the output: " + e.Message, e);
        }

        stderr.WriteLine("cbgen: wrote " + file);
    }
}
