using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Threading;
using CbGen.Generators.Helpers;
using CbGen.Generators.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace CbGen.Generators.Parsing
{
    /// <summary>
    /// Reads a counts file (CSV or TSV: class name, count) into an equatable <see cref="CountsFileSpec"/>. Rules:
    /// the separator is a tab for a <c>.tsv</c> file or when the first row holds a tab, otherwise a comma; a field may
    /// be double-quoted (<c>""</c> inside quotes is a quote); blank lines and lines starting with '#' are skipped;
    /// the first row is a header (skipped) when its count column is not a number. Each name becomes a C# identifier:
    /// every run of characters that cannot appear in an identifier becomes one '_', a leading digit gets a '_' in
    /// front, and a keyword is escaped with '@'.
    /// </summary>
    internal static partial class CountsFileParser
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
            bool errors = false;
            string fileName = System.IO.Path.GetFileName(path);
            if (text is null)
            {
                issues.Add(Issue(DiagnosticDescriptors.EmptyCountsFile, path, text, new TextSpan(0, 0), fileName, " (it could not be read)"));
                return new CountsFileSpec(path, EquatableArray<CountsRow>.Empty, issues.ToEquatableArray(), true);
            }

            char? separator = path.EndsWith(".tsv", StringComparison.OrdinalIgnoreCase) ? '\t' : null;
            var byName = new Dictionary<string, int>(StringComparer.Ordinal);
            var byIdentifier = new Dictionary<string, (string Name, int Line)>(StringComparer.Ordinal);
            bool firstRow = true;
            bool sawHeader = false;
            foreach (TextLine line in text.Lines)
            {
                cancellationToken.ThrowIfCancellationRequested();
                string content = line.ToString();
                string trimmed = content.Trim();
                if (trimmed.Length == 0 || trimmed[0] == '#')
                {
                    continue;
                }

                int lineNumber = line.LineNumber + 1;
                char sep = separator ??= content.IndexOf('\t') >= 0 ? '\t' : ',';
                string sepText = sep == '\t' ? "a tab" : "a comma";
                var fields = SplitFields(content, sep, out string? splitError);
                if (splitError is not null || fields.Count != 2)
                {
                    if (firstRow && splitError is null && fields.Count >= 2 && !LooksNumeric(fields[1].Value))
                    {
                        // A header with extra columns is still a header.
                        firstRow = false;
                        sawHeader = true;
                        continue;
                    }

                    errors = true;
                    string what = splitError ?? ("has " + fields.Count.ToString(CultureInfo.InvariantCulture) + " column"
                        + (fields.Count == 1 ? string.Empty : "s") + " instead of 2");
                    issues.Add(Issue(DiagnosticDescriptors.MalformedCountsRow, path, text, line.Span,
                        lineNumber.ToString(CultureInfo.InvariantCulture), fileName, what, sepText));
                    firstRow = false;
                    continue;
                }

                Field name = fields[0];
                Field count = fields[1];
                if (firstRow && !LooksNumeric(count.Value))
                {
                    firstRow = false;
                    sawHeader = true;
                    continue;
                }

                firstRow = false;
                TextSpan nameSpan = new TextSpan(line.Start + name.Start, name.Length);
                TextSpan countSpan = new TextSpan(line.Start + count.Start, count.Length);
                if (name.Value.Length == 0)
                {
                    errors = true;
                    issues.Add(Issue(DiagnosticDescriptors.MalformedCountsRow, path, text, line.Span,
                        lineNumber.ToString(CultureInfo.InvariantCulture), fileName, "has an empty class name", sepText));
                    continue;
                }

                string? countError = null;
                long n = 0;
                if (!IsInteger(count.Value))
                {
                    countError = "is not a whole number";
                }
                else if (!long.TryParse(count.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out n))
                {
                    countError = "is too large";
                }
                else if (n < 0)
                {
                    countError = "is negative";
                }

                if (countError is not null)
                {
                    errors = true;
                    issues.Add(Issue(DiagnosticDescriptors.InvalidCount, path, text, countSpan,
                        count.Value, name.Value, lineNumber.ToString(CultureInfo.InvariantCulture), fileName, countError));
                    continue;
                }

                if (byName.TryGetValue(name.Value, out int firstLine))
                {
                    errors = true;
                    issues.Add(Issue(DiagnosticDescriptors.DuplicateClassName, path, text, nameSpan,
                        name.Value, lineNumber.ToString(CultureInfo.InvariantCulture), fileName,
                        firstLine.ToString(CultureInfo.InvariantCulture)));
                    continue;
                }

                byName.Add(name.Value, lineNumber);
                string member = ToIdentifier(name.Value);
                if (byIdentifier.TryGetValue(member, out var other))
                {
                    errors = true;
                    issues.Add(Issue(DiagnosticDescriptors.IdentifierClash, path, text, nameSpan,
                        name.Value, lineNumber.ToString(CultureInfo.InvariantCulture), fileName, member, other.Name,
                        other.Line.ToString(CultureInfo.InvariantCulture)));
                    continue;
                }

                byIdentifier.Add(member, (name.Value, lineNumber));
                string identifier = SyntaxFacts.GetKeywordKind(member) != SyntaxKind.None ? "@" + member : member;
                rows.Add(new CountsRow(name.Value, member, identifier, n, lineNumber, ToLocation(path, text, countSpan)));
            }

            if (rows.Count == 0 && !errors)
            {
                errors = true;
                issues.Add(Issue(DiagnosticDescriptors.EmptyCountsFile, path, text, new TextSpan(0, 0), fileName,
                    sawHeader ? " (only a header)" : string.Empty));
            }

            return new CountsFileSpec(path, rows.ToEquatableArray(), issues.ToEquatableArray(), errors);
        }

        /// <summary>The enum member name for a class name (without the '@' a keyword needs).</summary>
        public static string ToIdentifier(string name)
        {
            var builder = new StringBuilder(name.Length + 1);
            bool gap = false;
            foreach (char c in name.Normalize(NormalizationForm.FormC))
            {
                bool ok = SyntaxFacts.IsIdentifierPartCharacter(c)
                    && CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.Format
                    && !char.IsSurrogate(c);
                if (!ok)
                {
                    gap = true;
                    continue;
                }

                if (gap && builder.Length > 0)
                {
                    builder.Append('_');
                }

                gap = false;
                builder.Append(c);
            }

            if (builder.Length == 0 || !SyntaxFacts.IsIdentifierStartCharacter(builder[0]))
            {
                builder.Insert(0, '_');
            }

            string result = builder.ToString();

            // The one name an enum member cannot have: the compiler's backing field.
            return result == "value__" ? "value___" : result;
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
}
