using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace CbGen.Generators
{
    /// <summary>
    /// The diagnostics of counts files (<c>[ClassBalancedDataset]</c>), sweeps (<c>[ClassBalancedSweep]</c>) and
    /// deferred re-weighting (<c>DeferUntilEpoch</c>), CB016 on. The rows of a counts file are checked by the generator,
    /// which reads the file (the diagnostics point into it, with line numbers); everything in C# source is reported by
    /// <see cref="TrainingSetupAnalyzer"/>. the README (section Diagnostics) shows a bad and a fixed example of each.
    /// </summary>
    public static class TrainingSetupDiagnostics
    {
        private const string Category = "CbGen";

        /// <summary>CB016: the counts file is not among the project's AdditionalFiles (or several match).</summary>
        public static readonly DiagnosticDescriptor CountsFileMissing = Create(
            "CB016", "Counts file not found among AdditionalFiles",
            "The counts file '{0}' {1}; pass it to the compiler with <AdditionalFiles Include=\"{2}\" /> in an <ItemGroup> of the project file",
            DiagnosticSeverity.Error);

        /// <summary>CB017: a row of a counts file is not "name, count".</summary>
        public static readonly DiagnosticDescriptor MalformedCountsRow = Create(
            "CB017", "Malformed row in a counts file",
            "Line {0} of '{1}' {2}; each row is a class name and its training-sample count separated by {3} (quote a name that contains the separator)",
            DiagnosticSeverity.Error);

        /// <summary>CB018: a class name occurs twice in a counts file.</summary>
        public static readonly DiagnosticDescriptor DuplicateClassName = Create(
            "CB018", "Duplicate class name in a counts file",
            "The class '{0}' on line {1} of '{2}' is already on line {3}; each class appears once",
            DiagnosticSeverity.Error);

        /// <summary>CB019: a count is not a whole number ≥ 0.</summary>
        public static readonly DiagnosticDescriptor InvalidCount = Create(
            "CB019", "Count must be a whole number ≥ 0",
            "The count '{0}' of '{1}' on line {2} of '{3}' {4}; counts are whole numbers of training samples",
            DiagnosticSeverity.Error);

        /// <summary>CB020: a counts file has no rows.</summary>
        public static readonly DiagnosticDescriptor EmptyCountsFile = Create(
            "CB020", "Counts file is empty",
            "The counts file '{0}' has no class rows{1}; add one 'name,count' line per class, in class-index order",
            DiagnosticSeverity.Error);

        /// <summary>CB021: two class names become the same C# identifier.</summary>
        public static readonly DiagnosticDescriptor IdentifierClash = Create(
            "CB021", "Two class names become the same identifier",
            "The class '{0}' on line {1} of '{2}' becomes the enum member '{3}', like '{4}' on line {5}; rename one of them in the file (the original names are kept in Names)",
            DiagnosticSeverity.Error);

        /// <summary>CB022: the dataset class cannot receive the generated members.</summary>
        public static readonly DiagnosticDescriptor InvalidDatasetClass = Create(
            "CB022", "Invalid class-balanced dataset class",
            "'{0}' cannot be a class-balanced dataset: {1}",
            DiagnosticSeverity.Error);

        /// <summary>CB023: a sweep grid has an empty axis.</summary>
        public static readonly DiagnosticDescriptor EmptySweepAxis = Create(
            "CB023", "Empty sweep axis",
            "{0} is empty; the sweep needs at least one value on each axis (omit it for the paper's default {1})",
            DiagnosticSeverity.Error);

        /// <summary>CB024: a sweep grid holds a value twice.</summary>
        public static readonly DiagnosticDescriptor DuplicateSweepValue = Create(
            "CB024", "Duplicate sweep value",
            "{0} holds {1} twice; each grid point must be distinct: remove the duplicate",
            DiagnosticSeverity.Error);

        /// <summary>CB025: <c>DeferUntilEpoch</c> is negative.</summary>
        public static readonly DiagnosticDescriptor InvalidDeferUntilEpoch = Create(
            "CB025", "DeferUntilEpoch must be ≥ 0",
            "DeferUntilEpoch is {0}; it is the first 0-based epoch that uses the class-balanced weights (0 = always weighted; the LDAM-DRW recipe uses 160 of 200 epochs)",
            DiagnosticSeverity.Error);

        /// <summary>Every descriptor the generator may report from the pipeline model, by ID.</summary>
        internal static readonly IReadOnlyDictionary<string, DiagnosticDescriptor> ById = new Dictionary<string, DiagnosticDescriptor>
        {
            [MalformedCountsRow.Id] = MalformedCountsRow,
            [DuplicateClassName.Id] = DuplicateClassName,
            [InvalidCount.Id] = InvalidCount,
            [EmptyCountsFile.Id] = EmptyCountsFile,
            [IdentifierClash.Id] = IdentifierClash,
            [DiagnosticDescriptors.NonPositiveCount.Id] = DiagnosticDescriptors.NonPositiveCount,
            [DiagnosticDescriptors.TooFewClasses.Id] = DiagnosticDescriptors.TooFewClasses,
            [DiagnosticDescriptors.NameTooLong.Id] = DiagnosticDescriptors.NameTooLong,
            [DiagnosticDescriptors.AllCountsZero.Id] = DiagnosticDescriptors.AllCountsZero,
            [DiagnosticDescriptors.ZeroCountLongTail.Id] = DiagnosticDescriptors.ZeroCountLongTail,
            [DiagnosticDescriptors.CountTotalTooLarge.Id] = DiagnosticDescriptors.CountTotalTooLarge,
        };

        private static DiagnosticDescriptor Create(string id, string title, string message, DiagnosticSeverity severity) =>
            new DiagnosticDescriptor(id, title, message, Category, severity, isEnabledByDefault: true,
                description: DiagnosticHelp.DescriptionOf(id), helpLinkUri: DiagnosticHelp.LinkOf(id));
    }
}
