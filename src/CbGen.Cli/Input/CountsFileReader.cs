using System;
using System.Collections.Generic;
using CbGen.CountsFiles;

namespace CbGen.Cli.Input;

/// <summary>What the first rows of a delimited file say it is.</summary>
internal enum DelimitedShape
{
    /// <summary>A label column (or anything that is not a counts file).</summary>
    Labels,

    /// <summary>A counts file: a <c>name,count</c> header.</summary>
    Counts,

    /// <summary><c>name,number</c> rows with distinct names: a counts file without a telling header, or a
    /// <c>path,class-index</c> label file. The tool asks (<c>--as counts</c> or <c>--as labels</c>).</summary>
    Ambiguous,
}

/// <summary>Reads a counts file: <c>name,count</c> rows (CSV or TSV) in class-index order, with the generator's own
/// implementation of the format (src/CbGen/CountsFiles), so it reads as <c>[ClassBalancedDataset]</c> reads it.
/// <c>cbgen count --csv</c> writes this format.</summary>
internal static class CountsFileReader
{
    private static readonly string[] CountHeaders = { "count", "counts", "samples", "n" };

    /// <summary>Header words that name a label column: <c>path,label</c> is a label file.</summary>
    private static readonly string[] LabelHeaders =
    {
        "label", "labels", "class", "classes", "class_id", "label_id", "category", "category_id", "target", "y",
    };

    /// <summary>Tells a counts file from a label file by its first rows (comments already skipped).</summary>
    public static DelimitedShape Detect(IReadOnlyList<IReadOnlyList<string>> sample)
    {
        if (sample.Count == 0)
        {
            return DelimitedShape.Labels;
        }

        IReadOnlyList<string> first = sample[0];
        if (IsCountsHeader(first))
        {
            return DelimitedShape.Counts;
        }

        int start = first.Count == 2 && IsWholeNumber(first[1]) ? 0 : 1;
        if (start == 1 && (first.Count != 2 || Array.Exists(LabelHeaders, h => string.Equals(h, first[1], StringComparison.OrdinalIgnoreCase))))
        {
            return DelimitedShape.Labels;
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        for (int i = start; i < sample.Count; i++)
        {
            IReadOnlyList<string> row = sample[i];
            if (row.Count != 2 || row[0].Length == 0 || !IsWholeNumber(row[1]) || !names.Add(row[0]))
            {
                return DelimitedShape.Labels;
            }
        }

        return names.Count == 0 ? DelimitedShape.Labels : DelimitedShape.Ambiguous;
    }

    /// <summary>An optional sign and ASCII digits: what the generator reads as a count (<see cref="CountsFileFormat.IsInteger"/>).</summary>
    private static bool IsWholeNumber(string text) => CountsFileFormat.IsInteger(text.Trim());

    /// <summary>Whether a first row looks like a counts file's header (<c>name,count</c>).</summary>
    public static bool IsCountsHeader(IReadOnlyList<string> first)
    {
        if (first.Count != 2)
        {
            return false;
        }

        foreach (string word in CountHeaders)
        {
            if (string.Equals(first[1], word, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Reads the counts file <paramref name="text"/> by the generator's own rules (<see cref="CountsFileFormat"/>:
    /// separator, quotes, comments, the header rule, the count check), so a file reads here as it reads in the build.
    /// <paramref name="path"/> (without a ".gz") decides the separator as the file's name does for the generator.</summary>
    public static CountTable Read(string text, string path, string display)
    {
        var classes = new List<ClassCount>();
        var classLines = new List<int>();
        List<CountsLine> rows = CountsFileFormat.ReadRows(path, text, out char separator, out _);
        foreach (CountsLine row in rows)
        {
            switch (row.Problem)
            {
                case CountsProblem.Malformed:
                    throw InputException.At(display, row.LineNumber, "the row " + row.Detail + "; each row is a class name and its count "
                        + "separated by " + CountsFileFormat.SeparatorText(separator) + " (quote a name that contains the separator).");
                case CountsProblem.EmptyName:
                    throw InputException.At(display, row.LineNumber, "the class name is empty.");
                case CountsProblem.InvalidCount:
                    throw InputException.At(display, row.LineNumber, "the count '" + row.CountText + "' of class '" + row.Name
                        + "' is not a whole number ≥ 0 (it " + row.Detail + ").");
                case CountsProblem.DuplicateName:
                    throw InputException.At(display, row.LineNumber, "the class '" + row.Name + "' is listed twice (first on line "
                        + Invariant.Format(row.OtherLine) + ").");
                default:
                    // A class, or one whose member name clashes with an earlier one's: a problem only for the member
                    // names of [ClassBalancedDataset] (CB021), which the commands that write them warn about.
                    classes.Add(new ClassCount(row.Name, row.Count));
                    classLines.Add(row.LineNumber);
                    break;
            }
        }

        if (classes.Count == 0)
        {
            throw new InputException(display + ": the counts file lists no classes; expected rows like 'cat,120'.");
        }

        var notes = new List<string>();
        foreach (ClassCount c in classes)
        {
            if (c.Count == 0)
            {
                notes.Add("the class '" + c.Name + "' has count 0.");
            }
        }

        long? samples = ReadSamples(text, display, classes, classLines);
        return new CountTable(display, SourceKind.Counts, samples is null ? "counts file" : "multi-label counts file", classes, notes)
        {
            Samples = samples,
        };
    }

    /// <summary>N from the file's "# samples: N" line (null when it has none), checked as the generator checks it
    /// (CB051-CB053): a whole number ≥ 1, given once, at least every count. A count above N is reported, as CB052, on the
    /// class's row (<paramref name="classLines"/>, parallel to <paramref name="classes"/>), naming the samples line.</summary>
    private static long? ReadSamples(string text, string display, List<ClassCount> classes, List<int> classLines)
    {
        List<SamplesDirective> found = CountsFileFormat.FindSamples(text);
        if (found.Count == 0)
        {
            return null;
        }

        SamplesDirective first = found[0];
        if (first.Error is not null)
        {
            throw InputException.At(display, first.LineNumber, "the number of samples '" + first.ValueText + "' " + first.Error
                + "; write '" + CountsFileFormat.SamplesLine(1).Replace("1", "N", StringComparison.Ordinal) + "' with N the number of training samples, a whole number ≥ 1.");
        }

        if (found.Count > 1)
        {
            throw InputException.At(display, found[1].LineNumber, "a second samples line (the first is line " + Invariant.Format(first.LineNumber)
                + "); keep one.");
        }

        int over = classes.FindIndex(c => c.Count > first.Value);
        if (over >= 0)
        {
            throw InputException.At(display, classLines[over], "the class '" + classes[over].Name + "' has " + Invariant.Format(classes[over].Count)
                + " positives but line " + Invariant.Format(first.LineNumber) + " gives N = " + Invariant.Format(first.Value)
                + "; a class is positive at most once per sample, so correct N (every training sample, labelled or not) or the count.");
        }

        return first.Value;
    }
}
