using System;
using System.Collections.Generic;
using System.IO;

namespace CbGen.Cli.Output;

/// <summary>A plain-text table: a header row, then rows; numbers right-aligned, text left-aligned.</summary>
internal sealed class TextTable
{
    private readonly string[] headers;
    private readonly bool[] rightAligned;
    private readonly List<string[]> rows = new();

    public TextTable(params (string Header, bool RightAligned)[] columns)
    {
        headers = new string[columns.Length];
        rightAligned = new bool[columns.Length];
        for (int i = 0; i < columns.Length; i++)
        {
            headers[i] = columns[i].Header;
            rightAligned[i] = columns[i].RightAligned;
        }
    }

    public void Add(params string[] cells)
    {
        if (cells.Length != headers.Length)
        {
            throw new ArgumentException("Expected " + headers.Length + " cells but got " + cells.Length + ".", nameof(cells));
        }

        rows.Add(cells);
    }

    public void Write(TextWriter output)
    {
        var widths = new int[headers.Length];
        for (int i = 0; i < headers.Length; i++)
        {
            widths[i] = headers[i].Length;
            foreach (string[] row in rows)
            {
                widths[i] = Math.Max(widths[i], Clean(row[i]).Length);
            }
        }

        WriteRow(output, headers, widths);
        foreach (string[] row in rows)
        {
            WriteRow(output, row, widths);
        }
    }

    private void WriteRow(TextWriter output, string[] cells, int[] widths)
    {
        var line = new System.Text.StringBuilder();
        for (int i = 0; i < cells.Length; i++)
        {
            string cell = Clean(cells[i]);
            if (i > 0)
            {
                line.Append("  ");
            }

            bool last = i == cells.Length - 1;
            if (rightAligned[i])
            {
                line.Append(cell.PadLeft(widths[i]));
            }
            else
            {
                line.Append(last ? cell : cell.PadRight(widths[i]));
            }
        }

        output.WriteLine(line.ToString().TrimEnd());
    }

    /// <summary>Control characters (a class name with a line break) would break the table's lines.</summary>
    private static string Clean(string cell)
    {
        foreach (char c in cell)
        {
            if (char.IsControl(c))
            {
                var sb = new System.Text.StringBuilder(cell.Length);
                foreach (char d in cell)
                {
                    sb.Append(char.IsControl(d) ? ' ' : d);
                }

                return sb.ToString();
            }
        }

        return cell;
    }
}
