using Microsoft.CodeAnalysis;

namespace CbGen.Generators;

// DiagnosticDescriptors: CB016 on (counts files, sweeps, deferred re-weighting, long-tail losses) and CB900. The
// rows of a counts file are checked by the generator, which reads the file (the diagnostics point into it, with
// line numbers); everything in C# source is reported by the analyzers.
internal static partial class DiagnosticDescriptors
{
    /// <summary>CB016: the counts file is not among the project's AdditionalFiles (or several match).</summary>
    public static readonly DiagnosticDescriptor CountsFileMissing = Create(
        DiagnosticIds.CountsFileMissing, "Counts file not found among AdditionalFiles",
        "The counts file '{0}' {1}; pass it to the compiler with <AdditionalFiles Include=\"{2}\" /> in an <ItemGroup> of the project file{3}",
        DiagnosticSeverity.Error,
        "A [ClassBalancedDataset] class reads its classes and counts from a file passed to the compiler as <AdditionalFiles>; when no file (or more than one) matches the name, there is nothing unambiguous to read. Add the file as <AdditionalFiles Include=\"…\" /> with its path from the project's folder (the attribute's name matches it at any folder boundary, so \"birds.csv\" finds data/birds.csv), or name it by more of its path.");

    /// <summary>CB017: a row of a counts file is not "name, count".</summary>
    public static readonly DiagnosticDescriptor MalformedCountsRow = Create(
        DiagnosticIds.MalformedCountsRow, "Malformed row in a counts file",
        "Line {0} of '{1}' {2}; each row is a class name and its training-sample count separated by {3} (quote a name that contains the separator)",
        DiagnosticSeverity.Error,
        "Each row of a counts file is a class name and its training-sample count separated by a comma (or a tab); a row with another shape cannot be read. Fix the row, and quote a name that contains the separator.");

    /// <summary>CB018: a class name occurs twice in a counts file.</summary>
    public static readonly DiagnosticDescriptor DuplicateClassName = Create(
        DiagnosticIds.DuplicateClassName, "Duplicate class name in a counts file",
        "The class '{0}' on line {1} of '{2}' is already on line {3}; each class appears once",
        DiagnosticSeverity.Error,
        "A class name that appears twice would give two classes with the same name and make the counts ambiguous. Merge or rename the rows.");

    /// <summary>CB019: a count is not a whole number ≥ 0.</summary>
    public static readonly DiagnosticDescriptor InvalidCount = Create(
        DiagnosticIds.InvalidCount, "Count must be a whole number ≥ 0",
        "The count '{0}' of '{1}' on line {2} of '{3}' {4}; counts are whole numbers of training samples",
        DiagnosticSeverity.Error,
        "A count is a number of training samples: a whole number ≥ 0 written with ASCII digits that fits in a long. The message says whether the value is not a whole number, negative or too large. Fix the count.");

    /// <summary>CB020: a counts file has no rows.</summary>
    public static readonly DiagnosticDescriptor EmptyCountsFile = Create(
        DiagnosticIds.EmptyCountsFile, "Counts file is empty",
        "The counts file '{0}' has no class rows{1}; add one 'name,count' line per class, in class-index order",
        DiagnosticSeverity.Error,
        "A counts file without class rows (only comments, blank lines or a header) defines no classes. Add one row per class.");

    /// <summary>CB021: two class names become the same C# identifier.</summary>
    public static readonly DiagnosticDescriptor IdentifierClash = Create(
        DiagnosticIds.IdentifierClash, "Two class names become the same identifier",
        "The class '{0}' on line {1} of '{2}' becomes the enum member '{3}', like '{4}' on line {5}; rename one of them in the file (the original names are kept in Names)",
        DiagnosticSeverity.Error,
        "Each class name becomes an enum member; two names that map to the same identifier would give two members of the same name. Rename one of the classes.");

    /// <summary>CB022: the dataset class cannot receive the generated members.</summary>
    public static readonly DiagnosticDescriptor InvalidDatasetClass = Create(
        DiagnosticIds.InvalidDatasetClass, "Invalid class-balanced dataset class",
        "'{0}' cannot be a class-balanced dataset: {1}",
        DiagnosticSeverity.Error,
        "The generator adds a nested Label enum and members (ClassCount, Names, NameOf, TryGetLabel) to a [ClassBalancedDataset] class; it must be a partial, non-generic, non-record class at namespace level that can receive them without a name clash. Make the class partial and top-level, and rename what clashes.");

