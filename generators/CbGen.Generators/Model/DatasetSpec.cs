using CbGen.Generators.Helpers;
using Microsoft.CodeAnalysis;

namespace CbGen.Generators.Model
{
    /// <summary>A span in a file, as plain numbers (a <c>Location</c> would pin a syntax tree in the pipeline).</summary>
    internal sealed record LocationInfo(string Path, int Start, int Length, int StartLine, int StartCharacter, int EndLine, int EndCharacter)
    {
        /// <summary>The numbers of a source <paramref name="location"/>; null for none.</summary>
        public static LocationInfo? From(Location? location)
        {
            if (location is null || location.SourceTree is null)
            {
                return null;
            }

            FileLinePositionSpan lines = location.GetLineSpan();
            return new LocationInfo(location.SourceTree.FilePath, location.SourceSpan.Start, location.SourceSpan.Length,
                lines.StartLinePosition.Line, lines.StartLinePosition.Character, lines.EndLinePosition.Line, lines.EndLinePosition.Character);
        }
    }

    /// <summary>A diagnostic as equatable data; the generator turns it into a <c>Diagnostic</c> when it reports it.</summary>
    internal sealed record DiagnosticInfo(string Id, LocationInfo? Location, EquatableArray<string> Args);

    /// <summary>One class row of a counts file. <see cref="MemberName"/> is the bare C# identifier made from
    /// <see cref="Name"/>, <see cref="Identifier"/> the same ready for C# (a keyword escaped with '@').
    /// <see cref="CountLocation"/> points at the count (for the zero-count diagnostics).</summary>
    internal sealed record CountsRow(string Name, string MemberName, string Identifier, long Count, int Line, LocationInfo CountLocation);

    /// <summary>A parsed counts file: its rows in class order and what is wrong with it.</summary>
    internal sealed record CountsFileSpec(string Path, EquatableArray<CountsRow> Rows, EquatableArray<DiagnosticInfo> Issues, bool HasErrors);

    /// <summary>One point of a sweep grid. <see cref="Member"/> is the static property of <c>{Prefix}Sweep</c>
    /// (e.g. <c>Focal_B0_9999_G0_5</c>); the point's <c>Name</c> is the prefix followed by it.</summary>
    internal sealed record SweepPoint(string Member, CbLoss Loss, double Beta, int BetaIndex, double Gamma)
    {
        /// <summary>τ of a LogitAdjusted point; 0 for the others.</summary>
        public double Tau { get; init; }

        /// <summary>Whether the point's loss applies the class-balanced weights of <see cref="Beta"/> (<see cref="BetaIndex"/>
        /// ≥ 0); false for LogitAdjusted and for plain Ldam (no DeferUntilEpoch).</summary>
        public bool UsesWeights => BetaIndex >= 0;
    }

    /// <summary>A valid <c>[ClassBalancedSweep]</c>, expanded.</summary>
    internal sealed record SweepSpec(
        string Prefix,
        EquatableArray<double> Betas,
        EquatableArray<double> Gammas,
        EquatableArray<SweepPoint> Points,
        CbDevice Device,
        MeanNormalizer Normalizer,
        int DeferUntilEpoch,
        LocationInfo? Location = null)
    {
        /// <summary>The τ axis (LogitAdjusted points only; empty without them).</summary>
        public EquatableArray<double> Taus { get; init; } = EquatableArray<double>.Empty;
    }

    /// <summary>A sweep over a hand-annotated enum.</summary>
    internal sealed record EnumSweepSpec(EnumSpec Enum, SweepSpec Sweep);

    /// <summary>A <c>[ClassBalancedDataset]</c> class as read from source, before its counts file is joined in. Holds
    /// only the valid configs; null sweep when there is none (or it is invalid).</summary>
    internal sealed record DatasetTarget(
        string? Namespace,
        string ClassName,
        string FullyQualifiedClassName,
        string HintPrefix,
        bool IsPublic,
        string CountsFile,
        EquatableArray<ConfigSpec> Configs,
        SweepSpec? Sweep,
        LocationInfo? Location = null,
        string? Deprecation = null);

    /// <summary>A dataset joined with its parsed counts file: <see cref="Enum"/> is null when nothing can be generated
    /// (the file is missing or has errors); <see cref="Diagnostics"/> point into the file.</summary>
    internal sealed record DatasetSpec(
        DatasetTarget Target,
        EnumSpec? Enum,
        EquatableArray<string> Names,
        string? CountsFilePath,
        SweepSpec? Sweep,
        EquatableArray<DiagnosticInfo> Diagnostics);
}
