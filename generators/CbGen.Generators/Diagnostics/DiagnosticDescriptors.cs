using Microsoft.CodeAnalysis;

namespace CbGen.Generators
{
    /// <summary>Every diagnostic CbGen reports, in one place. docs/diagnostics.md shows a bad and a fixed example of each
    /// (the help link of each descriptor points at its section).</summary>
    public static class DiagnosticDescriptors
    {
        private const string Category = "CbGen";

        /// <summary>CB001: a member of a class-balanced enum has no <c>[Samples]</c>.</summary>
        public static readonly DiagnosticDescriptor MissingSamples = Create(
            "CB001", "Class without a sample count",
            "Member '{0}' of the class-balanced enum '{1}' has no [Samples(n)]; give every class its number of training samples",
            DiagnosticSeverity.Error);

        /// <summary>The fix for an empty class that works for every loss (CB031, and CB002 under a long-tail loss).</summary>
        internal const string PseudoCountFix = "give the class a pseudo-count (e.g. 1) or remove it";

        /// <summary>CB002: a sample count is negative, or 0 without <c>ZeroCounts = ZeroCountPolicy.ZeroWeight</c>. The
        /// last argument is the fix that works for the configs involved (<c>Parser.ZeroCountFix</c>).</summary>
        public static readonly DiagnosticDescriptor NonPositiveCount = Create(
            "CB002", "Sample count must be positive",
            "Member '{0}' has the sample count {1}; counts must be ≥ 1 ({2})",
            DiagnosticSeverity.Error);

        /// <summary>CB003: β is NaN or outside [0, 1].</summary>
        public static readonly DiagnosticDescriptor BetaOutOfRange = Create(
            "CB003", "β must be in [0, 1]",
            "Beta is {0}; β must be in [0, 1] (the paper uses 0.9, 0.99, 0.999 or 0.9999)",
            DiagnosticSeverity.Error);

        /// <summary>CB004: γ is negative or NaN.</summary>
        public static readonly DiagnosticDescriptor GammaOutOfRange = Create(
            "CB004", "γ must be ≥ 0",
            "Gamma is {0}; the focal loss's γ must be a finite number ≥ 0 (the paper uses 0.5, 1.0 or 2.0)",
            DiagnosticSeverity.Error);

        /// <summary>CB005: γ is set on a softmax or sigmoid config, where it has no effect.</summary>
        public static readonly DiagnosticDescriptor GammaIgnored = Create(
            "CB005", "γ has no effect on this loss",
            "Gamma is set but the loss is {0}; γ only applies to CbLoss.Focal, remove it or use Loss = CbLoss.Focal",
            DiagnosticSeverity.Warning);

        /// <summary>CB006: the member values are not exactly 0..C-1.</summary>
        public static readonly DiagnosticDescriptor ValuesNotClassIndices = Create(
            "CB006", "Member values must be the class indices 0..C-1",
            "Member '{0}' has the value {1}, {2}; the values of a class-balanced enum must be exactly 0..{3}, each once (they are the logits columns)",
            DiagnosticSeverity.Error);

        /// <summary>CB007: a class-balanced enum is a <c>[Flags]</c> enum.</summary>
        public static readonly DiagnosticDescriptor FlagsEnum = Create(
            "CB007", "A class-balanced enum cannot be [Flags]",
            "'{0}' is a [Flags] enum; class labels are indices 0..C-1, not bit flags: remove [Flags]",
            DiagnosticSeverity.Error);

        /// <summary>CB008: fewer than two classes.</summary>
        public static readonly DiagnosticDescriptor TooFewClasses = Create(
            "CB008", "A classifier needs at least 2 classes",
            "'{0}' has {1} member(s); a class-balanced enum needs at least 2 classes",
            DiagnosticSeverity.Error);

        /// <summary>CB009: <c>[Samples]</c> on an enum without <c>[ClassBalanced]</c>.</summary>
        public static readonly DiagnosticDescriptor SamplesWithoutConfig = Create(
            "CB009", "[Samples] without [ClassBalanced]",
            "Member '{0}' has [Samples] but the enum '{1}' has no [ClassBalanced]; nothing is generated until you add one",
            DiagnosticSeverity.Warning);

        /// <summary>CB010: two configs (or two enums) would generate types with the same name, or a type of the user's
        /// already has the name.</summary>
        public static readonly DiagnosticDescriptor DuplicateName = Create(
            "CB010", "A generated type name is already taken",
            "The generated type '{0}' in {1} is already taken by {2}; give this config or sweep a distinct Name = \"…\" (or rename the other declaration)",
            DiagnosticSeverity.Error);

        /// <summary>CB011: with this β the weights are almost uniform although the counts are very different.</summary>
        public static readonly DiagnosticDescriptor WeightsCollapse = Create(
            "CB011", "β is too small for these counts: the weights are nearly uniform",
            "With Beta = {0} the largest weight is only {1}× the smallest although the counts differ {2}×; β = (N-1)/N ≈ {3} with N = {4} (the largest count) re-weights by the effective number",
            DiagnosticSeverity.Warning);

