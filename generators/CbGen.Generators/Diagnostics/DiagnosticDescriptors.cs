using Microsoft.CodeAnalysis;

namespace CbGen.Generators;

/// <summary>Every diagnostic CbGen reports, in one place and in id order (this file CB001–CB015, the partial
/// DiagnosticDescriptors.TrainingSetup.cs the rest): each with its message, its description (why the rule exists,
/// how to fix it; IDEs and SARIF logs show it) and its help link, a stable anchor in docs/diagnostics.md.</summary>
internal static partial class DiagnosticDescriptors
{
    private const string Category = "CbGen";

    /// <summary>The fix for an empty class that works for every loss (CB031, and CB002 under a long-tail loss or a sweep).</summary>
    internal const string PseudoCountFix = "give the class a pseudo-count (e.g. 1) or remove it";

    /// <summary>CB001: a member of a class-balanced enum has no <c>[Samples]</c>.</summary>
    public static readonly DiagnosticDescriptor MissingSamples = Create(
        DiagnosticIds.MissingSamples, "Class without a sample count",
        "Member '{0}' of the class-balanced enum '{1}' has no [Samples(n)]; give every class its number of training samples",
        DiagnosticSeverity.Error,
        "Class-balanced weights come from the number of training samples of each class; a member without [Samples(n)] has no count, so no weight can be computed. Add [Samples(n)] with the class's training-sample count.");

    /// <summary>CB002: a sample count is negative, or 0 without <c>ZeroCounts = ZeroCountPolicy.ZeroWeight</c> (a sweep has
    /// none). The last argument is the fix that works for the configs and the sweep involved (<c>Parser.ZeroCountFix</c>,
    /// <c>Parser.SweepZeroCountFix</c>).</summary>
    public static readonly DiagnosticDescriptor NonPositiveCount = Create(
        DiagnosticIds.NonPositiveCount, "Sample count must be positive",
        "Member '{0}' has the sample count {1}; counts must be ≥ 1 ({2})",
        DiagnosticSeverity.Error,
        "The effective number of samples (1 - β^n) / (1 - β) is defined for n ≥ 1; a negative count is always a mistake and a count of 0 would divide by zero. Fix the count. A [ClassBalanced] or [ClassBalancedDataset] config can opt in with ZeroCounts = ZeroCountPolicy.ZeroWeight to give empty classes weight 0, except under the logit-adjusted, VS, LDAM and distribution-balanced losses, which need a finite value of every class (there ZeroWeight gives CB031); a [ClassBalancedSweep] has no ZeroCounts. Where ZeroWeight cannot help, give the class a pseudo-count of 1 or remove it: the message names the fix that works for the attributes involved.");

    /// <summary>CB003: β is NaN or outside [0, 1].</summary>
    public static readonly DiagnosticDescriptor BetaOutOfRange = Create(
        DiagnosticIds.BetaOutOfRange, "β must be in [0, 1]",
        "Beta is {0}; β must be in [0, 1] (the paper uses 0.9, 0.99, 0.999 or 0.9999)",
        DiagnosticSeverity.Error,
        "β is the overlap parameter of the effective number: 0 gives uniform weights, values towards 1 approach inverse-frequency weights, and values outside [0, 1] give meaningless or negative weights. Use a value in [0, 1]; the paper searches 0.9, 0.99, 0.999 and 0.9999.");

    /// <summary>CB004: γ is negative or NaN.</summary>
    public static readonly DiagnosticDescriptor GammaOutOfRange = Create(
        DiagnosticIds.GammaOutOfRange, "γ must be ≥ 0",
        "Gamma is {0}; the focal loss's γ must be a finite number ≥ 0 (the paper uses 0.5, 1.0 or 2.0)",
        DiagnosticSeverity.Error,
        "The focal loss's γ down-weights easy examples by (1 - p)^γ; a negative, NaN or infinite γ would up-weight them or make the loss undefined. Use a finite γ ≥ 0 (the paper uses 0.5, 1 or 2).");

