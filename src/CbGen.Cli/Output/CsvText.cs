using System;
using System.Collections.Generic;
using System.IO;
using CbGen.Cli.Input;

namespace CbGen.Cli.Output;

/// <summary>Writes counts files (<c>name,count</c>), quoting names as RFC 4180 asks.</summary>
internal static class CsvText
{
    /// <summary>Writes a counts file; with <paramref name="samples"/> (multi-label counts) its "# samples: N" line first.</summary>
    public static void WriteCounts(TextWriter output, IReadOnlyList<ClassCount> classes, long? samples = null)
    {
        if (samples is long n)
        {
            output.WriteLine(CbGen.CountsFiles.CountsFileFormat.SamplesLine(n));
        }

        output.WriteLine("name,count");
        foreach (ClassCount c in classes)
        {
            output.WriteLine(Quote(c.Name) + "," + Invariant.Format(c.Count));
        }
    }

    public static string Quote(string field)
    {
        // The counts-file format trims every white space character around an unquoted name (char.IsWhiteSpace: also
        // U+00A0, U+3000), so a name that starts or ends with one is quoted to read back as written.
        bool needs = field.Length > 0 && (char.IsWhiteSpace(field[0]) || char.IsWhiteSpace(field[^1]) || field[0] == '#');
        foreach (char c in field)
        {
            needs |= c is ',' or '"' or '\n' or '\r' or '\t';
        }

        return needs ? "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : field;
    }
}