        /// <summary>CB012: the generated code cannot reach the enum.</summary>
        public static readonly DiagnosticDescriptor UnreachableEnum = Create(
            "CB012", "The generated code cannot reach this enum",
            "'{0}' is {1}; the generated types sit in its namespace and cannot name it: move it to namespace level or into a non-generic type, and make it public or internal",
            DiagnosticSeverity.Error);

        /// <summary>CB013: every count is 0.</summary>
        public static readonly DiagnosticDescriptor AllCountsZero = Create(
            "CB013", "Every count is 0",
            "Every class of '{0}' has count 0; at least one class needs samples",
            DiagnosticSeverity.Error);

        /// <summary>CB014: <c>Name</c> is not a valid C# identifier.</summary>
        public static readonly DiagnosticDescriptor InvalidName = Create(
            "CB014", "Name must be a C# identifier",
            "Name = \"{0}\" is not a valid C# identifier; the generated types are named {{Name}}Weights and {{Name}}Loss",
            DiagnosticSeverity.Error);

        /// <summary>CB015: an option holds a value its enum does not define.</summary>
        public static readonly DiagnosticDescriptor UnknownOption = Create(
            "CB015", "Unknown option value",
            "{0} = {1} is not a defined {2} value; use one of: {3}",
            DiagnosticSeverity.Error);

        /// <summary>CB026: a generated name would exceed the metadata name limit (1,023 UTF-8 bytes).</summary>
        public static readonly DiagnosticDescriptor NameTooLong = Create(
            "CB026", "A generated name is too long for metadata",
            "The generated name '{0}' would be {1} UTF-8 bytes long, more than the 1,023 that .NET metadata allows; shorten '{2}'",
            DiagnosticSeverity.Error);

        /// <summary>CB027: τ of a logit-adjusted config is negative, NaN or infinite.</summary>
        public static readonly DiagnosticDescriptor TauOutOfRange = Create(
            "CB027", "τ must be a finite number ≥ 0",
            "Tau is {0}; the logit adjustment's τ must be a finite number ≥ 0 (1 is the balanced softmax and the paper's choice, 0 plain cross-entropy)",
            DiagnosticSeverity.Error);

        /// <summary>CB028: LDAM's largest margin is ≤ 0, NaN or infinite.</summary>
        public static readonly DiagnosticDescriptor MaxMarginOutOfRange = Create(
            "CB028", "MaxMargin must be a finite number > 0",
            "MaxMargin is {0}; LDAM's largest margin m_max must be a finite number > 0 (the paper uses 0.5)",
            DiagnosticSeverity.Error);

        /// <summary>CB029: LDAM's logit scale is ≤ 0, NaN or infinite.</summary>
        public static readonly DiagnosticDescriptor ScaleOutOfRange = Create(
            "CB029", "Scale must be a finite number > 0",
            "Scale is {0}; LDAM's logit scale s must be a finite number > 0 (the official code uses 30)",
            DiagnosticSeverity.Error);

        /// <summary>CB030: an option is set on a loss it does not apply to (Tau, MaxMargin, Scale, Beta, DeferUntilEpoch, Taus).</summary>
        public static readonly DiagnosticDescriptor OptionNotApplicable = Create(
            "CB030", "Option has no effect on this loss",
            "{0} is set but the loss is {1}; {0} only applies to {2}: remove it, or change the loss",
            DiagnosticSeverity.Warning);

        /// <summary>CB031: a class of count 0 under a logit-adjusted or LDAM config.</summary>
        public static readonly DiagnosticDescriptor ZeroCountLongTail = Create(
            "CB031", "A long-tail loss needs every class to have samples",
            "Class '{0}' has 0 training samples, but {1} needs {2} of every class, which is infinite for a count of 0; " + PseudoCountFix,
            DiagnosticSeverity.Error);

        /// <summary>CB032: the counts sum past <see cref="long.MaxValue"/> under a logit-adjusted or LDAM config (or sweep point), whose
        /// runtime loss checks the counts by their exact Int64 total (the priors π_c = n_c / Σn need it).</summary>
        public static readonly DiagnosticDescriptor CountTotalTooLarge = Create(
            "CB032", "The counts sum past Int64.MaxValue",
            "The counts of '{0}' sum past 9,223,372,036,854,775,807 (Int64.MaxValue), the most {1} can take (the loss sums them exactly as an Int64, for the class priors π_c = n_c / Σn); divide every count by the same factor so that they sum to at most Int64.MaxValue",
            DiagnosticSeverity.Error);

        /// <summary>CB900: the generator failed unexpectedly (a bug: please report it).</summary>
        public static readonly DiagnosticDescriptor GeneratorFailure = Create(
            "CB900", "CbGen failed unexpectedly",
            "CbGen could not generate code for '{0}': {1}. This is a bug in CbGen; please report it with the enum",
            DiagnosticSeverity.Error);

        private static DiagnosticDescriptor Create(string id, string title, string message, DiagnosticSeverity severity) =>
            new DiagnosticDescriptor(id, title, message, Category, severity, isEnabledByDefault: true,
                description: DiagnosticHelp.DescriptionOf(id), helpLinkUri: DiagnosticHelp.LinkOf(id));
    }
}