    /// <summary>CB005: γ is set on a config (Gamma) or a sweep (Gammas) without the focal loss, where it has no effect.
    /// The last argument is the fix in that attribute's own properties (<c>Parser.GammaIgnoredFix</c>).</summary>
    public static readonly DiagnosticDescriptor GammaIgnored = Create(
        DiagnosticIds.GammaIgnored, "γ has no effect on this loss",
        "{0} is set but the loss is {1}; γ only applies to CbLoss.Focal: {2}",
        DiagnosticSeverity.Warning,
        "γ only enters the focal loss; on a config of another loss, or a sweep without focal points, it is silently ignored, which usually means the config is not what was intended. Remove it, or use the focal loss (Loss = CbLoss.Focal on a config, CbLoss.Focal in a sweep's Losses). The VS loss's own γ is VsGamma (a sweep's VsGammas).");

    /// <summary>CB006: the member values are not exactly 0..C-1.</summary>
    public static readonly DiagnosticDescriptor ValuesNotClassIndices = Create(
        DiagnosticIds.ValuesNotClassIndices, "Member values must be the class indices 0..C-1",
        "Member '{0}' has the value {1}, {2}; the values of a class-balanced enum must be exactly 0..{3}, each once (they are the logits columns)",
        DiagnosticSeverity.Error,
        "The generated tables are indexed by the enum value, which is the logits column of the class, so the values must be exactly 0..C-1 without gaps or duplicates. Renumber the members 0, 1, 2, … in declaration order.");

    /// <summary>CB007: a class-balanced enum is a <c>[Flags]</c> enum.</summary>
    public static readonly DiagnosticDescriptor FlagsEnum = Create(
        DiagnosticIds.FlagsEnum, "A class-balanced enum cannot be [Flags]",
        "'{0}' is a [Flags] enum; class labels are indices 0..C-1, not bit flags: remove [Flags]",
        DiagnosticSeverity.Error,
        "A [Flags] enum combines values as bits, while a label enum names exactly one class per value; the class-index rule cannot hold. Remove [Flags] (use a multi-label target with the sigmoid loss instead).");

    /// <summary>CB008: fewer than two classes.</summary>
    public static readonly DiagnosticDescriptor TooFewClasses = Create(
        DiagnosticIds.TooFewClasses, "A classifier needs at least 2 classes",
        "'{0}' has {1} member(s); a class-balanced enum needs at least 2 classes",
        DiagnosticSeverity.Error,
        "Re-weighting needs at least two classes to balance. Add the missing classes, or remove [ClassBalanced].");

    /// <summary>CB009: <c>[Samples]</c> on an enum without <c>[ClassBalanced]</c>.</summary>
    public static readonly DiagnosticDescriptor SamplesWithoutConfig = Create(
        DiagnosticIds.SamplesWithoutConfig, "[Samples] without [ClassBalanced]",
        "Member '{0}' has [Samples] but the enum '{1}' has no [ClassBalanced]; nothing is generated until you add one",
        DiagnosticSeverity.Warning,
        "[Samples] only has an effect on an enum with [ClassBalanced] (or [ClassBalancedSweep]); without one nothing is generated, which usually means the attribute was forgotten. Add [ClassBalanced], or remove the counts.");

    /// <summary>CB010: two configs (or two enums) would generate types with the same name, or a type of the user's
    /// already has the name.</summary>
    public static readonly DiagnosticDescriptor DuplicateName = Create(
        DiagnosticIds.DuplicateName, "A generated type name is already taken",
        "The generated type '{0}' in {1} is already taken by {2}; give this config or sweep a distinct Name = \"…\" (or rename the other declaration)",
        DiagnosticSeverity.Error,
        "Two things the generator would write, or a generated type and a type or namespace of yours, would have the same name in one namespace; emitting both would make the compiler reject the declarations and hide every other diagnostic. Nothing that clashes is generated. Give the config or sweep a distinct Name = \"…\", or rename your declaration.");