    /// <summary>CB023: a sweep grid has an empty axis.</summary>
    public static readonly DiagnosticDescriptor EmptySweepAxis = Create(
        DiagnosticIds.EmptySweepAxis, "Empty sweep axis",
        "{0} is empty; the sweep needs at least one value on each axis (omit it for the paper's default {1})",
        DiagnosticSeverity.Error,
        "A sweep is the grid of β × loss × γ; an empty axis gives no points. Omit the property for the paper's default values, or list at least one value.");

    /// <summary>CB024: a sweep grid holds a value twice.</summary>
    public static readonly DiagnosticDescriptor DuplicateSweepValue = Create(
        DiagnosticIds.DuplicateSweepValue, "Duplicate sweep value",
        "{0} holds {1} twice; each grid point must be distinct: remove the duplicate",
        DiagnosticSeverity.Error,
        "Each grid point is named after its values, so a repeated value would give two points of the same name. Remove the duplicate.");

    /// <summary>CB025: <c>DeferUntilEpoch</c> is negative.</summary>
    public static readonly DiagnosticDescriptor InvalidDeferUntilEpoch = Create(
        DiagnosticIds.InvalidDeferUntilEpoch, "DeferUntilEpoch must be ≥ 0",
        "DeferUntilEpoch is {0}; it is the first 0-based epoch that uses the class-balanced weights (0 = always weighted; the LDAM-DRW recipe uses 160 of 200 epochs)",
        DiagnosticSeverity.Error,
        "DeferUntilEpoch is the first 0-based epoch that uses the class-balanced weights (deferred re-weighting); a negative epoch has no meaning. Use 0 for always weighted, or the epoch to switch at.");

    /// <summary>CB026: a generated name would exceed the metadata name limit (1,023 UTF-8 bytes).</summary>
    public static readonly DiagnosticDescriptor NameTooLong = Create(
        DiagnosticIds.NameTooLong, "A generated name is too long for metadata",
        "The generated name '{0}' would be {1} UTF-8 bytes long, more than the 1,023 that .NET metadata allows; shorten '{2}'",
        DiagnosticSeverity.Error,
        ".NET metadata limits a name to 1,023 UTF-8 bytes (a type's name includes its namespace); a longer generated name would make the compiler fail at emit. Shorten the member, class or config name.");

    /// <summary>CB027: τ of a logit-adjusted or VS config (or an element of a sweep's Taus) is negative, NaN or infinite.
    /// The arguments word τ for the loss it is reported on (<c>Parser.TauWords</c>).</summary>
    public static readonly DiagnosticDescriptor TauOutOfRange = Create(
        DiagnosticIds.TauOutOfRange, "τ must be a finite number ≥ 0",
        "{0}; {1} must be a finite number ≥ 0 ({2})",
        DiagnosticSeverity.Error,
        "The logit-adjusted loss adds τ·log π_c to the logits, and the VS loss adds the same offsets ι_c = τ·log π_c to its scaled logits; a negative τ would favour the head classes instead of the tail, and NaN or ∞ makes every loss undefined. Use a finite τ ≥ 0: 1 (the default) is the paper's choice and the balanced softmax for the logit-adjusted loss and the official code's default for VS; 0 is plain cross-entropy, or for VS its scales alone.");

    /// <summary>CB028: LDAM's largest margin is ≤ 0, NaN or infinite.</summary>
    public static readonly DiagnosticDescriptor MaxMarginOutOfRange = Create(
        DiagnosticIds.MaxMarginOutOfRange, "MaxMargin must be a finite number > 0",
        "MaxMargin is {0}; LDAM's largest margin m_max must be a finite number > 0 (the paper uses 0.5)",
        DiagnosticSeverity.Error,
        "LDAM lowers the true class's logit by a margin proportional to n^(-1/4), the rarest class's being MaxMargin; a margin ≤ 0 removes or inverts the effect and NaN or ∞ makes the loss undefined. Use a finite MaxMargin > 0 (the paper's 0.5 is the default).");

    /// <summary>CB029: LDAM's logit scale is ≤ 0, NaN or infinite.</summary>
    public static readonly DiagnosticDescriptor ScaleOutOfRange = Create(
        DiagnosticIds.ScaleOutOfRange, "Scale must be a finite number > 0",
        "Scale is {0}; LDAM's logit scale s must be a finite number > 0 (the official code uses 30)",
        DiagnosticSeverity.Error,
        "LDAM multiplies the margin-shifted logits by the scale s before the softmax; s ≤ 0 flips or erases the logits and NaN or ∞ makes the loss undefined. Use a finite Scale > 0 (the official code's 30 is the default).");

