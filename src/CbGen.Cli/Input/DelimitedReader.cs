using System;
using System.Collections.Generic;
using System.IO;
using System.Text;

namespace CbGen.Cli.Input;

/// <summary>Reads CSV/TSV records (RFC 4180 quoting: <c>"a,b"</c>, <c>""</c> for a quote, line breaks inside quotes),
/// remembering the line each record starts on so errors can point at it.</summary>
internal sealed class DelimitedReader
{
    private readonly TextReader reader;
    private readonly string file;
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

    /// <summary>Reads the next non-blank record, or returns null at the end of the input.</summary>
    /// <exception cref="InputException">A quoted field is not closed, or text follows a closing quote.</exception>
    public List<string>? Read()
    {
        string? line;
        do
        {
            line = reader.ReadLine();
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
        var field = new StringBuilder();
        int i = 0;
        while (true)
        {
            // At the start of a field.
            field.Clear();
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
                        string? next = reader.ReadLine();
                        lineNumber++;
                        if (next is null)
                        {
                            throw InputException.At(file, RecordLine, "a quoted field is never closed (a '\"' is missing).");
                        }

                        field.Append('\n');
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
            }
            else
            {
                int end = line.IndexOf(Delimiter, i);
                if (end < 0)
                {
                    end = line.Length;
                }

                fields.Add(line.Substring(i, end - i).Trim());
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
                return fields;
            }
        }
    }
}
