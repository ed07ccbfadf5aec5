using System.Collections.Generic;
using System.Globalization;

namespace CbGen.Generators
{
    /// <summary>The long description (why the rule exists, how to fix it) and the help link of every CbGen diagnostic;
    /// IDEs and SARIF logs show both. The links are repository-relative (<c>docs/diagnostics.md#cbNNN</c>, one stable
    /// anchor per ID) while the project has no public home.</summary>
    internal static class DiagnosticHelp
    {
        private static readonly Dictionary<string, string> Descriptions = new Dictionary<string, string>
        {
            ["CB001"] = "Class-balanced weights come from the number of training samples of each class; a member without [Samples(n)] has no count, so no weight can be computed. Add [Samples(n)] with the class's training-sample count.",
            ["CB002"] = "The effective number of samples (1 - β^n) / (1 - β) is defined for n ≥ 1; a negative count is always a mistake and a count of 0 would divide by zero. Fix the count, or opt in with ZeroCounts = ZeroCountPolicy.ZeroWeight to give empty classes weight 0.",
            ["CB003"] = "β is the overlap parameter of the effective number: 0 gives uniform weights, values towards 1 approach inverse-frequency weights, and values outside [0, 1] give meaningless or negative weights. Use a value in [0, 1]; the paper searches 0.9, 0.99, 0.999 and 0.9999.",
            ["CB004"] = "The focal loss's γ down-weights easy examples by (1 - p)^γ; a negative, NaN or infinite γ would up-weight them or make the loss undefined. Use a finite γ ≥ 0 (the paper uses 0.5, 1 or 2).",
            ["CB005"] = "γ only enters the focal loss; on a softmax or sigmoid config it is silently ignored, which usually means the config is not what was intended. Remove Gamma, or set Loss = CbLoss.Focal.",
            ["CB006"] = "The generated tables are indexed by the enum value, which is the logits column of the class, so the values must be exactly 0..C-1 without gaps or duplicates. Renumber the members 0, 1, 2, … in declaration order.",
            ["CB007"] = "A [Flags] enum combines values as bits, while a label enum names exactly one class per value; the class-index rule cannot hold. Remove [Flags] (use a multi-label target with the sigmoid loss instead).",
            ["CB008"] = "Re-weighting needs at least two classes to balance. Add the missing classes, or remove [ClassBalanced].",
            ["CB009"] = "[Samples] only has an effect on an enum with [ClassBalanced] (or [ClassBalancedSweep]); without one nothing is generated, which usually means the attribute was forgotten. Add [ClassBalanced], or remove the counts.",
            ["CB010"] = "Two things the generator would write, or a generated type and a type or namespace of yours, would have the same name in one namespace; emitting both would make the compiler reject the declarations and hide every other diagnostic. Nothing that clashes is generated. Give the config or sweep a distinct Name = \"…\", or rename your declaration.",
            ["CB011"] = "When every class has many more samples than 1 / (1 - β), the effective numbers saturate and the weights become nearly uniform, so the loss is effectively unweighted although the counts are imbalanced. Use a β closer to 1, about (N - 1) / N with N the largest count; β = 0 (the deliberate baseline) is exempt.",
            ["CB012"] = "The generated types are declared at namespace level and must be able to name the enum; a private, protected or file-local enum, or one nested in a generic type, cannot be named there. Make the enum (and its containing types) public or internal, non-generic and not file-local.",
            ["CB013"] = "With ZeroCounts = ZeroCountPolicy.ZeroWeight empty classes weigh 0, but when every class is empty there is nothing to normalise and every weight would be undefined. Give at least one class its training-sample count.",
            ["CB014"] = "Name becomes the prefix of the generated type names ({Name}Weights, {Name}Loss), so it must be a C# identifier. Use letters, digits and underscores, not starting with a digit.",
            ["CB015"] = "An option cast from a number that its enum does not define (e.g. (CbLoss)7) has no meaning for the generator. Use one of the named values.",
            ["CB016"] = "A [ClassBalancedDataset] class reads its classes and counts from a file passed to the compiler as <AdditionalFiles>; when no file (or more than one) matches the name, there is nothing unambiguous to read. Add the file as <AdditionalFiles Include=\"…\" />, or name it by more of its path.",
            ["CB017"] = "Each row of a counts file is a class name and its training-sample count separated by a comma (or a tab); a row with another shape cannot be read. Fix the row, and quote a name that contains the separator.",
            ["CB018"] = "A class name that appears twice would give two classes with the same name and make the counts ambiguous. Merge or rename the rows.",
            ["CB019"] = "A count is a number of training samples: a whole number ≥ 0 written with ASCII digits that fits in a long. The message says whether the value is not a whole number, negative or too large. Fix the count.",
            ["CB020"] = "A counts file without class rows (only comments, blank lines or a header) defines no classes. Add one row per class.",
            ["CB021"] = "Each class name becomes an enum member; two names that map to the same identifier would give two members of the same name. Rename one of the classes.",
            ["CB022"] = "The generator adds a nested Label enum and members (ClassCount, Names, NameOf, TryGetLabel) to a [ClassBalancedDataset] class; it must be a partial, non-generic, non-record class at namespace level that can receive them without a name clash. Make the class partial and top-level, and rename what clashes.",
            ["CB023"] = "A sweep is the grid of β × loss × γ; an empty axis gives no points. Omit the property for the paper's default values, or list at least one value.",
            ["CB024"] = "Each grid point is named after its values, so a repeated value would give two points of the same name. Remove the duplicate.",
            ["CB025"] = "DeferUntilEpoch is the first 0-based epoch that uses the class-balanced weights (deferred re-weighting); a negative epoch has no meaning. Use 0 for always weighted, or the epoch to switch at.",
            ["CB026"] = ".NET metadata limits a name to 1,023 UTF-8 bytes (a type's name includes its namespace); a longer generated name would make the compiler fail at emit. Shorten the member, class or config name.",
            ["CB027"] = "The logit-adjusted loss adds τ·log π_c to the logits; a negative τ would favour the head classes instead of the tail, and NaN or ∞ makes every loss undefined. Use a finite τ ≥ 0: 1 (the default) is the paper's choice and the balanced softmax, 0 is plain cross-entropy.",
            ["CB028"] = "LDAM lowers the true class's logit by a margin proportional to n^(-1/4), the rarest class's being MaxMargin; a margin ≤ 0 removes or inverts the effect and NaN or ∞ makes the loss undefined. Use a finite MaxMargin > 0 (the paper's 0.5 is the default).",
            ["CB029"] = "LDAM multiplies the margin-shifted logits by the scale s before the softmax; s ≤ 0 flips or erases the logits and NaN or ∞ makes the loss undefined. Use a finite Scale > 0 (the official code's 30 is the default).",
            ["CB030"] = "Each option belongs to some losses: Tau to CbLoss.LogitAdjusted, MaxMargin and Scale to CbLoss.Ldam, Beta to the class-balanced losses and LDAM-DRW (CbLoss.Ldam with DeferUntilEpoch), DeferUntilEpoch to every loss but LogitAdjusted, a sweep's Taus to its LogitAdjusted points. Elsewhere it is ignored, which usually means the config is not what was intended. Remove the option, or change the loss.",
            ["CB031"] = "The logit-adjusted loss shifts by log π_c and LDAM's margin is n_c^(-1/4): both are infinite for a class without samples, even with ZeroCounts = ZeroCountPolicy.ZeroWeight, so no finite table or loss exists. Give the class a pseudo-count of 1 if it can occur at test time, or remove it from the label set.",
            ["CB032"] = "The logit-adjusted loss shifts the logits by τ·log π_c with π_c = n_c / Σn, and LDAM's runtime loss checks its counts the same way: both sum the counts exactly as an Int64 (ClassPriors), so the counts must total at most Int64.MaxValue. The class-balanced losses do not need the total and generate without the Priors and LogPriors tables. Divide every count by the same factor: the priors and LDAM's margins depend only on the ratios.",
            ["CB900"] = "The generator hit an unexpected exception; it reports this instead of failing the build, and generates nothing for that enum. This is a bug in CbGen: please report it with the code that triggers it.",
        };

        /// <summary>The description of <paramref name="id"/>.</summary>
        public static string DescriptionOf(string id) => Descriptions[id];

        /// <summary>The help link of <paramref name="id"/>: its anchor in <c>docs/diagnostics.md</c>.</summary>
        public static string LinkOf(string id) => "docs/diagnostics.md#" + id.ToLower(CultureInfo.InvariantCulture);
    }
}