    /// <summary>CB030: an option is set on a loss it does not apply to (Tau, MaxMargin, Scale, Beta, DeferUntilEpoch, Taus).
    /// The last argument is the fix in that attribute's own properties: <see cref="ConfigOptionFix"/> or <see cref="SweepOptionFix"/>.</summary>
    public static readonly DiagnosticDescriptor OptionNotApplicable = Create(
        DiagnosticIds.OptionNotApplicable, "Option has no effect on this loss",
        "{0} is set but the loss is {1}; {0} only applies to {2}: {3}",
        DiagnosticSeverity.Warning,
        "Each option belongs to some losses: Tau to CbLoss.LogitAdjusted and CbLoss.VectorScaling, VsGamma to CbLoss.VectorScaling, MaxMargin and Scale to CbLoss.Ldam, Beta to the class-balanced losses and LDAM-DRW (CbLoss.Ldam with DeferUntilEpoch), DeferUntilEpoch to every loss but LogitAdjusted and VectorScaling, a sweep's Taus to its LogitAdjusted and VectorScaling points, its VsGammas to its VectorScaling points and its Samples to its DistributionBalanced point. Elsewhere it is ignored, which usually means the config is not what was intended. Remove the option, or change the loss (a config's Loss, or a sweep's Losses).");

    /// <summary>CB030's fix on a config.</summary>
    public const string ConfigOptionFix = "remove it, or change the loss";

    /// <summary>CB030's fix on a sweep, which has Losses, not Loss.</summary>
    public const string SweepOptionFix = "remove it, or add one of those losses to Losses";

    /// <summary>CB031: a class of count 0 under a logit-adjusted, VS, LDAM or distribution-balanced config.</summary>
    public static readonly DiagnosticDescriptor ZeroCountLongTail = Create(
        DiagnosticIds.ZeroCountLongTail, "A long-tail loss needs every class to have samples",
        "Class '{0}' has 0 training samples, but {1} needs {2} of every class, which is infinite for a count of 0; " + PseudoCountFix,
        DiagnosticSeverity.Error,
        "The logit-adjusted and VS losses shift by τ·log π_c, LDAM's margin is n_c^(-1/4) and the distribution-balanced loss weighs by 1/n_c: each is infinite for a class without samples, even with ZeroCounts = ZeroCountPolicy.ZeroWeight, so no finite table or loss exists. Give the class a pseudo-count of 1 if it can occur at test time, or remove it from the label set.");

    /// <summary>CB032: the counts sum past <see cref="long.MaxValue"/> under a logit-adjusted or LDAM config (or sweep point), whose
    /// runtime loss checks the counts by their exact Int64 total (the priors π_c = n_c / Σn need it).</summary>
    public static readonly DiagnosticDescriptor CountTotalTooLarge = Create(
        DiagnosticIds.CountTotalTooLarge, "The counts sum past Int64.MaxValue",
        "The counts of '{0}' sum past 9,223,372,036,854,775,807 (Int64.MaxValue), the most {1} can take (the loss sums them exactly as an Int64, for the class priors π_c = n_c / Σn); divide every count by the same factor so that they sum to at most Int64.MaxValue",
        DiagnosticSeverity.Error,
        "The logit-adjusted loss shifts the logits by τ·log π_c with π_c = n_c / Σn (and the VS loss by the same offsets), and LDAM's runtime loss checks its counts the same way: both sum the counts exactly as an Int64 (ClassPriors), so the counts must total at most Int64.MaxValue. The class-balanced losses do not need the total and generate without the Priors and LogPriors tables. Divide every count by the same factor: the priors and LDAM's margins depend only on the ratios.");

    /// <summary>CB900: the generator failed unexpectedly (a bug: please report it).</summary>
    public static readonly DiagnosticDescriptor GeneratorFailure = Create(
        DiagnosticIds.GeneratorFailure, "CbGen failed unexpectedly",
        "CbGen could not generate code for '{0}': {1}. This is a bug in CbGen; please report it with the enum",
        DiagnosticSeverity.Error,
        "The generator hit an unexpected exception; it reports this instead of failing the build, and generates nothing for that enum. This is a bug in CbGen: please report it with the code that triggers it.");
}
