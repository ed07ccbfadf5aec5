using System;
using CbGen.Generators.Helpers;
using CbGen.Generators.Model;

namespace CbGen.Generators.Emitting;

/// <summary>The parts of <c>{Name}Weights</c> for multi-label counts (a config with N, the number of samples): N, the
/// negatives N − n_c and the priors n_c / N, computed with the runtime's <c>MultiLabelCounts</c> (linked in).</summary>
internal static partial class Emitter
{
    /// <summary>The constant that holds N.</summary>
    internal const string SampleCountName = "SampleCount";

    private static bool IsMultiLabel(ConfigSpec config) => config.MultiLabel && config.SampleCount > 0;

    /// <summary>The <c>Priors</c> and <c>LogPriors</c> of a config: for multi-label counts the class prior is
    /// p_c = n_c / N (the samples that carry the class), for single-label counts π_c = n_c / Σn.</summary>
    private static PriorTables PriorsOf(ConfigSpec config, long[] counts)
    {
        const string Use = ": the per-class shift of the logit-adjusted loss and of post-hoc logit adjustment (<c>AdjustLogits</c>, with TorchSharp).";
        if (!IsMultiLabel(config))
        {
            return new PriorTables(ClassPriors.Priors(counts), ClassPriors.LogPriors(counts), "ClassPriors.Priors(Counts)", "ClassPriors.LogPriors(Counts)",
                "Class priors π_c = n_c / Σn per class, equal to <c>ClassPriors.Priors(Counts)</c>",
                "Log-priors log π_c per class, equal to <c>ClassPriors.LogPriors(Counts)</c>" + Use);
        }

        string priorsCall = "MultiLabelCounts.Priors(Counts, " + SampleCountName + ")";
        string logPriorsCall = "MultiLabelCounts.LogPriors(Counts, " + SampleCountName + ")";
        return new PriorTables(MultiLabelCounts.Priors(counts, config.SampleCount), MultiLabelCounts.LogPriors(counts, config.SampleCount), priorsCall, logPriorsCall,
            "Multi-label class priors p_c = n_c / N per class (the fraction of the N samples that carry the class, not n_c / Σn; they need not sum to 1), equal to <c>" + priorsCall + "</c>",
            "Multi-label log-priors log p_c = log(n_c / N) per class, equal to <c>" + logPriorsCall + "</c>. Per-class sigmoids are adjusted by the prior logits (<c>PriorLogits</c>), not by these.");
    }

    /// <summary>A config's priors and log-priors, the runtime calls that compute them and their summaries.</summary>
    private sealed record PriorTables(double[] Priors, double[] LogPriors, string PriorsCall, string LogPriorsCall, string PriorsSummary, string LogPriorsSummary);

    private static void WriteMultiLabelHeader(SourceWriter w, ConfigSpec config)
    {
        if (IsMultiLabel(config))
        {
            w.WriteLine("//   multi-label: the counts are positives out of " + Literals.Text(config.SampleCount) + " samples");
        }
    }

    private static void WriteMultiLabelConstant(SourceWriter w, ConfigSpec config)
    {
        if (!IsMultiLabel(config))
        {
            return;
        }

        w.WriteLine();
        w.WriteLine("/// <summary>Multi-label counts: the number of training samples N, of which each class's count carry the class.</summary>");
        w.WriteLine("public const long " + SampleCountName + " = " + Literals.Long(config.SampleCount) + ";");
    }

    private static void WriteMultiLabelTables(SourceWriter w, EnumSpec spec, ConfigSpec config, CompilationFeatures features, long[] counts)
    {
        if (!IsMultiLabel(config))
        {
            return;
        }

        long[] negatives = MultiLabelCounts.Negatives(counts, config.SampleCount);
        double[] priors = MultiLabelCounts.Priors(counts, config.SampleCount);
        WriteTable(w, features, "long", "NegativeCounts", "s_negativeCounts",
            "Multi-label negatives N − n_c per class (the samples without the class), equal to <c>MultiLabelCounts.Negatives(Counts, " + SampleCountName + ")</c>.",
            negatives.Length, i => Literals.Long(negatives[i]));
        const string PriorsSummary = "Multi-label class priors p_c = n_c / N per class (the fraction of samples that carry the class; they need not sum to 1), the values of <c>Priors</c>";
        if (IsCompact(spec))
        {
            WriteComputedTable(w, "MultiLabelPriors", "s_multiLabelPriors",
                PriorsSummary + ", equal to <c>MultiLabelCounts.Priors(Counts, " + SampleCountName + ")</c>.",
                "global::CbGen.MultiLabelCounts.Priors(Counts, " + SampleCountName + ")");
        }
        else
        {
            WriteTable(w, features, "double", "MultiLabelPriors", "s_multiLabelPriors", PriorsSummary + ".", priors.Length,
                i => Literals.Double(priors[i]));
        }

        WritePriorLogits(w, spec, config, features, counts);
    }

    /// <summary>Whether a multi-label config has finite prior logits: no class on none or on all of the N samples.</summary>
    private static bool HasPriorLogits(ConfigSpec config, long[] counts) =>
        Array.TrueForAll(counts, n => n > 0 && n < config.SampleCount);

    /// <summary>The prior logits log(p_c / (1 − p_c)), the shift of a multi-label <c>AdjustLogits</c>; a comment
    /// instead when a class is on every sample (a class on none gets <see cref="NoPriorsReason"/>'s).</summary>
    private static void WritePriorLogits(SourceWriter w, EnumSpec spec, ConfigSpec config, CompilationFeatures features, long[] counts)
    {
        if (!Array.TrueForAll(counts, n => n > 0))
        {
            return;
        }

        if (!HasPriorLogits(config, counts))
        {
            w.WriteLine();
            w.WriteLine("// No PriorLogits or AdjustLogits: a class on all " + Literals.Text(config.SampleCount)
                + " samples has prior 1 and prior logit +∞, which is not a usable logit shift.");
            return;
        }

        const string Summary = "Multi-label prior logits log(p_c / (1 − p_c)) = log n_c − log(N − n_c) per class, equal to <c>MultiLabelCounts.PriorLogits(Counts, " + SampleCountName + ")</c>: the logit at which class c's sigmoid equals its prior, and the per-class shift of post-hoc logit adjustment (<c>AdjustLogits</c>, with TorchSharp)";
        if (IsCompact(spec))
        {
            RequireFinite(MultiLabelCounts.PriorLogits(counts, config.SampleCount), "A prior logit");
            WriteComputedTable(w, "PriorLogits", "s_priorLogits", Summary + ".",
                "global::CbGen.MultiLabelCounts.PriorLogits(Counts, " + SampleCountName + ")");
            return;
        }

        double[] priorLogits = MultiLabelCounts.PriorLogits(counts, config.SampleCount);
        WriteTable(w, features, "double", "PriorLogits", "s_priorLogits", Summary + ".", priorLogits.Length,
            i => Literals.Double(Literals.RequireFinite(priorLogits[i], "A prior logit")));
    }
}
