using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.IO.Compression;
using System.Text;

namespace CbGen.Cli.Input;

/// <summary>Turns a path (folder tree, CSV/TSV labels, IDX labels, counts file, COCO-style JSON, Parquet; files other
/// than Parquet optionally gzip-compressed) or the <c>--counts</c> list into a <see cref="CountTable"/>.</summary>
internal static class CountSources
{
    private const int SniffBytes = 4096;

    /// <summary>The records read to tell a counts file from a label file.</summary>
    private const int DetectRows = 50;

    private const string Expected = "expected a folder, a CSV/TSV label file, an IDX label file (magic 2049), a counts file, "
        + "COCO-style JSON or Parquet";

    public static CountTable Read(string path, SourceOptions options)
    {
        if (path.Length == 0)
        {
            throw new InputException("the path is empty.");
        }

        if (Directory.Exists(path))
        {
            if (options.Kind is not (InputKind.Auto or InputKind.Folder))
            {
                throw new InputException(path + ": is a folder, but --as " + options.Kind.ToString().ToLowerInvariant() + " expects a file.");
            }

            return RequireLists(CheckCap(ImageFolderReader.Read(path, path), options.MaxClasses), path, options);
        }

        if (!File.Exists(path))
        {
            throw new InputException(path + ": no such file or folder.");
        }

        if (options.Kind == InputKind.Folder)
        {
            throw new InputException(path + ": is a file, but --as folder expects an image-folder tree.");
        }

        try
        {
            return RequireLists(CheckCap(ReadFile(path, options), options.MaxClasses), path, options);
        }
        catch (InvalidDataException e)
        {
            throw new InputException(path + ": the gzip data is corrupt: " + e.Message, e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException(path + ": cannot read the file: " + e.Message, e);
        }
    }

    /// <summary>With --multi-label, a source that gave no N (an image folder, IDX labels, a counts file without its
    /// samples line) is an error: its samples carry one class each.</summary>
    private static CountTable RequireLists(CountTable table, string path, SourceOptions options)
    {
        if (options.MultiLabel && table.Samples is null)
        {
            throw new InputException(path + ": --multi-label needs samples that list their labels, but this is " + table.Description
                + ", one class per sample; --multi-label reads a label-list column (CSV/TSV/Parquet), COCO-style JSON with \"images\", "
                + "or a counts file with a '# samples: N' line. Drop --multi-label for single-label counts.");
        }

        return table;
    }

    private static CountTable ReadFile(string path, SourceOptions options)
    {
        byte[] head = Sniff(path, out bool gzip);
        InputKind kind = options.Kind == InputKind.Auto ? Detect(path, head) : options.Kind;
        switch (kind)
        {
            case InputKind.Parquet:
                if (gzip)
                {
                    throw new InputException(path + ": a gzip-compressed Parquet file; decompress it first (Parquet compresses its own pages).");
                }

                return ParquetLabelReader.Read(path, options);
            case InputKind.Idx:
                {
                    using Stream stream = Open(path);
                    return IdxReader.Read(stream, path);
                }

            case InputKind.Json:
                {
                    using Stream stream = Open(path);
                    return CocoJsonReader.Read(stream, path, options.MaxClasses, options.MultiLabel);
                }
        }

        if (Array.IndexOf(head, (byte)0) >= 0)
        {
            throw new InputException(path + ": not a CSV or IDX file: a binary file (a zero byte in its first "
                + Invariant.Format(head.Length) + " bytes) without an IDX label header; " + Expected + ".");
        }

        char delimiter = DelimiterOf(path, head);
        bool counts = kind == InputKind.Counts;
        if (kind == InputKind.Auto && options.Column is null && options.Header is null)
        {
            DelimitedShape shape = DetectShape(path, delimiter);
            if (shape == DelimitedShape.Ambiguous)
            {
                throw new InputException(path + ": every row is a name and a whole number ('cat,900'): a counts file without a "
                    + "'name,count' header, or a label file whose labels are class indices? Pass --as counts to read the rows as "
                    + "class counts (as [ClassBalancedDataset] reads them), or --as labels (or --column, --header, --no-header) to count a label column.");
            }

            counts = shape == DelimitedShape.Counts;
        }

        using var text = new StreamReader(Open(path), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        if (counts)
        {
            string name = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? path.Substring(0, path.Length - 3) : path;
            return CountsFileReader.Read(text.ReadToEnd(), name, path);
        }

        return LabelColumnReader.Read(new DelimitedReader(text, delimiter, path), path, options);
    }

    /// <summary>Parquet by its magic or the extension (so a corrupt Parquet file gets the Parquet reader's reason), IDX
    /// by its header (two zero bytes, a type code, a dimension count), JSON by a leading '{' or the extension; anything
    /// else is delimited text.</summary>
    private static InputKind Detect(string path, byte[] head)
    {
        if ((head.Length >= 4 && head[0] == (byte)'P' && head[1] == (byte)'A' && head[2] == (byte)'R' && head[3] == (byte)'1')
            || Path.GetExtension(path).Equals(".parquet", StringComparison.OrdinalIgnoreCase))
        {
            return InputKind.Parquet;
        }

        if (head.Length >= 4 && head[0] == 0 && head[1] == 0 && head[2] is >= 0x08 and <= 0x0E && head[3] >= 1)
        {
            return InputKind.Idx;
        }

        string name = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? path.Substring(0, path.Length - 3) : path;
        if (Path.GetExtension(name).Equals(".json", StringComparison.OrdinalIgnoreCase) || FirstLine(head).TrimStart().StartsWith('{'))
        {
            return InputKind.Json;
        }

        return InputKind.Auto;
    }

    private static DelimitedShape DetectShape(string path, char delimiter)
    {
        using var text = new StreamReader(Open(path), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        var reader = new DelimitedReader(text, delimiter, path);
        var sample = new List<IReadOnlyList<string>>();
        while (sample.Count < DetectRows)
        {
            List<string>? row = reader.Read();
            if (row is null)
            {
                break;
            }

            if (!reader.RecordIsComment)
            {
                sample.Add(row);
            }
        }

        return CountsFileReader.Detect(sample);
    }

    /// <summary>Applies <c>--max-classes</c> to sources that are not counted label by label (folders, counts files).</summary>
    private static CountTable CheckCap(CountTable table, int maxClasses)
    {
        if (table.Classes.Count > maxClasses)
        {
            throw new InputException(table.Source + ": " + Invariant.Plural(table.Classes.Count, "class", "classes") + " is more than --max-classes ("
                + Invariant.Format(maxClasses) + "); raise --max-classes if that many is right.");
        }

        return table;
    }

    /// <summary>Parses <c>--counts 5000,2997,…</c> or <c>--counts cat=120,dog=80</c>.</summary>
    /// <exception cref="UsageException">An item is not a whole number ≥ 0, or a name repeats.</exception>
    public static CountTable ParseInline(string command, string text)
    {
        string[] items = text.Split(',', StringSplitOptions.TrimEntries);
        var classes = new List<ClassCount>(items.Length);
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < items.Length; i++)
        {
            string item = items[i];
            string name = Invariant.Format(i);
            string number = item;
            int eq = item.LastIndexOf('=');
            if (eq >= 0)
            {
                name = item.Substring(0, eq).Trim();
                number = item.Substring(eq + 1).Trim();
            }

            if (!long.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out long count) || name.Length == 0)
            {
                throw new UsageException(command, "--counts item " + Invariant.Format(i + 1) + " ('" + item
                    + "') is not a whole number ≥ 0 (or NAME=COUNT); write the counts like --counts 5000,2997,1796.");
            }

            if (!names.Add(name))
            {
                throw new UsageException(command, "--counts names the class '" + name + "' twice.");
            }

            classes.Add(new ClassCount(name, count));
        }

        return new CountTable("--counts", SourceKind.Inline, "counts on the command line", classes);
    }

    private static Stream Open(string path)
    {
        var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024);
        int b0 = file.ReadByte();
        int b1 = file.ReadByte();
        file.Position = 0;
        return b0 == 0x1f && b1 == 0x8b ? new GZipStream(file, CompressionMode.Decompress) : file;
    }

