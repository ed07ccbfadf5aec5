using System;
using System.Collections.Generic;
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
        new("--as", TakesValue: true),
        new("--column", TakesValue: true),
        new("--header", TakesValue: false),
        new("--no-header", TakesValue: false),
    };

    public static readonly OptionSpec Output = new("--output", TakesValue: true, Alias: "-o");

    public const string SourceHelp =
        "Input (PATH):\n"
        + "  a folder           an image-folder tree: one sub-folder per class (sorted by name), image files\n"
        + "                     (.png .jpg .jpeg .bmp .gif .webp .tif .tiff) counted below each; hidden entries skipped\n"
        + "  a CSV/TSV file     one label per row; the class of each row is read from --column (default: the last)\n"
        + "  an IDX label file  MNIST's format (magic 2049), e.g. train-labels-idx1-ubyte.gz\n"
        + "  a counts file      'name,count' rows, as written by 'cbgen count --csv'\n"
        + "  Files may be gzip-compressed. Integer labels are class indices 0..max (missing ones count 0);\n"
        + "  other labels are sorted by name.\n"
        + "\n"
        + "Input options:\n"
        + "  --column NAME|INDEX  the label column: a header name, or a 0-based index (-1 = last; default last)\n"
        + "  --header             the first row is a header (default: detected)\n"
        + "  --no-header          the first row is data\n"
        + "  --as KIND            read PATH as folder, labels, idx or counts instead of detecting it\n";

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
            ("folder", InputKind.Folder), ("labels", InputKind.Labels), ("idx", InputKind.Idx), ("counts", InputKind.Counts));
        bool? header = args.Has("--header") ? true : args.Has("--no-header") ? false : null;
        return new SourceOptions(kind, args.Get("--column"), header);
    }

    /// <summary>Reads the counts from the positional PATH or, when the command allows it, <c>--counts</c>.</summary>
    public static CountTable ReadCounts(string command, ParsedArgs args, bool allowInline)
    {
        SourceOptions options = ReadSourceOptions(args);
        string? path = args.SinglePositional("PATH");
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

    /// <summary>Writes the notes of a table to stderr.</summary>
    public static void WriteNotes(CountTable table, TextWriter stderr)
    {
        foreach (string note in table.Notes)
        {
            stderr.WriteLine("cbgen: note: " + note);
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
