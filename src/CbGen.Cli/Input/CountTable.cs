using System;
using System.Collections.Generic;
using System.Linq;

namespace CbGen.Cli.Input;

/// <summary>The samples of one class.</summary>
internal sealed record ClassCount(string Name, long Count);

/// <summary>What a count table was read from.</summary>
internal enum SourceKind
{
    /// <summary>An image-folder tree: one sub-folder per class.</summary>
    Folder,

    /// <summary>A label column of a CSV/TSV file.</summary>
    Labels,

    /// <summary>An IDX label file (magic 2049), optionally gzip-compressed.</summary>
    Idx,

    /// <summary>A counts file: <c>name,count</c> rows.</summary>
    Counts,

    /// <summary>The <c>--counts</c> option.</summary>
    Inline,

    /// <summary>COCO-style JSON: categories and annotations.</summary>
    Json,

    /// <summary>A label column of a Parquet file.</summary>
    Parquet,
}

/// <summary>Per-class sample counts in class-index order, with where they came from.</summary>
internal sealed class CountTable
{
    public CountTable(string source, SourceKind kind, string description, IReadOnlyList<ClassCount> classes, IReadOnlyList<string>? notes = null,
        IReadOnlyList<string>? warnings = null)
    {
        Source = source;
        Kind = kind;
        Description = description;
        Classes = classes;
        Notes = notes ?? Array.Empty<string>();
        Warnings = warnings ?? Array.Empty<string>();
    }

    /// <summary>The path (as the user wrote it) or <c>--counts</c>.</summary>
    public string Source { get; }

    public SourceKind Kind { get; }

    /// <summary>A short human description, e.g. "image folder" or "column 'label' of a CSV file".</summary>
    public string Description { get; }

    /// <summary>The classes in class-index order (the logits columns).</summary>
    public IReadOnlyList<ClassCount> Classes { get; }

    /// <summary>Things worth telling the user (skipped files, classes without samples), printed to stderr.</summary>
    public IReadOnlyList<string> Notes { get; }

    /// <summary>Things that are probably a mistake (a column of ids read as labels), printed to stderr.</summary>
    public IReadOnlyList<string> Warnings { get; }

    /// <summary>Multi-label sources (<c>--multi-label</c>, or a counts file with a <c># samples: N</c> line): the number
    /// of samples N, of which each class's count are its positives; null for single-label counts.</summary>
    public long? Samples { get; init; }

    public long Total
    {
        get
        {
            long total = 0;
            foreach (ClassCount c in Classes)
            {
                total += c.Count;
            }

            return total;
        }
    }

    /// <summary>How much the counts cover: "7 labels on 5 samples" for multi-label counts (the counts are positives out
    /// of <see cref="Samples"/>, so their sum is labels, not samples), else "7 samples".</summary>
    public string SizeText => Samples is long n
        ? Invariant.Plural(Total, "label", "labels") + " on " + Invariant.Plural(n, "sample", "samples")
        : Invariant.Plural(Total, "sample", "samples");

    public long[] Counts()
    {
        var counts = new long[Classes.Count];
        for (int i = 0; i < counts.Length; i++)
        {
            counts[i] = Classes[i].Count;
        }

        return counts;
    }

    /// <summary>The classes of count 0 as the subject of a sentence, with its verb: "the class at index 1 has no
    /// samples", "the classes 'cat' (index 0) and 'dog' (index 2) have no samples". A class whose name is just its
    /// index is named by the index alone; null when every class has samples.</summary>
    public string? NoSamplesPhrase()
    {
        var indices = new List<string>();
        var named = new List<string>();
        bool allIndices = true;
        for (int i = 0; i < Classes.Count; i++)
        {
            if (Classes[i].Count == 0)
            {
                string index = Invariant.Format(i);
                allIndices &= Classes[i].Name == index;
                indices.Add(index);
                named.Add("'" + Classes[i].Name + "' (index " + index + ")");
            }
        }

        if (indices.Count == 0)
        {
            return null;
        }

        bool one = indices.Count == 1;
        string subject = allIndices
            ? (one ? "the class at index " : "the classes at indices ") + Invariant.List(indices)
            : (one ? "the class " : "the classes ") + Invariant.List(named);
        return subject + (one ? " has" : " have") + " no samples";
    }

    /// <summary>The number of classes of count 0.</summary>
    public int EmptyCount() => Classes.Count(c => c.Count == 0);

    public string KindName => Kind switch
    {
        SourceKind.Folder => "folder",
        SourceKind.Labels => "labels",
        SourceKind.Idx => "idx",
        SourceKind.Counts => "counts",
        SourceKind.Json => "json",
        SourceKind.Parquet => "parquet",
        _ => "inline",
    };
}
