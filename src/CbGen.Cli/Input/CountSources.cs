using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.IO.Compression;
using System.Text;

namespace CbGen.Cli.Input;

/// <summary>How to read a path: detect it, or force one kind (<c>--as</c>).</summary>
internal enum InputKind
{
    Auto,
    Folder,
    Labels,
    Idx,
    Counts,
}

/// <summary>The options every command that reads counts shares.</summary>
internal sealed record SourceOptions(InputKind Kind, string? Column, bool? Header);

/// <summary>Turns a path (folder tree, CSV/TSV labels, IDX labels, counts file; files optionally gzip-compressed)
/// or the <c>--counts</c> list into a <see cref="CountTable"/>.</summary>
internal static class CountSources
{
    private const int SniffBytes = 4096;

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

            return ImageFolderReader.Read(path, path);
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
            byte[] head = Sniff(path);
            bool looksIdx = head.Length >= 4 && head[0] == 0 && head[1] == 0;
            if (options.Kind == InputKind.Idx || (options.Kind == InputKind.Auto && looksIdx))
            {
                using Stream stream = Open(path);
                return IdxReader.Read(stream, path);
            }

            if (Array.IndexOf(head, (byte)0) >= 0)
            {
                throw new InputException(path + ": a binary file that is neither an IDX label file nor text; expected a folder, "
                    + "a CSV/TSV label file, an IDX label file (magic 2049) or a counts file.");
            }

            char delimiter = DelimiterOf(path, head);
            using var text = new StreamReader(Open(path), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
            var reader = new DelimitedReader(text, delimiter, path);
            bool counts = options.Kind == InputKind.Counts;
            if (options.Kind == InputKind.Auto)
            {
                var peek = new DelimitedReader(new StringReader(FirstLine(head)), delimiter, path);
                List<string>? first = peek.Read();
                counts = first is not null && options.Column is null && CountsFileReader.IsCountsHeader(first);
            }

            return counts
                ? CountsFileReader.Read(reader, path)
                : LabelColumnReader.Read(reader, path, options.Column, options.Header);
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

        return new CountTable("--counts", SourceKind.Inline, "--counts", classes);
    }

    private static Stream Open(string path)
    {
        var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024);
        int b0 = file.ReadByte();
        int b1 = file.ReadByte();
        file.Position = 0;
        return b0 == 0x1f && b1 == 0x8b ? new GZipStream(file, CompressionMode.Decompress) : file;
    }

    private static byte[] Sniff(string path)
    {
        using Stream stream = Open(path);
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
