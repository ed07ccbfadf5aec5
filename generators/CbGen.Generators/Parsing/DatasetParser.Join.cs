using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using CbGen.Generators.Helpers;
using CbGen.Generators.Model;

namespace CbGen.Generators.Parsing;

// DatasetParser: a parsed [ClassBalancedDataset] class joined with its counts file (generator only): the label enum's
// members in file order, the configs and sweep the counts allow, and the file's diagnostics.
internal static partial class DatasetParser
{
    /// <summary>Joins <paramref name="target"/> with its counts file: the label enum's model (members in file order,
    /// the configs the counts allow) and the file's diagnostics.</summary>
    public static DatasetSpec Build(DatasetTarget target, ImmutableArray<CountsFileSpec> files, CancellationToken cancellationToken)
    {
        CountsFileSpec? file = null;
        foreach (CountsFileSpec candidate in files)
        {
            if (CountsFileParser.Matches(candidate.Path, target.CountsFile))
            {
                if (file is not null)
                {
                    // Ambiguous: the analyzer reports it (CB016); generate nothing.
                    return new DatasetSpec(target, null, EquatableArray<string>.Empty, null, null, EquatableArray<DiagnosticInfo>.Empty);
                }

                file = candidate;
            }
        }

        if (file is null)
        {
            return new DatasetSpec(target, null, EquatableArray<string>.Empty, null, null, EquatableArray<DiagnosticInfo>.Empty);
        }

        var diagnostics = new List<DiagnosticInfo>(file.Issues);
        string fileName = System.IO.Path.GetFileName(file.Path);
        if (file.HasErrors)
        {
            return new DatasetSpec(target, null, EquatableArray<string>.Empty, file.Path, null, diagnostics.ToEquatableArray());
        }

        EquatableArray<CountsRow> rows = file.Rows;
        string enumDisplay = target.ClassName + "." + LabelEnumName;
        if (rows.Count < 2)
        {
            diagnostics.Add(new DiagnosticInfo(DiagnosticDescriptors.TooFewClasses.Id, rows[0].CountLocation,
                new EquatableArray<string>(new[] { enumDisplay + " (" + fileName + ")", Literals.Text((long)rows.Count) })));
            return new DatasetSpec(target, null, EquatableArray<string>.Empty, file.Path, null, diagnostics.ToEquatableArray());
        }

        var members = new MemberSpec[rows.Count];
        var names = new string[rows.Count];
        bool anyZero = false;
        bool anyPositive = false;
        foreach (CountsRow row in rows)
        {
            if (Parser.TooLong(row.MemberName + "Weight") is var bytes and > 0)
            {
                diagnostics.Add(new DiagnosticInfo(DiagnosticDescriptors.NameTooLong.Id, row.CountLocation,
                    new EquatableArray<string>(new[] { Parser.Shorten(row.MemberName + "Weight"), Literals.Text((long)bytes), "the class name on line " + Literals.Text((long)row.Line) })));
            }
        }

        if (diagnostics.Any(d => d.Id == DiagnosticDescriptors.NameTooLong.Id))
        {
            return new DatasetSpec(target, null, EquatableArray<string>.Empty, file.Path, null, diagnostics.ToEquatableArray());
        }

        for (int c = 0; c < rows.Count; c++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            CountsRow row = rows[c];
            members[c] = new MemberSpec(row.MemberName, row.Identifier, c, row.Count);
            names[c] = row.Name;
            anyZero |= row.Count == 0;
            anyPositive |= row.Count > 0;
        }

        long[] counts = rows.Select(r => r.Count).ToArray();
        int overflow = CountTotals.FirstOverflow(counts);
        var configs = new List<ConfigSpec>();
        bool zeroReported = false;
        foreach (ConfigSpec config in target.Configs)
        {
            if (anyZero && config.ZeroCounts == ZeroCountPolicy.Throw)
            {
                if (!zeroReported)
                {
                    zeroReported = true;
                    // The fix works for the sweep too when there is one (it has no ZeroCounts).
                    AddZeroCounts(rows, fileName, target.Sweep is { } swept
                        ? Parser.SweepZeroCountFix(swept.Points.Select(p => p.Loss))
                        : Parser.ZeroCountFix(target.Configs.FirstOrDefault(c => c.ZeroCounts == ZeroCountPolicy.Throw && c.NeedsEveryClass)?.Loss),
                        diagnostics);
                }

                continue;
            }

            if (anyZero && config.NeedsEveryClass)
            {
                // ZeroWeight cannot help: log π and n^(-1/4) are infinite for an empty class.
                CountsRow empty = rows.First(r => r.Count == 0);
                diagnostics.Add(new DiagnosticInfo(DiagnosticDescriptors.ZeroCountLongTail.Id, empty.CountLocation,
                    new EquatableArray<string>(new[] { RowName(empty, fileName),
                        "CbLoss." + config.Loss.ToString() + " (config " + config.TypeName + ")", Parser.LongTailNeed(config.Loss) })));
                continue;
            }

            if (config.IsLongTail && overflow >= 0)
            {
                diagnostics.Add(new DiagnosticInfo(DiagnosticDescriptors.CountTotalTooLarge.Id, rows[overflow].CountLocation,
                    new EquatableArray<string>(new[] { enumDisplay + " (" + fileName + ")", "CbLoss." + config.Loss.ToString() + " (config " + config.TypeName + ")" })));
                continue;
            }

            if (!anyPositive)
            {
                diagnostics.Add(new DiagnosticInfo(DiagnosticDescriptors.AllCountsZero.Id, rows[0].CountLocation,
                    new EquatableArray<string>(new[] { enumDisplay + " (" + fileName + ")" })));
                continue;
            }

            if (JoinMultiLabel(config, file, fileName, diagnostics) is { } joined)
            {
                configs.Add(joined);
                AddUnderflows(joined, rows, counts, fileName, diagnostics);
            }
        }

        SweepSpec? sweep = target.Sweep;
        if (sweep is not null && anyZero)
        {
            // Sweeps always use ZeroCountPolicy.Throw.
            if (!zeroReported)
            {
                AddZeroCounts(rows, fileName, Parser.SweepZeroCountFix(sweep.Points.Select(p => p.Loss)), diagnostics);
            }

            sweep = null;
        }
        else if (sweep is not null && SweepParser.CountTotalSubject(sweep, counts) is { } subject)
        {
            diagnostics.Add(new DiagnosticInfo(DiagnosticDescriptors.CountTotalTooLarge.Id, rows[overflow].CountLocation,
                new EquatableArray<string>(new[] { enumDisplay + " (" + fileName + ")", subject })));
            sweep = null;
        }

        sweep = sweep is null ? null : SweepParser.JoinSamples(sweep, file, fileName, diagnostics);
        if (sweep is not null)
        {
            AddUnderflows(sweep, rows, counts, fileName, diagnostics);
        }

        string? ns = target.Namespace;
        var spec = new EnumSpec(
            ns,
            enumDisplay,
            target.FullyQualifiedClassName + "." + LabelEnumName,
            target.HintPrefix,
            target.IsPublic,
            new EquatableArray<MemberSpec>(members),
            configs.ToEquatableArray(),
            Failure: null,
            CountsFile: fileName,
            Deprecation: target.Deprecation);
        return new DatasetSpec(target, spec, new EquatableArray<string>(names), file.Path, sweep, diagnostics.ToEquatableArray());
    }
}
