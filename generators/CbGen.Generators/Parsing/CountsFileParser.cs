using System;
using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using CbGen.CountsFiles;
using CbGen.Generators.Helpers;
using CbGen.Generators.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace CbGen.Generators.Parsing;

/// <summary>
/// Reads a counts file into an equatable <see cref="CountsFileSpec"/>, with a diagnostic for each bad row. The
/// format (separators, quotes, the header rule, names to identifiers) is <see cref="CountsFileFormat"/>, shared
/// with cbgen; this class adds the file matching and the diagnostics' locations.
/// </summary>
internal static class CountsFileParser
{
    /// <summary>Whether the AdditionalFiles path <paramref name="path"/> is the file the attribute names:
    /// <paramref name="requested"/> equals the path's end at a folder boundary ('/' and '\' alike, case-sensitive).</summary>
    public static bool Matches(string path, string requested)
    {
        string p = Normalize(path);
        string r = Normalize(requested).TrimStart('/');
        if (r.StartsWith("./", StringComparison.Ordinal))
        {
            r = r.Substring(2);
        }

        if (r.Length == 0 || !p.EndsWith(r, StringComparison.Ordinal))
        {
            return false;
        }

        return p.Length == r.Length || p[p.Length - r.Length - 1] == '/';
    }

    public static string Normalize(string path) => path.Replace('\\', '/');

    public static CountsFileSpec Parse(string path, SourceText? text, CancellationToken cancellationToken)
    {
        var rows = new List<CountsRow>();
        var issues = new List<DiagnosticInfo>();
        string fileName = System.IO.Path.GetFileName(path);
        if (text is null)
        {
            issues.Add(Issue(DiagnosticDescriptors.EmptyCountsFile, path, text, new TextSpan(0, 0), fileName, " (it could not be read)"));
            return new CountsFileSpec(path, EquatableArray<CountsRow>.Empty, issues.ToEquatableArray(), true);
        }

        cancellationToken.ThrowIfCancellationRequested();
        List<CountsLine> read = CountsFileFormat.ReadRows(path, text.ToString(), out char separator, out bool sawHeader);
        string sepText = CountsFileFormat.SeparatorText(separator);
        foreach (CountsLine row in read)
        {
            string line = row.LineNumber.ToString(CultureInfo.InvariantCulture);
            TextSpan lineSpan = new TextSpan(row.LineStart, row.LineLength);
            TextSpan nameSpan = new TextSpan(row.NameStart, row.NameLength);
            TextSpan countSpan = new TextSpan(row.CountStart, row.CountLength);
            switch (row.Problem)
            {
                case CountsProblem.None:
                    rows.Add(new CountsRow(row.Name, row.Member, CountsFileFormat.EscapeKeyword(row.Member), row.Count, row.LineNumber,
                        ToLocation(path, text, countSpan)));
                    break;
                case CountsProblem.Malformed:
                case CountsProblem.EmptyName:
                    issues.Add(Issue(DiagnosticDescriptors.MalformedCountsRow, path, text, lineSpan, line, fileName, row.Detail!, sepText));
                    break;
                case CountsProblem.InvalidCount:
                    issues.Add(Issue(DiagnosticDescriptors.InvalidCount, path, text, countSpan, row.CountText, row.Name, line, fileName, row.Detail!));
                    break;
                case CountsProblem.DuplicateName:
                    issues.Add(Issue(DiagnosticDescriptors.DuplicateClassName, path, text, nameSpan, row.Name, line, fileName,
                        row.OtherLine.ToString(CultureInfo.InvariantCulture)));
                    break;
                default:
                    issues.Add(Issue(DiagnosticDescriptors.IdentifierClash, path, text, nameSpan, row.Name, line, fileName, row.Member,
                        row.OtherName!, row.OtherLine.ToString(CultureInfo.InvariantCulture)));
                    break;
            }
        }

        SamplesDirective? samples = ReadSamples(path, text, fileName, issues);
        bool errors = issues.Count > 0;
        if (rows.Count == 0 && !errors)
        {
            errors = true;
            issues.Add(Issue(DiagnosticDescriptors.EmptyCountsFile, path, text, new TextSpan(0, 0), fileName,
                sawHeader ? " (only a header)" : string.Empty));
        }

        // A warning, after the errors are counted: the file is still read (as single-label counts).
        AddSamplesNearMisses(path, text, fileName, issues);

        return new CountsFileSpec(path, rows.ToEquatableArray(), issues.ToEquatableArray(), errors)
        {
            Samples = samples?.Value ?? 0,
            SamplesLine = samples?.LineNumber ?? 0,
            SamplesLocation = samples is null ? null : ToLocation(path, text, new TextSpan(samples.ValueStart, samples.ValueText.Length)),
        };
    }

    /// <summary>The file's "# samples: N" line (null when it has none), with CB051 for an N that is not a whole number
    /// ≥ 1 and CB053 for a second such line.</summary>
    private static SamplesDirective? ReadSamples(string path, SourceText text, string fileName, List<DiagnosticInfo> issues)
    {
        List<SamplesDirective> found = CountsFileFormat.FindSamples(text.ToString());
        if (found.Count == 0)
        {
            return null;
        }

        SamplesDirective first = found[0];
        string Where(SamplesDirective d) => "line " + d.LineNumber.ToString(CultureInfo.InvariantCulture) + " of '" + fileName + "'";
        if (first.Error is not null)
        {
            issues.Add(Issue(DiagnosticDescriptors.SamplesOutOfRange, path, text, new TextSpan(first.ValueStart, first.ValueText.Length),
                "The number of samples on " + Where(first), first.ValueText, first.Error));
        }

        for (int d = 1; d < found.Count; d++)
        {
            issues.Add(Issue(DiagnosticDescriptors.SamplesGivenTwice, path, text, new TextSpan(found[d].LineStart, found[d].LineLength),
                "'" + found[d].ValueText + "' on " + Where(found[d]), "'" + first.ValueText + "' on " + Where(first),
                "keep one '" + CountsFileFormat.SamplesKey + ": N' line"));
        }

        return first;
    }

    /// <summary>CB067 (a warning) for each comment line that reads like a samples line but is not one.</summary>
    private static void AddSamplesNearMisses(string path, SourceText text, string fileName, List<DiagnosticInfo> issues)
    {
        string content = text.ToString();
        foreach ((int lineNumber, int start, int length) in CountsFileFormat.FindSamplesNearMisses(content))
        {
            issues.Add(Issue(DiagnosticDescriptors.SamplesLineNearMiss, path, text, new TextSpan(start, length),
                lineNumber.ToString(CultureInfo.InvariantCulture), fileName, content.Substring(start, length).Trim()));
        }
    }

    public static LocationInfo ToLocation(string path, SourceText text, TextSpan span)
    {
        LinePositionSpan lines = text.Lines.GetLinePositionSpan(span);
        return new LocationInfo(path, span.Start, span.Length, lines.Start.Line, lines.Start.Character, lines.End.Line,
            lines.End.Character);
    }

    private static DiagnosticInfo Issue(DiagnosticDescriptor descriptor, string path, SourceText? text, TextSpan span, params string[] args) =>
        new DiagnosticInfo(descriptor.Id, text is null ? new LocationInfo(path, 0, 0, 0, 0, 0, 0) : ToLocation(path, text, span),
            new EquatableArray<string>(args));
}