    private static byte[] Sniff(string path, out bool gzip)
    {
        using Stream stream = Open(path);
        gzip = stream is GZipStream;
        var buffer = new byte[SniffBytes];
        int total = 0;
        while (total < buffer.Length)
        {
            int n = stream.Read(buffer, total, buffer.Length - total);
            if (n == 0)
            {
                break;
            }

            total += n;
        }

        Array.Resize(ref buffer, total);
        return buffer;
    }

    private static string FirstLine(byte[] head)
    {
        string text = Encoding.UTF8.GetString(head).TrimStart('\uFEFF');
        int nl = text.IndexOf('\n', StringComparison.Ordinal);
        return nl < 0 ? text : text.Substring(0, nl);
    }

    private static char DelimiterOf(string path, byte[] head)
    {
        string name = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? path.Substring(0, path.Length - 3) : path;
        string ext = Path.GetExtension(name);
        if (ext.Equals(".tsv", StringComparison.OrdinalIgnoreCase) || ext.Equals(".tab", StringComparison.OrdinalIgnoreCase))
        {
            return '\t';
        }

        if (ext.Equals(".csv", StringComparison.OrdinalIgnoreCase))
        {
            return ',';
        }

        return FirstLine(head).Contains('\t', StringComparison.Ordinal) ? '\t' : ',';
    }
}
