using System;
using System.Collections.Generic;
using System.Globalization;

namespace CbGen.CountsFiles;

// CountsFileFormat: the rows of a whole counts file, with the header rule and the per-row checks.
internal static partial class CountsFileFormat
{
    /// <summary>Reads the rows of a counts file: every line that is neither skipped nor the header, in file order,
    /// each a class or a problem. <paramref name="separator"/> is the separator used (a comma when no row decided
    /// it) and <paramref name="sawHeader"/> whether a header row was skipped.</summary>
    public static List<CountsLine> ReadRows(string path, string text, out char separator, out bool sawHeader)
    {
        var rows = new List<CountsLine>();
        char? fixedSeparator = SeparatorOf(path);
        var byName = new Dictionary<string, int>(StringComparer.Ordinal);
        var byMember = new Dictionary<string, (string Name, int Line)>(StringComparer.Ordinal);
        bool firstRow = true;
        sawHeader = false;
        List<(int Start, int Length)> lines = Lines(text);
        for (int index = 0; index < lines.Count; index++)
        {
            (int start, int length) = lines[index];
            string content = text.Substring(start, length);
            if (IsSkipped(content))
            {
                continue;
            }

            char sep = fixedSeparator ??= SeparatorOfFirstRow(content);
            var fields = SplitFields(content, sep, out string? splitError);

            // The header rule: a first row whose count column is not a number (a header with extra columns is
            // still a header).
            if (firstRow && splitError is null && fields.Count >= 2 && !LooksNumeric(fields[1].Value))
            {
                firstRow = false;
                sawHeader = true;
                continue;
            }

            firstRow = false;
            var row = new CountsLine(index + 1, start, length);
            rows.Add(row);
            if (splitError is not null || fields.Count != 2)
            {
                row.Problem = CountsProblem.Malformed;
                row.Detail = splitError ?? ("has " + fields.Count.ToString(CultureInfo.InvariantCulture) + " column"
                    + (fields.Count == 1 ? string.Empty : "s") + " instead of 2");
                continue;
            }

            row.Name = fields[0].Value;
            row.NameStart = start + fields[0].Start;
            row.NameLength = fields[0].Length;
            row.CountText = fields[1].Value;
            row.CountStart = start + fields[1].Start;
            row.CountLength = fields[1].Length;
            if (row.Name.Length == 0)
            {
                row.Problem = CountsProblem.EmptyName;
                row.Detail = "has an empty class name";
                continue;
            }

            row.Detail = CountError(row.CountText, out long count);
            row.Count = count;
            if (row.Detail is not null)
            {
                row.Problem = CountsProblem.InvalidCount;
                continue;
            }

            if (byName.TryGetValue(row.Name, out int firstLine))
            {
                row.Problem = CountsProblem.DuplicateName;
                row.OtherName = row.Name;
                row.OtherLine = firstLine;
                continue;
            }

            byName.Add(row.Name, row.LineNumber);
            row.Member = ToIdentifier(row.Name);
            if (byMember.TryGetValue(row.Member, out var other))
            {
                row.Problem = CountsProblem.IdentifierClash;
                row.OtherName = other.Name;
                row.OtherLine = other.Line;
                continue;
            }

            byMember.Add(row.Member, (row.Name, row.LineNumber));
        }

        separator = fixedSeparator ?? ',';
        return rows;
    }
}
