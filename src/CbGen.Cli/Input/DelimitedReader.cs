using System;
using System.Collections.Generic;
using System.IO;
using System.Text;

namespace CbGen.Cli.Input;

/// <summary>Reads CSV/TSV records (RFC 4180 quoting: <c>"a,b"</c>, <c>""</c> for a quote, line breaks inside quotes,
/// kept as written: CR LF, LF or CR), remembering the line each record starts on so errors can point at it. An
/// unquoted field is trimmed of the white space around it (<c>a, b</c> is <c>a</c> and <c>b</c>), as the counts-file
/// format the generator reads trims it; a quoted field keeps every character (<c>" b "</c>). <see cref="Untrimmed"/>
/// tells which fields the trimming changed, so a reader can say so.</summary>
internal sealed class DelimitedReader
{
    private readonly TextReader reader;
    private readonly string file;
    private readonly char[] buffer = new char[64 * 1024];
    private readonly List<string?> untrimmed = new();
    private int position;
    private int length;
    private long lineNumber;

    public DelimitedReader(TextReader reader, char delimiter, string file)
    {
        this.reader = reader;
        this.file = file;
        Delimiter = delimiter;
    }

    public char Delimiter { get; }

    /// <summary>The 1-based line the last record returned by <see cref="Read"/> starts on.</summary>
    public long RecordLine { get; private set; }

    /// <summary>Whether the last record's line starts with '#' (after blanks): a comment in a counts file, as the
    /// generator reads it (a quoted <c>"#name"</c> is not one).</summary>
    public bool RecordIsComment { get; private set; }

    /// <summary>For each field of the last record, its text as written when it was unquoted and trimming changed it
    /// (<c>"  padded  "</c> read as <c>padded</c>), else null.</summary>
    public IReadOnlyList<string?> Untrimmed => untrimmed;

    /// <summary>Reads the next non-blank record, or returns null at the end of the input.</summary>
    /// <exception cref="InputException">A quoted field is not closed, or text follows a closing quote.</exception>
    public List<string>? Read()
    {
        string? line;
        string ending;
        do
        {
            line = ReadLine(out ending);
            lineNumber++;
            if (line is null)
            {
                return null;
            }
        }
        while (line.Trim().Length == 0);

        RecordLine = lineNumber;
        RecordIsComment = line.TrimStart()[0] == '#';
        var fields = new List<string>();
        untrimmed.Clear();
        var field = new StringBuilder();
        int i = 0;
        while (true)
        {
            // At the start of a field.
            field.Clear();
            int start = i;
            while (i < line.Length && line[i] == ' ')
            {
                i++;
            }

            if (i < line.Length && line[i] == '"')
            {
                i++;
                while (true)
                {
                    if (i >= line.Length)
                    {
                        // The line break inside the quotes is the field's own text: CR LF stays CR LF.
                        string inside = ending;
                        string? next = ReadLine(out ending);
                        lineNumber++;
                        if (next is null)
                        {
                            throw InputException.At(file, RecordLine, "a quoted field is never closed (a '\"' is missing).");
                        }

                        field.Append(inside);
                        line = next;
                        i = 0;
                        continue;
                    }

                    char c = line[i++];
                    if (c != '"')
                    {
                        field.Append(c);
                    }
                    else if (i < line.Length && line[i] == '"')
                    {
                        field.Append('"');
                        i++;
                    }
                    else
                    {
                        break;
                    }
                }

                while (i < line.Length && line[i] == ' ')
                {
                    i++;
                }

                if (i < line.Length && line[i] != Delimiter)
                {
                    throw InputException.At(file, lineNumber, "unexpected '" + line[i] + "' after the closing quote of field "
                        + Invariant.Format(fields.Count + 1) + " (quotes inside a quoted field are written \"\").");
                }

                fields.Add(field.ToString());
                untrimmed.Add(null);
            }
            else
            {
                int end = line.IndexOf(Delimiter, i);
                if (end < 0)
                {
                    end = line.Length;
                }

                string written = line.Substring(start, end - start);
                string trimmed = written.Trim();
                fields.Add(trimmed);
                untrimmed.Add(trimmed.Length == written.Length ? null : written);
                i = end;
            }

            if (i >= line.Length)
            {
                return fields;
            }

            i++; // the delimiter
            if (i == line.Length)
            {
                fields.Add(string.Empty);
                untrimmed.Add(null);
                return fields;
            }
        }
    }

    /// <summary>The next line without its ending, which <paramref name="ending"/> gets ("\r\n", "\n", "\r", or empty
    /// at the end of the input), or null at the end of the input. Lines end where <see cref="TextReader.ReadLine"/>
    /// ends them.</summary>
    private string? ReadLine(out string ending)
    {
        StringBuilder? partial = null;
        while (true)
        {
            if (position == length && !Fill())
            {
                ending = string.Empty;
                return partial?.ToString();
            }

            int start = position;
            while (position < length && buffer[position] != '\n' && buffer[position] != '\r')
            {
                position++;
            }

            if (position == length)
            {
                (partial ??= new StringBuilder()).Append(buffer, start, position - start);
                continue;
            }

            string line = partial is null ? new string(buffer, start, position - start) : partial.Append(buffer, start, position - start).ToString();
            char end = buffer[position++];
            ending = "\n";
            if (end == '\r')
            {
                ending = "\r";
                if ((position < length || Fill()) && buffer[position] == '\n')
                {
                    position++;
                    ending = "\r\n";
                }
            }

            return line;
        }
    }

    private bool Fill()
    {
        length = reader.Read(buffer, 0, buffer.Length);
        position = 0;
        return length > 0;
    }
}