    /// <summary>CB066: a member of the user's partial {Name}Weights has the name of a generated member.</summary>
    public static readonly DiagnosticDescriptor WeightsMemberClash = Create(
        DiagnosticIds.WeightsMemberClash, "A member of your partial weights class has a generated member's name",
        "Your member '{0}' of the partial class '{1}' has the name of the {2} '{0}' that CbGen generates in it; rename yours",
        DiagnosticSeverity.Error,
        "A partial class {Name}Weights of yours may add members to the generated weights class, but not one with the name of a generated member (ClassCount, Counts, Weights, WeightOf, {Member}Count, …): the compiler would reject the pair. Nothing of that config is generated until you rename your member. A method with other parameters than the generated one is an overload, not a clash.");

    /// <summary>CB011: with this β the weights are almost uniform although the counts are very different.</summary>
    public static readonly DiagnosticDescriptor WeightsCollapse = Create(
        DiagnosticIds.WeightsCollapse, "β is too small for these counts: the weights are nearly uniform",
        "With Beta = {0} the largest weight is only {1}× the smallest although the counts differ {2}×; β = (N-1)/N ≈ {3} with N = {4} (the largest count) re-weights by the effective number",
        DiagnosticSeverity.Warning,
        "When every class has many more samples than 1 / (1 - β), the effective numbers saturate and the weights become nearly uniform, so the loss is effectively unweighted although the counts are imbalanced. Use a β closer to 1, about (N - 1) / N with N the largest count; β = 0 (the deliberate baseline) is exempt.");

    /// <summary>CB012: the generated code cannot reach the enum.</summary>
    public static readonly DiagnosticDescriptor UnreachableEnum = Create(
        DiagnosticIds.UnreachableEnum, "The generated code cannot reach this enum",
        "'{0}' is {1}; the generated types sit in its namespace and cannot name it: move it to namespace level or into a non-generic type, and make it public or internal",
        DiagnosticSeverity.Error,
        "The generated types are declared at namespace level and must be able to name the enum; a private, protected or file-local enum, or one nested in a generic type, cannot be named there. Make the enum (and its containing types) public or internal, non-generic and not file-local.");

    /// <summary>CB013: every count is 0.</summary>
    public static readonly DiagnosticDescriptor AllCountsZero = Create(
        DiagnosticIds.AllCountsZero, "Every count is 0",
        "Every class of '{0}' has count 0; at least one class needs samples",
        DiagnosticSeverity.Error,
        "With ZeroCounts = ZeroCountPolicy.ZeroWeight empty classes weigh 0, but when every class is empty there is nothing to normalise and every weight would be undefined. Give at least one class its training-sample count.");

    /// <summary>CB014: <c>Name</c> is not a valid C# identifier.</summary>
    public static readonly DiagnosticDescriptor InvalidName = Create(
        DiagnosticIds.InvalidName, "Name must be a C# identifier",
        "Name = \"{0}\" is not a valid C# identifier; the generated types are named {{Name}}Weights and {{Name}}Loss",
        DiagnosticSeverity.Error,
        "Name becomes the prefix of the generated type names ({Name}Weights, {Name}Loss), so it must be a C# identifier. Use letters, digits and underscores, not starting with a digit.");

    /// <summary>CB015: an option holds a value its enum does not define.</summary>
    public static readonly DiagnosticDescriptor UnknownOption = Create(
        DiagnosticIds.UnknownOption, "Unknown option value",
        "{0} = {1} is not a defined {2} value; use one of: {3}",
        DiagnosticSeverity.Error,
        "An option cast from a number that its enum does not define (e.g. (CbLoss)7) has no meaning for the generator. Use one of the named values.");

    // The help link is relative to the repository (docs/diagnostics.md#cb0xx) because the project names no public
    // home: Directory.Build.props has no RepositoryUrl or PackageProjectUrl yet, and no URL is invented here. When
    // it has one, make this PackageProjectUrl + "/blob/main/docs/diagnostics.md#" + id (DiagnosticTests' catalog
    // test then requires it, reading Directory.Build.props).
    private static DiagnosticDescriptor Create(string id, string title, string message, DiagnosticSeverity severity, string description) =>
        new DiagnosticDescriptor(id, title, message, Category, severity, isEnabledByDefault: true, description: description,
            helpLinkUri: "docs/diagnostics.md#" + id.ToLower(System.Globalization.CultureInfo.InvariantCulture));
}
